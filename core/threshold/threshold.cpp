#include "threshold.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace tideline {

ScoreDistribution::ScoreDistribution(const Eigen::Ref<const Eigen::VectorXd> &scores,
                                     const std::vector<bool> &mask)
{
    const Eigen::Index n = scores.size();
    m_sorted.reserve(std::size_t(n));
    for (Eigen::Index i = 0; i < n; ++i) {
        if (mask.empty() || (std::size_t(i) < mask.size() && mask[std::size_t(i)]))
            m_sorted.push_back(scores[i]);
    }
    std::sort(m_sorted.begin(), m_sorted.end());
}

double percentileThreshold(const Eigen::Ref<const Eigen::VectorXd> &scores,
                           const std::vector<bool> &mask, double percentile)
{
    return ScoreDistribution(scores, mask).percentile(percentile);
}

std::vector<bool> flagRows(const Eigen::Ref<const Eigen::VectorXd> &scores, double threshold,
                           const std::vector<bool> &eligible)
{
    const Eigen::Index n = scores.size();
    std::vector<bool> flags(std::size_t(n), false);
    for (Eigen::Index i = 0; i < n; ++i) {
        const bool allowed =
            eligible.empty() || (std::size_t(i) < eligible.size() && eligible[std::size_t(i)]);
        flags[std::size_t(i)] = allowed && scores[i] > threshold;
    }
    return flags;
}

std::vector<ScoredInterval> mergeFlagged(const Eigen::Ref<const Eigen::VectorXd> &scores,
                                         const std::vector<bool> &flags, int gap)
{
    std::vector<ScoredInterval> intervals;
    const qsizetype n = std::min<qsizetype>(scores.size(), qsizetype(flags.size()));
    gap = std::max(0, gap);
    qsizetype first = -1;
    qsizetype last = -1;
    const auto close = [&] {
        ScoredInterval interval;
        interval.first = first;
        interval.last = last;
        interval.peak = scores.segment(first, last - first + 1).maxCoeff();
        interval.mean = scores.segment(first, last - first + 1).mean();
        intervals.push_back(interval);
    };
    for (qsizetype i = 0; i < n; ++i) {
        if (!flags[std::size_t(i)])
            continue;
        if (first >= 0 && i - last - 1 > gap) {
            close();
            first = -1;
        }
        if (first < 0)
            first = i;
        last = i;
    }
    if (first >= 0)
        close();
    return intervals;
}

Eigen::VectorXd normalizedScores(const Eigen::Ref<const Eigen::VectorXd> &scores)
{
    Eigen::VectorXd normalized = Eigen::VectorXd::Zero(scores.size());
    if (scores.size() == 0)
        return normalized;
    const double lo = scores.minCoeff();
    const double hi = scores.maxCoeff();
    if (!(hi > lo))
        return normalized;
    const double span = hi - lo;
    for (Eigen::Index i = 0; i < scores.size(); ++i)
        normalized[i] = std::clamp((scores[i] - lo) / span, 0.0, 1.0);
    return normalized;
}

} // namespace tideline
