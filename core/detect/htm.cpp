#include "htm.h"

#include "common/parallel.h"
#include "common/portablerandom.h"
#include "common/throttledprogress.h"
#include "detect/anomalylikelihood.h"
#include "detect/finite.h"
#include "detect/periodicencoder.h"
#include "detect/randomscalarencoder.h"
#include "detect/spatialpooler.h"
#include "detect/temporalmemory.h"

#include <QCoreApplication>
#include <algorithm>
#include <atomic>
#include <cmath>

namespace tideline {

namespace {

// Numenta's NAB settings (numenta/NAB, nab/detectors/numenta; the research note has them all).
constexpr int kValueBits = 400;
constexpr int kValueActive = 21;
constexpr double kMinimumResolution = 0.001;
constexpr double kRangePadding = 0.2; // of the range, on each side
constexpr int kTimeActive = 21;
constexpr double kTimeRadiusHours = 9.49;
constexpr double kActiveShare = 40.0 / 2048.0;
constexpr TimeNs kNsPerDay = 86400 * kNsPerSecond;

double hourOfDay(TimeNs t)
{
    return double(t - floorDiv(t, kNsPerDay) * kNsPerDay) / double(kNsPerSecond) / 3600.0;
}

} // namespace

std::vector<ParameterSpec> Htm::parameterSpecs()
{
    const Parameters defaults;
    const auto tr = [](const char *text) { return QCoreApplication::translate("tideline", text); };
    return {
        {QStringLiteral("columns"),
         tr("Spatial pooler columns, 2 % of them active (40 of 2048)"),
         ParameterSpec::Type::Int,
         defaults.columns,
         64,
         16384,
         {}},
        {QStringLiteral("cells_per_column"),
         tr("Temporal memory cells per column: how many contexts a value can be learnt in"),
         ParameterSpec::Type::Int,
         defaults.cellsPerColumn,
         1,
         64,
         {}},
        {QStringLiteral("buckets"),
         tr("Value resolution: the training range (with 40 % padding) over this many buckets"),
         ParameterSpec::Type::Int,
         defaults.buckets,
         2,
         100000,
         {}},
        {QStringLiteral("time_of_day"),
         tr("Encode the time of day next to the value"),
         ParameterSpec::Type::Bool,
         defaults.timeOfDay,
         0,
         0,
         {}},
        {QStringLiteral("spatial_tolerance"),
         tr("A value this share of the seen range beyond it scores 1 (0: off)"),
         ParameterSpec::Type::Double,
         defaults.spatialTolerance,
         0.0,
         100.0,
         {}},
        {QStringLiteral("memory"),
         tr("Temporal memory settings: nab (Numenta's NAB detector) or tm (NumentaTM)"),
         ParameterSpec::Type::Choice, defaults.memory, 0, 0,
         QStringList{QStringLiteral("nab"), QStringLiteral("tm")}},
        {QStringLiteral("probation"),
         tr("Most training rows used as probation (likelihood held at 0.5): the first half "
            "learns, the second half gives the first fit; trained on every row it scores, at most "
            "15 % of them"),
         ParameterSpec::Type::Int,
         defaults.probation,
         2,
         1000000,
         {}},
    };
}

Htm::Htm(const ParameterValues &values, quint64 seed)
    : m_seed(seed)
{
    m_parameters.columns = values.value(QStringLiteral("columns"), m_parameters.columns).toInt();
    m_parameters.cellsPerColumn =
        values.value(QStringLiteral("cells_per_column"), m_parameters.cellsPerColumn).toInt();
    m_parameters.buckets = values.value(QStringLiteral("buckets"), m_parameters.buckets).toInt();
    m_parameters.timeOfDay =
        values.value(QStringLiteral("time_of_day"), m_parameters.timeOfDay).toBool();
    m_parameters.spatialTolerance =
        values.value(QStringLiteral("spatial_tolerance"), m_parameters.spatialTolerance).toDouble();
    m_parameters.probation =
        values.value(QStringLiteral("probation"), m_parameters.probation).toInt();
    m_parameters.memory = values.value(QStringLiteral("memory"), m_parameters.memory).toString();
}

Htm::Htm(const Parameters &parameters, quint64 seed)
    : m_parameters(parameters)
    , m_seed(seed)
{}

FitStatus Htm::fit(const Eigen::Ref<const Eigen::MatrixXd> &train, const ProgressCallback &progress)
{
    return fitTimed(train, {}, progress);
}

FitStatus Htm::fitTimed(const Eigen::Ref<const Eigen::MatrixXd> &train, RowTimes,
                        const ProgressCallback &progress)
{
    const FitStatus check = checkTrainingMatrix(train, QStringLiteral("htm"));
    if (!check.ok())
        return check;
    if (!reportProgress(progress, Progress{0.0, 0, 0.0}))
        return FitStatus::cancelled();
    m_minimum.resize(std::size_t(train.cols()));
    m_maximum.resize(std::size_t(train.cols()));
    for (Eigen::Index c = 0; c < train.cols(); ++c) {
        m_minimum[std::size_t(c)] = sanitized(train.col(c).minCoeff());
        m_maximum[std::size_t(c)] = sanitized(train.col(c).maxCoeff());
    }
    m_probation = std::min<qint64>(train.rows(), m_parameters.probation);
    return {};
}

FitStatus Htm::checkSize(qint64 rows, qint64 columns) const
{
    const double rowFeatures = double(rows) * double(columns);
    if (rowFeatures <= double(kMaxRowFeatures))
        return {};
    return FitStatus::failed(
        QCoreApplication::translate("tideline",
                                    "htm learns one model per feature over every row: %1 rows × %2 "
                                    "features make %3 million row-features, above its limit of %4 "
                                    "million; choose fewer features or a wider bin")
            .arg(rows)
            .arg(columns)
            .arg(rowFeatures / 1e6, 0, 'f', 1)
            .arg(kMaxRowFeatures / 1'000'000));
}

double Htm::logTailUnit() const
{
    return std::log(AnomalyLikelihood::kLogFloor);
}

Eigen::VectorXd Htm::score(const Eigen::Ref<const Eigen::MatrixXd> &rows) const
{
    return scoreTimed(rows, {}, {});
}

Eigen::VectorXd Htm::scoreWithProgress(const Eigen::Ref<const Eigen::MatrixXd> &rows,
                                       const ProgressCallback &progress) const
{
    return scoreTimed(rows, {}, progress);
}

// One feature's model: encoders, spatial pooler, temporal memory and anomaly likelihood,
// stepped one value at a time.
class HtmFeatureModel
{
public:
    HtmFeatureModel(const Htm::Parameters &parameters, quint64 detectorSeed, Eigen::Index feature,
                    double low, double high, qint64 probation, bool useTime)
        : m_parameters(parameters)
        , m_seed(PortableRandom::derive(detectorSeed, quint64(feature)))
        , m_value(kValueBits, kValueActive, resolution(parameters, low, high), low, m_seed)
        , m_timeOfDay(kTimeActive, kTimeRadiusHours, 24.0)
        , m_useTime(useTime)
        , m_pooler(m_value.size() + (useTime ? m_timeOfDay.size() : 0), poolerParameters(),
                   PortableRandom::derive(m_seed, 1))
        , m_memory(m_pooler.columns(), memoryParameters(), PortableRandom::derive(m_seed, 2))
        , m_likelihood(likelihoodParameters(probation))
        , m_seenLow(low)
        , m_seenHigh(high)
    {
        m_bits.reserve(std::size_t(kValueActive + kTimeActive));
    }

