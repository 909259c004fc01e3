#include "kdtree.h"

#include <algorithm>
#include <limits>
#include <numeric>

namespace tideline {

// What one query carries down the tree: the best distances so far (ascending) and, per
// dimension, the offset from the query to the cell currently searched.
struct KdTree::Search
{
    const double *query;
    double *best;
    int k;
    int found = 0;
    std::vector<double> offsets;

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
    const Eigen::Index d = points.cols();
    std::vector<double> rowMajor(std::size_t(m_size * d));
    for (Eigen::Index r = 0; r < m_size; ++r) {
        for (Eigen::Index c = 0; c < d; ++c)
            rowMajor[std::size_t(r * d + c)] = points(r, c);
    }
    std::vector<qint32> order(static_cast<std::size_t>(m_size));
    std::iota(order.begin(), order.end(), qint32(0));
    if (m_size > 0)
        build(order, 0, qint32(m_size), rowMajor.data());
    m_points.resize(rowMajor.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
        std::copy_n(rowMajor.data() + std::size_t(order[i]) * std::size_t(d), d,
                    m_points.data() + i * std::size_t(d));
    }
}

qint32 KdTree::build(std::vector<qint32> &order, qint32 begin, qint32 end, const double *points)
{
    const qint32 index = qint32(m_nodes.size());
    m_nodes.push_back(Node{0.0, -1, begin, end, 0});
    if (end - begin <= m_leafSize)
        return index;
    const int d = m_dimensions;
    int widest = -1;
    double widestSpread = 0.0;
    for (int c = 0; c < d; ++c) {
        double low = std::numeric_limits<double>::infinity();
        double high = -low;
        for (qint32 i = begin; i < end; ++i) {
            const double x = points[std::size_t(order[std::size_t(i)]) * std::size_t(d) + std::size_t(c)];
            low = std::min(low, x);
            high = std::max(high, x);
        }
        if (high - low > widestSpread) {
            widestSpread = high - low;
            widest = c;
        }
    }
    if (widest < 0) // all points equal: nothing to split
        return index;
    const qint32 middle = begin + (end - begin) / 2;
    const auto coordinate = [&](qint32 point) {
        return points[std::size_t(point) * std::size_t(d) + std::size_t(widest)];
    };
    std::nth_element(order.begin() + begin, order.begin() + middle, order.begin() + end,
                     [&](qint32 a, qint32 b) { return coordinate(a) < coordinate(b); });
    const double split = coordinate(order[std::size_t(middle)]);
    build(order, begin, middle, points);
    const qint32 right = build(order, middle, end, points);
    m_nodes[std::size_t(index)] = Node{split, widest, begin, end, right};
    return index;
}

void KdTree::nearest(const double *query, int k, double *squaredDistances) const
{
    Search state{query, squaredDistances, std::clamp<int>(k, 1, int(std::max<qint64>(1, m_size))),
                 0, std::vector<double>(std::size_t(m_dimensions), 0.0)};
    if (m_nodes.empty())
        return;
    search(0, 0.0, state);
}

void KdTree::search(qint32 index, double bound, Search &state) const
{
    const Node &node = m_nodes[std::size_t(index)];
    if (node.dimension < 0) {
        const int d = m_dimensions;
        const double *q = state.query;
        const double *p = m_points.data() + std::size_t(node.begin) * std::size_t(d);
        for (qint32 i = node.begin; i < node.end; ++i, p += d) {
            double distance = 0.0;
            for (int c = 0; c < d; ++c) {
                const double diff = q[c] - p[c];
                distance += diff * diff;
            }
            state.offer(distance);
        }
        return;
    }
    // Left points have coordinate <= split, right ones >= split.
    const double diff = state.query[node.dimension] - node.split;
    const qint32 nearChild = diff < 0 ? index + 1 : node.right;
    const qint32 farChild = diff < 0 ? node.right : index + 1;
    search(nearChild, bound, state);
    double &offset = state.offsets[std::size_t(node.dimension)];
    const double old = offset;
    const double farBound = bound - old * old + diff * diff;
    if (farBound < state.worst()) {
        offset = diff;
        search(farChild, farBound, state);
        offset = old;
    }
}

} // namespace tideline
