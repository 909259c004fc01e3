#pragma once

// Test data for detectors: rows from a few tight Gaussian clusters in time order, with
// outliers planted at known rows, drawn with a fixed seed.

#include "common/portablerandom.h"

#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <numbers>
#include <vector>

namespace tideline::testing {

struct Planted
{
    Eigen::MatrixXd rows;
    std::vector<Eigen::Index> outliers; // ascending
};

inline double gaussian(PortableRandom &rng)
{
    // Box–Muller on our portable uniform draws.
    const double u = 1.0 - rng.uniform();
    const double v = rng.uniform();
    return std::sqrt(-2.0 * std::log(u)) * std::cos(2.0 * std::numbers::pi * v);
}

// `normal` cluster rows in `features` dimensions (each feature at 0, 4 or 8, σ 0.5) and
// `outliers` rows spread evenly through them, each feature of which is near 20 or -12: far from
// every cluster, in every feature alone too.
inline Planted plantedMatrix(Eigen::Index normal = 2000, Eigen::Index outliers = 10,
                             Eigen::Index features = 4, quint64 seed = 7)
{
    PortableRandom rng(seed);
    const Eigen::Index total = normal + outliers;
    Planted planted;
    planted.rows.resize(total, features);
    const Eigen::Index spacing = total / (outliers + 1);
    for (Eigen::Index i = 1; i <= outliers; ++i)
        planted.outliers.push_back(i * spacing);
    std::size_t next = 0;
    for (Eigen::Index r = 0; r < total; ++r) {
        const bool outlier = next < planted.outliers.size() && planted.outliers[next] == r;
        const int cluster = int(rng.below(3));
        for (Eigen::Index c = 0; c < features; ++c)
            planted.rows(r, c) = 4.0 * double((cluster + c) % 3) + 0.5 * gaussian(rng);
        if (outlier) {
            for (Eigen::Index c = 0; c < features; ++c)
                planted.rows(r, c) = (rng.below(2) == 0 ? 20.0 : -12.0) + 0.5 * gaussian(rng);
            ++next;
        }
    }
    return planted;
}

// Training rows that hold an attack, as a day of traffic does: `normal` rows of standard normal
// features, then `attack` consecutive rows of one burst far out in the first two features (a
// flood: many packets, many SYNs) and ordinary in the others — enough of them to be each
// other's company. `outliers` lists the burst's rows.
inline Planted contaminatedMatrix(Eigen::Index normal = 1000, Eigen::Index attack = 80,
                                  Eigen::Index features = 6, quint64 seed = 5)
{
    PortableRandom rng(seed);
    Planted planted;
    planted.rows.resize(normal + attack, features);
    for (Eigen::Index r = 0; r < normal + attack; ++r) {
        for (Eigen::Index c = 0; c < features; ++c)
            planted.rows(r, c) = gaussian(rng);
        if (r >= normal) {
            planted.rows(r, 0) = 12.0 + 0.1 * gaussian(rng);
            planted.rows(r, 1) = 15.0 + 0.1 * gaussian(rng);
            planted.outliers.push_back(r);
        }
    }
    return planted;
}

// Indices of the `count` highest scores.
inline std::vector<Eigen::Index> topRows(const Eigen::VectorXd &scores, Eigen::Index count)
{
    std::vector<Eigen::Index> order(std::size_t(scores.size()));
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = Eigen::Index(i);
    std::partial_sort(order.begin(), order.begin() + count, order.end(),
                      [&](Eigen::Index a, Eigen::Index b) { return scores[a] > scores[b]; });
    order.resize(std::size_t(count));
    std::sort(order.begin(), order.end());
    return order;
}

} // namespace tideline::testing
