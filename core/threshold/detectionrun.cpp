#include "detectionrun.h"

#include "common/throttledprogress.h"
#include "common/vectorstate.h"
#include "detect/detectorregistry.h"
#include "series/trafficfeature.h"
#include "threshold/trainingclasses.h"

#include <QCoreApplication>
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

// Above this probability of attack a supervised model predicts an attack.
constexpr double kAttackProbability = 0.5;

// The matrix a model's detector reads: the pipeline's columns, then the one-hot categories.
// Notes the values it had to replace or did not know in `warnings`.
FeaturePipeline::Output modelMatrix(const DetectionModel &model, const Series &series,
                                    QStringList *warnings)
{
    FeaturePipeline::Output transformed =
        model.pipeline.transform(series.values, series.features, rowTimes(series));
    if (!transformed.ok())
        return transformed;
    const QStringList names = model.pipeline.columnNames();
    for (std::size_t c = 0; warnings && c < transformed.replaced.size(); ++c) {
        if (transformed.replaced[c] > 0)
            *warnings << QCoreApplication::translate(
                             "tideline", "%1: %2 values were NaN or infinite and were scored as "
                                         "the training median")
                             .arg(names[qsizetype(c)])
                             .arg(transformed.replaced[c]);
    }
    if (model.categories.columnCount() == 0)
        return transformed;
    const CategoryEncoder::Output encoded =
        model.categories.transform(series.categories, series.rowCount());
    if (!encoded.ok()) {
        transformed.error = encoded.error;
        return transformed;
    }
    const QStringList categories = model.categories.categoryNames();
    for (std::size_t c = 0; warnings && c < encoded.unseen.size(); ++c) {
        if (encoded.unseen[c] > 0)
            *warnings << QCoreApplication::translate(
                             "tideline", "%1: %2 rows have a value the training rows never had "
                                         "(encoded as none of the known values)")
                             .arg(categories[qsizetype(c)])
                             .arg(encoded.unseen[c]);
    }
    Eigen::MatrixXd both(transformed.matrix.rows(),
                         transformed.matrix.cols() + encoded.matrix.cols());
    both << transformed.matrix, encoded.matrix;
    transformed.matrix = std::move(both);
    return transformed;
}

// Fits a supervised detector on the rows `mask` flags (`train`), classed by their labels, and
// counts the rows of each class.
FitStatus fitClassifier(Classifier &classifier, const Series &series,
                        const DetectionOptions &options, const std::vector<bool> &mask,
                        const Eigen::MatrixXd &train, const ProgressCallback &progress,
                        std::vector<qint64> &classCounts)
{
    const TrainingClasses classes = trainingClasses(series.labels, mask, options.multiClass);
    classCounts = classes.counts;
    return classifier.fitLabelled(train, classes.targets, classes.classes, progress);
}

// An online detector learns for a probation of at most its training rows before it scores
// (htm, contextual): trained on every row of the series it then scores, it would learn from all
// of them and score none. There, as NAB sets it, the probation is at most 15 % of the rows,
// whatever its parameter says.
constexpr double kProbationShareOfAll = 0.15;

DetectionOptions withProbationForEveryRow(const DetectionOptions &options,
                                          const std::vector<bool> &mask)
{
    const DetectorInfo *info = findDetector(options.detector);
    const QString name = QStringLiteral("probation");
    if (options.training.kind != TrainingRange::Kind::All || info == nullptr)
        return options;
    const auto spec = std::find_if(info->parameters.begin(), info->parameters.end(),
                                   [&](const ParameterSpec &p) { return p.name == name; });
    if (spec == info->parameters.end())
        return options;
    bool ok = false;
    const qint64 given = options.parameters.value(name, spec->defaultValue).toLongLong(&ok);
    const auto rows = double(std::count(mask.begin(), mask.end(), true));
    const auto limit =
        std::max(qint64(spec->minimum), qint64(std::ceil(kProbationShareOfAll * rows)));
    if (!ok || given <= limit)
        return options; // a value that is not a number: createDetector() says what is wrong
    DetectionOptions limited = options;
    limited.parameters.insert(name, limit);
    return limited;
}

