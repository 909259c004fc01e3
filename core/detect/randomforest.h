#pragma once

#include "detect/classifier.h"

#include <cstdint>
#include <vector>

namespace tideline {

// A random forest (Breiman 2001, "Random Forests"): each tree grows on a bootstrap sample of
// the training rows, choosing every split among √d features drawn at random by the Gini
// impurity, to a depth or leaf-size limit; the forest's class probabilities are the mean of its
// trees' leaf distributions. Rows a tree did not draw are its out-of-bag rows: the forest
// predicting each row from those trees alone gives an error estimate without a held-out set.
//
// Splits are sought among the boundaries of at most 256 bins per feature (BinnedColumns), the
// midpoints between its distinct training values when it has no more (NSL-KDD's counts and
// rates, every one-hot column), else its quantiles: a node then finds its split from one
// histogram per feature instead of sorting its rows, and a feature that is nearly always one
// value from its few rows off that value. Tree i draws from its own stream of the seed, so the
// forest is the same whatever the number of threads that build it.
class RandomForest : public Classifier
{
public:
    struct Parameters
    {
        int trees = 100;
        int maxDepth = 0;         // 0: no limit
        int minLeaf = 1;          // distinct training rows a leaf holds at least
        int featuresPerSplit = 0; // 0: √d
        bool balanced = false;    // weigh classes by the inverse of their frequency
    };

    static std::vector<ParameterSpec> parameterSpecs();

    RandomForest(const ParameterValues &values, quint64 seed);
    RandomForest(const Parameters &parameters, quint64 seed);

    FitStatus fitLabelled(const Eigen::Ref<const Eigen::MatrixXd> &train,
                          std::span<const int> targets, const ClassSet &classes,
                          const ProgressCallback &progress) override;
    Eigen::MatrixXd probabilities(const Eigen::Ref<const Eigen::MatrixXd> &rows,
                                  const ProgressCallback &progress) const override;
    void write(ModelWriter &writer) const override;
    void read(ModelReader &reader) override;

    // The share of training rows that the trees which did not draw them misclassify; NaN when
    // every row was in every tree's bootstrap sample (a forest of very few trees).
    double outOfBagError() const { return m_outOfBagError; }
    // Mean decrease in Gini impurity per feature, summing to 1 (all 0 for a forest of leaves).
    const Eigen::VectorXd &featureImportances() const { return m_importances; }
    int treeCount() const { return int(m_trees.size()); }

    // One split or leaf; public for the builder in the implementation file.
    struct Node
    {
        double threshold = 0.0; // rows with value <= threshold go left
        qint32 feature = -1;    // -1: a leaf
        qint32 left = 0;
        qint32 right = 0;
        qint32 leaf = 0; // a leaf's first probability in Tree::leaves
    };
    struct Tree
    {
        std::vector<Node> nodes;
        std::vector<float> leaves; // classes() probabilities per leaf
    };

private:
    // Adds tree `tree`'s leaf distribution for `row` (dimensions values) to `sum`.
    void addTree(const Tree &tree, const double *row, double *sum) const;

    Parameters m_parameters;
    quint64 m_seed;
    std::vector<Tree> m_trees;
    double m_outOfBagError = 0.0;
    Eigen::VectorXd m_importances;
};

} // namespace tideline
