#include "kdtree.h"

#include <algorithm>
#include <limits>
#include <numeric>

namespace tideline {

namespace {
constexpr qint32 kScanChunk = 64; // points whose distances are computed together
}

// What one query carries down the tree: the best distances so far (ascending) and, per
// dimension, the offset from the query to the cell currently searched.
struct KdTree::Search
{
    const double *query;
    double *best;
    int k;
    int found;
    double *offsets;
    double *distances;

    double worst() const
    {
        return found < k ? std::numeric_limits<double>::infinity() : best[k - 1];
    }

    void offer(double distance)
    {
        if (distance >= worst())
            return;
        int i = found < k ? found++ : k - 1;
        while (i > 0 && best[i - 1] > distance) {
            best[i] = best[i - 1];
            --i;
        }
        best[i] = distance;
    }
};

KdTree::KdTree(const Eigen::Ref<const Eigen::MatrixXd> &points, int leafSize)
    : m_dimensions(int(points.cols()))
    , m_size(points.rows())
    , m_leafSize(std::max(1, leafSize))
{
    const std::size_t d = std::size_t(m_dimensions);
    std::vector<double> rowMajor(std::size_t(m_size) * d);
    for (Eigen::Index r = 0; r < m_size; ++r) {
        for (std::size_t c = 0; c < d; ++c)
            rowMajor[std::size_t(r) * d + c] = points(r, Eigen::Index(c));
    }
    std::vector<qint32> order(static_cast<std::size_t>(m_size));
    std::iota(order.begin(), order.end(), qint32(0));
    if (m_size > 0)
        build(order, 0, qint32(m_size), rowMajor.data());
    m_points.resize(rowMajor.size());
    for (const Node &node : m_nodes) {
        if (node.dimension >= 0)
            continue;
        const std::size_t count = std::size_t(node.end - node.begin);
        double *leaf = m_points.data() + std::size_t(node.begin) * d;
        for (std::size_t i = 0; i < count; ++i) {
            const double *point = rowMajor.data() + std::size_t(order[node.begin + i]) * d;
            for (std::size_t c = 0; c < d; ++c)
                leaf[c * count + i] = point[c];
        }
    }
}

qint32 KdTree::build(std::vector<qint32> &order, qint32 begin, qint32 end, const double *points)
{
    const qint32 index = qint32(m_nodes.size());
    m_nodes.push_back(Node{0.0, -1, begin, end, 0});
    if (end - begin <= m_leafSize)
        return index;
    const std::size_t d = std::size_t(m_dimensions);
    int widest = -1;
    double widestSpread = 0.0;
    for (std::size_t c = 0; c < d; ++c) {
        double low = std::numeric_limits<double>::infinity();
        double high = -low;
        for (qint32 i = begin; i < end; ++i) {
            const double x = points[std::size_t(order[std::size_t(i)]) * d + c];
            low = std::min(low, x);
            high = std::max(high, x);
        }
        if (high - low > widestSpread) {
            widestSpread = high - low;
            widest = int(c);
        }
    }
    if (widest < 0) // all points equal: nothing to split
        return index;
    const qint32 middle = begin + (end - begin) / 2;
    const auto coordinate = [&](qint32 point) {
        return points[std::size_t(point) * d + std::size_t(widest)];
    };
    std::nth_element(order.begin() + begin, order.begin() + middle, order.begin() + end,
                     [&](qint32 a, qint32 b) { return coordinate(a) < coordinate(b); });
    const double split = coordinate(order[std::size_t(middle)]);
    build(order, begin, middle, points);
    const qint32 right = build(order, middle, end, points);
    m_nodes[std::size_t(index)] = Node{split, widest, begin, end, right};
    return index;
}

void KdTree::nearest(const double *query, int k, double *squaredDistances, Scratch &scratch) const
{
    if (m_nodes.empty())
        return;
    scratch.offsets.assign(std::size_t(m_dimensions), 0.0);
    scratch.distances.resize(kScanChunk);
    Search state{query, squaredDistances,       std::clamp<int>(k, 1, int(m_size)),
                 0,     scratch.offsets.data(), scratch.distances.data()};
    search(0, 0.0, state);
}

qint32 KdTree::leafOf(const double *query) const
{
    qint32 index = 0;
    while (!m_nodes.empty() && m_nodes[std::size_t(index)].dimension >= 0) {
        const Node &node = m_nodes[std::size_t(index)];
        index = query[node.dimension] < node.split ? index + 1 : node.right;
    }
    return index;
}

void KdTree::search(qint32 index, double bound, Search &state) const
{
    const Node &node = m_nodes[std::size_t(index)];
    if (node.dimension < 0)
        return scanLeaf(node, state);
    // Left points have coordinate <= split, right ones >= split.
    const double diff = state.query[node.dimension] - node.split;
    const qint32 nearChild = diff < 0 ? index + 1 : node.right;
    const qint32 farChild = diff < 0 ? node.right : index + 1;
    search(nearChild, bound, state);
    double &offset = state.offsets[node.dimension];
    const double old = offset;
    const double farBound = bound - old * old + diff * diff;
    if (farBound < state.worst()) {
        offset = diff;
        search(farChild, farBound, state);
        offset = old;
    }
}

void KdTree::scanLeaf(const Node &leaf, Search &state) const
{
    const qint32 count = leaf.end - leaf.begin;
    const int d = m_dimensions;
    const double *points = m_points.data() + std::size_t(leaf.begin) * std::size_t(d);
    double *distances = state.distances;
    for (qint32 from = 0; from < count; from += kScanChunk) {
        const qint32 n = std::min(kScanChunk, count - from);
        std::fill_n(distances, n, 0.0);
        // Over points, not dimensions: independent sums the compiler can vectorise.
        for (int c = 0; c < d; ++c) {
            const double q = state.query[c];
            const double *column = points + std::size_t(c) * std::size_t(count) + from;
            for (qint32 i = 0; i < n; ++i) {
                const double diff = q - column[i];
                distances[i] += diff * diff;
            }
        }
        for (qint32 i = 0; i < n; ++i)
            state.offer(distances[i]);
    }
}

} // namespace tideline