    double step(double value, TimeNs time)
    {
        const double x = sanitized(value);
        m_bits.clear();
        m_value.encode(x, 0, m_bits);
        if (m_useTime)
            m_timeOfDay.encode(hourOfDay(time), m_value.size(), m_bits);
        const double raw = m_memory.compute(m_pooler.compute(m_bits, true), true);
        double score = m_likelihood.update(raw);

        const double tolerance = (m_seenHigh - m_seenLow) * m_parameters.spatialTolerance;
        if (m_parameters.spatialTolerance > 0.0 && m_seenHigh > m_seenLow &&
            (x > m_seenHigh + tolerance || x < m_seenLow - tolerance))
            score = 1.0;
        m_seenLow = std::min(m_seenLow, x);
        m_seenHigh = std::max(m_seenHigh, x);
        return score;
    }

private:
    static double resolution(const Htm::Parameters &parameters, double low, double high)
    {
        const double padded = (high - low) * (1.0 + 2.0 * kRangePadding);
        return std::max(kMinimumResolution, padded / double(std::max(1, parameters.buckets)));
    }
    SpatialPooler::Parameters poolerParameters() const
    {
        SpatialPooler::Parameters pooler;
        pooler.columns = m_parameters.columns;
        // 40 of 2048 columns: keep that 2 % sparsity for other sizes.
        pooler.activeColumns =
            std::max(1, int(std::lround(double(m_parameters.columns) * kActiveShare)));
        return pooler;
    }
    TemporalMemory::Parameters memoryParameters() const
    {
        TemporalMemory::Parameters memory;
        memory.cellsPerColumn = m_parameters.cellsPerColumn;
        if (m_parameters.memory == u"tm") {
            memory.activationThreshold = 20;
            memory.minThreshold = 13;
            memory.newSynapseCount = 31;
            memory.initialPermanence = 0.24f;
            memory.increment = 0.04f;
            memory.decrement = 0.008f;
            memory.predictedSegmentDecrement = 0.001f;
        }
        return memory;
    }
    static AnomalyLikelihood::Parameters likelihoodParameters(qint64 probation)
    {
        AnomalyLikelihood::Parameters likelihood;
        likelihood.probation = probation;
        return likelihood;
    }

