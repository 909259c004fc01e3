#include "windowedgaussian.h"

#include "common/throttledprogress.h"
#include "detect/finite.h"
#include "detect/robustscale.h"

#include <QCoreApplication>
#include <algorithm>
#include <cmath>
#include <numbers>

namespace tideline {

namespace {

// A window's deviation is trusted from this many rows on (or the whole window, if shorter):
// two or three rows can agree by chance to a tiny deviation that makes the next ordinary row
// look impossible. Before that, rows are compared with the training mean and deviation.
constexpr Eigen::Index kMinimumWindow = 10;

// Count, mean and sum of squared deviations of a set of values; two sets combine exactly
// (Chan, Golub & LeVeque 1979), so a window never subtracts a large value it once added.
struct Moments
{
    double count = 0.0;
    double mean = 0.0;
    double m2 = 0.0;

    static Moments of(double x) { return {1.0, x, 0.0}; }
    Moments operator+(const Moments &other) const
    {
        if (count == 0.0)
            return other;
        if (other.count == 0.0)
            return *this;
        const double n = count + other.count;
        const double delta = other.mean - mean;
        return {n, mean + delta * (other.count / n),
                m2 + other.m2 + delta * delta * (count * other.count / n)};
    }
};

} // namespace

// The last `capacity` rows' moments per feature, as a queue built from two stacks: O(1)
// amortised per row with only exact combinations.
class SlidingMoments
{
public:
    SlidingMoments(Eigen::Index features, Eigen::Index capacity)
        : m_features(features)
        , m_capacity(capacity)
        , m_backTotal(std::size_t(features))
    {}

    Eigen::Index size() const { return m_frontCount + m_backCount; }
    Eigen::Index capacity() const { return m_capacity; }

    void push(const double *row)
    {
        if (size() == m_capacity)
            pop();
        for (Eigen::Index c = 0; c < m_features; ++c) {
            m_back.push_back(row[c]);
            m_backTotal[std::size_t(c)] = m_backTotal[std::size_t(c)] + Moments::of(row[c]);
        }
        ++m_backCount;
    }

    Moments total(Eigen::Index feature) const
    {
        const Moments back = m_backTotal[std::size_t(feature)];
        if (m_frontCount == 0)
            return back;
        return m_front[std::size_t((m_frontCount - 1) * m_features + feature)] + back;
    }

private:
    void pop()
    {
        if (m_frontCount == 0)
            refill();
        --m_frontCount;
        m_front.resize(std::size_t(m_frontCount * m_features));
    }

    // Moves the back stack onto the front, newest at the bottom, each entry holding the
    // moments of itself and everything newer.
    void refill()
    {
        m_front.resize(std::size_t(m_backCount * m_features));
        std::vector<Moments> running(static_cast<std::size_t>(m_features));
        for (Eigen::Index i = m_backCount - 1, slot = 0; i >= 0; --i, ++slot) {
            for (Eigen::Index c = 0; c < m_features; ++c) {
                Moments &sum = running[std::size_t(c)];
                sum = Moments::of(m_back[std::size_t(i * m_features + c)]) + sum;
                m_front[std::size_t(slot * m_features + c)] = sum;
            }
        }
        m_frontCount = m_backCount;
        m_back.clear();
        m_backCount = 0;
        std::fill(m_backTotal.begin(), m_backTotal.end(), Moments{});
    }

    Eigen::Index m_features;
    Eigen::Index m_capacity;
    std::vector<Moments> m_front; // stack, top = oldest row
    Eigen::Index m_frontCount = 0;
    std::vector<double> m_back; // raw rows, oldest first
    Eigen::Index m_backCount = 0;
    std::vector<Moments> m_backTotal;
};

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

FitStatus WindowedGaussian::fit(const Eigen::Ref<const Eigen::MatrixXd> &train,
                                const ProgressCallback &progress)
{
    const FitStatus check = checkTrainingMatrix(train, QStringLiteral("windowed_gaussian"));
    if (!check.ok())
        return check;
    ThrottledProgress reporter(progress, train.cols());
    m_mean.resize(train.cols());
    m_deviation.resize(train.cols());
    m_floor.resize(train.cols());
    std::vector<double> values(std::size_t(train.rows()));
    for (Eigen::Index c = 0; c < train.cols(); ++c) {
        if (!reporter.update(c))
            return FitStatus::cancelled();
        Moments moments;
        for (Eigen::Index r = 0; r < train.rows(); ++r) {
            values[std::size_t(r)] = sanitized(train(r, c));
            moments = moments + Moments::of(values[std::size_t(r)]);
        }
        const double deviation = std::sqrt(moments.m2 / moments.count);
        m_mean[c] = moments.mean;
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
    double worst = 0.0;
    for (Eigen::Index c = 0; c < columns; ++c) {
        m_row[std::size_t(c)] = sanitized(row[std::size_t(c)]);
        double mean = d.m_mean[c];
        double deviation = d.m_deviation[c];
        if (m_window->size() >= minimumWindow) {
            const Moments moments = m_window->total(c);
            mean = moments.mean;
            deviation =
                std::max(d.m_floor[c], std::sqrt(std::max(0.0, moments.m2) / moments.count));
        }
        worst = std::max(worst, std::fabs(m_row[std::size_t(c)] - mean) / deviation);
    }
    m_window->push(m_row.data());
    return finiteScore(tailScore(worst));
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
