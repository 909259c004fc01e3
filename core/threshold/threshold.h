#pragma once

#include "common/percentile.h"
#include "threshold/scoredistribution.h"

#include <Eigen/Core>
#include <QtGlobal>
#include <vector>

namespace tideline {

// Rows strictly above the threshold are flagged, each grown to the neighbouring rows above a
// lower hold level (hysteresis), and flagged rows close together merge into intervals. All of
// it runs on cached scores, so changing the threshold, the hold or the gap never retrains.
// Thresholds come from ScoreDistribution.

// The numpy percentile of the scores under `mask` (empty: every row), without a tail.
double percentileThreshold(const Eigen::Ref<const Eigen::VectorXd> &scores,
                           const std::vector<bool> &mask, double percentile);

// A run of flagged rows merged across small gaps. `mean` is over every row first..last,
// bridged rows included, like the packets and bytes reported for the interval.
struct ScoredInterval
{
    qsizetype first = 0;
    qsizetype last = 0;
    double peak = 0.0;
    double mean = 0.0;

    qsizetype rowCount() const { return last - first + 1; }
};

// Rows with score > threshold; rows where `eligible` is false (no data) are never flagged.
// An empty `eligible` means every row may be flagged.
std::vector<bool> flagRows(const Eigen::Ref<const Eigen::VectorXd> &scores, double threshold,
                           const std::vector<bool> &eligible = {});

// Hysteresis: every run of eligible rows with score > hold that holds a row with
// score > threshold is flagged whole, so an event is flagged from where its score rose out of
// the ordinary to where it fell back, not only where it peaked. A hold at or above the
// threshold is flagRows.
std::vector<bool> flagWithHold(const Eigen::Ref<const Eigen::VectorXd> &scores, double threshold,
                               double hold, const std::vector<bool> &eligible = {});

// Flagged rows separated by at most `gap` unflagged rows become one interval (gap 0: only
// adjacent rows merge).
std::vector<ScoredInterval> mergeFlagged(const Eigen::Ref<const Eigen::VectorXd> &scores,
                                         const std::vector<bool> &flags, int gap);

} // namespace tideline
