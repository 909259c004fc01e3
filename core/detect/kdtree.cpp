#include "kdtree.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace tideline {

namespace {

constexpr qint32 kScanChunk = 64; // points whose distances are computed together
// Relative values this large or larger skip the float screen (their squares would overflow).
constexpr double kFloatLimit = 1e15;
// Unit roundoff of float.
constexpr double kFloatEpsilon = 0x1.0p-24;

} // namespace

// What one query carries down the tree: the best distances so far (ascending) and, per
// dimension, the offset from the query to the cell currently searched.
struct KdTree::Search
{
    const double *query = nullptr;
    double *best = nullptr;
    int k = 1;
    int found = 0;
    double *offsets = nullptr;
    double *distances = nullptr;
    float *relativeQuery = nullptr;
    float *screened = nullptr;

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
    m_floatPoints.resize(rowMajor.size());
    for (Node &node : m_nodes) {
        if (node.dimension >= 0)
            continue;
        node.leaf = qint32(m_screenable.size());
        const std::size_t count = std::size_t(node.end - node.begin);
        const std::size_t offset = std::size_t(node.begin) * d;
        bool screenable = true;
        for (std::size_t c = 0; c < d; ++c) {
            double low = std::numeric_limits<double>::infinity();
            double high = -low;
            for (std::size_t i = 0; i < count; ++i) {
                const double x = rowMajor[std::size_t(order[node.begin + i]) * d + c];
                m_points[offset + c * count + i] = x;
                low = std::min(low, x);
                high = std::max(high, x);
            }
            const double centre = low + (high - low) / 2.0;
            double halfWidth = 0.0;
            for (std::size_t i = 0; i < count; ++i) {
                const double relative = m_points[offset + c * count + i] - centre;
                m_floatPoints[offset + c * count + i] = float(relative);
                halfWidth = std::max(halfWidth, std::fabs(relative));
            }
            screenable = screenable && halfWidth < kFloatLimit;
            m_centres.push_back(centre);
            m_halfWidths.push_back(halfWidth);
        }
        m_screenable.push_back(screenable ? 1 : 0);
    }
}