// The pipeline and detector fitted on `mask`; status says whether it worked.
DetectionModel fitOnRows(const Series &series, const DetectionOptions &options,
                         const std::vector<bool> &mask, const ProgressCallback &progress)
{
    DetectionModel model;
    model.seed = options.seed;
    model.trainingDescription = options.training.describe();
    const DetectorInfo *info = findDetector(options.detector);
    // The trimmed refit (trimmedrefit.h) is for training rows nobody said are normal; rows an
    // analyst chose as normal are all kept, unless `trim` was set.
    ParameterValues parameters = options.parameters;
    const QString trim = QStringLiteral("trim");
    if (options.training.kind != TrainingRange::Kind::All && !parameters.contains(trim) &&
        info != nullptr &&
        std::any_of(info->parameters.begin(), info->parameters.end(),
                    [&](const ParameterSpec &spec) { return spec.name == trim; }))
        parameters.insert(trim, 0.0);
    DetectorBuild build = createDetector(options.detector, parameters, options.seed);
    if (!build.ok()) {
        model.status = FitStatus::failed(build.errors.join(QLatin1Char('\n')));
        return model;
    }
    model.detector = info->name;
    model.parameters = build.parameters;

    // Named features that are category columns are the encoder's; without names, every
    // category column is encoded.
    std::vector<CategoryColumn> categories;
    for (const CategoryColumn &column : series.categories) {
        if (usesFeature(options.features, column.name))
            categories.push_back(column);
    }
    if (info->supervised && series.labels.size() != series.rowCount()) {
        model.status = FitStatus::failed(
            QCoreApplication::translate(
                "tideline",
                "%1 learns from labelled rows, and the training rows have no label column: name "
                "a table's label column with --label-column; a capture has none — to label its "
                "flows, train on a labelled flow table (--model-from FLOWS.csv --rows flows)")
                .arg(info->name));
        return model;
    }
    if (std::none_of(mask.begin(), mask.end(), [](bool b) { return b; })) {
        model.status = FitStatus::failed(
            QCoreApplication::translate("tideline", "the training range (%1) has no rows with data")
                .arg(model.trainingDescription));
        return model;
    }
    model.status = model.pipeline.fit(series.values, series.features, mask,
                                      pipelineOptions(series, options, *info), rowTimes(series));
    if (!model.status.ok())
        return model;
    model.warnings = model.pipeline.warnings();
    if (info->supervised)
        model.categories.fit(categories, mask);

    const RowTimes times = rowTimes(series);
    FeaturePipeline::Output transformed = modelMatrix(model, series, nullptr);
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
    // The scoring pass that follows takes every row of the series.
    model.status = build.detector->checkSize(series.rowCount(), transformed.matrix.cols());
    if (!model.status.ok())
        return model;
    const Eigen::MatrixXd train = transformed.matrix(rows, Eigen::all);
    auto *classifier = dynamic_cast<Classifier *>(build.detector.get());
    clearUpperVectorState();
    model.status = classifier ? fitClassifier(*classifier, series, options, mask, train, progress,
                                              model.classCounts)
                              : build.detector->fitTimed(train, trainTimes, progress);
    if (model.status.ok())
        model.fitted = std::move(build.detector);
    return model;
}

