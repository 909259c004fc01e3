#include "threshold.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace tideline {

double percentileThreshold(const Eigen::Ref<const Eigen::VectorXd> &scores,
                           const std::vector<bool> &mask, double percentile)
{
    std::vector<double> values;
    values.reserve(std::size_t(scores.size()));
    for (Eigen::Index i = 0; i < scores.size(); ++i) {
        if (mask.empty() || (std::size_t(i) < mask.size() && mask[std::size_t(i)]))
            values.push_back(scores[i]);
    }
    std::sort(values.begin(), values.end());
    return percentileOfSorted(values.data(), qsizetype(values.size()), percentile);
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

std::vector<bool> flagWithHold(const Eigen::Ref<const Eigen::VectorXd> &scores, double threshold,
                               double hold, const std::vector<bool> &eligible)
{
    std::vector<bool> flags = flagRows(scores, threshold, eligible);
    if (!(hold < threshold))
        return flags;
    const std::vector<bool> above = flagRows(scores, hold, eligible);
    const std::size_t n = flags.size();
    std::size_t r = 0;
    while (r < n) {
        if (!above[r]) {
            ++r;
            continue;
        }
        std::size_t end = r;
        bool crosses = false;
        for (; end < n && above[end]; ++end)
            crosses = crosses || flags[end];
        if (crosses)
            std::fill(flags.begin() + std::ptrdiff_t(r), flags.begin() + std::ptrdiff_t(end), true);
        r = end;
    }
    return flags;
}

} // namespace tideline