    const Htm::Parameters &m_parameters;
    quint64 m_seed;
    RandomScalarEncoder m_value;
    PeriodicEncoder m_timeOfDay;
    bool m_useTime;
    SpatialPooler m_pooler;
    TemporalMemory m_memory;
    AnomalyLikelihood m_likelihood;
    double m_seenLow;
    double m_seenHigh;
    std::vector<int> m_bits;
};

bool Htm::scoreFeature(const Eigen::Ref<const Eigen::MatrixXd> &rows, RowTimes times,
                       Eigen::Index feature, double *out,
                       const std::function<bool(qint64)> &keepGoing) const
{
    const bool useTime = m_parameters.timeOfDay && times.size() == std::size_t(rows.rows());
    HtmFeatureModel model = featureModel(feature, useTime);
    for (Eigen::Index r = 0; r < rows.rows(); ++r) {
        if ((r & 255) == 0 && !keepGoing(r))
            return false;
        out[r] = model.step(rows(r, feature), useTime ? times[std::size_t(r)] : 0);
    }
    return true;
}

HtmFeatureModel Htm::featureModel(Eigen::Index feature, bool useTime) const
{
    const std::size_t f = std::size_t(feature);
    return HtmFeatureModel(m_parameters, m_seed, feature, m_minimum[f], m_maximum[f], m_probation,
                           useTime);
}

std::unique_ptr<RowStream> Htm::stream() const
{
    return std::make_unique<Stream>(*this);
}

Htm::Stream::Stream(const Htm &detector)
{
    for (std::size_t f = 0; f < detector.m_minimum.size(); ++f)
        m_models.push_back(std::make_unique<HtmFeatureModel>(
            detector.featureModel(Eigen::Index(f), detector.m_parameters.timeOfDay)));
}

Htm::Stream::~Stream() = default;

double Htm::Stream::next(std::span<const double> row, TimeNs time)
{
    double worst = 0.0;
    for (std::size_t f = 0; f < std::min(row.size(), m_models.size()); ++f)
        worst = std::max(worst, m_models[f]->step(row[f], time));
    return worst;
}

Eigen::VectorXd Htm::scoreTimed(const Eigen::Ref<const Eigen::MatrixXd> &rows, RowTimes times,
                                const ProgressCallback &progress) const
{
    const Eigen::Index count = rows.rows();
    const Eigen::Index features =
        std::min<Eigen::Index>(rows.cols(), Eigen::Index(m_minimum.size()));
    Eigen::MatrixXd perFeature = Eigen::MatrixXd::Zero(count, features);
    bool finished = true;
    if (features == 1) {
        // One model: report progress row by row.
        ThrottledProgress reporter(progress, count);
        finished = reporter.force(0) &&
                   scoreFeature(rows, times, 0, perFeature.col(0).data(),
                                [&](qint64 done) { return reporter.update(done); }) &&
                   reporter.force(count);
    } else {
        // Models are independent: one per thread, progress counted in features (a stop asked
        // for during a feature takes effect after it).
        if (!reportProgress(progress, Progress{0.0, 0, 0.0}))
            return {};
        std::atomic<bool> stop = false;

        finished = parallelForBlocks(
            features, 1,
            [&](qint64 begin, qint64 end) {
                for (qint64 c = begin; c < end; ++c)
                    scoreFeature(rows, times, Eigen::Index(c), perFeature.col(c).data(),
                                 [&](qint64) { return !stop.load(std::memory_order_relaxed); });
            },
            [&](const Progress &p) {
                const bool goOn = reportProgress(progress, p);
                if (!goOn)
                    stop = true;
                return goOn;
            });
        finished = finished && !stop;
    }
    if (!finished)
        return {};
    Eigen::VectorXd scores = Eigen::VectorXd::Zero(count);
    if (features > 0)
        scores = perFeature.rowwise().maxCoeff();
    return scores;
}

} // namespace tideline