// Transforms and scores every row; empty scores with a status on failure or cancel.
FitStatus scoreSeries(const DetectionModel &model, const Series &series,
                      const ProgressCallback &progress, Eigen::VectorXd &scores,
                      QStringList &warnings, ClassPrediction *prediction = nullptr)
{
    const RowTimes times = rowTimes(series);
    const FeaturePipeline::Output transformed = modelMatrix(model, series, &warnings);
    if (!transformed.ok())
        return FitStatus::failed(transformed.error);
    if (const FitStatus size =
            model.fitted->checkSize(transformed.matrix.rows(), transformed.matrix.cols());
        !size.ok())
        return size;
    bool stopped = false;
    const ProgressCallback watch = [&](const Progress &p) {
        stopped = !reportProgress(progress, p);
        return !stopped;
    };
    clearUpperVectorState();
    if (const Classifier *classifier = model.classifier()) {
        const Eigen::MatrixXd p = classifier->probabilities(transformed.matrix, watch);
        if (stopped)
            return FitStatus::cancelled();
        scores = p.rows() == transformed.matrix.rows() ? classifier->attackProbability(p)
                                                       : Eigen::VectorXd();
        if (prediction && scores.size() == p.rows()) {
            prediction->classes = classifier->classes();
            prediction->predicted.resize(std::size_t(p.rows()));
            prediction->probability.resize(p.rows());
            for (Eigen::Index r = 0; r < p.rows(); ++r) {
                Eigen::Index best = 0;
                prediction->probability[r] = p.row(r).maxCoeff(&best);
                prediction->predicted[std::size_t(r)] = int(best);
            }
        }
    } else {
        scores = model.fitted->scoreTimed(transformed.matrix, times, watch);
    }
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
    clearUpperVectorState(); // the Pareto fits call log1p hundreds of thousands of times
    std::vector<bool> rows = mask;
    const auto warmUp =
        std::size_t(std::clamp<qint64>(detector.warmUpRows(), 0, qint64(rows.size())));
    std::fill(rows.begin(), rows.begin() + std::ptrdiff_t(warmUp), false);
    return ScoreDistribution(
        scores, std::find(rows.begin(), rows.end(), true) != rows.end() ? rows : mask,
        training.kind == TrainingRange::Kind::All ? ScoreDistribution::Outliers::LeaveOut
                                                  : ScoreDistribution::Outliers::Keep,
        detector.highestScore());
}

} // namespace

const Classifier *DetectionModel::classifier() const
{
    return dynamic_cast<const Classifier *>(fitted.get());
}

QStringList DetectionModel::featureNames() const
{
    return pipeline.columnNames() + categories.columnNames();
}

QString DetectionModel::describeClasses() const
{
    const Classifier *fittedClassifier = classifier();
    if (!fittedClassifier)
        return {};
    TrainingClasses trained;
    trained.classes = fittedClassifier->classes();
    trained.counts = classCounts;
    return trained.describe();
}

void DetectionResult::rethreshold(const ThresholdSettings &newSettings)
{
    settings = newSettings;
    if (model.classifier()) {
        // A classifier's own decision, not a percentile of its training scores: those are
        // attacks as often as the training file has them.
        threshold = hold = kAttackProbability;
        const std::vector<double> &sorted = model.trainingScores.sorted();
        percentile = sorted.empty()
                         ? 50.0
                         : 100.0 *
                               double(std::upper_bound(sorted.begin(), sorted.end(), threshold) -
                                      sorted.begin()) /
                               double(sorted.size());
        flagged = flagRows(scores, threshold, eligible);
        intervals = mergeFlagged(scores, flagged, settings.gap);
        return;
    }
    const ThresholdLevels levels = thresholdLevels(model, settings, rowDuration);
    percentile = levels.percentile;
    threshold = levels.threshold;
    hold = levels.hold;
    flagged = flagWithHold(scores, threshold, hold, eligible);
    intervals = mergeFlagged(scores, flagged, settings.gap);
}

double DetectionResult::falseAlarmsPerDay() const
{
    return settings.rule.falseAlarmsPerDayFor(rowDuration);
}

Eigen::VectorXd DetectionResult::normalizedScores() const
{
    if (model.classifier())
        return scores; // already a probability
    return model.trainingScores.normalized(scores);
}

QString DetectionResult::thresholdDescription() const
{
    if (model.classifier())
        return QCoreApplication::translate("tideline",
                                           "a probability of attack above %1 (%2 trained on %3)")
            .arg(kAttackProbability)
            .arg(model.detector, model.trainingDescription);
    const QString rule = QCoreApplication::translate("tideline", "%1 of the scores on %2")
                             .arg(settings.rule.describe(rowDuration), model.trainingDescription);
    // Rows are flagged above the threshold, so one at the highest score flags nothing either.
    if (!model.fitted || !(threshold >= model.fitted->highestScore()))
        return rule;
    // A rarity the detector's scores cannot express (the top of a bounded score is common
    // among the training rows, or the rarity asked for is beyond the one its top stands for):
    // say so rather than leave the analyst with no interval and no reason.
    return QCoreApplication::translate("tideline",
                                       "%1 (at or above the highest score %2 gives, %3: nothing "
                                       "can be flagged; lower the percentile or allow more "
                                       "false alarms per day)")
        .arg(rule, model.detector, QString::number(model.fitted->highestScore()));
}

