#pragma once

#include <Eigen/Core>
#include <QtGlobal>
#include <vector>

namespace tideline {

// A k-d tree (Friedman, Bentley & Finkel 1977) for k-nearest-neighbour queries over a fixed set
// of points: median splits on the dimension of largest variance, nearer child first, and
// pruning by the exact distance to the far cell kept incrementally (Arya & Mount 1993), which
// is what makes it pay off up to a dozen or so dimensions. Leaves store their points dimension
// by dimension so the distance loop runs over points and vectorises, and keep a float copy
// relative to the leaf's centre: distances are screened in float (twice the values per vector
// instruction) with a proven error bound, and only points that may be among the nearest get
// their exact double distance. Results are those of the all-double search, bit for bit.
class KdTree
{
public:
    // Per-thread working memory for queries, so a query allocates nothing.
    struct Scratch
    {
        std::vector<double> offsets;
        std::vector<double> distances;
        std::vector<float> relativeQuery;
        std::vector<float> screened;
    };

    KdTree() = default;
    // One point per row; the values are copied (and must be finite).
    explicit KdTree(const Eigen::Ref<const Eigen::MatrixXd> &points, int leafSize = 32);

    qint64 size() const { return m_size; }
    int dimensions() const { return m_dimensions; }

    // The squared distances from `query` (dimensions() values) to its `k` nearest points,
    // ascending, written to `squaredDistances`; k must be in 1..size().
    void nearest(const double *query, int k, double *squaredDistances, Scratch &scratch) const;

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
        qint32 leaf = -1; // a leaf's index into the per-leaf arrays
    };
    struct Search;

    qint32 build(std::vector<qint32> &order, qint32 begin, qint32 end, const double *points);
    void search(qint32 node, double bound, Search &state) const;
    void scanLeaf(const Node &leaf, Search &state) const;
    // The float screen; false when the values are too large for float to bound them.
    bool screenLeaf(const Node &leaf, Search &state) const;
    double exactDistance(const Node &leaf, qint32 point, const double *query) const;

    int m_dimensions = 0;
    qint64 m_size = 0;
    int m_leafSize = 32;
    // Leaf by leaf: for a leaf of n points from `begin`, dimension c's n values start at
    // begin * dimensions + c * n.
    std::vector<double> m_points;
    std::vector<float> m_floatPoints; // the same layout, minus the leaf's centre
    std::vector<double> m_centres;    // per leaf, dimensions() values each
    std::vector<double> m_halfWidths; // per leaf: the largest |point - centre| per dimension
    std::vector<char> m_screenable;   // per leaf: float can hold its relative values
    std::vector<Node> m_nodes;
};

} // namespace tideline
