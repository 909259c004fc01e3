#include "isolationforest.h"

#include "common/parallel.h"
#include "common/portablerandom.h"
#include "common/throttledprogress.h"
#include "detect/finite.h"
#include "detect/trimmedrefit.h"

#include <QCoreApplication>
#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <numbers>

namespace tideline {

namespace {

struct Tree
{
    std::vector<IsolationForest::Node> nodes; // children index into this tree
    std::vector<double> pathLength;
    std::vector<IsolationForest::Span> spans;
};

// The chance that a random cut of `span` widened to reach `value` falls between the span and
// the value, isolating it: 0 inside the span.
inline double cutOffChance(const IsolationForest::Span &span, double value)
{
    const double beyond = std::max(span.low - value, value - span.high);
    return beyond > 0.0 ? beyond / (span.high - span.low + beyond) : 0.0;
}

// Grows one isolation tree over a row-major sample.
class TreeBuilder
{
public:
    TreeBuilder(const double *sample, Eigen::Index rows, Eigen::Index features, int height,
                quint64 seed)
        : m_sample(sample)
        , m_features(features)
        , m_height(height)
        , m_rng(seed)
        , m_order(std::size_t(rows))
        , m_low(std::size_t(features))
        , m_high(std::size_t(features))
    {
        for (std::size_t i = 0; i < m_order.size(); ++i)
            m_order[i] = qint32(i);
        m_tree.nodes.resize(1);
        m_tree.pathLength.resize(1);
        m_tree.spans.resize(1);
        grow(0, 0, qint32(rows), 0);
    }

    Tree &tree() { return m_tree; }

private:
    void grow(qint32 node, qint32 begin, qint32 end, int depth)
    {
        const qint32 size = end - begin;
        if (depth >= m_height || size <= 1)
            return makeLeaf(node, size, depth);
        // Cut only features that vary here; a node whose rows are all equal is a leaf.
        std::fill(m_low.begin(), m_low.end(), std::numeric_limits<double>::infinity());
        std::fill(m_high.begin(), m_high.end(), -std::numeric_limits<double>::infinity());
        for (qint32 i = begin; i < end; ++i) {
            const double *row = m_sample + std::ptrdiff_t(m_order[std::size_t(i)]) * m_features;
            for (Eigen::Index f = 0; f < m_features; ++f) {
                m_low[std::size_t(f)] = std::min(m_low[std::size_t(f)], row[f]);
                m_high[std::size_t(f)] = std::max(m_high[std::size_t(f)], row[f]);
            }
        }
        // The feature to cut is drawn in proportion to its range here (Guha, Mishra, Roy &
        // Schrijvers 2016, "Robust random cut forest"), not uniformly: a bin 50 times as busy as
        // any other spans most of the range of its feature and is cut off first, while a feature
        // that is 0 in most bins and 1 in a few cannot isolate those few as readily.
        double total = 0.0;
        for (Eigen::Index f = 0; f < m_features; ++f)
            total += m_high[std::size_t(f)] - m_low[std::size_t(f)];
        if (!(total > 0.0))
            return makeLeaf(node, size, depth);
        double pick = total * m_rng.uniform();
        qint32 feature = -1;
        for (Eigen::Index f = 0; f < m_features; ++f) {
            const double range = m_high[std::size_t(f)] - m_low[std::size_t(f)];
            if (range > 0.0) {
                feature = qint32(f);
                if (pick < range)
                    break;
                pick -= range;
            }
        }
        const double low = m_low[std::size_t(feature)];
        const double high = m_high[std::size_t(feature)];
        // A cut in (low, high] leaves at least one row on each side.
        double cut = high - (high - low) * m_rng.uniform();
        if (cut <= low)
            cut = high;
        const auto middle =
            std::partition(m_order.begin() + begin, m_order.begin() + end, [&](qint32 row) {
                return m_sample[std::ptrdiff_t(row) * m_features + feature] < cut;
            });
        const qint32 split = qint32(middle - m_order.begin());
        const qint32 left = qint32(m_tree.nodes.size());
        m_tree.nodes.resize(m_tree.nodes.size() + 2);
        m_tree.pathLength.resize(m_tree.nodes.size());
        m_tree.spans.resize(m_tree.nodes.size());
        m_tree.nodes[std::size_t(node)] = {cut, feature, left};
        m_tree.pathLength[std::size_t(node)] = 0.0;
        m_tree.spans[std::size_t(node)] = {low, high};
        grow(left, begin, split, depth + 1);
        grow(left + 1, split, end, depth + 1);
    }

    void makeLeaf(qint32 node, qint32 size, int depth)
    {
        m_tree.nodes[std::size_t(node)] = {std::numeric_limits<double>::infinity(), 0, node};
        m_tree.pathLength[std::size_t(node)] = depth + IsolationForest::averagePathLength(size);
        m_tree.spans[std::size_t(node)] = {-std::numeric_limits<double>::infinity(),
                                           std::numeric_limits<double>::infinity()};
    }