bool addsToDefaultFeatures(const QStringList &features)
{
    return !features.isEmpty() &&
           std::all_of(features.begin(), features.end(),
                       [](const QString &f) { return f.startsWith(QLatin1Char('+')); });
}

bool usesFeature(const QStringList &features, const QString &name)
{
    if (features.isEmpty())
        return !looksAhead(name);
    if (addsToDefaultFeatures(features))
        return !looksAhead(name) || features.contains(QLatin1Char('+') + name);
    return features.contains(name);
}

RowTimes rowTimes(const Series &series)
{
    if (series.axis != Series::Axis::Time || series.starts.size() != std::size_t(series.rowCount()))
        return {};
    return series.starts;
}

FeaturePipeline::Options pipelineOptions(const Series &series, const DetectionOptions &options,
                                         const DetectorInfo &info)
{
    FeaturePipeline::Options pipeline;
    const auto category = [&](const QString &name) {
        return std::any_of(series.categories.begin(), series.categories.end(),
                           [&](const CategoryColumn &c) { return c.name == name; });
    };
    // A feature that looks ahead is used only when named: what it adds is not what a bin held.
    // Without names and without such a feature, the list stays empty: all columns, whatever
    // file the model is applied to.
    const bool adding = addsToDefaultFeatures(options.features);
    if (adding || (options.features.isEmpty() &&
                   std::any_of(series.features.begin(), series.features.end(),
                               [](const FeatureInfo &f) { return looksAhead(f.name); }))) {
        for (const FeatureInfo &feature : series.features) {
            if (usesFeature(options.features, feature.name))
                pipeline.features << feature.name;
        }
    }
    // Named columns, in their order; a name no column has stays for the pipeline to refuse.
    for (const QString &named : options.features) {
        const QString name = adding ? named.mid(1) : named;
        if (!category(name) && !pipeline.features.contains(name))
            pipeline.features << name;
    }
    pipeline.logCounts = options.logCounts && info.logCounts;
    pipeline.scaling = options.scaling.value_or(info.scaling);
    pipeline.timeFeatures = options.timeFeatures;
    return pipeline;
}

ThresholdLevels thresholdLevels(const DetectionModel &model, const ThresholdSettings &settings,
                                TimeNs rowDuration)
{
    const ScoreDistribution &distribution = model.trainingScores;
    const double risk = settings.rule.risk(rowDuration);
    ThresholdLevels levels;
    levels.percentile = 100.0 * (1.0 - risk);
    levels.threshold = settings.rule.kind == ThresholdRule::Kind::Percentile
                           ? distribution.percentile(settings.rule.value)
                           : distribution.thresholdForRisk(risk);
    levels.hold = std::min(levels.threshold, distribution.percentile(settings.holdPercentile));
    return levels;
}

std::vector<bool> trainingRows(const Series &series, const TrainingRange &range)
{
    std::vector<bool> mask = range.rows(series.starts);
    const std::vector<bool> withData = rowsWithData(series);
    for (std::size_t i = 0; i < mask.size(); ++i)
        mask[i] = mask[i] && withData[i];
    return mask;
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
    result.status =
        scoreSeries(model, series, progress, result.scores, result.warnings, &result.prediction);
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
    result.model = fitOnRows(series, withProbationForEveryRow(options, mask), mask,
                             scaledProgress(progress, 0.0, kFitShare));
    result.warnings = result.model.warnings;
    if (!result.model.ok()) {
        result.status = result.model.status;
        return result;
    }
    result.status = scoreSeries(result.model, series, scaledProgress(progress, kFitShare, 1.0),
                                result.scores, result.warnings, &result.prediction);
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
