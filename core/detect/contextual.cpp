#include "contextual.h"

#include "common/throttledprogress.h"
#include "detect/finite.h"

#include <QCoreApplication>
#include <algorithm>
#include <cmath>
#include <limits>
#include <unordered_map>

namespace tideline {

namespace {

// splitmix64's finaliser: contexts are hashed, never stored as sequences.
quint64 mix(quint64 x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

} // namespace

// One feature's context memory: how often each context (the last k levels) was seen, and how
// often each (context, next level) pair.
class ContextModel
{
public:
    explicit ContextModel(int order)
        : m_order(order)
    {
        m_history.reserve(std::size_t(order));
    }

    // Scores `level` against what the contexts predicted, then learns it.
    double step(qint64 level)
    {
        // Contexts vote with how often they were seen: a long context met once before is
        // weak evidence that this level should not follow, a short one met daily is strong.
        double known = 0.0;     // times the contexts were seen before
        double predicted = 0.0; // ... by those that had seen `level` next
        int fresh = 0;          // orders at which (context, level) is new
        quint64 context = 0;
        const int orders = int(m_history.size());
        quint64 keys[64];
        quint64 pairs[64];
        for (int k = 1; k <= orders; ++k) {
            context =
                mix(context ^ quint64(m_history[std::size_t(orders - k)]) ^ (quint64(k) << 56));
            const quint64 pair = mix(context ^ quint64(level) * 0x632be59bd9b4e019ULL);
            keys[k - 1] = context;
            pairs[k - 1] = pair;
            const auto seen = m_contexts.find(context);
            const double weight = seen == m_contexts.end() ? 0.0 : double(seen->second);
            const bool followed = m_pairs.count(pair) != 0;
            known += weight;
            predicted += followed ? weight : 0.0;
            fresh += followed ? 0 : 1;
        }
        double score = 1.0;
        if (orders > 0) {
            const double unpredicted = known > 0.0 ? 1.0 - predicted / known : 1.0;
            score = (unpredicted + double(fresh) / orders) / 2.0;
        }
        for (int k = 0; k < orders; ++k) {
            ++m_contexts[keys[k]];
            ++m_pairs[pairs[k]];
        }
        if (int(m_history.size()) == m_order)
            m_history.erase(m_history.begin());
        m_history.push_back(level);
        return score;
    }

private:
    int m_order;
    std::vector<qint64> m_history; // newest last
    std::unordered_map<quint64, quint32> m_contexts;
    std::unordered_map<quint64, quint32> m_pairs;
};

namespace {

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
                        tr("Longest context: how many preceding levels predict the next"),
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
        tr("Most training rows used as probation; the first half of it only learns (scores 0)"),
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
    m_models.reserve(detector.m_step.size());
    for (std::size_t c = 0; c < detector.m_step.size(); ++c)
        m_models.push_back(
            std::make_unique<ContextModel>(std::clamp(detector.m_parameters.order, 1, kMaxOrder)));
}

Contextual::Stream::~Stream() = default;

double Contextual::Stream::next(std::span<const double> row, TimeNs)
{
    const Contextual &d = m_detector;
    const std::size_t columns = std::min(row.size(), m_models.size());
    double worst = 0.0;
    for (std::size_t c = 0; c < columns; ++c) {
        const double position = (sanitized(row[c]) - d.m_minimum[c]) / d.m_step[c];
        const qint64 level = qint64(std::floor(std::clamp(position, -kMaxLevel, kMaxLevel)));
        worst = std::max(worst, m_models[c]->step(level));
    }
    // Like CAD OSE, rest while any of the last `rest` rows raised an alarm, reported or not:
    // an event that stays new stays one alarm.
    const qint64 r = m_rows++;
    const double score = r >= d.m_quietRows && r - m_lastAlarm > d.m_restRows ? worst : 0.0;
    if (worst >= d.m_parameters.alarm)
        m_lastAlarm = r;
    return score;
}

} // namespace tideline
