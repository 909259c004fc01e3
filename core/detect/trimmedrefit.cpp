#include "trimmedrefit.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace tideline {

std::vector<Eigen::Index> rowsBelowTopShare(const Eigen::Ref<const Eigen::VectorXd> &scores,
                                            double share)
{
    const Eigen::Index n = scores.size();
    const auto left = Eigen::Index(std::ceil(std::clamp(share, 0.0, 1.0) * double(n)));
    std::vector<Eigen::Index> order(static_cast<std::size_t>(n));
    std::iota(order.begin(), order.end(), Eigen::Index(0));
    std::stable_sort(order.begin(), order.end(),
                     [&](Eigen::Index a, Eigen::Index b) { return scores[a] < scores[b]; });
    order.resize(std::size_t(n - left));
    std::sort(order.begin(), order.end());
    return order;
}

ProgressCallback halfOfProgress(const ProgressCallback &progress, bool second)
{
    if (!progress)
        return {};
    return [progress, second](const Progress &p) {
        Progress half = p;
        if (p.fraction >= 0.0)
            half.fraction = (second ? 0.5 : 0.0) + p.fraction / 2.0;
        return progress(half);
    };
}

} // namespace tideline
