#pragma once

#include "investigation/investigation.h"

#include <QObject>
#include <map>
#include <memory>

namespace tideline {

class JobRunner;

// The window's hold on the Investigation: trains detectors in the background on the shown
// series, re-thresholds instantly, and says when the anomalies or anything else changed.
class DetectionController : public QObject
{
    Q_OBJECT

public:
    explicit DetectionController(QObject *parent = nullptr);

    // A new source: runs and annotations are dropped.
    void setInput(std::shared_ptr<const LoadedInput> input);
    // The same source at another bin width: annotations stay, and find their intervals again
    // after the next training.
    void setSeries(std::shared_ptr<const LoadedInput> input);
    // A case read back (see Investigation::restore).
    void restore(std::shared_ptr<const LoadedInput> input, std::vector<DetectorRun> runs,
                 qint64 currentRun, std::vector<Annotation> annotations,
                 const std::vector<Anomaly> &described);

    // A live capture's bins and its run as they grew (Investigation::updateLive); the rows
    // take the descriptions in `described`.
    void showLive(std::shared_ptr<const LoadedInput> input, const DetectionOptions &options,
                  std::shared_ptr<DetectionResult> result, std::vector<Anomaly> described);

    void train(const DetectionOptions &options);
    // Fits the model on the file at `path` (its training range, binned like the shown series)
    // and scores the shown series with it, as `detect --model-from` does.
    void trainFrom(const QString &path, const DetectionOptions &options);
    // The same with `training` already read (binned like the shown series); `path` names it.
    void trainOn(std::shared_ptr<const LoadedInput> training, const QString &path,
                 const DetectionOptions &options);
    // Scores the shown series with the model saved at `path`, as `detect --model` does;
    // modelFailed says why it could not.
    void applyModelFile(const QString &path, const ThresholdSettings &threshold);
    // The file the shown result's model was fitted on (or read from); empty when it is the
    // shown file.
    QString modelSource() const;
    // The bin width of the rows the shown result's model learnt from (0: rows of a table), as
    // a model file keeps it.
    TimeNs modelRowWidth() const;
    void cancel();
    bool isTraining() const;
    JobRunner *runner() const { return m_runner; }

    // Re-thresholds the cached scores: new flags and intervals, never new scores.
    void setThresholdSettings(const ThresholdSettings &settings);
    const DetectionResult *result() const { return m_investigation.result(); }

    Investigation *investigation() { return &m_investigation; }
    const std::vector<InvestigationRow> &rows() const { return m_investigation.rows(); }
    // The intervals of every row but `index`: what its baseline leaves out.
    std::vector<TimeRange> otherRanges(std::size_t index) const;
    // An interval the analyst picked on the chart, as a marked anomaly; its row.
    int addManual(qsizetype firstRow, qsizetype lastRow);
    // Whether rows are still waiting for their kind and summary.
    bool isDescribing() const { return m_investigation.isDescribing(); }
    // Describes the marked rows still waiting, here and now (before exporting them).
    void describeMarkedNow();

signals:
    void trainingFinished();
    void trainingFailed(const QString &message);
    void modelFailed(const QString &message);
    void resultChanged();    // new scores (or none)
    void thresholdChanged(); // same scores, new threshold, hold and intervals
    void anomaliesChanged();
    // Rows that were waiting got their kind and summary (same rows otherwise).
    void descriptionsChanged();
    // Whatever the investigation reported (for the case file).
    void changed(tideline::Investigation::Change change, qint64 id);

private:
    // `trainedOn` is the file the model was fitted on, recorded with the run (a case re-runs
    // it from there); `modelFile` the model file it was read from, shown but not recorded.
    void showResult(const DetectionOptions &options, std::shared_ptr<DetectionResult> result,
                    const QString &trainedOn, TimeNs rowWidth, const QString &modelFile = {});
    // Describes the rows waiting for it on the job runner, a slice at a time so they fill in
    // as it goes; the next rebuild of the rows supersedes it.
    void describeInBackground();

    JobRunner *m_runner = nullptr;
    JobRunner *m_describer = nullptr;
    Investigation m_investigation;
    std::map<qint64, TimeNs> m_rowWidths;   // per run: what modelRowWidth() says
    std::map<qint64, QString> m_modelFiles; // per run read from a model file: that file
};

} // namespace tideline
