#include "detectioncontroller.h"

#include "jobrunner.h"

#include <QFileInfo>

namespace tideline {

DetectionController::DetectionController(QObject *parent)
    : QObject(parent)
    , m_runner(new JobRunner(this))
    , m_describer(new JobRunner(this))
{
    // Re-thresholding, re-binning and training show the rows at once; new ones are described
    // off this thread.
    m_investigation.setDescribeLater(true);
    m_investigation.setListener(
        [this](Investigation::Change change, qint64 id) { emit changed(change, id); });
}

void DetectionController::setInput(std::shared_ptr<const LoadedInput> input)
{
    m_runner->cancel();
    m_investigation.setInput(std::move(input));
    emit resultChanged();
    emit anomaliesChanged();
    describeInBackground();
}

void DetectionController::setSeries(std::shared_ptr<const LoadedInput> input)
{
    m_runner->cancel();
    m_investigation.setSeries(std::move(input));
    emit resultChanged();
    emit anomaliesChanged();
    describeInBackground();
}

void DetectionController::restore(std::shared_ptr<const LoadedInput> input,
                                  std::vector<DetectorRun> runs, qint64 currentRun,
                                  std::vector<Annotation> annotations,
                                  const std::vector<Anomaly> &described)
{
    m_runner->cancel();
    m_investigation.restore(std::move(input), std::move(runs), currentRun, std::move(annotations),
                            described);
    emit resultChanged();
    emit anomaliesChanged();
    describeInBackground();
}

void DetectionController::showLive(std::shared_ptr<const LoadedInput> input,
                                   const DetectionOptions &options,
                                   std::shared_ptr<DetectionResult> result,
                                   std::vector<Anomaly> described)
{
    m_investigation.updateLive(std::move(input), options, std::move(result), std::move(described));
    emit resultChanged();
    emit anomaliesChanged();
}

void DetectionController::train(const DetectionOptions &options)
{
    const std::shared_ptr<const LoadedInput> input = m_investigation.input();
    if (!input)
        return;
    m_runner->start<std::shared_ptr<DetectionResult>>(
        [input, options](const ProgressCallback &progress) {
            return std::make_shared<DetectionResult>(
                runDetection(input->series, options, progress));
        },
        [this, options, input](std::shared_ptr<DetectionResult> result) {
            // Scores of rows that are no longer shown (the bin width changed meanwhile).
            if (input == m_investigation.input())
                showResult(options, std::move(result), QString());
        });
}

void DetectionController::trainFrom(const QString &path, const DetectionOptions &options)
{
    const std::shared_ptr<const LoadedInput> input = m_investigation.input();
    if (!input)
        return;
    m_runner->start<std::shared_ptr<DetectionResult>>(
        [input, path, options](const ProgressCallback &progress) {
            auto result = std::make_shared<DetectionResult>();
            // Bin the training file like the shown one so the model sees the same kind of rows.
            LoadOptions load;
            load.binWidth = input->series.binWidth;
            const LoadedInput training = loadInput(path, load, progress);
            const QString name = QFileInfo(path).fileName();
            if (training.error) {
                result->status = FitStatus::failed(training.error->toString());
                return result;
            }
            if (training.cancelled) {
                result->status = FitStatus::cancelled();
                return result;
            }
            DetectionModel model = fitModel(training.series, options, progress);
            if (!model.ok()) {
                result->status = FitStatus::failed(tr("%1: %2").arg(name, model.status.message));
                return result;
            }
            model.trainingDescription = tr("%1 of %2").arg(model.trainingDescription, name);
            *result = applyModel(model, input->series, options.threshold, progress);
            return result;
        },
        [this, options, input, path](std::shared_ptr<DetectionResult> result) {
            if (input == m_investigation.input())
                showResult(options, std::move(result), path);
        });
}

void DetectionController::cancel()
{
    m_runner->cancel();
}

QString DetectionController::modelSource() const
{
    const DetectorRun *run = m_investigation.currentRun();
    return run ? run->modelFrom : QString();
}

bool DetectionController::isTraining() const
{
    return m_runner->isRunning();
}

void DetectionController::showResult(const DetectionOptions &options,
                                     std::shared_ptr<DetectionResult> result,
                                     const QString &modelSource)
{
    if (!result->status.ok()) {
        emit trainingFailed(result->status.message);
        return;
    }
    m_investigation.addRun(options, std::move(result), modelSource);
    emit resultChanged();
    emit anomaliesChanged();
    emit trainingFinished();
    describeInBackground();
}

void DetectionController::setThresholdSettings(const ThresholdSettings &settings)
{
    if (!m_investigation.result())
        return;
    ThresholdSettings kept = settings;
    kept.gap = m_investigation.result()->settings.gap; // the panel has no gap: keep the run's
    m_investigation.setThresholdSettings(kept);
    emit thresholdChanged();
    emit anomaliesChanged();
    describeInBackground();
}

void DetectionController::describeInBackground()
{
    auto work = std::make_shared<const Investigation::DescriptionWork>(
        m_investigation.pendingDescriptions());
    if (work->intervals.empty()) {
        m_describer->cancel();
        return;
    }
    // A slice of about this long: the table fills in as it goes, and a superseded job's
    // work is lost for at most one slice.
    constexpr qint64 kSliceMs = 250;
    m_describer->start<std::shared_ptr<const std::vector<Anomaly>>>(
        [work](const ProgressCallback &progress) {
            return std::make_shared<const std::vector<Anomaly>>(work->describe(progress, kSliceMs));
        },
        [this, work](std::shared_ptr<const std::vector<Anomaly>> described) {
            if (m_investigation.takeDescriptions(*work, *described))
                emit descriptionsChanged();
            describeInBackground();
        });
}

void DetectionController::describeMarkedNow()
{
    if (m_investigation.describePending(true))
        emit descriptionsChanged();
}

std::vector<TimeRange> DetectionController::otherRanges(std::size_t index) const
{
    std::vector<TimeRange> ranges;
    const auto &rows = m_investigation.rows();
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (i != index)
            ranges.emplace_back(rows[i].anomaly.start, rows[i].anomaly.end);
    }
    return ranges;
}

int DetectionController::addManual(qsizetype firstRow, qsizetype lastRow)
{
    const int row = m_investigation.addManual(firstRow, lastRow);
    emit anomaliesChanged();
    describeInBackground();
    return row;
}

} // namespace tideline
