#pragma once

#include "common/progress.h"

#include <Eigen/Core>
#include <vector>

namespace tideline {

// The rows a trimmed refit trains on (the trimmed estimators of robust statistics; Liu, Ting &
// Zhou's isolation forest paper names the same masking of a large anomaly cluster): training rows
// are rarely all normal, and an attack that fills a share of them is learnt as normal — its bins
// are each other's neighbours, its extreme values stretch the scaling that ordinary rows are
// measured by. So a detector fits once, scores its training rows, leaves out the highest-scoring
// `share` of them and fits again on the rest. The ranks are stable (ties keep the earlier row),
// so the same scores always keep the same rows, in their original order.
std::vector<Eigen::Index> rowsBelowTopShare(const Eigen::Ref<const Eigen::VectorXd> &scores,
                                            double share);

// The progress of one of the two fits as a half of the whole: `second` false maps its fractions
// to [0, 0.5], true to [0.5, 1], so the bar never runs back. Null stays null.
ProgressCallback halfOfProgress(const ProgressCallback &progress, bool second);

} // namespace tideline
