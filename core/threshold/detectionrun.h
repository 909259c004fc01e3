#pragma once

#include "common/series.h"
#include "detect/categoryencoder.h"
#include "detect/classifier.h"
#include "detect/detector.h"
#include "detect/featurepipeline.h"
#include "threshold/threshold.h"
#include "threshold/thresholdrule.h"
#include "threshold/trainingrange.h"

#include <memory>
#include <optional>
#include <vector>

namespace tideline {

struct DetectorInfo;

// From a Series to scores and anomalous intervals in one call, for `tideline detect` and the
// GUI's training job. Typical use:
//
//     DetectionOptions options;
//     options.detector = QStringLiteral("isolation_forest"); // from detectors()
//     options.parameters = parseAssignments(...).values; // --param k=v, checked here
//     options.training = TrainingRange::firstFraction(0.7);
//     DetectionResult result = runDetection(series, options, progress);
//     if (!result.status.ok()) → result.status.message (Failed) or stop (Cancelled)
//     result.scores / result.threshold / result.flagged / result.normalizedScores() → scores CSV
//     Investigation::addRun(options, result) (investigation/) → the anomalies CSV, described
//     by IntervalDescriber (investigation/intervaldescriber.h)
//
// Supervised detectors (DetectorInfo::supervised) train on the series' labels and categories,
// score the probability of attack and flag the rows predicted as attacks (score above 0.5),
// whatever the threshold rule says.
//
// Train on one file and apply to another (same feature names):
//
//     DetectionModel model = fitModel(seriesA, options, progress);
//     DetectionResult b = applyModel(model, seriesB, options.threshold, progress);
//
// The threshold comes from the distribution of the model's training rows' scores (its
// Pareto tail beyond what the rows resolve), for the rule's percentile or alarms per day;
// changing the rule, hold or gap is result.rethreshold(settings), which never rescores.

// Whether `features` (DetectionOptions::features) adds to the default ones: every name starts
// with '+' ("+largest_upload").
bool addsToDefaultFeatures(const QStringList &features);
// Whether `features` has the detector use the column `name` (a feature or a category column).
bool usesFeature(const QStringList &features, const QString &name);

struct DetectionOptions
{
    QString detector;
    ParameterValues parameters; // unchecked (strings are fine); missing names take defaults
    quint64 seed = 1;
    // Columns to use; empty = all but those that look ahead (looksAhead()); "+NAME" entries
    // add to those.
    QStringList features;
    bool logCounts = true;                 // log1p on FeatureKind::Count columns
    std::optional<FeatureScaling> scaling; // empty = the detector's own (DetectorInfo::scaling)
    bool timeFeatures = false; // adds time-of-day and day-of-week columns (FeaturePipeline)
    // Supervised detectors: one class per label value rather than normal / attack.
    bool multiClass = false;
    TrainingRange training; // always restricted to rows that have data
    ThresholdSettings threshold;
};

// A fitted feature pipeline and detector, reusable on any Series with the same columns.
// Copies share the detector, which is only read from then on.
struct DetectionModel
{
    FitStatus status;
    QString detector;
    ParameterValues parameters; // checked, defaults filled in
    quint64 seed = 0;
    FeaturePipeline pipeline;
    CategoryEncoder categories; // supervised detectors: the one-hot columns after the pipeline's
    std::shared_ptr<const Detector> fitted;
    ScoreDistribution trainingScores; // the training rows' scores: thresholds and calibration
    QString trainingDescription;      // "the first 70% of rows" — for saying where P came from
    QStringList warnings;             // from the pipeline's fit
    std::vector<qint64> classCounts;  // supervised: training rows per class of classifier()

    bool ok() const { return status.ok() && fitted != nullptr; }
    // The fitted detector when it is supervised, else null.
    const Classifier *classifier() const;
    // The columns the detector sees: the pipeline's, then the one-hot categories.
    QStringList featureNames() const;
    // "normal 1,320 · attack 180": the training rows per class; empty when not supervised.
    QString describeClasses() const;
};

// A supervised model's verdict per row: the most probable class and its probability.
struct ClassPrediction
{
    ClassSet classes;
    std::vector<int> predicted;
    Eigen::VectorXd probability;

    bool empty() const { return predicted.empty(); }
};

struct DetectionResult
{
    FitStatus status;
    DetectionModel model;
    Eigen::VectorXd scores;     // one per row, finite, higher = more anomalous
    std::vector<bool> training; // rows of this series the model trained on (none when applied)
    std::vector<bool> eligible; // rows that may be flagged: those with data
    TimeNs rowDuration = 0;     // what a row of this series lasts (0: rows of a table)
    ThresholdSettings settings;
    double percentile = 99.0; // the settings' rule as a percentile of the training scores
    double threshold = 0.0;
    double hold = 0.0;         // the hold level (≤ threshold)
    std::vector<bool> flagged; // in a hysteresis run that crossed the threshold, eligible
    std::vector<ScoredInterval> intervals;
    ClassPrediction prediction; // supervised detectors only
    QStringList warnings;       // the model's, plus values this series had replaced

    // New threshold, hold, flags and intervals from the cached scores.
    void rethreshold(const ThresholdSettings &newSettings);
    // Expected false alarms per day of normal traffic at this threshold (NaN for tables).
    double falseAlarmsPerDay() const;
    // The calibrated scores (ScoreDistribution::normalized), one per row.
    Eigen::VectorXd normalizedScores() const;
    // "1 false alarm(s) per day (99.9988th percentile) of the scores on the first 70% of rows"
    QString thresholdDescription() const;
};

// Where a rule puts the threshold and the hold level in an unsupervised model's training
// scores, for rows that last `rowDuration` (0: rows of a table).
struct ThresholdLevels
{
    double percentile = 99.0; // the rule as a percentile of the training scores
    double threshold = 0.0;
    double hold = 0.0; // ≤ threshold
};
ThresholdLevels thresholdLevels(const DetectionModel &model, const ThresholdSettings &settings,
                                TimeNs rowDuration);

// Each row's start time, for clock features and detectors that read the clock (empty for the
// rows of a table).
RowTimes rowTimes(const Series &series);

// What the feature pipeline does in front of `info` in a run of `options` on `series`: the
// chosen columns but the category columns (the category encoder's), counts logged unless the
// detector models them itself, its scaling unless the run chose one, the clock features.
FeaturePipeline::Options pipelineOptions(const Series &series, const DetectionOptions &options,
                                         const DetectorInfo &info);

// The rows `range` takes of `series` that have data: those a model trains on.
std::vector<bool> trainingRows(const Series &series, const TrainingRange &range);

// Fits the pipeline and detector on the training rows and scores those rows for thresholds.
DetectionModel fitModel(const Series &series, const DetectionOptions &options,
                        const ProgressCallback &progress);

// Scores every row of `series` with a fitted model and thresholds with the model's training
// scores.
DetectionResult applyModel(const DetectionModel &model, const Series &series,
                           const ThresholdSettings &settings, const ProgressCallback &progress);

// Fit on the training range of `series`, then score all of it (each row scored once).
DetectionResult runDetection(const Series &series, const DetectionOptions &options,
                             const ProgressCallback &progress);

} // namespace tideline
