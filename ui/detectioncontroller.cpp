#include "detectioncontroller.h"

#include "jobrunner.h"
#include "threshold/modelfile.h"

#include <QFileInfo>

namespace tideline {

namespace {

// What a model file keeps as the width of the rows a model learnt from: a capture's or a flow
// table's bins; 0 for the rows of a table, which are what they are.
TimeNs rowWidthOf(const LoadedInput &input)
{
    return input.traffic ? input.series.binWidth : 0;
}

struct Fitted
{
    std::shared_ptr<DetectionResult> result;
    TimeNs rowWidth = 0; // of the training rows
};

// Fits on `training` (`name`) and scores the shown `input` with it: `detect --model-from`.
Fitted fitAndApply(const LoadedInput &training, const QString &name, const LoadedInput &input,
                   const DetectionOptions &options, const ProgressCallback &progress)
{
    Fitted fitted;
    fitted.result = std::make_shared<DetectionResult>();
    DetectionResult &result = *fitted.result;
    if (training.error) {
        result.status = FitStatus::failed(training.error->toString());
        return fitted;
    }
    if (training.cancelled) {
        result.status = FitStatus::cancelled();
        return fitted;
    }
    DetectionModel model = fitModel(training.series, options, progress);
    if (!model.ok()) {
        result.status =
            FitStatus::failed(DetectionController::tr("%1: %2").arg(name, model.status.message));
        return fitted;
    }
    model.trainingDescription =
        DetectionController::tr("%1 of %2").arg(model.trainingDescription, name);
    result = applyModel(model, input.series, options.threshold, progress);
    fitted.rowWidth = rowWidthOf(training);
    return fitted;
}

} // namespace

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
                showResult(options, std::move(result), QString(), rowWidthOf(*input));
        });
}

void DetectionController::trainFrom(const QString &path, const DetectionOptions &options)
{
    const std::shared_ptr<const LoadedInput> input = m_investigation.input();
    if (!input)
        return;
    m_runner->start<Fitted>(
        [input, path, options](const ProgressCallback &progress) {
            // Bin the training file like the shown one so the model sees the same kind of rows.
            LoadOptions load;
            load.binWidth = input->series.binWidth;
            const LoadedInput training = loadInput(path, load, progress);
            return fitAndApply(training, QFileInfo(path).fileName(), *input, options, progress);
        },
        [this, options, input, path](Fitted fitted) {
            if (input == m_investigation.input())
                showResult(options, std::move(fitted.result), path, fitted.rowWidth);
        });
}

void DetectionController::trainOn(std::shared_ptr<const LoadedInput> training, const QString &path,
                                  const DetectionOptions &options)
{
    const std::shared_ptr<const LoadedInput> input = m_investigation.input();
    if (!input || !training)
        return;
    m_runner->start<Fitted>(
        [input, training, path, options](const ProgressCallback &progress) {
            return fitAndApply(*training, QFileInfo(path).fileName(), *input, options, progress);
        },
        [this, options, input, path](Fitted fitted) {
            if (input == m_investigation.input())
                showResult(options, std::move(fitted.result), path, fitted.rowWidth);
        });
}

void DetectionController::applyModelFile(const QString &path, const ThresholdSettings &threshold)
{
    const std::shared_ptr<const LoadedInput> input = m_investigation.input();
    if (!input)
        return;
    struct Applied
    {
        std::shared_ptr<DetectionResult> result;
        std::optional<SavedModel> saved;
    };
    m_runner->start<std::shared_ptr<const Applied>>(
        [input, path, threshold](const ProgressCallback &progress) {
            auto applied = std::make_shared<Applied>();
            applied->result = std::make_shared<DetectionResult>();
            DetectionResult &result = *applied->result;
            QString error;
            applied->saved = ModelFile::read(path, &error);
            if (!applied->saved) {
                result.status = FitStatus::failed(error);
                return std::shared_ptr<const Applied>(applied);
            }
            const SavedModel &saved = *applied->saved;
            const Series &series = input->series;
            if (const QString mismatch = ModelFile::mismatch(saved.model, series);
                !mismatch.isEmpty()) {
                result.status = FitStatus::failed(tr("%1: %2").arg(path, mismatch));
            } else if (saved.rowWidth > 0 && saved.rowWidth != series.binWidth) {
                // A model of bins scores bins as wide as those it learnt from.
                result.status = FitStatus::failed(
                    tr("%1 learnt from bins of %2, and the shown bins are %3 wide: choose %2 "
                       "as the bin width first")
                        .arg(path, formatDuration(saved.rowWidth),
                             formatDuration(series.binWidth)));
            } else {
                result = applyModel(saved.model, series, threshold, progress);
            }
            return std::shared_ptr<const Applied>(applied);
        },
        [this, input, path, threshold](std::shared_ptr<const Applied> applied) {
            if (input != m_investigation.input())
                return;
            if (!applied->result->status.ok()) {
                emit modelFailed(applied->result->status.message);
                return;
            }
            // The run as the model was trained, as `detect --model` records it.
            const DetectionModel &model = applied->saved->model;
            DetectionOptions options;
            options.detector = model.detector;
            options.parameters = model.parameters;
            options.seed = model.seed;
            options.multiClass = !model.classifier()->classes().binary;
            options.threshold = threshold;
            // Like `detect --model`, the run records no training file: the model file is not
            // one, and a case re-running it from there would fail.
            showResult(options, applied->result, QString(), applied->saved->rowWidth, path);
        });
}

void DetectionController::cancel()
{
    m_runner->cancel();
}

QString DetectionController::modelSource() const
{
    const DetectorRun *run = m_investigation.currentRun();
    if (!run)
        return {};
    const auto file = m_modelFiles.find(run->id);
    return file != m_modelFiles.end() ? file->second : run->modelFrom;
}

TimeNs DetectionController::modelRowWidth() const
{
    const DetectorRun *run = m_investigation.currentRun();
    if (!run)
        return 0;
    if (const auto known = m_rowWidths.find(run->id); known != m_rowWidths.end())
        return known->second;
    const std::shared_ptr<const LoadedInput> input = m_investigation.input();
    return input ? rowWidthOf(*input) : 0; // a run read back from a case: trained here
}

bool DetectionController::isTraining() const
{
    return m_runner->isRunning();
}

void DetectionController::showResult(const DetectionOptions &options,
                                     std::shared_ptr<DetectionResult> result,
                                     const QString &trainedOn, TimeNs rowWidth,
                                     const QString &modelFile)
{
    if (!result->status.ok()) {
        emit trainingFailed(result->status.message);
        return;
    }
    const qint64 run = m_investigation.addRun(options, std::move(result), trainedOn);
    m_rowWidths[run] = rowWidth;
    if (!modelFile.isEmpty())
        m_modelFiles[run] = modelFile;
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
