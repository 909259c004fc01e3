#pragma once

#include "investigation/anomaly.h"
#include "live/livebinner.h"
#include "threshold/detectionrun.h"

#include <QString>
#include <memory>
#include <optional>

namespace tideline {

struct LiveOptions
{
    // The detector (any unsupervised one: an online one learns as it goes, the others score
    // each bin with the model fitted on the warm-up), its parameters, seed, feature columns and
    // threshold rule, as `detect` takes them; the training range is always the warm-up.
    DetectionOptions detection;
    TimeNs binWidth = kNsPerSecond;
    int warmUpBins = 60; // bins with data the model is fitted on before anything is scored
    // Closed bins whose packets describe an interval (its baseline: the describer wants
    // IntervalDescriber::kMinimumBaselineBins); describing reads them all, so more would
    // make each report later.
    int keptBins = 25;
    std::size_t keptPackets = 300'000; // at most, beside the open bin's
};

// One closed bin as the pipeline scored it.
struct ScoredBin
{
    LiveBin bin;
    std::optional<double> score; // none while warming up and for bins without data
    double threshold = 0.0;      // 0 while warming up
    double hold = 0.0;           // the level an interval stays open above; 0 while warming up
    bool anomalous = false;      // inside an anomalous interval
};

// Packets → bins (LiveBinner) → the detector's row stream → threshold with hold → anomalies,
// each described (kind, actors, summary) by the IntervalDescriber against the kept packets
// before it, and reported once, when its first bin closes. The first `warmUpBins` bins with
// data fit the feature pipeline and the detector and set the threshold (its rule on the
// warm-up rows' scores, as `detect` trains on a range); the stream then goes on from them, so
// every later bin is scored as a pass over everything since the start would score it. Memory
// stays bounded: the kept packets and the detector's own state, never every bin.
//
// Not thread-safe: one thread feeds it (a capture loop), and its listener runs on that thread.
class LivePipeline : public LiveSink
{
public:
    class Listener
    {
    public:
        virtual ~Listener() = default;
        virtual void binScored(const ScoredBin &bin) { Q_UNUSED(bin); }
        virtual void anomalyFound(const Anomaly &anomaly) { Q_UNUSED(anomaly); }
        // The warm-up's model could not be fitted; nothing will be scored.
        virtual void modelFailed(const QString &why) { Q_UNUSED(why); }
    };

    // What is wrong with `options` for live use (an unknown or supervised detector, bad
    // parameters, a bad width), or empty.
    static QString problem(const LiveOptions &options);

    // `options` must have passed problem().
    LivePipeline(const LiveOptions &options, Listener *listener);
    ~LivePipeline() override;

    void addPacket(const Packet &packet) override;
    // Closes the bins that end at or before `now` (a quiet live interface still moves on).
    void advanceTo(TimeNs now) override;
    // Closes the open bin and the open interval.
    void finish();
    // From the next bin on, scores with `model` and its threshold instead of the warm-up's: a
    // model the analyst fitted on a stretch of the bins so far taken as normal (fitModel with
    // the same detection options and features). An online detector learns afresh from there; a
    // warm-up still under way ends, and the interval being followed closes.
    void useModel(DetectionModel model);

    bool isWarmedUp() const { return m_stream != nullptr; }
    const DetectionModel &model() const { return m_model; }
    double threshold() const { return m_levels.threshold; }
    qint64 binsClosed() const { return m_binsClosed; }

private:
    void binClosed(const LiveBin &bin);
    void warmUp(const LiveBin &bin);
    std::optional<double> score(const LiveBin &bin);
    void follow(ScoredBin &scored);

    LiveOptions m_options;
    Listener *m_listener;
    LiveBinner m_binner;
    Series m_warmUp; // the warm-up bins, until the model is fitted
    std::vector<Eigen::RowVectorXd> m_warmUpRows;
    DetectionModel m_model;
    std::unique_ptr<RowStream> m_stream;
    ThresholdLevels m_levels;
    bool m_failed = false;
    qint64 m_binsClosed = 0;

    // The interval being followed: open from a bin above the threshold while bins stay above
    // the hold level, then for up to `gap` bins more in case it crosses again.
    std::optional<Anomaly> m_open;
    int m_binsSinceAbove = 0;
    double m_scoreSum = 0.0;
    qint64 m_scoredBins = 0;
    TimeNs m_aboveHoldSince = -1; // start of the run of bins above the hold level, or -1
};

} // namespace tideline
