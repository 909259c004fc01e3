#pragma once

#include "common/series.h"
#include "detect/featurepipeline.h"

#include <QString>
#include <vector>

namespace tideline {

// Which features pushed an interval's score up: each feature the model uses, as the detector
// saw it (transformed and scaled), averaged over the interval and set against the training
// rows' distribution of that feature as a robust z-score.
struct FeatureContribution
{
    QString feature;
    double intervalMean = 0.0;    // mean transformed+scaled value over the interval's rows
    double baselineMedian = 0.0;  // of the transformed+scaled training values
    double baselineSpread = 1.0;  // IQR / 1.349 (≈ σ for normal data); fallbacks in the .cpp
    double z = 0.0;               // (intervalMean − baselineMedian) / baselineSpread
    double rawIntervalMean = 0.0; // the same means in the series' own units, for display
    double rawBaselineMedian = 0.0;
};

struct FeatureContributions
{
    std::vector<FeatureContribution> features; // sorted by |z|, largest first
    QString error; // the pipeline does not fit this series, or the rows are out of range

    bool ok() const { return error.isEmpty(); }
};

// Rows [first, last] of `series` against `training` (the rows the model was fitted on; when
// none are set — a model applied to another file — every row with data outside the interval).
// Rows without data are left out on both sides.
FeatureContributions featureContributions(const FeaturePipeline &pipeline, const Series &series,
                                          const std::vector<bool> &training, qsizetype first,
                                          qsizetype last);

} // namespace tideline
