#include "liverecording.h"

#include "investigation/investigation.h"

#include <limits>

namespace tideline {

LiveRecording::LiveRecording(const QString &source, const LiveOptions &options)
    : m_source(source)
    , m_options(options)
{
    m_series.source = source;
    m_series.axis = Series::Axis::Time;
    m_series.binWidth = options.binWidth;
    m_series.features = Traffic::featureInfos();
}

void LiveRecording::add(const LiveBatch &batch)
{
    for (const LiveBatch::Bin &bin : batch.bins)
        addBin(bin);
    for (const LiveBatch::Stats &report : batch.stats) {
        const CaptureStats &now = report.counts;
        const qint64 kernel = now.kernelDrops - m_counts.kernelDrops;
        const qint64 interface = now.interfaceDrops - m_counts.interfaceDrops;
        if (kernel > 0 || interface > 0) {
            // Lost while the bins since the last report were open (the open one, if none
            // closed since).
            const qsizetype first = qsizetype(m_reportedBins);
            m_drops.push_back({first, std::max(first, qsizetype(report.binsClosed) - 1),
                               std::max<qint64>(0, kernel), std::max<qint64>(0, interface)});
        }
        m_counts = now;
        m_reportedBins = report.binsClosed;
    }
    if (batch.trainingScores)
        m_trainingScores = *batch.trainingScores;
    if (!batch.trainingDescription.isEmpty())
        m_trainingDescription = batch.trainingDescription;
    if (!batch.modelFailure.isEmpty())
        m_modelFailure = batch.modelFailure;
}

void LiveRecording::addBin(const LiveBatch::Bin &bin)
{
    const ScoredBin &scored = bin.scored;
    m_series.starts.push_back(scored.bin.start);
    m_series.hasData.push_back(scored.bin.hasData);
    m_values.insert(m_values.end(), scored.bin.values.data(),
                    scored.bin.values.data() + scored.bin.values.size());
    if (!scored.bin.hasData) // a silence: as many columns as any bin
        m_values.resize(m_values.size() + m_series.features.size() - scored.bin.values.size(), 0.0);
    m_scores.push_back(scored.score.value_or(std::numeric_limits<double>::quiet_NaN()));
    m_flagged.push_back(scored.anomalous);
    m_warmUp.push_back(scored.bin.hasData && !scored.score && !m_scoring);
    if (scored.score) {
        m_scoring = true;
        m_threshold = scored.threshold;
        m_hold = scored.hold;
    }
    if (bin.found) {
        m_anomalies.push_back(*bin.found);
        m_open = true;
        m_openScoreSum = *scored.score;
        m_openScored = 1;
    } else if (!scored.score) {
        m_open = false;
    } else if (scored.anomalous && m_open) {
        Anomaly &anomaly = m_anomalies.back();
        anomaly.end = scored.bin.end;
        anomaly.peakScore = std::max(anomaly.peakScore, *scored.score);
        m_openScoreSum += *scored.score;
        anomaly.meanScore = m_openScoreSum / double(++m_openScored);
    }
}

std::shared_ptr<LoadedInput> LiveRecording::input() const
{
    auto input = std::make_shared<LoadedInput>();
    input->path = m_source;
    input->kind = LoadedInput::Kind::Live;
    input->series = m_series;
    const auto columns = Eigen::Index(m_series.features.size());
    input->series.values =
        Eigen::Map<const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>(
            m_values.data(), Eigen::Index(m_series.starts.size()), columns);
    return input;
}

std::shared_ptr<DetectionResult> LiveRecording::result() const
{
    auto result = std::make_shared<DetectionResult>();
    DetectionModel &model = result->model;
    model.detector = m_options.detection.detector;
    model.parameters = m_options.detection.parameters;
    model.seed = m_options.detection.seed;
    // Re-thresholding after Stop, and the score chart's rarity axis, read these.
    model.trainingScores = m_trainingScores;
    model.trainingDescription =
        m_trainingDescription.isEmpty()
            ? tr("the first %n bin(s) with traffic (the warm-up)", nullptr, m_options.warmUpBins)
            : m_trainingDescription;
    result->scores =
        Eigen::Map<const Eigen::VectorXd>(m_scores.data(), Eigen::Index(m_scores.size()));
    result->training = m_warmUp;
    result->eligible.resize(m_scores.size());
    for (std::size_t r = 0; r < m_scores.size(); ++r)
        result->eligible[r] = !std::isnan(m_scores[r]);
    result->rowDuration = m_options.binWidth;
    result->settings = m_options.detection.threshold;
    result->threshold = m_threshold;
    result->hold = m_hold;
    result->flagged = m_flagged;
    for (const Anomaly &anomaly : m_anomalies) {
        if (const auto rows = rowsBetween(m_series, anomaly.start, anomaly.end))
            result->intervals.push_back(
                {rows->first, rows->second, anomaly.peakScore, anomaly.meanScore});
    }
    return result;
}

} // namespace tideline
