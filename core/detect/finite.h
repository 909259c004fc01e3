#pragma once

#include "detect/detector.h"

#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <limits>

namespace tideline {

// Detectors keep every intermediate finite: inputs are clamped to ±kLargeValue (so squares and
// sums of a million of them stay finite) and scores to ±kMaxScore.
constexpr double kLargeValue = 1e100;
constexpr double kMaxScore = 1e300;

// A value safe to compute with: NaN (which fit() refuses, but score() may meet) counts as 0,
// the centre of a robust-scaled column; infinities and huge values are clamped.
inline double sanitized(double x)
{
    if (std::isnan(x))
        return 0.0;
    return std::clamp(x, -kLargeValue, kLargeValue);
}

inline double finiteScore(double s)
{
    if (std::isnan(s))
        return 0.0;
    return std::clamp(s, -kMaxScore, kMaxScore);
}

// Copies rows [begin, end) of `rows` into a row-major buffer of sanitized values, so hot loops
// read one row contiguously.
void copyRowsSanitized(const Eigen::Ref<const Eigen::MatrixXd> &rows, Eigen::Index begin,
                       Eigen::Index end, double *out);

// The common checks before fit(): some rows, some columns, at least `minRows`, all finite.
// The message names the detector, and the row and column of the first bad value (1-based).
FitStatus checkTrainingMatrix(const Eigen::Ref<const Eigen::MatrixXd> &train,
                              const QString &detector, Eigen::Index minRows = 1);

} // namespace tideline
