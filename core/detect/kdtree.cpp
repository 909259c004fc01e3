#include "kdtree.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>

namespace tideline {

namespace {

// Points per float block: sixteen keep four SSE (two AVX) sums in flight at once.
constexpr int kLanes = 16;
using Lanes = Eigen::Array<float, kLanes, 1>;
// Relative values this large or larger skip the float screen (their squares would overflow).
constexpr double kFloatLimit = 1e15;
// Unit roundoff of float and of double.
constexpr double kFloatEpsilon = 0x1.0p-24;
constexpr double kDoubleEpsilon = 0x1.0p-53;

double squaredDistance(const double *query, const double *point, int dimensions)
{
    double distance = 0.0;
    for (int c = 0; c < dimensions; ++c) {
        const double diff = query[c] - point[c];
        distance += diff * diff;
    }
    return distance;
}

double sumOfSquares(const double *values, int count)
{
    double sum = 0.0;
    for (int i = 0; i < count; ++i)
        sum += values[i] * values[i];
    return sum;
}

// The smallest float that is not below x (x >= 0).
float floatAtLeast(double x)
{
    if (!(x < double(std::numeric_limits<float>::max())))
        return std::numeric_limits<float>::infinity();
    const float rounded = float(x);
    if (double(rounded) >= x)
        return rounded;
    return std::bit_cast<float>(std::bit_cast<std::uint32_t>(rounded) + 1);
}

// The more dimensions, the more leaves a query visits and the larger the leaves it pays to
// scan at once (their blocks' boxes still prune inside): measured on Gaussian clusters, 100k
// points, from 16 for one dimension to 512 from ten on.
int leafSizeFor(int dimensions)
{
    return 16 << std::clamp(dimensions / 2, 0, 5);
}

qint32 blockCount(qint32 points)
{
    return (points + kLanes - 1) / kLanes;
}

} // namespace

// What one query carries down the tree: the best distances so far (ascending) and, per
// dimension, the offset from the query to the cell currently searched.
struct KdTree::Search
{
    const double *query = nullptr;
    double *best = nullptr;
    qint32 *rows = nullptr;           // the best points' rows, when asked for
    const qint32 *original = nullptr; // each position's row in the points given
    int k = 1;
    int found = 0;
    double *offsets = nullptr;
    float *relativeQuery = nullptr;
    float *blockGaps = nullptr;
    bool screenable = false; // whether float can hold the query's offsets from leaf centres

    // Whether points whose distances are all at least `lowerBound` cannot be among the best.
    bool excludes(double lowerBound) const { return found == k && lowerBound >= best[k - 1]; }

    // `position`: the point's place in the tree's order.
    void offer(double distance, qint32 position)
    {
        int i = found;
        if (found == k) {
            if (!(distance < best[k - 1]))
                return;
            i = k - 1;
        } else {
            ++found;
        }
        while (i > 0 && best[i - 1] > distance) {
            best[i] = best[i - 1];
            if (rows)
                rows[i] = rows[i - 1];
            --i;
        }
        best[i] = distance;
        if (rows)
            rows[i] = original[position];
    }
};

KdTree::KdTree(const Eigen::Ref<const Eigen::MatrixXd> &points, int leafSize)
    : m_dimensions(int(points.cols()))
    , m_size(points.rows())
    , m_leafSize(leafSize > 0 ? leafSize : leafSizeFor(m_dimensions))
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
    storeLeaves(order, rowMajor.data());
    m_rows = std::move(order);
}

int KdTree::widestDimension(const std::vector<qint32> &order, qint32 begin, qint32 end,
                            const double *points) const
{
    // The dimension of largest variance: the widest range would follow the few outliers,
    // which stretch every dimension, rather than where the points are.
    const std::size_t d = std::size_t(m_dimensions);
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
    return widest; // -1: all points equal
}

