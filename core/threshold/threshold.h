#pragma once

#include "common/percentile.h"

#include <Eigen/Core>
#include <QtGlobal>
#include <vector>

namespace tideline {

// The threshold rule: a percentile of the training rows' scores; rows strictly above it are
// flagged, and flagged rows close together merge into intervals. All of it runs on cached
// scores, so changing the percentile or the gap never retrains.

// Sorted once, then any percentile is a lookup (the threshold studio drags through many).
class ScoreDistribution
{
public:
    ScoreDistribution() = default;
    // The scores of the rows where `mask` is true (an empty mask means every row).
    ScoreDistribution(const Eigen::Ref<const Eigen::VectorXd> &scores,
                      const std::vector<bool> &mask);

    double percentile(double p) const
    {
        return percentileOfSorted(m_sorted.data(), qsizetype(m_sorted.size()), p);
    }
    qsizetype size() const { return qsizetype(m_sorted.size()); }
    const std::vector<double> &sorted() const { return m_sorted; }

private:
    std::vector<double> m_sorted;
};

// percentile(p) of the scores under `mask` without keeping the distribution.
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

// Flagged rows separated by at most `gap` unflagged rows become one interval (gap 0: only
// adjacent rows merge).
std::vector<ScoredInterval> mergeFlagged(const Eigen::Ref<const Eigen::VectorXd> &scores,
                                         const std::vector<bool> &flags, int gap);

// Scores mapped to [0, 1] by min–max over all the given scores: monotone, 0 for the least and
// 1 for the most anomalous row of this output; all 0 when every score is the same.
Eigen::VectorXd normalizedScores(const Eigen::Ref<const Eigen::VectorXd> &scores);

} // namespace tideline
