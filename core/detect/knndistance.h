#pragma once

#include "detect/detector.h"
#include "detect/kdtree.h"

#include <cstdint>
#include <vector>

namespace tideline {

// k-nearest-neighbour distance (Ramaswamy, Rastogi & Shim 2000, "Efficient Algorithms for
// Mining Outliers from Large Data Sets", for the k-th distance; Angiulli & Pizzuti 2002 for the
// mean): a row is as anomalous as it is far from its k nearest training rows. Above
// `maxTrainRows` the training rows are sub-sampled (by seed).
//
// Training rows may hold the attacks themselves: an attack spanning a few bins would be its own
// nearest neighbours and score as normal. So fit() first scores the training rows by their
// reach, the distance to the (n / 5)-th nearest other row, at most the 128th (an attack of
// fewer rows cannot hide in itself from that), leaves out the `trim` fraction that reach
// farthest, or more: every row whose reach is far out among the reaches (above Tukey's outer
// fence, Q3 + 3 IQR), up to a fifth of them, and fits on the rest. A short capture can be a
// seventh attack, a day of traffic hardly any: the fence says how many rows go.
//
// A scored row that is itself a training row must not count itself as its own neighbour, and
// score() cannot tell whether it was given the training rows. So the rule is: one neighbour at
// distance exactly 0 is dropped — a row is compared with the training rows other than one copy
// of itself. A training row and a new row with the same values then get the same score.
class KnnDistance : public Detector
{
public:
    enum class Aggregate : std::uint8_t { Mean, Kth };

    struct Parameters
    {
        int k = 5;
        Aggregate aggregate = Aggregate::Mean;
        int maxTrainRows = 20000;
        double trim = 0.01; // training rows always left out as suspected anomalies (a fraction)
    };

    static std::vector<ParameterSpec> parameterSpecs();

    KnnDistance(const ParameterValues &values, quint64 seed);
    KnnDistance(const Parameters &parameters, quint64 seed);

    FitStatus fit(const Eigen::Ref<const Eigen::MatrixXd> &train,
                  const ProgressCallback &progress) override;
    Eigen::VectorXd score(const Eigen::Ref<const Eigen::MatrixXd> &rows) const override;
    Eigen::VectorXd scoreWithProgress(const Eigen::Ref<const Eigen::MatrixXd> &rows,
                                      const ProgressCallback &progress) const override;

    qint64 trainingRows() const { return m_tree.size(); }

private:
    // The rows of `rows` to keep: all but those far out from their neighbours.
    std::vector<Eigen::Index> untrimmedRows(const Eigen::MatrixXd &rows,
                                            const ProgressCallback &progress, bool &stopped) const;
    double scoreRow(const double *row, double *found, KdTree::Scratch &scratch) const;

    Parameters m_parameters;
    quint64 m_seed;
    KdTree m_tree;
    int m_k = 0; // k, or fewer when the training set is small
};

} // namespace tideline
