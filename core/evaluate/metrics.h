#pragma once

#include "evaluate/truth.h"
#include "investigation/anomaly.h"

#include <QtGlobal>
#include <vector>

namespace tideline {

// Detection quality against ground truth. Undefined ratios (nothing detected, no positives,
// one class only) are NaN, never a made-up 0 or 1.

struct BinaryMetrics
{
    qint64 truePositives = 0;
    qint64 falsePositives = 0;
    qint64 falseNegatives = 0;
    qint64 trueNegatives = 0;
    double precision = 0.0;
    double recall = 0.0;
    double f1 = 0.0;
};

// Per row (bin): predicted flag against truth; rows beyond the shorter vector are ignored.
BinaryMetrics binaryMetrics(const std::vector<bool> &truth, const std::vector<bool> &predicted);

// Per interval: a truth interval is found when some detected interval overlaps it; a detected
// interval is a true positive when it overlaps some truth interval. Intervals are [start, end);
// an empty one counts as the single instant `start`.
struct EventMetrics
{
    qint64 truthIntervals = 0;
    qint64 truthFound = 0;
    qint64 detectedIntervals = 0;
    qint64 detectedTrue = 0;
    double precision = 0.0; // detectedTrue / detectedIntervals
    double recall = 0.0;    // truthFound / truthIntervals
    double f1 = 0.0;
    std::vector<bool> found; // per truth interval, in the given order
    // Per truth interval, over the detected intervals that overlap it (their union): the share
    // of the truth's duration they cover, and how far they spill past it, as a share of the
    // truth's duration too. 0 and 0 when nothing overlaps; NaN for an empty truth interval.
    std::vector<double> coverage;
    std::vector<double> spill;
};

EventMetrics eventMetrics(const std::vector<TruthInterval> &truth,
                          const std::vector<Anomaly> &detected);

// Area under the ROC curve by the Mann–Whitney statistic with average ranks for ties (equal
// to the trapezoidal area of the tie-aware ROC curve). NaN without both classes.
double rocAuc(const std::vector<double> &scores, const std::vector<bool> &truth);

// Average precision as scikit-learn defines it: Σ (R_k - R_{k-1}) P_k over the distinct score
// thresholds, ties taken together. NaN without positives.
double averagePrecision(const std::vector<double> &scores, const std::vector<bool> &truth);

// Harmonic mean, NaN when either is NaN, 0 when both are 0.
double f1Score(double precision, double recall);

} // namespace tideline
