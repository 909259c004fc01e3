#pragma once

#include "detect/detector.h"

#include <vector>

namespace tideline {

// Isolation forest (Liu, Ting & Zhou 2008, "Isolation Forest", ICDM): each tree isolates a
// random sub-sample of ψ training rows by random axis-parallel cuts, up to ⌈log2 ψ⌉ levels.
// Anomalies are isolated in few cuts; the score is 2^(-E[h(x)] / c(ψ)) in (0, 1], where h is the
// path length (plus c(size) for a leaf that still holds several rows) and c(n) the average path
// length of an unsuccessful binary-search-tree search.
// Two changes make how far a row lies out count, not only that it does: cuts choose a feature in
// proportion to its range (as the robust random cut forest does), and a row whose value lies
// beyond the range a node was cut in may be cut off there, with the chance that a cut of the
// widened range falls between (a forest grown on normal rows would otherwise score a bin 50 times
// as busy as any like the busiest normal one).
// Trained on rows where an attack fills a large share, its cluster masks itself: with `trim` > 0
// the forest is grown twice, the second time without that share of training rows the first one
// isolated soonest (trimmedrefit.h). Off by default: where attacks are a few bins of a day, the
// trimmed normal rows come to lie beyond the spans and score nearly as high as the attacks.
class IsolationForest : public Detector
{
public:
    struct Parameters
    {
        int trees = 100;
        int sampleSize = 256; // ψ
        double trim = 0.0;    // share of training rows left out of a second growth; 0: none
    };

    static std::vector<ParameterSpec> parameterSpecs();

    IsolationForest(const ParameterValues &values, quint64 seed);
    IsolationForest(const Parameters &parameters, quint64 seed);

    FitStatus fit(const Eigen::Ref<const Eigen::MatrixXd> &train,
                  const ProgressCallback &progress) override;
    Eigen::VectorXd score(const Eigen::Ref<const Eigen::MatrixXd> &rows) const override;
    Eigen::VectorXd scoreWithProgress(const Eigen::Ref<const Eigen::MatrixXd> &rows,
                                      const ProgressCallback &progress) const override;
    // 2^(-mean path / c(ψ)), the path at least 0.
    double highestScore() const override { return 1.0; }

    // c(n) = 2 H(n-1) - 2 (n-1) / n, with c(1) = 0 and c(2) = 1.
    static double averagePathLength(double n);

    int height() const { return m_height; }

    // A node in the flat array of all trees. A leaf loops to itself (threshold +inf, child =
    // its own index), so every walk takes exactly `height` steps and needs no leaf test.
    struct Node
    {
        double threshold = 0.0;
        qint32 feature = 0;
        qint32 child = 0; // left child; the right one is child + 1
    };
    // The range of a node's cut feature over the training rows that reached it (a leaf's is
    // the whole line).
    struct Span
    {
        double low = 0.0;
        double high = 0.0;
    };

private:
    FitStatus grow(const Eigen::Ref<const Eigen::MatrixXd> &train,
                   const ProgressCallback &progress);
    void scoreBlock(const double *rows, Eigen::Index count, double *pathSums) const;

    Parameters m_parameters;
    quint64 m_seed;
    Eigen::Index m_features = 0;
    int m_height = 0;
    double m_normaliser = 1.0; // c(ψ)
    std::vector<Node> m_nodes;
    std::vector<double> m_pathLength; // per node; read at the leaf a walk ends on
    std::vector<Span> m_spans;        // per node
    std::vector<qint32> m_roots;
};

} // namespace tideline