qint32 KdTree::build(std::vector<qint32> &order, qint32 begin, qint32 end, const double *points)
{
    const qint32 index = qint32(m_nodes.size());
    m_nodes.push_back(Node{0.0, -1, begin, end, 0, -1});
    const int widest = end - begin <= m_leafSize ? -1 : widestDimension(order, begin, end, points);
    if (widest < 0) {
        arrangeBlocks(order, begin, end, points);
        return index;
    }
    const std::size_t d = std::size_t(m_dimensions);
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

void KdTree::arrangeBlocks(std::vector<qint32> &order, qint32 begin, qint32 end,
                           const double *points) const
{
    // Within a leaf, the same splits at a multiple of kLanes points, so that each block holds
    // nearby points and a small box.
    const qint32 blocks = blockCount(end - begin);
    if (blocks < 2)
        return;
    const int widest = widestDimension(order, begin, end, points);
    if (widest < 0)
        return;
    const std::size_t d = std::size_t(m_dimensions);
    const qint32 middle = begin + blocks / 2 * kLanes;
    std::nth_element(order.begin() + begin, order.begin() + middle, order.begin() + end,
                     [&](qint32 a, qint32 b) {
                         return points[std::size_t(a) * d + std::size_t(widest)] <
                                points[std::size_t(b) * d + std::size_t(widest)];
                     });
    arrangeBlocks(order, begin, middle, points);
    arrangeBlocks(order, middle, end, points);
}

void KdTree::storeLeaves(const std::vector<qint32> &order, const double *rowMajor)
{
    const std::size_t d = std::size_t(m_dimensions);
    m_points.resize(std::size_t(m_size) * d);
    for (std::size_t i = 0; i < order.size(); ++i)
        std::copy_n(rowMajor + std::size_t(order[i]) * d, d, m_points.begin() + qint64(i * d));
    qint32 blocks = 0;
    qint32 groups = 0;
    for (Node &node : m_nodes) {
        if (node.dimension >= 0)
            continue;
        node.leaf = qint32(m_leaves.size());
        m_leaves.push_back(Leaf{0.0, blocks, groups, false});
        const qint32 leafBlocks = blockCount(node.end - node.begin);
        m_largestLeafBlocks = std::max(m_largestLeafBlocks, leafBlocks);
        blocks += leafBlocks;
        groups += blockCount(leafBlocks);
    }
    m_blocks.assign(std::size_t(blocks) * d * kLanes, 0.0F);
    // Boxes of missing blocks are empty (lowest +inf, highest -inf), so never in reach.
    m_blockBoxes.resize(std::size_t(groups) * 2 * d * kLanes);
    for (std::size_t i = 0; i < m_blockBoxes.size(); ++i)
        m_blockBoxes[i] = (i / kLanes) % 2 == 0 ? std::numeric_limits<float>::infinity()
                                                : -std::numeric_limits<float>::infinity();
    m_boxes.resize(m_leaves.size() * 2 * d);
    for (const Node &node : m_nodes) {
        if (node.dimension < 0)
            storeLeaf(node, m_leaves[std::size_t(node.leaf)]);
    }
}

void KdTree::storeLeaf(const Node &node, Leaf &leaf)
{
    const std::size_t d = std::size_t(m_dimensions);
    const std::size_t count = std::size_t(node.end - node.begin);
    const double *points = m_points.data() + std::size_t(node.begin) * d;
    float *blocks = m_blocks.data() + std::size_t(leaf.firstBlock) * d * kLanes;
    float *boxes = m_blockBoxes.data() + std::size_t(leaf.firstBoxGroup) * 2 * d * kLanes;
    double *box = m_boxes.data() + std::size_t(node.leaf) * 2 * d;
    bool screenable = true;
    double norm = 0.0;
    for (std::size_t c = 0; c < d; ++c) {
        double low = std::numeric_limits<double>::infinity();
        double high = -low;
        for (std::size_t i = 0; i < count; ++i) {
            low = std::min(low, points[i * d + c]);
            high = std::max(high, points[i * d + c]);
        }
        const double centre = low + (high - low) / 2.0;
        double halfWidth = 0.0;
        for (std::size_t i = 0; i < count; ++i) {
            const double relative = points[i * d + c] - centre;
            const float value = float(relative);
            const std::size_t block = i / kLanes;
            blocks[block * d * kLanes + c * kLanes + i % kLanes] = value;
            float *blockBox = boxes + (block / kLanes) * 2 * d * kLanes + 2 * c * kLanes;
            float &lowest = blockBox[block % kLanes];
            float &highest = blockBox[kLanes + block % kLanes];
            lowest = std::min(lowest, value);
            highest = std::max(highest, value);
            halfWidth = std::max(halfWidth, std::fabs(relative));
        }
        screenable = screenable && halfWidth < kFloatLimit;
        m_largestCentre = std::max(m_largestCentre, std::fabs(centre));
        // Widened past rounding: every point is within it of the centre exactly.
        const double widened = halfWidth * (1.0 + 4 * kDoubleEpsilon);
        box[2 * c] = centre;
        box[2 * c + 1] = widened;
        norm += widened * widened;
    }
    leaf.halfWidthNorm = std::sqrt(norm) * (1.0 + 1e-9);
    leaf.screenable = screenable;
}

void KdTree::nearest(const double *query, int k, double *squaredDistances, Scratch &scratch) const
{
    nearest(query, k, squaredDistances, nullptr, scratch);
}

void KdTree::nearest(const double *query, int k, double *squaredDistances, qint32 *rows,
                     Scratch &scratch) const
{
    if (m_nodes.empty())
        return;
    scratch.offsets.assign(std::size_t(m_dimensions), 0.0);
    scratch.relativeQuery.resize(std::size_t(m_dimensions));
    scratch.blockGaps.resize(std::size_t(blockCount(m_largestLeafBlocks)) * kLanes);
    Search state;
    state.query = query;
    state.best = squaredDistances;
    state.rows = rows;
    state.original = m_rows.data();
    state.k = std::clamp<int>(k, 1, int(m_size));
    state.offsets = scratch.offsets.data();
    state.relativeQuery = scratch.relativeQuery.data();
    state.blockGaps = scratch.blockGaps.data();
    double largest = 0.0;
    for (int c = 0; c < m_dimensions; ++c)
        largest = std::max(largest, std::fabs(query[c]));
    state.screenable = largest + m_largestCentre < kFloatLimit / 2;
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
    offset = diff;
    const double farBound = bound - old * old + diff * diff;
    // The incremental bound carries rounding from every level above, so before pruning on it
    // recompute the sum in dimension order: each |offset| is at most the rounded difference
    // from the query to any far point, so this sum is at most that point's distance.
    if (!state.excludes(farBound) || !state.excludes(sumOfSquares(state.offsets, m_dimensions)))
        search(farChild, farBound, state);
    offset = old;
}

void KdTree::scanLeaf(const Node &node, Search &state) const
{
    const int d = m_dimensions;
    const Leaf &leaf = m_leaves[std::size_t(node.leaf)];
    const double *box = m_boxes.data() + std::size_t(node.leaf) * 2 * std::size_t(d);
    // The gap from the query to the leaf's box per dimension, shrunk so that it stays below
    // the rounded difference to any point in the box: their squares summed in dimension order
    // are then at most each point's distance.
    double gaps = 0.0;
    for (int c = 0; c < d; ++c) {
        const double relative = state.query[c] - box[2 * c];
        const double gap =
            std::max(std::fabs(relative) * (1.0 - 4 * kDoubleEpsilon) - box[2 * c + 1], 0.0);
        gaps += gap * gap;
        state.relativeQuery[c] = float(relative);
    }
    if (state.excludes(gaps))
        return;
    if (leaf.screenable && state.screenable)
        return screenLeaf(node, leaf, gaps, state);
    const double *points = m_points.data() + std::size_t(node.begin) * std::size_t(d);
    for (qint32 i = 0; i < node.end - node.begin; ++i)
        state.offer(squaredDistance(state.query, points + std::size_t(i) * std::size_t(d), d),
                    node.begin + i);
}

void KdTree::screenLeaf(const Node &node, const Leaf &leaf, double gaps, Search &state) const
{
    const int d = m_dimensions;
    const std::size_t stride = std::size_t(d) * kLanes;
    // Each float difference is within e_c = 2.5 u (a_c + h_c) of the exact one (two roundings
    // to float and one subtraction), where a is the query's offset from the leaf's centre and
    // h the leaf's half-width; ‖a‖ ≤ ‖h‖ + ‖gap‖, so ‖e‖ ≤ 2.5 u (2‖h‖ + ‖gap‖).
    const double errorNorm =
        2.5 * kFloatEpsilon * (2.0 * leaf.halfWidthNorm + std::sqrt(gaps)) * (1.0 + 1e-9) +
        1e-37 * std::sqrt(double(d));
    // By the triangle inequality ‖exact‖ ≥ ‖float‖ - ‖e‖; the float sum of squares adds a
    // relative (d + 2) u. Float distances at or above this limit cannot belong to a point
    // nearer than the k-th best.
    const double sumSlack = 1.0 + double(d + 4) * 2.0 * kFloatEpsilon;
    const auto limit = [&] {
        if (state.found < state.k)
            return std::numeric_limits<float>::infinity();
        const double reach = std::sqrt(state.best[state.k - 1]) + errorNorm;
        return floatAtLeast(reach * reach * sumSlack);
    };
    const qint32 count = node.end - node.begin;
    const qint32 blocks = blockCount(count);
    const float *query = state.relativeQuery;

    // The float gap from the query to each block's box: the differences are rounded the way
    // the screen rounds them and squared and summed in the same order, so each gap is at most
    // the screened distance of every point in the block.
    const float *boxes = m_blockBoxes.data() + std::size_t(leaf.firstBoxGroup) * 2 * stride;
    for (qint32 group = 0; group < blockCount(blocks); ++group, boxes += 2 * stride) {
        Lanes sum = Lanes::Zero();
        for (int c = 0; c < d; ++c) {
            const Eigen::Map<const Lanes> lowest(boxes + 2 * std::size_t(c) * kLanes);
            const Eigen::Map<const Lanes> highest(boxes + (2 * std::size_t(c) + 1) * kLanes);
            sum += (lowest - query[c]).max(query[c] - highest).max(0.0F).square();
        }
        Eigen::Map<Lanes>(state.blockGaps + std::size_t(group) * kLanes) = sum;
    }

    const float *block = m_blocks.data() + std::size_t(leaf.firstBlock) * stride;
    const double *points = m_points.data() + std::size_t(node.begin) * std::size_t(d);
    float screen = limit();
    for (qint32 b = 0; b < blocks; ++b, block += stride) {
        if (!(state.blockGaps[b] < screen))
            continue;
        Lanes screened = Lanes::Zero();
        for (int c = 0; c < d; ++c)
            screened +=
                (Eigen::Map<const Lanes>(block + std::size_t(c) * kLanes) - query[c]).square();
        if (!(screened.minCoeff() < screen))
            continue;
        const qint32 first = b * kLanes;
        const int lanes = std::min<qint32>(kLanes, count - first);
        for (int i = 0; i < lanes; ++i) {
            if (screened[i] < screen) {
                state.offer(squaredDistance(state.query,
                                            points + std::size_t(first + i) * std::size_t(d), d),
                            node.begin + first + i);
                screen = limit();
            }
        }
    }
}

} // namespace tideline
