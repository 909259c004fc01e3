#pragma once

#include "input/inputloader.h"
#include "investigation/anomalies.h"
#include "threshold/detectionrun.h"

#include <QObject>
#include <memory>
#include <vector>

namespace tideline {

class JobRunner;

// Trains a detector in the background on the shown series, keeps the scores, re-thresholds
// them instantly, and keeps the list of anomalies with the analyst's marks, labels and notes
// (which survive re-thresholding for intervals that stay the same).
class DetectionController : public QObject
{
    Q_OBJECT

public:
    // An anomaly and the inclusive rows of the series it covers.
    struct Entry
    {
        Anomaly anomaly;
        qsizetype firstRow = 0;
        qsizetype lastRow = 0;
        bool manual = false; // marked by the analyst from a chart selection
    };

    explicit DetectionController(QObject *parent = nullptr);

    void setInput(std::shared_ptr<const LoadedInput> input, std::shared_ptr<const Series> series);
    void train(const DetectionOptions &options);
    // Fits the model on the file at `path` (its training range, binned like the shown series)
    // and scores the shown series with it, as `detect --model-from` does.
    void trainFrom(const QString &path, const DetectionOptions &options);
    // The file the shown result's model was fitted on; empty when it is the shown file.
    const QString &modelSource() const { return m_modelSource; }
    void cancel();
    bool isTraining() const;
    JobRunner *runner() const { return m_runner; }

    void setPercentile(double percentile);
    const DetectionResult *result() const { return m_result.get(); }
    std::shared_ptr<const DetectionResult> sharedResult() const { return m_result; }

    const std::vector<Entry> &entries() const { return m_entries; }
    std::vector<Anomaly> anomalies() const;
    void updateAnnotations(int index, const Anomaly &edited);
    // An interval the analyst picked on the chart, as a marked anomaly.
    int addManual(qsizetype firstRow, qsizetype lastRow);

signals:
    void trainingFinished();
    void trainingFailed(const QString &message);
    void resultChanged();
    void anomaliesChanged();

private:
    void showResult(std::shared_ptr<DetectionResult> result, const QString &modelSource);
    void rebuildEntries();
    Entry entryFor(qsizetype first, qsizetype last, double peak, double mean) const;

    JobRunner *m_runner = nullptr;
    std::shared_ptr<const LoadedInput> m_input;
    std::shared_ptr<const Series> m_series;
    std::shared_ptr<DetectionResult> m_result;
    std::vector<Entry> m_entries;
    int m_gap = 1; // of the run being shown, for re-thresholding
    QString m_modelSource;
};

} // namespace tideline
