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
            "learns, the second half gives the first fit"),
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

bool Htm::scoreFeature(const Eigen::Ref<const Eigen::MatrixXd> &rows, RowTimes times,
                       Eigen::Index feature, double *out,
                       const std::function<bool(qint64)> &keepGoing) const
{
    const std::size_t f = std::size_t(feature);
    const quint64 seed = PortableRandom::derive(m_seed, quint64(feature));
    const double low = m_minimum[f];
    const double high = m_maximum[f];
    const double padded = (high - low) * (1.0 + 2.0 * kRangePadding);
    const double resolution =
        std::max(kMinimumResolution, padded / double(std::max(1, m_parameters.buckets)));
    const RandomScalarEncoder value(kValueBits, kValueActive, resolution, low, seed);
    const PeriodicEncoder timeOfDay(kTimeActive, kTimeRadiusHours, 24.0);
    const bool useTime = m_parameters.timeOfDay && times.size() == std::size_t(rows.rows());
    const int inputs = value.size() + (useTime ? timeOfDay.size() : 0);

    SpatialPooler::Parameters poolerParameters;
    poolerParameters.columns = m_parameters.columns;
    // 40 of 2048 columns: keep that 2 % sparsity for other sizes.
    poolerParameters.activeColumns =
        std::max(1, int(std::lround(double(m_parameters.columns) * kActiveShare)));
    SpatialPooler pooler(inputs, poolerParameters, PortableRandom::derive(seed, 1));
    TemporalMemory::Parameters memoryParameters;
    memoryParameters.cellsPerColumn = m_parameters.cellsPerColumn;
    if (m_parameters.memory == u"tm") {
        memoryParameters.activationThreshold = 20;
        memoryParameters.minThreshold = 13;
        memoryParameters.newSynapseCount = 31;
        memoryParameters.initialPermanence = 0.24f;
        memoryParameters.increment = 0.04f;
        memoryParameters.decrement = 0.008f;
        memoryParameters.predictedSegmentDecrement = 0.001f;
    }
    TemporalMemory memory(pooler.columns(), memoryParameters, PortableRandom::derive(seed, 2));
    AnomalyLikelihood::Parameters likelihoodParameters;
    likelihoodParameters.probation = m_probation;
    AnomalyLikelihood likelihood(likelihoodParameters);

    double seenLow = low;
    double seenHigh = high;
    std::vector<int> bits;
    bits.reserve(std::size_t(kValueActive + kTimeActive));
    for (Eigen::Index r = 0; r < rows.rows(); ++r) {
        if ((r & 255) == 0 && !keepGoing(r))
            return false;
        const double x = sanitized(rows(r, feature));
        bits.clear();
        value.encode(x, 0, bits);
        if (useTime)
            timeOfDay.encode(hourOfDay(times[std::size_t(r)]), value.size(), bits);
        const double raw = memory.compute(pooler.compute(bits, true), true);
        double score = likelihood.update(raw);

        const double tolerance = (seenHigh - seenLow) * m_parameters.spatialTolerance;
        if (m_parameters.spatialTolerance > 0.0 && seenHigh > seenLow &&
            (x > seenHigh + tolerance || x < seenLow - tolerance))
            score = 1.0;
        seenLow = std::min(seenLow, x);
        seenHigh = std::max(seenHigh, x);
        out[r] = score;
    }
    return true;
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
