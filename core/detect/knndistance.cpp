#include "knndistance.h"

#include "common/parallel.h"
#include "common/portablerandom.h"
#include "common/throttledprogress.h"
#include "detect/finite.h"

#include <QCoreApplication>
#include <algorithm>
#include <cmath>

namespace tideline {

namespace {

constexpr Eigen::Index kScoreBlock = 256;

} // namespace

std::vector<ParameterSpec> KnnDistance::parameterSpecs()
{
    const Parameters defaults;
    ParameterSpec k;
    k.name = QStringLiteral("k");
    k.description = QCoreApplication::translate("tideline", "Number of nearest training rows");
    k.type = ParameterSpec::Type::Int;
    k.defaultValue = defaults.k;
    k.minimum = 1;
    k.maximum = 1000;

    ParameterSpec aggregate;
    aggregate.name = QStringLiteral("aggregate");
    aggregate.description = QCoreApplication::translate(
        "tideline", "Score by the mean distance to the k neighbours or by the k-th distance");
    aggregate.type = ParameterSpec::Type::Choice;
    aggregate.choices = {QStringLiteral("mean"), QStringLiteral("kth")};
    aggregate.defaultValue = aggregate.choices.front();

    ParameterSpec cap;
    cap.name = QStringLiteral("max_train_rows");
    cap.description = QCoreApplication::translate(
        "tideline", "Training rows above this are sub-sampled (by seed) to bound the search");
    cap.type = ParameterSpec::Type::Int;
    cap.defaultValue = defaults.maxTrainRows;
    cap.minimum = 10;
    cap.maximum = 10000000;
    return {k, aggregate, cap};
}

KnnDistance::KnnDistance(const ParameterValues &values, quint64 seed)
    : m_seed(seed)
{
    m_parameters.k = values.value(QStringLiteral("k"), m_parameters.k).toInt();
    m_parameters.aggregate = values.value(QStringLiteral("aggregate")).toString() == u"kth"
                                 ? Aggregate::Kth
                                 : Aggregate::Mean;
    m_parameters.maxTrainRows =
        values.value(QStringLiteral("max_train_rows"), m_parameters.maxTrainRows).toInt();
}

KnnDistance::KnnDistance(const Parameters &parameters, quint64 seed)
    : m_parameters(parameters)
    , m_seed(seed)
{}

FitStatus KnnDistance::fit(const Eigen::Ref<const Eigen::MatrixXd> &train,
                           const ProgressCallback &progress)
{
    const FitStatus check = checkTrainingMatrix(train, QStringLiteral("knn"), 2);
    if (!check.ok())
        return check;
    ThrottledProgress reporter(progress, 2);
    if (!reporter.force(0))
        return FitStatus::cancelled();
    const Eigen::Index n = train.rows();
    const Eigen::Index cap = std::max(2, m_parameters.maxTrainRows);
    Eigen::MatrixXd kept;
    if (n > cap) {
        PortableRandom rng(m_seed);
        std::vector<qint64> rows = sampleWithoutReplacement(rng, n, cap);
        std::sort(rows.begin(), rows.end());
        kept.resize(cap, train.cols());
        for (Eigen::Index i = 0; i < cap; ++i) {
            for (Eigen::Index c = 0; c < train.cols(); ++c)
                kept(i, c) = sanitized(train(rows[std::size_t(i)], c));
        }
    } else {
        kept = train.unaryExpr([](double x) { return sanitized(x); });
    }
    if (!reporter.force(1))
        return FitStatus::cancelled();
    m_tree = KdTree(kept);
    // Leave room to drop one copy of the row itself.
    m_k = int(std::min<qint64>(std::max(1, m_parameters.k), m_tree.size() - 1));
    return reporter.force(2) ? FitStatus{} : FitStatus::cancelled();
}

Eigen::VectorXd KnnDistance::score(const Eigen::Ref<const Eigen::MatrixXd> &rows) const
{
    return scoreWithProgress(rows, {});
}

Eigen::VectorXd KnnDistance::scoreWithProgress(const Eigen::Ref<const Eigen::MatrixXd> &rows,
                                               const ProgressCallback &progress) const
{
    const Eigen::Index count = rows.rows();
    const Eigen::Index d = m_tree.dimensions();
    Eigen::VectorXd scores = Eigen::VectorXd::Zero(count);
    if (m_k < 1 || rows.cols() < d)
        return reportProgress(progress, Progress{1.0, count, 0.0}) ? scores : Eigen::VectorXd();
    // Rows in the order of the leaves they fall in: neighbouring queries touch the same
    // nodes and points. Each row's score is independent of the order, so nothing else changes.
    std::vector<double> all(std::size_t(count * d));
    copyRowsSanitized(rows.leftCols(d), 0, count, all.data());
    std::vector<std::pair<qint32, Eigen::Index>> order(static_cast<std::size_t>(count));
    for (Eigen::Index r = 0; r < count; ++r)
        order[std::size_t(r)] = {m_tree.leafOf(all.data() + r * d), r};
    std::sort(order.begin(), order.end());
    const bool finished = parallelForBlocks(
        count, kScoreBlock,
        [&](qint64 begin, qint64 end) {
            std::vector<double> neighbours(std::size_t(m_k + 1));
            KdTree::Scratch scratch;
            for (qint64 i = begin; i < end; ++i) {
                const Eigen::Index r = order[std::size_t(i)].second;
                scores[r] = scoreRow(all.data() + r * d, neighbours.data(), scratch);
            }
        },
        progress);
    return finished ? scores : Eigen::VectorXd();
}

double KnnDistance::scoreRow(const double *row, double *found, KdTree::Scratch &scratch) const
{
    const int wanted = m_k + 1; // m_k < size(), so this many exist
    m_tree.nearest(row, wanted, found, scratch);
    const double *neighbours = found[0] == 0.0 ? found + 1 : found;
    if (m_parameters.aggregate == Aggregate::Kth)
        return finiteScore(std::sqrt(neighbours[m_k - 1]));
    double sum = 0.0;
    for (int i = 0; i < m_k; ++i)
        sum += std::sqrt(neighbours[i]);
    return finiteScore(sum / m_k);
}

} // namespace tideline
