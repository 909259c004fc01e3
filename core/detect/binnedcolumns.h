#pragma once

#include <Eigen/Core>
#include <QtGlobal>
#include <cstdint>
#include <vector>

namespace tideline {

// A training matrix quantised once for growing trees (randomforest.h): each column as at most
// 256 ordered bins. A column of no more distinct values keeps them all apart, its edges the
// midpoints between neighbours; a column of more is cut at its quantiles. A value's code is
// the number of edges below it, so x goes left of edge b exactly when code(x) <= b, and a split
// found between bins is the real threshold edges[b].
//
// A column whose codes are nearly all one value (a one-hot column, a count that is mostly 0)
// also lists the rows off that value, its mode: a node then finds its histogram from those
// rows alone.
struct BinnedColumns
{
    static constexpr int kMostBins = 256;
    // A column with at most 1 row in this many off its mode is sparse.
    static constexpr Eigen::Index kSparseShare = 8;

    Eigen::Index rows = 0;
    std::vector<std::vector<double>> edges; // per column, ascending
    std::vector<std::uint8_t> codes;        // column by column
    std::vector<std::uint8_t> modes;        // per column: its most common code
    std::vector<bool> sparse;
    std::vector<std::vector<qint32>> offMode; // per sparse column: rows off its mode, ascending

    // `matrix` must be finite. Columns are binned in parallel (parallel.h).
    static BinnedColumns of(const Eigen::MatrixXd &matrix);
    // The edges for one column's values.
    static std::vector<double> edgesOf(const double *values, Eigen::Index count);

    const std::uint8_t *column(int feature) const
    {
        return codes.data() + std::size_t(feature) * std::size_t(rows);
    }
};

} // namespace tideline