qint32 KdTree::build(std::vector<qint32> &order, qint32 begin, qint32 end, const double *points)
{
    const qint32 index = qint32(m_nodes.size());
    m_nodes.push_back(Node{0.0, -1, begin, end, 0, -1});
    if (end - begin <= m_leafSize)
        return index;
    const std::size_t d = std::size_t(m_dimensions);
    // Split the dimension of largest variance: the widest range would follow the few
    // outliers, which stretch every dimension, rather than where the points are.
    int widest = -1;
    double widestVariance = 0.0;
    const double count = double(end - begin);
    for (std::size_t c = 0; c < d; ++c) {
        double sum = 0.0;
        double low = std::numeric_limits<double>::infinity();
        double high = -low;
        for (qint32 i = begin; i < end; ++i) {
            const double x = points[std::size_t(order[std::size_t(i)]) * d + c];
            sum += x;
            low = std::min(low, x);
            high = std::max(high, x);
        }
        if (!(high > low))
            continue; // rounding must not make a constant dimension look split-worthy
        const double mean = sum / count;
        double squares = 0.0;
        for (qint32 i = begin; i < end; ++i) {
            const double deviation = points[std::size_t(order[std::size_t(i)]) * d + c] - mean;
            squares += deviation * deviation;
        }
        if (squares / count > widestVariance) {
            widestVariance = squares / count;
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
    m_nodes[std::size_t(index)] = Node{split, widest, begin, end, right, -1};
    return index;
}

void KdTree::nearest(const double *query, int k, double *squaredDistances, Scratch &scratch) const
{
    if (m_nodes.empty())
        return;
    scratch.offsets.assign(std::size_t(m_dimensions), 0.0);
    scratch.distances.resize(kScanChunk);
    scratch.relativeQuery.resize(std::size_t(m_dimensions));
    scratch.screened.resize(kScanChunk);
    Search state;
    state.query = query;
    state.best = squaredDistances;
    state.k = std::clamp<int>(k, 1, int(m_size));
    state.offsets = scratch.offsets.data();
    state.distances = scratch.distances.data();
    state.relativeQuery = scratch.relativeQuery.data();
    state.screened = scratch.screened.data();
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
    if (screenLeaf(leaf, state))
        return;
    const qint32 count = leaf.end - leaf.begin;
    const int d = m_dimensions;
    const double *points = m_points.data() + std::size_t(leaf.begin) * std::size_t(d);
    double *distances = state.distances;
    for (qint32 from = 0; from < count; from += kScanChunk) {
        const qint32 n = std::min(kScanChunk, count - from);
        std::fill_n(distances, n, 0.0);
        // Over points, not dimensions: independent sums the compiler can vectorise, each
        // added up in dimension order like exactDistance().
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

double KdTree::exactDistance(const Node &leaf, qint32 point, const double *query) const
{
    const qint32 count = leaf.end - leaf.begin;
    const int d = m_dimensions;
    const double *p = m_points.data() + std::size_t(leaf.begin) * std::size_t(d) + point;
    double distance = 0.0;
    for (int c = 0; c < d; ++c) {
        const double diff = query[c] - p[std::size_t(c) * std::size_t(count)];
        distance += diff * diff;
    }
    return distance;
}

bool KdTree::screenLeaf(const Node &leaf, Search &state) const
{
    if (!m_screenable[std::size_t(leaf.leaf)])
        return false;
    const int d = m_dimensions;
    const double *centre = m_centres.data() + std::size_t(leaf.leaf) * std::size_t(d);
    const double *halfWidth = m_halfWidths.data() + std::size_t(leaf.leaf) * std::size_t(d);
    // Each float difference is within e_c = 2.5 u (|q_c - centre_c| + halfWidth_c) of the
    // exact one (two roundings to float and one subtraction), so by the triangle inequality
    // ‖exact‖ ≥ ‖float‖ - ‖e‖; the float sum of squares adds a relative (d + 2) u.
    double errorSquared = 0.0;
    for (int c = 0; c < d; ++c) {
        const double relative = state.query[c] - centre[c];
        if (!(std::fabs(relative) < kFloatLimit))
            return false;
        state.relativeQuery[c] = float(relative);
        const double error = 2.5 * kFloatEpsilon * (std::fabs(relative) + halfWidth[c]) + 1e-37;
        errorSquared += error * error;
    }
    const double errorNorm = std::sqrt(errorSquared);
    const double sumSlack = 1.0 + double(d + 4) * 2.0 * kFloatEpsilon;
    // Float distances at or above this cannot belong to a point nearer than worst().
    const auto limit = [&] {
        const double worst = state.worst();
        if (!std::isfinite(worst))
            return std::numeric_limits<float>::infinity();
        const double reach = std::sqrt(worst) + errorNorm;
        return std::nextafter(float(reach * reach * sumSlack),
                              std::numeric_limits<float>::infinity());
    };

    const qint32 count = leaf.end - leaf.begin;
    const float *points = m_floatPoints.data() + std::size_t(leaf.begin) * std::size_t(d);
    float *screened = state.screened;
    float screen = limit();
    for (qint32 from = 0; from < count; from += kScanChunk) {
        const qint32 n = std::min(kScanChunk, count - from);
        std::fill_n(screened, n, 0.0F);
        for (int c = 0; c < d; ++c) {
            const float q = state.relativeQuery[c];
            const float *column = points + std::size_t(c) * std::size_t(count) + from;
            for (qint32 i = 0; i < n; ++i) {
                const float diff = q - column[i];
                screened[i] += diff * diff;
            }
        }
        for (qint32 i = 0; i < n; ++i) {
            if (screened[i] < screen) {
                state.offer(exactDistance(leaf, from + i, state.query));
                screen = limit();
            }
        }
    }
    return true;
}

} // namespace tideline
