#include "binnedcolumns.h"

#include "common/parallel.h"

#include <algorithm>
#include <array>
#include <bit>

namespace tideline {

namespace {

// The distinct values, ascending, when there are at most `most`; else empty. An open-addressing
// set of their bit patterns finds them in one pass, without sorting every value.
std::vector<double> fewDistinct(const double *values, Eigen::Index count, int most)
{
    constexpr std::size_t kSlots = 1024; // a power of 2, at least 2 × most
    std::array<double, kSlots> seen{};
    std::array<bool, kSlots> used{};
    std::vector<double> distinct;
    for (Eigen::Index i = 0; i < count; ++i) {
        const double x = values[i] == 0.0 ? 0.0 : values[i]; // -0 is 0
        const auto bits = std::bit_cast<std::uint64_t>(x);
        std::size_t slot = std::size_t((bits * 0x9E3779B97F4A7C15ULL) >> 54) & (kSlots - 1);
        while (used[slot] && seen[slot] != x)
            slot = (slot + 1) & (kSlots - 1);
        if (used[slot])
            continue;
        if (int(distinct.size()) == most)
            return {};
        used[slot] = true;
        seen[slot] = x;
        distinct.push_back(x);
    }
    std::sort(distinct.begin(), distinct.end());
    return distinct;
}

} // namespace

std::vector<double> BinnedColumns::edgesOf(const double *values, Eigen::Index count)
{
    std::vector<double> edges;
    if (const std::vector<double> distinct = fewDistinct(values, count, kMostBins);
        !distinct.empty() || count == 0) {
        for (std::size_t i = 1; i < distinct.size(); ++i)
            edges.push_back(distinct[i - 1] + (distinct[i] - distinct[i - 1]) / 2);
        return edges;
    }
    std::vector<double> sorted(values, values + count);
    std::sort(sorted.begin(), sorted.end());
    for (int j = 1; j < kMostBins; ++j)
        edges.push_back(sorted[sorted.size() * std::size_t(j) / kMostBins]);
    edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
    if (edges.back() >= sorted.back())
        edges.pop_back(); // the highest values would have no right side
    return edges;
}

BinnedColumns BinnedColumns::of(const Eigen::MatrixXd &matrix)
{
    BinnedColumns binned;
    const Eigen::Index n = matrix.rows();
    binned.rows = n;
    const auto columns = std::size_t(matrix.cols());
    binned.edges.resize(columns);
    binned.codes.resize(columns * std::size_t(n));
    binned.modes.resize(columns);
    binned.sparse.resize(columns);
    binned.offMode.resize(columns);
    parallelForBlocks(
        matrix.cols(), 1,
        [&](qint64 begin, qint64 end) {
            for (qint64 c = begin; c < end; ++c) {
                const double *values = matrix.col(Eigen::Index(c)).data();
                const std::vector<double> &edges = binned.edges[std::size_t(c)] =
                    edgesOf(values, n);
                std::uint8_t *codes = binned.codes.data() + std::size_t(c) * std::size_t(n);
                std::array<Eigen::Index, kMostBins> counts{};
                for (Eigen::Index r = 0; r < n; ++r) {
                    codes[r] = std::uint8_t(
                        std::lower_bound(edges.begin(), edges.end(), values[r]) - edges.begin());
                    ++counts[codes[r]];
                }
                const auto mode =
                    std::uint8_t(std::max_element(counts.begin(), counts.end()) - counts.begin());
                binned.modes[std::size_t(c)] = mode;
                if ((n - counts[mode]) * kSparseShare > n)
                    continue;
                binned.sparse[std::size_t(c)] = true;
                std::vector<qint32> &off = binned.offMode[std::size_t(c)];
                for (Eigen::Index r = 0; r < n; ++r) {
                    if (codes[r] != mode)
                        off.push_back(qint32(r));
                }
            }
        },
        {});
    return binned;
}

} // namespace tideline
