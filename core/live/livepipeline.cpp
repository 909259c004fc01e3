#include "livepipeline.h"

#include "common/binwidth.h"
#include "detect/detectorregistry.h"
#include "detect/rowbyrow.h"
#include "investigation/intervaldescriber.h"

#include <QCoreApplication>

namespace tideline {

QString LivePipeline::problem(const LiveOptions &options)
{
    const DetectionOptions &detection = options.detection;
    if (!findDetector(detection.detector))
        return QCoreApplication::translate("tideline", "unknown detector '%1'")
            .arg(detection.detector);
    const DetectorBuild build =
        createDetector(detection.detector, detection.parameters, detection.seed);
    if (!build.ok())
        return build.errors.join(QStringLiteral("; "));
    if (findDetector(detection.detector)->supervised)
        return QCoreApplication::translate(
                   "tideline", "%1 learns from labelled rows, and live bins have no labels; "
                               "watch with an unsupervised detector")
            .arg(detection.detector);
    if (const QString width = binwidth::widthProblem(options.binWidth); !width.isEmpty())
        return width;
    if (options.warmUpBins < 2)
        return QCoreApplication::translate("tideline", "the warm-up needs at least 2 bins");
    return {};
}

LivePipeline::LivePipeline(const LiveOptions &options, Listener *listener)
    : m_options(options)
    , m_listener(listener)
    , m_binner(options.binWidth, std::size_t(std::max(0, options.keptBins)), options.keptPackets,
               [this](const LiveBin &bin) { binClosed(bin); })
{
    Q_ASSERT(problem(options).isEmpty());
    m_options.detection.training = TrainingRange::all();
    m_warmUp.axis = Series::Axis::Time;
    m_warmUp.binWidth = options.binWidth;
    m_warmUp.features = Traffic::featureInfos();
}

LivePipeline::~LivePipeline() = default;

void LivePipeline::addPacket(const Packet &packet)
{
    m_binner.addPacket(packet);
}

void LivePipeline::advanceTo(TimeNs now)
{
    m_binner.advanceTo(now);
}

void LivePipeline::finish()
{
    m_binner.finish();
    m_open.reset();
}

void LivePipeline::binClosed(const LiveBin &bin)
{
    ++m_binsClosed;
    ScoredBin scored;
    scored.bin = bin;
    if (bin.hasData) {
        if (m_stream)
            scored.score = score(bin);
        else if (!m_failed)
            warmUp(bin);
    }
    scored.threshold = m_levels.threshold;
    scored.hold = m_levels.hold;
    follow(scored);
}

void LivePipeline::warmUp(const LiveBin &bin)
{
    m_warmUp.starts.push_back(bin.start);
    m_warmUpRows.push_back(bin.values);
    if (qsizetype(m_warmUpRows.size()) < m_options.warmUpBins)
        return;
    m_warmUp.values.resize(Eigen::Index(m_warmUpRows.size()), bin.values.size());
    for (std::size_t r = 0; r < m_warmUpRows.size(); ++r)
        m_warmUp.values.row(Eigen::Index(r)) = m_warmUpRows[r];
    m_warmUpRows.clear();
    m_model = fitModel(m_warmUp, m_options.detection, {});
    if (!m_model.ok()) {
        m_failed = true;
        if (m_listener)
            m_listener->modelFailed(m_model.status.message);
        return;
    }
    // The stream goes on from the warm-up rows, as a scoring pass over all rows would.
    m_stream = rowByRow(*m_model.fitted);
    const FeaturePipeline::Output transformed =
        m_model.pipeline.transform(m_warmUp.values, m_warmUp.features, m_warmUp.starts);
    for (Eigen::Index r = 0; r < transformed.matrix.rows(); ++r) {
        const Eigen::RowVectorXd row = transformed.matrix.row(r);
        m_stream->next(std::span(row.data(), std::size_t(row.size())),
                       m_warmUp.starts[std::size_t(r)]);
    }
    m_levels = thresholdLevels(m_model, m_options.detection.threshold, m_options.binWidth);
    m_warmUp.starts.clear();
    m_warmUp.values.resize(0, 0);
}

void LivePipeline::useModel(DetectionModel model)
{
    m_model = std::move(model);
    m_stream = rowByRow(*m_model.fitted);
    m_levels = thresholdLevels(m_model, m_options.detection.threshold, m_options.binWidth);
    m_failed = false;
    m_warmUpRows.clear();
    m_warmUp.starts.clear();
    m_warmUp.values.resize(0, 0);
    m_open.reset();
    m_aboveHoldSince = -1;
}

std::optional<double> LivePipeline::score(const LiveBin &bin)
{
    const Eigen::MatrixXd values = bin.values;
    const std::vector<TimeNs> times{bin.start};
    const FeaturePipeline::Output transformed =
        m_model.pipeline.transform(values, m_warmUp.features, times);
    if (!transformed.ok() || transformed.matrix.rows() != 1)
        return std::nullopt;
    const Eigen::RowVectorXd row = transformed.matrix.row(0);
    return m_stream->next(std::span(row.data(), std::size_t(row.size())), bin.start);
}

void LivePipeline::follow(ScoredBin &scored)
{
    std::optional<Anomaly> found;
    if (!scored.score) {
        m_open.reset();
        m_aboveHoldSince = -1;
    } else {
        const double s = *scored.score;
        const LiveBin &bin = scored.bin;
        m_aboveHoldSince =
            s > m_levels.hold ? (m_aboveHoldSince < 0 ? bin.start : m_aboveHoldSince) : -1;
        if (m_open) {
            m_scoreSum += s;
            ++m_scoredBins;
            if (s > m_levels.hold) {
                m_open->end = bin.end;
                m_open->peakScore = std::max(m_open->peakScore, s);
                m_open->meanScore = m_scoreSum / double(m_scoredBins);
                m_binsSinceAbove = 0;
                scored.anomalous = true;
            } else if (++m_binsSinceAbove > m_options.detection.threshold.gap) {
                m_open.reset();
            }
        } else if (s > m_levels.threshold) {
            Anomaly anomaly;
            anomaly.start = m_aboveHoldSince;
            anomaly.end = bin.end;
            anomaly.peakScore = anomaly.meanScore = s;
            anomaly.threshold = m_levels.threshold;
            anomaly.detector = m_options.detection.detector;
            const Traffic traffic = m_binner.recentTraffic();
            IntervalDescriber(traffic, m_options.binWidth).describe(anomaly);
            m_open = anomaly;
            m_scoreSum = s;
            m_scoredBins = 1;
            m_binsSinceAbove = 0;
            scored.anomalous = true;
            found = anomaly;
        }
    }
    if (!m_listener)
        return;
    m_listener->binScored(scored);
    if (found)
        m_listener->anomalyFound(*found);
}

} // namespace tideline
