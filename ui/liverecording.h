#pragma once

#include "input/inputloader.h"
#include "livebatch.h"
#include "threshold/detectionrun.h"

#include <QCoreApplication>
#include <memory>
#include <vector>

namespace tideline {

// What a live capture gave, kept on the GUI thread as it grows: its bins as a Series, their
// scores, the anomalies (each growing while its interval stays open) and where packets were
// dropped — and, for the workbench, the same as a LoadedInput and a DetectionResult.
class LiveRecording
{
    Q_DECLARE_TR_FUNCTIONS(tideline::LiveRecording)

public:
    // A stretch of rows (inclusive) in which libpcap reported drops.
    struct Drops
    {
        qsizetype firstRow = 0;
        qsizetype lastRow = 0;
        qint64 kernel = 0;
        qint64 interface = 0;
    };

    // `source` names what is captured (an interface, a replayed file's path).
    LiveRecording(const QString &source, const LiveOptions &options);

    void add(const LiveBatch &batch);

    qsizetype binCount() const { return qsizetype(m_series.starts.size()); }
    const std::vector<Anomaly> &anomalies() const { return m_anomalies; }
    const std::vector<Drops> &drops() const { return m_drops; }
    // The last counts libpcap gave.
    const CaptureStats &counts() const { return m_counts; }
    bool isScoring() const { return m_scoring; }
    const QString &modelFailure() const { return m_modelFailure; }

    // Copies, for the window to show: the bins (a Live input), and their scores, flags and
    // anomalous intervals as one run of the live detector.
    std::shared_ptr<LoadedInput> input() const;
    std::shared_ptr<DetectionResult> result() const;
    const DetectionOptions &detection() const { return m_options.detection; }
    int warmUpBins() const { return m_options.warmUpBins; }

private:
    void addBin(const LiveBatch::Bin &bin);

    QString m_source;
    LiveOptions m_options;
    Series m_series;
    std::vector<double> m_values; // row after row, until a copy is asked for
    std::vector<double> m_scores; // NaN: not scored (warm-up, no data)
    std::vector<bool> m_flagged;
    std::vector<bool> m_warmUp;
    ScoreDistribution m_trainingScores; // the warm-up's, once fitted, or the normal stretch's
    QString m_trainingDescription;      // what a model taken as normal was fitted on
    double m_threshold = 0.0;
    double m_hold = 0.0;
    bool m_scoring = false;
    std::vector<Anomaly> m_anomalies;
    bool m_open = false; // the last anomaly is still open
    double m_openScoreSum = 0.0;
    qint64 m_openScored = 0;
    std::vector<Drops> m_drops;
    qint64 m_reportedBins = 0; // bins closed at the last report of the counts
    CaptureStats m_counts;
    QString m_modelFailure;
};

} // namespace tideline
