#pragma once

#include <Eigen/Core>
#include <QtGlobal>

#include <vector>

namespace tideline {

// A k-d tree (Friedman, Bentley & Finkel 1977) for k-nearest-neighbour queries over a fixed set
// of points: median splits on the widest dimension, nearer child first, and pruning by the
// exact distance to the far cell kept incrementally (Arya & Mount 1993), which is what makes it
// pay off up to a dozen or so dimensions.
class KdTree
{
public:
    KdTree() = default;
    // One point per row; the values are copied (and must be finite).
    explicit KdTree(const Eigen::Ref<const Eigen::MatrixXd> &points, int leafSize = 16);

    qint64 size() const { return m_size; }
    int dimensions() const { return m_dimensions; }

    // The squared distances from `query` (dimensions() values) to its `k` nearest points,
    // ascending, written to `squaredDistances`; k must be in 1..size().
    void nearest(const double *query, int k, double *squaredDistances) const;

private:
    struct Node
    {
        double split = 0.0;
        qint32 dimension = -1; // -1: a leaf holding points [begin, end)
        qint32 begin = 0;
        qint32 end = 0;
        qint32 right = 0; // the left child follows its parent
    };

    qint32 build(std::vector<qint32> &order, qint32 begin, qint32 end, const double *points);
    struct Search;
    void search(qint32 node, double bound, Search &state) const;

    int m_dimensions = 0;
    qint64 m_size = 0;
    int m_leafSize = 16;
    std::vector<double> m_points; // row-major, in tree order
    std::vector<Node> m_nodes;
};

} // namespace tideline
