#include "knndistance.h"

#include "common/parallel.h"
#include "common/percentile.h"
#include "common/portablerandom.h"
#include "common/throttledprogress.h"
#include "detect/finite.h"

#include <QCoreApplication>
#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace tideline {

namespace {

constexpr Eigen::Index kScoreBlock = 256;
// The screening neighbour count is trim × n up to this: longer attacks are rare, and the
// search grows with it.
constexpr int kMaxScreenNeighbours = 128;
// Tukey's outer fence: a reach this many interquartile ranges above the upper quartile is far
// out.
constexpr double kFarOut = 3.0;
// An attack in the training rows may take up to this share of them (a short capture's scan,
// flood and amplification take 14 % of it): the screen looks this far for neighbours, and
// leaves out up to this many far-out rows.
constexpr double kLargestAttack = 0.2;

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
    ParameterSpec trim;
    trim.name = QStringLiteral("trim");
    trim.description = QCoreApplication::translate(
        "tideline",
        "Fraction of the training rows always left out before the final fit, those farthest "
        "from their neighbours (more when far out, up to a fifth), so that an attack in the "
        "training range is not learnt as normal (0 keeps every row)");
    trim.type = ParameterSpec::Type::Double;
    trim.defaultValue = defaults.trim;
    trim.minimum = 0.0;
    trim.maximum = 0.2;
    return {k, aggregate, cap, trim};
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
    m_parameters.trim = values.value(QStringLiteral("trim"), m_parameters.trim).toDouble();
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
    bool stopped = false;
    const std::vector<Eigen::Index> rows =
        untrimmedRows(kept, scaledProgress(progress, 0.1, 0.9), stopped);
    if (stopped)
        return FitStatus::cancelled();
    m_tree = rows.size() == std::size_t(kept.rows())
                 ? KdTree(kept)
                 : KdTree(Eigen::MatrixXd(kept(rows, Eigen::all)));
    // Leave room to drop one copy of the row itself.
    m_k = int(std::min<qint64>(std::max(1, m_parameters.k), m_tree.size() - 1));
    return reporter.force(2) ? FitStatus{} : FitStatus::cancelled();
}

std::vector<Eigen::Index> KnnDistance::untrimmedRows(const Eigen::MatrixXd &rows,
                                                     const ProgressCallback &progress,
                                                     bool &stopped) const
{
    const Eigen::Index n = rows.rows();
    const int k = std::max(1, m_parameters.k);
    const auto trimmed =
        Eigen::Index(std::floor(std::clamp(m_parameters.trim, 0.0, 1.0) * double(n)));
    const auto most = std::max(trimmed, Eigen::Index(std::floor(kLargestAttack * double(n))));
    std::vector<Eigen::Index> all(static_cast<std::size_t>(n));
    std::iota(all.begin(), all.end(), Eigen::Index(0));
    // Too few rows to leave any out and still have k neighbours and a copy of the row.
    if (trimmed < 1 || n - most < k + 2)
        return all;
    // Two reaches from one search: to the (trim × n)-th nearest row, which ranks the rows for
    // the trim, and to the (n / 5)-th, which an attack of up to a fifth of the rows cannot
    // reach within itself.
    const int near = int(
        std::min<Eigen::Index>({std::max<Eigen::Index>(k, trimmed), kMaxScreenNeighbours, n - 2}));
    const int screen =
        int(std::min<Eigen::Index>({std::max<Eigen::Index>(k, most), kMaxScreenNeighbours, n - 2}));
    const KdTree tree(rows);
    const Eigen::Index d = rows.cols();
    const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> rowMajor = rows;
    std::vector<double> reach(static_cast<std::size_t>(n));
    std::vector<double> farReach(static_cast<std::size_t>(n));
    stopped = !parallelForBlocks(
        n, kScoreBlock,
        [&](qint64 begin, qint64 end) {
            std::vector<double> found(std::size_t(screen + 1));
            KdTree::Scratch scratch;
            for (qint64 r = begin; r < end; ++r) {
                tree.nearest(rowMajor.data() + r * d, screen + 1, found.data(), scratch);
                // The m-th nearest other row; one copy of the row itself is not another.
                const double *others = found[0] == 0.0 ? found.data() + 1 : found.data();
                reach[std::size_t(r)] = others[near - 1];
                farReach[std::size_t(r)] = others[screen - 1];
            }
        },
        progress);
    if (stopped)
        return {};
    // Distances spread by ratios (a sparse stretch of normal rows reaches twice as far, not a
    // fixed amount farther): the fence is on their logarithms. A reach of 0 (many equal rows)
    // is never far out.
    std::vector<double> logs;
    for (double r : farReach) {
        if (r > 0.0)
            logs.push_back(std::log(r));
    }
    std::sort(logs.begin(), logs.end());
    const auto quartile = [&](double p) {
        return percentileOfSorted(logs.data(), qsizetype(logs.size()), p);
    };
    const double fence =
        logs.empty() ? std::numeric_limits<double>::infinity()
                     : std::exp(quartile(75.0) + kFarOut * (quartile(75.0) - quartile(25.0)));
    // The far-out rows go, farthest first up to a fifth, then the trim's share of the rest
    // that reach farthest; ties in row order, so the same rows go on every run.
    std::stable_sort(all.begin(), all.end(), [&](Eigen::Index a, Eigen::Index b) {
        return farReach[std::size_t(a)] > farReach[std::size_t(b)];
    });
    auto kept = std::find_if(all.begin(), all.end(),
                             [&](Eigen::Index r) { return !(farReach[std::size_t(r)] > fence); });
    if (kept - all.begin() > most)
        kept = all.begin() + most;
    all.erase(all.begin(), kept);
    std::stable_sort(all.begin(), all.end(), [&](Eigen::Index a, Eigen::Index b) {
        return reach[std::size_t(a)] > reach[std::size_t(b)];
    });
    all.erase(all.begin(),
              all.begin() + std::min<Eigen::Index>(trimmed, Eigen::Index(all.size()) - k - 2));
    std::sort(all.begin(), all.end());
    return all;
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
