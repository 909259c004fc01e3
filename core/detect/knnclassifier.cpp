#include "knnclassifier.h"

#include "common/parallel.h"
#include "detect/finite.h"
#include "detect/modelstream.h"

#include <QCoreApplication>
#include <algorithm>
#include <cmath>

namespace tideline {

namespace {

constexpr Eigen::Index kTreeBlock = 256;
// Rows per matrix product: the product's block of distances (training rows × this) stays in
// the cache a thread has.
constexpr Eigen::Index kScanBlock = 64;
// A column non-zero in fewer training rows than this share is summed row by row where it is
// non-zero: a scattered add costs about as much as this many multiply-adds of the product.
constexpr double kSparseShare = 1.0 / 16;

} // namespace

std::vector<ParameterSpec> KnnClassifier::parameterSpecs()
{
    const Parameters defaults;
    ParameterSpec k;
    k.name = QStringLiteral("k");
    k.description = QCoreApplication::translate("tideline", "Number of nearest training rows");
    k.type = ParameterSpec::Type::Int;
    k.defaultValue = defaults.k;
    k.minimum = 1;
    k.maximum = 1000;

    ParameterSpec weights;
    weights.name = QStringLiteral("weights");
    weights.description = QCoreApplication::translate(
        "tideline", "uniform: a majority vote of the k neighbours; distance: votes weighted "
                    "by the inverse of their distance");
    weights.type = ParameterSpec::Type::Choice;
    weights.choices = {QStringLiteral("uniform"), QStringLiteral("distance")};
    weights.defaultValue = weights.choices.front();

    ParameterSpec search;
    search.name = QStringLiteral("search");
    search.description = QCoreApplication::translate(
        "tideline", "How neighbours are found: a k-d tree (few columns), a scan of every "
                    "training row by matrix products (many columns), or auto (the tree up to "
                    "16 columns)");
    search.type = ParameterSpec::Type::Choice;
    search.choices = {QStringLiteral("auto"), QStringLiteral("tree"), QStringLiteral("scan")};
    search.defaultValue = search.choices.front();
    return {k, weights, search};
}

KnnClassifier::KnnClassifier(const ParameterValues &values, quint64 seed)
{
    Q_UNUSED(seed); // nothing is random
    m_parameters.k = values.value(QStringLiteral("k"), m_parameters.k).toInt();
    m_parameters.weighting = values.value(QStringLiteral("weights")).toString() == u"distance"
                                 ? Weighting::Distance
                                 : Weighting::Uniform;
    const QString search = values.value(QStringLiteral("search")).toString();
    m_parameters.search = search == u"tree"   ? Search::Tree
                          : search == u"scan" ? Search::Scan
                                              : Search::Auto;
}

KnnClassifier::KnnClassifier(const Parameters &parameters)
    : m_parameters(parameters)
{}

FitStatus KnnClassifier::fitLabelled(const Eigen::Ref<const Eigen::MatrixXd> &train,
                                     std::span<const int> targets, const ClassSet &classes,
                                     const ProgressCallback &progress)
{
    if (FitStatus check = checkLabelled(train, targets, classes, QStringLiteral("knn_classifier"));
        !check.ok())
        return check;
    if (!reportProgress(progress, Progress{0.0, 0, 0.0}))
        return FitStatus::cancelled();
    m_classes = classes;
    m_dimensions = int(train.cols());
    m_targets.assign(targets.begin(), targets.end());
    m_k = int(std::min<Eigen::Index>(std::max(1, m_parameters.k), train.rows()));
    m_train = train.unaryExpr([](double x) { return sanitized(x); });
    const Eigen::MatrixXd &clean = m_train;
    m_useTree = m_parameters.search == Search::Tree ||
                (m_parameters.search == Search::Auto && m_dimensions <= kMostTreeDimensions);
    m_denseColumns.clear();
    m_sparseColumns.clear();
    m_sparseStart.clear();
    m_sparseRows.clear();
    m_sparseValues.clear();
    m_dense.resize(0, 0);
    if (m_useTree) {
        m_tree = KdTree(clean);
    } else {
        m_tree = KdTree();
        const Eigen::MatrixXf rows = clean.cast<float>();
        m_trainNorms = rows.rowwise().squaredNorm();
        for (Eigen::Index c = 0; c < rows.cols(); ++c) {
            const auto nonZero = (rows.col(c).array() != 0.0F).count();
            if (double(nonZero) >= kSparseShare * double(rows.rows())) {
                m_denseColumns.push_back(c);
                continue;
            }
            m_sparseColumns.push_back(c);
            m_sparseStart.push_back(qint64(m_sparseRows.size()));
            for (Eigen::Index r = 0; r < rows.rows(); ++r) {
                if (rows(r, c) != 0.0F) {
                    m_sparseRows.push_back(qint32(r));
                    m_sparseValues.push_back(rows(r, c));
                }
            }
        }
        m_sparseStart.push_back(qint64(m_sparseRows.size()));
        m_dense = rows(Eigen::all, m_denseColumns);
    }
    return reportProgress(progress, Progress{1.0, train.rows(), 0.0}) ? FitStatus{}
                                                                      : FitStatus::cancelled();
}

void KnnClassifier::vote(const double *squared, const qint32 *rows, int found, double *out) const
{
    const int k = m_classes.size();
    std::fill(out, out + k, 0.0);
    const bool exact = found > 0 && squared[0] <= 0.0;
    for (int i = 0; i < found; ++i) {
        double weight = 1.0;
        if (m_parameters.weighting == Weighting::Distance)
            weight = exact ? (squared[i] <= 0.0 ? 1.0 : 0.0) : 1.0 / std::sqrt(squared[i]);
        out[m_targets[std::size_t(rows[i])]] += weight;
    }
    double total = 0.0;
    for (int c = 0; c < k; ++c)
        total += out[c];
    for (int c = 0; c < k && total > 0.0; ++c)
        out[c] /= total;
}

Eigen::MatrixXd KnnClassifier::probabilities(const Eigen::Ref<const Eigen::MatrixXd> &rows,
                                             const ProgressCallback &progress) const
{
    Eigen::MatrixXd result = Eigen::MatrixXd::Zero(rows.rows(), m_classes.size());
    if (m_k < 1 || rows.cols() < m_dimensions)
        return reportProgress(progress, Progress{1.0, rows.rows(), 0.0}) ? result
                                                                         : Eigen::MatrixXd();
    const Eigen::MatrixXd clean =
        rows.leftCols(m_dimensions).unaryExpr([](double x) { return sanitized(x); });
    const bool finished = m_useTree ? probabilitiesByTree(clean, result, progress)
                                    : probabilitiesByScan(clean, result, progress);
    return finished ? result : Eigen::MatrixXd();
}

bool KnnClassifier::probabilitiesByTree(const Eigen::MatrixXd &rows, Eigen::MatrixXd &result,
                                        const ProgressCallback &progress) const
{
    const int d = m_dimensions;
    const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> rowMajor = rows;
    return parallelForBlocks(
        rows.rows(), kTreeBlock,
        [&](qint64 begin, qint64 end) {
            std::vector<double> squared(static_cast<std::size_t>(m_k));
            std::vector<qint32> found(static_cast<std::size_t>(m_k));
            std::vector<double> votes(std::size_t(m_classes.size()));
            KdTree::Scratch scratch;
            for (qint64 r = begin; r < end; ++r) {
                m_tree.nearest(rowMajor.data() + r * d, m_k, squared.data(), found.data(), scratch);
                vote(squared.data(), found.data(), m_k, votes.data());
                for (int c = 0; c < m_classes.size(); ++c)
                    result(Eigen::Index(r), c) = votes[std::size_t(c)];
            }
        },
        progress);
}

bool KnnClassifier::probabilitiesByScan(const Eigen::MatrixXd &rows, Eigen::MatrixXd &result,
                                        const ProgressCallback &progress) const
{
    const Eigen::Index n = m_dense.rows();
    return parallelForBlocks(
        rows.rows(), kScanBlock,
        [&](qint64 begin, qint64 end) {
            const Eigen::Index count = end - begin;
            const Eigen::MatrixXf block = rows.middleRows(begin, count).cast<float>();
            // x·q for each training row x (down a column) and query q (across).
            Eigen::MatrixXf dots = m_dense * block(Eigen::all, m_denseColumns).transpose();
            std::vector<double> squared(static_cast<std::size_t>(m_k));
            std::vector<qint32> found(static_cast<std::size_t>(m_k));
            std::vector<double> votes(std::size_t(m_classes.size()));
            for (Eigen::Index j = 0; j < count; ++j) {
                float *dot = dots.col(j).data();
                for (std::size_t s = 0; s < m_sparseColumns.size(); ++s) {
                    const float q = block(j, m_sparseColumns[s]);
                    if (q == 0.0F)
                        continue;
                    for (qint64 i = m_sparseStart[s]; i < m_sparseStart[s + 1]; ++i)
                        dot[m_sparseRows[std::size_t(i)]] += q * m_sparseValues[std::size_t(i)];
                }
                // |x − q|² − |q|² = |x|² − 2 x·q ranks the training rows for this query.
                int have = 0;
                for (Eigen::Index i = 0; i < n; ++i) {
                    const double s = double(m_trainNorms[i] - 2.0F * dot[i]);
                    if (have == m_k && !(s < squared[std::size_t(m_k - 1)]))
                        continue;
                    int at = have < m_k ? have++ : m_k - 1;
                    while (at > 0 && squared[std::size_t(at - 1)] > s) {
                        squared[std::size_t(at)] = squared[std::size_t(at - 1)];
                        found[std::size_t(at)] = found[std::size_t(at - 1)];
                        --at;
                    }
                    squared[std::size_t(at)] = s;
                    found[std::size_t(at)] = qint32(i);
                }
                // Back to squared distances (rounding can leave an exact match slightly
                // negative).
                const double queryNorm = double(block.row(j).squaredNorm());
                for (int i = 0; i < have; ++i)
                    squared[std::size_t(i)] = std::max(0.0, squared[std::size_t(i)] + queryNorm);
                vote(squared.data(), found.data(), have, votes.data());
                for (int c = 0; c < m_classes.size(); ++c)
                    result(begin + j, c) = votes[std::size_t(c)];
            }
        },
        progress);
}

void KnnClassifier::write(ModelWriter &writer) const
{
    writeClasses(writer);
    writer.int32s(std::vector<qint32>(m_targets.begin(), m_targets.end()));
    writer.matrix(m_train);
}

void KnnClassifier::read(ModelReader &reader)
{
    readClasses(reader);
    const std::vector<qint32> targets = reader.int32s();
    const Eigen::MatrixXd train = reader.matrix();
    if (!reader.ok())
        return;
    const std::vector<int> classesOf(targets.begin(), targets.end());
    if (const FitStatus fitted = fitLabelled(train, classesOf, ClassSet(m_classes), {});
        !fitted.ok())
        reader.fail(fitted.message);
}

} // namespace tideline
