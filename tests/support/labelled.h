#pragma once

// Test data for supervised detectors: classes as Gaussian clusters with planted centres, drawn
// with a fixed seed.

#include "detect/classifier.h"
#include "planted.h"

#include <Eigen/Core>
#include <vector>

namespace tideline::testing {

struct Labelled
{
    Eigen::MatrixXd rows;
    std::vector<int> targets;
};

// `perClass` rows of each of `classes` classes in `features` dimensions: class c is centred at
// 3c in feature c % features (σ `spread`) and noise elsewhere, rows of the classes interleaved.
inline Labelled labelledClusters(Eigen::Index perClass, int classes, Eigen::Index features,
                                 double spread, quint64 seed)
{
    PortableRandom rng(seed);
    Labelled data;
    data.rows.resize(perClass * classes, features);
    for (Eigen::Index r = 0; r < data.rows.rows(); ++r) {
        const int c = int(r % classes);
        for (Eigen::Index f = 0; f < features; ++f)
            data.rows(r, f) = spread * gaussian(rng) + (f == c % features ? 3.0 * (c + 1) : 0.0);
        data.targets.push_back(c);
    }
    return data;
}

// Classes "c0", "c1", … with c0 normal and the others attacks.
inline ClassSet namedClasses(int count)
{
    ClassSet classes;
    for (int c = 0; c < count; ++c) {
        classes.names << QStringLiteral("c%1").arg(c);
        classes.attack.push_back(c > 0);
    }
    return classes;
}

inline double accuracy(const Eigen::MatrixXd &probabilities, const std::vector<int> &targets)
{
    qint64 right = 0;
    for (Eigen::Index r = 0; r < probabilities.rows(); ++r) {
        Eigen::Index best = 0;
        probabilities.row(r).maxCoeff(&best);
        right += best == targets[std::size_t(r)] ? 1 : 0;
    }
    return probabilities.rows() > 0 ? double(right) / double(probabilities.rows()) : 0.0;
}

} // namespace tideline::testing