    const double *m_sample;
    Eigen::Index m_features;
    int m_height;
    PortableRandom m_rng;
    std::vector<qint32> m_order;
    std::vector<double> m_low;
    std::vector<double> m_high;
    Tree m_tree;
};

ParameterSpec intSpec(const char *name, const QString &description, int value, double minimum,
                      double maximum)
{
    ParameterSpec spec;
    spec.name = QLatin1String(name);
    spec.description = description;
    spec.type = ParameterSpec::Type::Int;
    spec.defaultValue = value;
    spec.minimum = minimum;
    spec.maximum = maximum;
    return spec;
}

constexpr Eigen::Index kScoreBlock = 512;
// 2^26 nodes of 24 bytes: about 1.6 GB, far beyond any useful forest.
constexpr double kMaxNodes = 67108864.0;
constexpr int kLanes = 8; // walks interleaved so their memory loads overlap

} // namespace

std::vector<ParameterSpec> IsolationForest::parameterSpecs()
{
    const Parameters defaults;
    return {
        intSpec("trees", QCoreApplication::translate("tideline", "Number of isolation trees"),
                defaults.trees, 1, 10000),
        intSpec("sample_size",
                QCoreApplication::translate(
                    "tideline", "Rows sub-sampled for each tree (ψ); trees grow ⌈log2 ψ⌉ deep"),
                defaults.sampleSize, 2, 1000000),
        {QStringLiteral("trim"),
         QCoreApplication::translate(
             "tideline", "Share of training rows, those isolated soonest, left out when the "
                         "forest is grown again (0: grown once)"),
         ParameterSpec::Type::Double,
         defaults.trim,
         0.0,
         0.5,
         {}},
    };
}

IsolationForest::IsolationForest(const ParameterValues &values, quint64 seed)
    : m_seed(seed)
{
    m_parameters.trees = values.value(QStringLiteral("trees"), m_parameters.trees).toInt();
    m_parameters.sampleSize =
        values.value(QStringLiteral("sample_size"), m_parameters.sampleSize).toInt();
    m_parameters.trim = values.value(QStringLiteral("trim"), m_parameters.trim).toDouble();
}

IsolationForest::IsolationForest(const Parameters &parameters, quint64 seed)
    : m_parameters(parameters)
    , m_seed(seed)
{}

double IsolationForest::averagePathLength(double n)
{
    if (n <= 1.0)
        return 0.0;
    if (n <= 2.0)
        return 1.0;
    return 2.0 * (std::log(n - 1.0) + std::numbers::egamma) - 2.0 * (n - 1.0) / n;
}

FitStatus IsolationForest::fit(const Eigen::Ref<const Eigen::MatrixXd> &train,
                               const ProgressCallback &progress)
{
    const FitStatus check = checkTrainingMatrix(train, QStringLiteral("isolation_forest"), 2);
    if (!check.ok())
        return check;
    const bool refit = m_parameters.trim > 0.0;
    const FitStatus first = grow(train, refit ? halfOfProgress(progress, false) : progress);
    if (!first.ok() || !refit)
        return first;
    const std::vector<Eigen::Index> kept = rowsBelowTopShare(score(train), m_parameters.trim);
    if (kept.size() < 2 || Eigen::Index(kept.size()) == train.rows())
        return first;
    return grow(train(kept, Eigen::all), halfOfProgress(progress, true));
}

FitStatus IsolationForest::grow(const Eigen::Ref<const Eigen::MatrixXd> &train,
                                const ProgressCallback &progress)
{
    const Eigen::Index n = train.rows();
    const Eigen::Index d = train.cols();
    const int trees = std::max(1, m_parameters.trees);
    const Eigen::Index psi = std::clamp<Eigen::Index>(m_parameters.sampleSize, 2, n);
    int height = 0;
    while ((Eigen::Index(1) << height) < psi)
        ++height;
    if (double(trees) * double(2 * psi - 1) > kMaxNodes)
        return FitStatus::failed(
            QCoreApplication::translate("tideline",
                                        "isolation_forest: %1 trees of %2 rows would need more "
                                        "than %3 nodes; use fewer trees or a smaller sample_size")
                .arg(trees)
                .arg(psi)
                .arg(kMaxNodes, 0, 'g', 3));

    std::vector<Tree> grown(static_cast<std::size_t>(trees));
    const bool finished = parallelForBlocks(
        trees, 1,
        [&](qint64 begin, qint64 end) {
            std::vector<double> sample;
            for (qint64 t = begin; t < end; ++t) {
                PortableRandom rng(PortableRandom::derive(m_seed, quint64(t)));
                const std::vector<qint64> rows = sampleWithoutReplacement(rng, n, psi);
                sample.resize(std::size_t(psi * d));
                for (std::size_t i = 0; i < rows.size(); ++i) {
                    for (Eigen::Index f = 0; f < d; ++f)
                        sample[i * std::size_t(d) + std::size_t(f)] = sanitized(train(rows[i], f));
                }
                TreeBuilder builder(sample.data(), psi, d, height, rng.next());
                grown[std::size_t(t)] = std::move(builder.tree());
            }
        },
        progress);
    if (!finished)
        return FitStatus::cancelled();

    m_nodes.clear();
    m_pathLength.clear();
    m_spans.clear();
    m_roots.clear();
    for (const Tree &tree : grown) {
        const qint32 offset = qint32(m_nodes.size());
        m_roots.push_back(offset);
        for (Node node : tree.nodes) {
            node.child += offset;
            m_nodes.push_back(node);
        }
        m_pathLength.insert(m_pathLength.end(), tree.pathLength.begin(), tree.pathLength.end());
        m_spans.insert(m_spans.end(), tree.spans.begin(), tree.spans.end());
    }
    m_features = d;
    m_height = height;
    m_normaliser = averagePathLength(double(psi));
    return {};
}

Eigen::VectorXd IsolationForest::score(const Eigen::Ref<const Eigen::MatrixXd> &rows) const
{
    return scoreWithProgress(rows, {});
}

Eigen::VectorXd IsolationForest::scoreWithProgress(const Eigen::Ref<const Eigen::MatrixXd> &rows,
                                                   const ProgressCallback &progress) const
{
    const Eigen::Index count = rows.rows();
    Eigen::VectorXd scores = Eigen::VectorXd::Constant(count, 0.5);
    if (m_roots.empty() || rows.cols() < m_features)
        return reportProgress(progress, Progress{1.0, count, 0.0}) ? scores : Eigen::VectorXd();
    const double trees = double(m_roots.size());
    const bool finished = parallelForBlocks(
        count, kScoreBlock,
        [&](qint64 begin, qint64 end) {
            std::vector<double> block(std::size_t((end - begin) * m_features));
            std::vector<double> sums(std::size_t(end - begin), 0.0);
            copyRowsSanitized(rows.leftCols(m_features), begin, end, block.data());
            scoreBlock(block.data(), end - begin, sums.data());
            for (qint64 r = begin; r < end; ++r) {
                const double meanPath = sums[std::size_t(r - begin)] / trees;
                scores[r] = std::exp2(-meanPath / m_normaliser);
            }
        },
        progress);
    return finished ? scores : Eigen::VectorXd();
}

void IsolationForest::scoreBlock(const double *rows, Eigen::Index count, double *pathSums) const
{
    const Node *nodes = m_nodes.data();
    const double *pathLength = m_pathLength.data();
    const Span *spans = m_spans.data();
    const Eigen::Index d = m_features;
    // Tree by tree over the whole block: one tree's nodes stay in L1 while every row walks it,
    // and each row adds its trees in the same order whatever the blocking, so sums are
    // bit-identical for any thread count. A walk adds the expected path of a row that a cut may
    // isolate on the way (its value beyond the node's span) and of one that reaches the leaf.
    for (const qint32 root : m_roots) {
        Eigen::Index r = 0;
        for (; r + kLanes <= count; r += kLanes) {
            std::array<qint32, kLanes> at;
            std::array<double, kLanes> reach;
            std::array<double, kLanes> path;
            at.fill(root);
            reach.fill(1.0);
            path.fill(0.0);
            const double *x = rows + r * d;
            for (int level = 0; level < m_height; ++level) {
                for (int lane = 0; lane < kLanes; ++lane) {
                    const std::size_t l = std::size_t(lane);
                    const Node &node = nodes[at[l]];
                    const double value = x[lane * d + node.feature];
                    const double cut = reach[l] * cutOffChance(spans[at[l]], value);
                    path[l] += cut * double(level + 1);
                    reach[l] -= cut;
                    at[l] = node.child + qint32(value >= node.threshold);
                }
            }
            for (int lane = 0; lane < kLanes; ++lane) {
                const std::size_t l = std::size_t(lane);
                pathSums[r + lane] += path[l] + reach[l] * pathLength[at[l]];
            }
        }
        for (; r < count; ++r) {
            qint32 at = root;
            double reach = 1.0;
            double path = 0.0;
            const double *x = rows + r * d;
            for (int level = 0; level < m_height; ++level) {
                const Node &node = nodes[at];
                const double value = x[node.feature];
                const double cut = reach * cutOffChance(spans[at], value);
                path += cut * double(level + 1);
                reach -= cut;
                at = node.child + qint32(value >= node.threshold);
            }
            pathSums[r] += path + reach * pathLength[at];
        }
    }
}

} // namespace tideline
