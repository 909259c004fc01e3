#include "windowedgaussian.h"

#include "common/throttledprogress.h"
#include "detect/finite.h"
#include "detect/robustscale.h"
#include "detect/slidingmoments.h"

#include <QCoreApplication>
#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

namespace tideline {

namespace {

// A window's deviation is trusted from this many rows on (or the whole window, if shorter):
// two or three rows can agree by chance to a tiny deviation that makes the next ordinary row
// look impossible. Before that, rows are compared with the training mean and deviation.
constexpr Eigen::Index kMinimumWindow = 10;
// Whole numbers up to here are exact in a double: beyond, a column is no count.
constexpr double kLargestWholeCount = 9007199254740992.0; // 2^53
// A window that saw none of a feature (or hardly any) knows its rate to within half a count.
constexpr double kSmallestCountMean = 0.5;

} // namespace

std::vector<ParameterSpec> WindowedGaussian::parameterSpecs()
{
    const Parameters defaults;
    ParameterSpec window;
    window.name = QStringLiteral("window");
    window.description = QCoreApplication::translate(
        "tideline", "Number of preceding rows whose mean and deviation a row is compared with");
    window.type = ParameterSpec::Type::Int;
    window.defaultValue = defaults.window;
    window.minimum = 2;
    window.maximum = 1000000;
    return {window};
}

WindowedGaussian::WindowedGaussian(const ParameterValues &values, quint64)
{
    m_parameters.window = values.value(QStringLiteral("window"), m_parameters.window).toInt();
}

WindowedGaussian::WindowedGaussian(const Parameters &parameters)
    : m_parameters(parameters)
{}

std::unique_ptr<Detector> WindowedGaussian::makeCounting(const ParameterValues &values,
                                                         quint64 seed)
{
    auto detector = std::make_unique<WindowedGaussian>(values, seed);
    detector->m_parameters.counts = true;
    return detector;
}

FitStatus WindowedGaussian::fit(const Eigen::Ref<const Eigen::MatrixXd> &train,
                                const ProgressCallback &progress)
{
    const FitStatus check =
        checkTrainingMatrix(train, m_parameters.counts ? QStringLiteral("windowed_counts")
                                                       : QStringLiteral("windowed_gaussian"));
    if (!check.ok())
        return check;
    ThrottledProgress reporter(progress, train.cols());
    m_mean.resize(train.cols());
    m_deviation.resize(train.cols());
    m_floor.resize(train.cols());
    m_count.assign(std::size_t(train.cols()), false);
    std::vector<double> values(std::size_t(train.rows()));
    for (Eigen::Index c = 0; c < train.cols(); ++c) {
        if (!reporter.update(c))
            return FitStatus::cancelled();
        Moments moments;
        for (Eigen::Index r = 0; r < train.rows(); ++r) {
            values[std::size_t(r)] = sanitized(train(r, c));
            moments = moments + Moments::of(values[std::size_t(r)]);
        }
        const double deviation = std::sqrt(moments.variance());
        m_mean[c] = moments.mean;
        m_count[std::size_t(c)] =
            m_parameters.counts && std::all_of(values.begin(), values.end(), [](double x) {
                return x >= 0.0 && x <= kLargestWholeCount && x == std::floor(x);
            });
        // A window of identical values must not make the next small change rare: a feature
        // that moves in steps (a count of packets) is known only to within its step.
        m_floor[c] = std::max({RobustScale::of(values).resolution, 1e-3 * deviation,
                               1e-9 * std::max(1.0, std::fabs(moments.mean))});
        m_deviation[c] = std::max(deviation, m_floor[c]);
    }
    return reporter.force(train.cols()) ? FitStatus{} : FitStatus::cancelled();
}

Eigen::VectorXd WindowedGaussian::score(const Eigen::Ref<const Eigen::MatrixXd> &rows) const
{
    return scoreWithProgress(rows, {});
}

Eigen::VectorXd WindowedGaussian::scoreWithProgress(const Eigen::Ref<const Eigen::MatrixXd> &rows,
                                                    const ProgressCallback &progress) const
{
    const Eigen::Index columns = std::min(rows.cols(), m_mean.size());
    const Eigen::Index count = rows.rows();
    Eigen::VectorXd scores = Eigen::VectorXd::Zero(count);
    ThrottledProgress reporter(progress, count);
    if (!reporter.force(0))
        return {};
    Stream stream(*this);
    std::vector<double> row(static_cast<std::size_t>(columns));
    constexpr Eigen::Index kBlock = 4096;
    for (Eigen::Index r = 0; r < count; ++r) {
        if (r % kBlock == 0 && !reporter.update(r))
            return {};
        for (Eigen::Index c = 0; c < columns; ++c)
            row[std::size_t(c)] = rows(r, c);
        scores[r] = stream.next(row, 0);
    }
    if (!reporter.force(count))
        return {};
    return scores;
}

std::unique_ptr<RowStream> WindowedGaussian::stream() const
{
    return std::make_unique<Stream>(*this);
}

WindowedGaussian::Stream::Stream(const WindowedGaussian &detector)
    : m_detector(detector)
    , m_window(std::make_unique<SlidingMoments>(detector.m_mean.size(),
                                                std::max(2, detector.m_parameters.window)))
    , m_row(std::size_t(detector.m_mean.size()))
{}

WindowedGaussian::Stream::~Stream() = default;

double WindowedGaussian::Stream::next(std::span<const double> row, TimeNs)
{
    const WindowedGaussian &d = m_detector;
    const Eigen::Index columns = std::min(Eigen::Index(row.size()), d.m_mean.size());
    const Eigen::Index minimumWindow = std::min<Eigen::Index>(kMinimumWindow, m_window->capacity());
    const bool windowed = m_window->size() >= minimumWindow;
    double worstZ = 0.0;
    double worstCount = 0.0;
    for (Eigen::Index c = 0; c < columns; ++c) {
        const double x = sanitized(row[std::size_t(c)]);
        m_row[std::size_t(c)] = x;
        const Moments moments = windowed ? m_window->total(c) : Moments{};
        if (d.m_count[std::size_t(c)]) {
            const double variance =
                windowed ? moments.variance() : d.m_deviation[c] * d.m_deviation[c];
            worstCount = std::max(worstCount,
                                  countScore(x, windowed ? moments.mean : d.m_mean[c], variance));
            continue;
        }
        const double mean = windowed ? moments.mean : d.m_mean[c];
        const double deviation =
            windowed ? std::max(d.m_floor[c], std::sqrt(moments.variance())) : d.m_deviation[c];
        worstZ = std::max(worstZ, std::fabs(x - mean) / deviation);
    }
    const double gauge = d.m_parameters.counts ? studentScore(worstZ) : tailScore(worstZ);
    const double score = finiteScore(std::max(gauge, worstCount));
    if (!d.m_parameters.counts) {
        m_window->push(m_row.data());
        return score;
    }
    // A run of surely anomalous rows enters the window when it ends (a burst that comes
    // back is then known) or when it has lasted half a window (a new level); rows scored with
    // the training moments fill the window whatever they score.
    const bool ordinary = !windowed || score <= kSurelyAnomalous;
    if (!ordinary)
        m_held.insert(m_held.end(), m_row.begin(), m_row.end());
    const std::size_t width = m_row.size();
    const std::size_t held = width > 0 ? m_held.size() / width : 0;
    if (ordinary || held >= std::size_t(std::max<Eigen::Index>(1, m_window->capacity() / 2))) {
        for (std::size_t r = 0; r < held; ++r)
            m_window->push(m_held.data() + r * width);
        m_held.clear();
    }
    if (ordinary)
        m_window->push(m_row.data());
    return score;
}

double WindowedGaussian::countScore(double x, double mean, double variance)
{
    x = std::max(0.0, x);
    mean = std::max(mean, kSmallestCountMean);
    if (!(std::isfinite(x) && std::isfinite(mean) && std::isfinite(variance)))
        return 0.0;
    // ln of the bound; x·ln(…) → 0 as x → 0.
    double exponent = 0.0;
    const double r = variance > mean ? mean * mean / (variance - mean) : 0.0;
    if (r > 0.0 && r < 1e12 * std::max(x, mean)) {
        const double p = mean / variance;
        const double lnQ = std::log1p(-p);
        if (x > 0.0)
            exponent += x * (lnQ + std::log(x + r) - std::log(x));
        exponent += r * (std::log(p) + std::log1p(x / r));
    } else {
        // Poisson: the negative binomial's limit as the variance falls to the mean.
        if (x > 0.0)
            exponent += x * std::log(mean / x);
        exponent += x - mean;
    }
    const double lnTail = std::min(0.0, std::numbers::ln2 + exponent);
    return -lnTail / std::numbers::ln10;
}

double WindowedGaussian::studentScore(double t)
{
    // Student's t with 3 degrees of freedom: P(|T| >= t) = (2/pi)(atan(1/u) - u/(1 + u^2)),
    // u = t / sqrt(3); for large u the difference cancels, and the tail is its series
    // 4/(3 pi u^3)(1 - 6/(5 u^2)), in logarithms so that no u overflows it.
    const double u = std::fabs(t) / std::sqrt(3.0);
    if (!(u > 0.0))
        return 0.0;
    if (u < 30.0)
        return -std::log10(2.0 / std::numbers::pi * (std::atan(1.0 / u) - u / (1.0 + u * u)));
    if (!(u < std::numeric_limits<double>::infinity()))
        return kMaxScore;
    return 3.0 * std::log10(u) + std::log10(0.75 * std::numbers::pi) -
           std::log1p(-1.2 / (u * u)) / std::numbers::ln10;
}

double WindowedGaussian::tailScore(double z)
{
    const double t = std::fabs(z) / std::numbers::sqrt2;
    if (!(t < 1e150)) // t² would overflow; the score is beyond kMaxScore anyway
        return kMaxScore;
    if (t < 26.0)
        return -std::log10(std::erfc(t));
    // erfc(t) underflows beyond here: use its asymptotic series,
    // erfc(t) ≈ exp(-t²) / (t√π) · (1 - 1/(2t²) + 3/(4t⁴)).
    const double u = 1.0 / (t * t);
    const double lnTail =
        -t * t - std::log(t * std::sqrt(std::numbers::pi)) + std::log1p(-0.5 * u + 0.75 * u * u);
    return -lnTail / std::numbers::ln10;
}

} // namespace tideline
