#pragma once

#include "detect/classifier.h"
#include "detect/kdtree.h"

#include <cstdint>
#include <vector>

namespace tideline {

// k-nearest-neighbour classification (Cover & Hart 1967): a row takes the classes of its k
// nearest training rows, by a majority vote or weighted by the inverse of their distance (an
// exact match then decides alone). The neighbours are found on the k-d tree where the
// dimension suits one, and by a blocked scan of all training rows where it does not (one-hot
// categories give NSL-KDD ~120 columns, where a tree prunes almost nothing): the distances of a
// block of rows to every training row are |x|² − 2 x·q (+ |q|²), in float, the dot products one
// matrix product over the columns that are mostly non-zero, plus, for the columns that are
// mostly zero (most one-hot values, rare flags), only the training rows where they are not.
class KnnClassifier : public Classifier
{
public:
    enum class Weighting : std::uint8_t { Uniform, Distance };
    enum class Search : std::uint8_t { Auto, Tree, Scan };

    // Auto searches the tree up to this many columns and scans above it.
    static constexpr int kMostTreeDimensions = 16;

    struct Parameters
    {
        int k = 5;
        Weighting weighting = Weighting::Uniform;
        Search search = Search::Auto;
    };

    static std::vector<ParameterSpec> parameterSpecs();

    KnnClassifier(const ParameterValues &values, quint64 seed);
    explicit KnnClassifier(const Parameters &parameters);

    FitStatus fitLabelled(const Eigen::Ref<const Eigen::MatrixXd> &train,
                          std::span<const int> targets, const ClassSet &classes,
                          const ProgressCallback &progress) override;
    Eigen::MatrixXd probabilities(const Eigen::Ref<const Eigen::MatrixXd> &rows,
                                  const ProgressCallback &progress) const override;
    // The training rows and their classes; read() fits on them again.
    void write(ModelWriter &writer) const override;
    void read(ModelReader &reader) override;

    bool usesTree() const { return m_useTree; }

private:
    // Turns the neighbours of one row (ascending squared distances) into class probabilities.
    void vote(const double *squared, const qint32 *rows, int found, double *out) const;
    bool probabilitiesByTree(const Eigen::MatrixXd &rows, Eigen::MatrixXd &result,
                             const ProgressCallback &progress) const;
    bool probabilitiesByScan(const Eigen::MatrixXd &rows, Eigen::MatrixXd &result,
                             const ProgressCallback &progress) const;

    Parameters m_parameters;
    int m_k = 0; // k, or fewer when there are fewer training rows
    bool m_useTree = false;
    std::vector<int> m_targets;
    Eigen::MatrixXd m_train; // the training rows, finite, for write()
    KdTree m_tree;
    // The scan: the training rows' mostly non-zero columns, one row per training row, and the
    // other columns by column, their non-zero values only.
    std::vector<Eigen::Index> m_denseColumns;
    Eigen::MatrixXf m_dense;
    std::vector<Eigen::Index> m_sparseColumns;
    std::vector<qint64> m_sparseStart; // per sparse column, then the end
    std::vector<qint32> m_sparseRows;
    std::vector<float> m_sparseValues;
    Eigen::VectorXf m_trainNorms; // the rows' squared norms
};

} // namespace tideline
