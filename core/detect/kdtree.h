#pragma once

#include <Eigen/Core>
#include <QtGlobal>
#include <vector>

namespace tideline {

// A k-d tree (Friedman, Bentley & Finkel 1977) for k-nearest-neighbour queries over a fixed set
// of points: median splits on the dimension of largest variance, nearer child first, pruning by
// the distance to the far cell kept incrementally (Arya & Mount 1993) and, at a leaf, by the
// distance to the box that tightly holds its points. A leaf is large and split further into
// blocks of 16 nearby points, kept in float relative to the leaf's centre, dimension by
// dimension, so that a block's distances are computed in vector registers; a block whose box
// is out of reach is skipped, and distances are screened in float with a proven error bound,
// so that only points that may be among the nearest get their exact double distance. Every
// test that leaves a point out is a sound lower bound of the distance it would have, so the
// results are those of a brute-force search, bit for bit.
class KdTree
{
public:
    // Per-thread working memory for queries, so a query allocates nothing.
    struct Scratch
    {
        std::vector<double> offsets;
        std::vector<float> relativeQuery;
        std::vector<float> blockGaps;
    };

    KdTree() = default;
    // One point per row; the values are copied (and must be finite). A leaf holds at most
    // `leafSize` points (unless they are all equal); 0 picks a size for the dimensions.
    explicit KdTree(const Eigen::Ref<const Eigen::MatrixXd> &points, int leafSize = 0);

    qint64 size() const { return m_size; }
    int dimensions() const { return m_dimensions; }

    // The squared distances from `query` (dimensions() values) to its `k` nearest points,
    // ascending, written to `squaredDistances`; k must be in 1..size(). Each distance is the
    // sum of the squared differences in dimension order.
    void nearest(const double *query, int k, double *squaredDistances, Scratch &scratch) const;
    // The same, with the nearest points' rows (in the matrix the tree was built from) written
    // to `rows` beside their distances.
    void nearest(const double *query, int k, double *squaredDistances, qint32 *rows,
                 Scratch &scratch) const;

    // The leaf a query descends to: queries sorted by it share the nodes they touch first,
    // which keeps the cache warm.
    qint32 leafOf(const double *query) const;

private:
    struct Node
    {
        double split = 0.0;
        qint32 dimension = -1; // -1: a leaf holding points [begin, end)
        qint32 begin = 0;
        qint32 end = 0;
        qint32 right = 0; // the left child follows its parent
        qint32 leaf = -1; // a leaf's index into m_leaves
    };
    struct Leaf
    {
        double halfWidthNorm = 0.0; // the Euclidean norm of its half-widths
        qint32 firstBlock = 0;
        qint32 firstBoxGroup = 0;
        bool screenable = false; // float can hold its points' offsets from its centre
    };
    struct Search;

    qint32 build(std::vector<qint32> &order, qint32 begin, qint32 end, const double *points);
    int widestDimension(const std::vector<qint32> &order, qint32 begin, qint32 end,
                        const double *points) const;
    void arrangeBlocks(std::vector<qint32> &order, qint32 begin, qint32 end,
                       const double *points) const;
    void storeLeaves(const std::vector<qint32> &order, const double *rowMajor);
    void storeLeaf(const Node &node, Leaf &leaf);
    void search(qint32 node, double bound, Search &state) const;
    void scanLeaf(const Node &node, Search &state) const;
    void screenLeaf(const Node &node, const Leaf &leaf, double gaps, Search &state) const;

    int m_dimensions = 0;
    qint64 m_size = 0;
    int m_leafSize = 0;
    std::vector<double> m_points; // row-major, leaf by leaf
    std::vector<qint32> m_rows;   // each stored point's row in the points given
    // Blocks of kLanes points: dimension c's kLanes values start at c * kLanes.
    std::vector<float> m_blocks;
    // Per leaf, groups of kLanes blocks: dimension c's lowest values of the kLanes blocks,
    // then their highest, start at 2 * c * kLanes.
    std::vector<float> m_blockBoxes;
    std::vector<Leaf> m_leaves;
    // Per leaf and dimension: the centre of its points' range and (widened past rounding) the
    // largest |point - centre|.
    std::vector<double> m_boxes;
    double m_largestCentre = 0.0;
    qint32 m_largestLeafBlocks = 0; // a leaf of equal points may exceed the leaf size
    std::vector<Node> m_nodes;
};

} // namespace tideline
