#include "contextual.h"

#include "common/throttledprogress.h"
#include "detect/contextoperator.h"
#include "detect/finite.h"

#include <QCoreApplication>
#include <algorithm>
#include <cmath>

namespace tideline {

namespace {

// Far above the digit facts of any level (at most 2 × 64).
constexpr quint32 kBelowFact = 1000;

// A value's facts, as CAD OSE encodes it: its level's binary digits, each position p giving
// fact 2p (digit 0) or 2p + 1 (digit 1), at least `digits` of them; a level beyond the training
// range has more digits, one below it the sign fact besides.
ContextOperator::Facts factsOf(qint64 level, int digits)
{
    ContextOperator::Facts facts;
    if (level < 0)
        facts.push_back(kBelowFact);
    quint64 rest = quint64(level < 0 ? -level : level);
    for (int p = 0; p < digits || rest > 0; ++p, rest >>= 1)
        facts.push_back(quint32(2 * p) + quint32(rest & 1));
    std::sort(facts.begin(), facts.end());
    return facts;
}

constexpr int kMaxOrder = 64;
// Levels beyond this many steps from the training range are all one level: far enough to be
// new, and no overflow for huge values.
constexpr double kMaxLevel = 1e9;

} // namespace

std::vector<ParameterSpec> Contextual::parameterSpecs()
{
    const Parameters defaults;
    const auto tr = [](const char *text) { return QCoreApplication::translate("tideline", text); };
    ParameterSpec levels{QStringLiteral("levels"),
                         tr("Levels the training range of each feature is cut into"),
                         ParameterSpec::Type::Int,
                         defaults.levels,
                         2,
                         1024,
                         {}};
    ParameterSpec order{QStringLiteral("order"),
                        tr("Most facts in the left side of a learnt context (CAD OSE: 7)"),
                        ParameterSpec::Type::Int,
                        defaults.order,
                        1,
                        kMaxOrder,
                        {}};
    ParameterSpec alarm{QStringLiteral("alarm"),
                        tr("Score from which the detector rests"),
                        ParameterSpec::Type::Double,
                        defaults.alarm,
                        0.0,
                        1.0,
                        {}};
    ParameterSpec rest{QStringLiteral("rest"),
                       tr("Rows scored 0 after an alarm (0: a fifth of the probation)"),
                       ParameterSpec::Type::Int,
                       defaults.rest,
                       0,
                       1000000,
                       {}};
    ParameterSpec probation{
        QStringLiteral("probation"),
        tr("Most training rows used as probation; the first half of it only learns (scores 0); "
           "trained on every row it scores, at most 15 % of them"),
        ParameterSpec::Type::Int,
        defaults.probation,
        2,
        1000000,
        {}};
    return {levels, order, alarm, rest, probation};
}

Contextual::Contextual(const ParameterValues &values, quint64)
{
    m_parameters.levels = values.value(QStringLiteral("levels"), m_parameters.levels).toInt();
    m_parameters.order = values.value(QStringLiteral("order"), m_parameters.order).toInt();
    m_parameters.alarm = values.value(QStringLiteral("alarm"), m_parameters.alarm).toDouble();
    m_parameters.rest = values.value(QStringLiteral("rest"), m_parameters.rest).toInt();
    m_parameters.probation =
        values.value(QStringLiteral("probation"), m_parameters.probation).toInt();
}

Contextual::Contextual(const Parameters &parameters)
    : m_parameters(parameters)
{}

FitStatus Contextual::fit(const Eigen::Ref<const Eigen::MatrixXd> &train,
                          const ProgressCallback &progress)
{
    const FitStatus check = checkTrainingMatrix(train, QStringLiteral("contextual"));
    if (!check.ok())
        return check;
    if (!reportProgress(progress, Progress{0.0, 0, 0.0}))
        return FitStatus::cancelled();
    m_minimum.assign(std::size_t(train.cols()), 0.0);
    m_step.assign(std::size_t(train.cols()), 1.0);
    for (Eigen::Index c = 0; c < train.cols(); ++c) {
        const double low = sanitized(train.col(c).minCoeff());
        const double high = sanitized(train.col(c).maxCoeff());
        m_minimum[std::size_t(c)] = low;
        const double step = (high - low) / double(std::max(1, m_parameters.levels - 1));
        // A constant training range: every other value is a new level.
        m_step[std::size_t(c)] = step > 0.0 && std::isfinite(step) ? step : 1.0;
    }
    const qint64 probation = std::min<qint64>(train.rows(), m_parameters.probation);
    m_quietRows = probation / 2;
    m_restRows = m_parameters.rest > 0 ? m_parameters.rest : probation / 5;
    return {};
}

FitStatus Contextual::checkSize(qint64 rows, qint64 columns) const
{
    const double contexts =
        2.0 * double(std::clamp(m_parameters.order, 1, kMaxOrder)) * double(rows) * double(columns);
    if (contexts <= double(kMaxContexts))
        return {};
    return FitStatus::failed(
        QCoreApplication::translate(
            "tideline",
            "contextual keeps up to two contexts for each value at each order: %1 rows × %2 "
            "features at order %3 may need %4 million, above its limit of %5 million (about %6 "
            "MB); choose fewer features, a wider bin or a lower order")
            .arg(rows)
            .arg(columns)
            .arg(m_parameters.order)
            .arg(contexts / 1e6, 0, 'f', 0)
            .arg(kMaxContexts / 1'000'000)
            .arg(kMaxContexts * 40 / 1'000'000));
}

Eigen::VectorXd Contextual::score(const Eigen::Ref<const Eigen::MatrixXd> &rows) const
{
    return scoreWithProgress(rows, {});
}

Eigen::VectorXd Contextual::scoreWithProgress(const Eigen::Ref<const Eigen::MatrixXd> &rows,
                                              const ProgressCallback &progress) const
{
    const Eigen::Index count = rows.rows();
    const Eigen::Index columns = std::min<Eigen::Index>(rows.cols(), Eigen::Index(m_step.size()));
    Eigen::VectorXd scores = Eigen::VectorXd::Zero(count);
    ThrottledProgress reporter(progress, count);
    if (!reporter.force(0))
        return {};
    Stream stream(*this);
    std::vector<double> row(static_cast<std::size_t>(columns));
    for (Eigen::Index r = 0; r < count; ++r) {
        if (r % 4096 == 0 && !reporter.update(r))
            return {};
        for (Eigen::Index c = 0; c < columns; ++c)
            row[std::size_t(c)] = rows(r, c);
        scores[r] = stream.next(row, 0);
    }
    if (!reporter.force(count))
        return {};
    return scores;
}

std::unique_ptr<RowStream> Contextual::stream() const
{
    return std::make_unique<Stream>(*this);
}

Contextual::Stream::Stream(const Contextual &detector)
    : m_detector(detector)
{
    ContextOperator::Parameters operatorParameters;
    operatorParameters.maxLeftFacts = std::clamp(detector.m_parameters.order, 1, kMaxOrder);
    m_models.assign(detector.m_step.size(), ContextOperator(operatorParameters));
    // Levels reached so far, per feature: the training range's at first. A level beyond them
    // scores 1 (Numenta's spatial anomaly): CAD OSE knew every file's range in advance, and its
    // binary digits would make a level far beyond it look like one near its bottom.
    m_reached.assign(detector.m_step.size(), {0, std::max(1, detector.m_parameters.levels) - 1});
    while ((qint64(1) << m_digits) < qint64(std::max(2, detector.m_parameters.levels)))
        ++m_digits;
}

double Contextual::Stream::next(std::span<const double> row, TimeNs)
{
    const Contextual &d = m_detector;
    const std::size_t columns = std::min(row.size(), m_models.size());
    double worst = 0.0;
    for (std::size_t c = 0; c < columns; ++c) {
        // The nearest level: half a step of margin below the training range as above it.
        const double position = (sanitized(row[c]) - d.m_minimum[c]) / d.m_step[c];
        const qint64 level = qint64(std::floor(std::clamp(position + 0.5, -kMaxLevel, kMaxLevel)));
        const double score = m_models[c].step(factsOf(level, m_digits));
        auto &[low, high] = m_reached[c];
        worst = std::max(worst, level < low || level > high ? 1.0 : score);
        low = std::min(low, level);
        high = std::max(high, level);
    }
    // Like CAD OSE, rest while any of the last `rest` rows raised an alarm, reported or not, and
    // for the first `rest` rows: an event that stays new stays one alarm.
    const qint64 r = m_rows++;
    const double score = r >= d.m_quietRows && r - m_lastAlarm > d.m_restRows ? worst : 0.0;
    if (worst >= d.m_parameters.alarm)
        m_lastAlarm = r;
    return score;
}

} // namespace tideline
