#include "detectionrun.h"

#include "common/throttledprogress.h"
#include "detect/detectorregistry.h"

#include <QCoreApplication>
#include <QLocale>
#include <algorithm>
#include <cmath>

namespace tideline {

namespace {

constexpr double kFitShare = 0.6; // of the progress bar, when fitting and scoring in one go

std::vector<bool> rowsWithData(const Series &series)
{
    std::vector<bool> rows(std::size_t(series.rowCount()));
    for (qsizetype r = 0; r < series.rowCount(); ++r)
        rows[std::size_t(r)] = series.rowHasData(r);
    return rows;
}

// Each row's start time, for clock features and detectors that read the clock.
RowTimes rowTimes(const Series &series)
{
    if (series.axis != Series::Axis::Time || series.starts.size() != std::size_t(series.rowCount()))
        return {};
    return series.starts;
}

// Rows to train on: the range, restricted to rows with data.
std::vector<bool> trainingRows(const Series &series, const TrainingRange &range)
{
    std::vector<bool> mask = range.rows(series.starts);
    const std::vector<bool> withData = rowsWithData(series);
    for (std::size_t i = 0; i < mask.size(); ++i)
        mask[i] = mask[i] && withData[i];
    return mask;
}

// The pipeline and detector fitted on `mask`; status says whether it worked.
DetectionModel fitOnRows(const Series &series, const DetectionOptions &options,
                         const std::vector<bool> &mask, const ProgressCallback &progress)
{
    DetectionModel model;
    model.seed = options.seed;
    model.trainingDescription = options.training.describe();
    const DetectorInfo *info = findDetector(options.detector);
    DetectorBuild build = createDetector(options.detector, options.parameters, options.seed);
    if (!build.ok()) {
        model.status = FitStatus::failed(build.errors.join(QLatin1Char('\n')));
        return model;
    }
    model.detector = info->name;
    model.parameters = build.parameters;

    FeaturePipeline::Options pipelineOptions;
    pipelineOptions.features = options.features;
    pipelineOptions.logCounts = options.logCounts;
    pipelineOptions.scaling = options.scaling.value_or(info->scaling);
    pipelineOptions.timeFeatures = options.timeFeatures;
    if (std::none_of(mask.begin(), mask.end(), [](bool b) { return b; })) {
        model.status = FitStatus::failed(
            QCoreApplication::translate("tideline", "the training range (%1) has no rows with data")
                .arg(model.trainingDescription));
        return model;
    }
    model.status =
        model.pipeline.fit(series.values, series.features, mask, pipelineOptions, rowTimes(series));
    if (!model.status.ok())
        return model;
    model.warnings = model.pipeline.warnings();

    const RowTimes times = rowTimes(series);
    FeaturePipeline::Output transformed =
        model.pipeline.transform(series.values, series.features, times);
    if (!transformed.ok()) {
        model.status = FitStatus::failed(transformed.error);
        return model;
    }
    std::vector<Eigen::Index> rows;
    std::vector<TimeNs> trainTimes;
    for (std::size_t i = 0; i < mask.size(); ++i) {
        if (mask[i]) {
            rows.push_back(Eigen::Index(i));
            if (!times.empty())
                trainTimes.push_back(times[i]);
        }
    }
    const Eigen::MatrixXd train = transformed.matrix(rows, Eigen::all);
    model.status = build.detector->fitTimed(train, trainTimes, progress);
    if (model.status.ok())
        model.fitted = std::move(build.detector);
    return model;
}

// Transforms and scores every row; empty scores with a status on failure or cancel.
FitStatus scoreSeries(const DetectionModel &model, const Series &series,
                      const ProgressCallback &progress, Eigen::VectorXd &scores,
                      QStringList &warnings)
{
    const RowTimes times = rowTimes(series);
    const FeaturePipeline::Output transformed =
        model.pipeline.transform(series.values, series.features, times);
    if (!transformed.ok())
        return FitStatus::failed(transformed.error);
    const QStringList names = model.pipeline.columnNames();
    for (std::size_t c = 0; c < transformed.replaced.size(); ++c) {
        if (transformed.replaced[c] > 0)
            warnings << QCoreApplication::translate(
                            "tideline", "%1: %2 values were NaN or infinite and were scored as "
                                        "the training median")
                            .arg(names[qsizetype(c)])
                            .arg(transformed.replaced[c]);
    }
    bool stopped = false;
    const ProgressCallback watch = [&](const Progress &p) {
        stopped = !reportProgress(progress, p);
        return !stopped;
    };
    scores = model.fitted->scoreTimed(transformed.matrix, times, watch);
    if (stopped)
        return FitStatus::cancelled();
    if (scores.size() != transformed.matrix.rows())
        return FitStatus::failed(
            QCoreApplication::translate("tideline", "%1 gave %2 scores for %3 rows")
                .arg(model.detector)
                .arg(scores.size())
                .arg(transformed.matrix.rows()));
    return {};
}

// The distribution the thresholds come from: a detector's own tail probabilities where its
// scores are those, else the training rows' scores, without the first rows of the scoring
// pass that an online detector scores with a placeholder while it learns (unless that leaves
// no row). Trained on every row, the attacks among them are left out (ScoreDistribution).
ScoreDistribution calibration(const Detector &detector, const Eigen::VectorXd &scores,
                              const std::vector<bool> &mask, const TrainingRange &training)
{
    if (detector.logTailUnit() < 0.0)
        return ScoreDistribution::ofLogTails(scores, mask, detector.logTailUnit());
    std::vector<bool> rows = mask;
    const auto warmUp =
        std::size_t(std::clamp<qint64>(detector.warmUpRows(), 0, qint64(rows.size())));
    std::fill(rows.begin(), rows.begin() + std::ptrdiff_t(warmUp), false);
    return ScoreDistribution(
        scores, std::find(rows.begin(), rows.end(), true) != rows.end() ? rows : mask,
        training.kind == TrainingRange::Kind::All ? ScoreDistribution::Outliers::LeaveOut
                                                  : ScoreDistribution::Outliers::Keep);
}

} // namespace

void DetectionResult::rethreshold(const ThresholdSettings &newSettings)
{
    settings = newSettings;
    const ScoreDistribution &distribution = model.trainingScores;
    const double risk = settings.rule.risk(rowDuration);
    percentile = 100.0 * (1.0 - risk);
    threshold = settings.rule.kind == ThresholdRule::Kind::Percentile
                    ? distribution.percentile(settings.rule.value)
                    : distribution.thresholdForRisk(risk);
    hold = std::min(threshold, distribution.percentile(settings.holdPercentile));
    flagged = flagWithHold(scores, threshold, hold, eligible);
    intervals = mergeFlagged(scores, flagged, settings.gap);
}

double DetectionResult::falseAlarmsPerDay() const
{
    return settings.rule.falseAlarmsPerDayFor(rowDuration);
}

Eigen::VectorXd DetectionResult::normalizedScores() const
{
    return model.trainingScores.normalized(scores);
}

QString DetectionResult::thresholdDescription() const
{
    return QCoreApplication::translate("tideline", "%1 of the scores on %2")
        .arg(settings.rule.describe(rowDuration), model.trainingDescription);
}

DetectionModel fitModel(const Series &series, const DetectionOptions &options,
                        const ProgressCallback &progress)
{
    const std::vector<bool> mask = trainingRows(series, options.training);
    DetectionModel model =
        fitOnRows(series, options, mask, scaledProgress(progress, 0.0, kFitShare));
    if (!model.ok())
        return model;
    Eigen::VectorXd scores;
    QStringList ignored;
    model.status =
        scoreSeries(model, series, scaledProgress(progress, kFitShare, 1.0), scores, ignored);
    if (model.status.ok())
        model.trainingScores = calibration(*model.fitted, scores, mask, options.training);
    else
        model.fitted.reset();
    return model;
}

DetectionResult applyModel(const DetectionModel &model, const Series &series,
                           const ThresholdSettings &settings, const ProgressCallback &progress)
{
    DetectionResult result;
    result.model = model;
    result.warnings = model.warnings;
    if (!model.ok()) {
        result.status = model.status.ok() ? FitStatus::failed(QCoreApplication::translate(
                                                "tideline", "the model was not fitted"))
                                          : model.status;
        return result;
    }
    result.status = scoreSeries(model, series, progress, result.scores, result.warnings);
    if (!result.status.ok()) {
        result.scores.resize(0);
        return result;
    }
    result.training.assign(std::size_t(series.rowCount()), false);
    result.eligible = rowsWithData(series);
    result.rowDuration = rowDuration(series);
    result.rethreshold(settings);
    return result;
}

DetectionResult runDetection(const Series &series, const DetectionOptions &options,
                             const ProgressCallback &progress)
{
    DetectionResult result;
    const std::vector<bool> mask = trainingRows(series, options.training);
    result.model = fitOnRows(series, options, mask, scaledProgress(progress, 0.0, kFitShare));
    result.warnings = result.model.warnings;
    if (!result.model.ok()) {
        result.status = result.model.status;
        return result;
    }
    result.status = scoreSeries(result.model, series, scaledProgress(progress, kFitShare, 1.0),
                                result.scores, result.warnings);
    if (!result.status.ok()) {
        result.scores.resize(0);
        return result;
    }
    result.model.trainingScores =
        calibration(*result.model.fitted, result.scores, mask, options.training);
    result.training = mask;
    result.eligible = rowsWithData(series);
    result.rowDuration = rowDuration(series);
    result.rethreshold(options.threshold);
    return result;
}

} // namespace tideline
