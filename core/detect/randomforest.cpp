#include "randomforest.h"

#include "common/parallel.h"
#include "common/portablerandom.h"
#include "common/throttledprogress.h"
#include "detect/binnedcolumns.h"
#include "detect/finite.h"
#include "detect/modelstream.h"

#include <QCoreApplication>
#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace tideline {

namespace {

constexpr int kMostBins = BinnedColumns::kMostBins;
constexpr Eigen::Index kPredictBlock = 256;
// Nodes with fewer rows scan the bins they touch instead of the range of bins they span.
constexpr qint32 kFewRows = 128;
// A sparse column's histogram comes from its rows off the mode while they are fewer than this
// many times the node's rows (reading one costs less than reading a node's row).
constexpr qint64 kSparseRatio = 2;
// Trees grow no deeper than this even without a limit: deeper would mean a chain of nearly
// equal rows, and the builder's stack stays bounded.
constexpr int kDeepest = 200;

// Grows one tree on a bootstrap sample.
class TreeBuilder
{
public:
    TreeBuilder(const BinnedColumns &binned, std::span<const int> targets, int classes,
                const std::vector<double> &classWeights, const RandomForest::Parameters &p,
                int featuresPerSplit, quint64 seed)
        : m_binned(binned)
        , m_classes(classes)
        , m_parameters(p)
        , m_featuresPerSplit(featuresPerSplit)
        , m_random(seed)
        , m_inBag(std::size_t(binned.rows), false)
        , m_position(std::size_t(binned.rows), -1)
        , m_histogram(std::size_t(kCopies * kMostBins * classes))
        , m_binRows(std::size_t(kCopies * kMostBins))
        , m_features(binned.edges.size())
        , m_importances(Eigen::VectorXd::Zero(Eigen::Index(binned.edges.size())))
    {
        const auto n = quint64(binned.rows);
        std::vector<double> weights(std::size_t(n), 0.0);
        for (quint64 i = 0; i < n; ++i) {
            const quint64 r = m_random.below(n);
            weights[r] += classWeights[std::size_t(targets[r])];
            m_inBag[r] = true;
        }
        for (std::size_t r = 0; r < m_inBag.size(); ++r) {
            if (m_inBag[r])
                m_rows.push_back({qint32(r), targets[r], weights[r]});
        }
        for (std::size_t i = 0; i < m_rows.size(); ++i)
            m_position[std::size_t(m_rows[i].row)] = qint32(i);
        // The sparse columns' rows off their mode that this tree drew.
        m_offMode.resize(binned.edges.size());
        for (std::size_t c = 0; c < m_offMode.size(); ++c) {
            for (const qint32 row : binned.offMode[c]) {
                if (m_inBag[std::size_t(row)])
                    m_offMode[c].push_back(row);
            }
        }
        std::iota(m_features.begin(), m_features.end(), 0);
        m_left.resize(std::size_t(classes));
        m_rightSide.resize(std::size_t(classes));
    }

    RandomForest::Tree build()
    {
        struct Pending
        {
            qint32 node, begin, end;
            int depth;
            int constants; // m_features' first this many are constant in the node
        };
        std::vector<Pending> stack{{0, 0, qint32(m_rows.size()), 0, 0}};
        m_tree.nodes.emplace_back();
        std::vector<double> totals(static_cast<std::size_t>(m_classes));
        while (!stack.empty()) {
            const Pending p = stack.back();
            stack.pop_back();
            std::fill(totals.begin(), totals.end(), 0.0);
            for (qint32 i = p.begin; i < p.end; ++i)
                totals[std::size_t(m_rows[std::size_t(i)].target)] += m_rows[std::size_t(i)].weight;
            int constants = p.constants;
            const Split split = bestSplit(p.begin, p.end, p.depth, totals, constants);
            if (split.feature < 0) {
                makeLeaf(p.node, totals);
                continue;
            }
            const qint32 mid = partition(p.begin, p.end, split);
            const qint32 left = qint32(m_tree.nodes.size());
            m_tree.nodes.emplace_back();
            m_tree.nodes.emplace_back();
            m_splitBins.resize(m_tree.nodes.size());
            m_splitBins[std::size_t(p.node)] = std::uint8_t(split.bin);
            RandomForest::Node &node = m_tree.nodes[std::size_t(p.node)];
            node.feature = split.feature;
            node.threshold = m_binned.edges[std::size_t(split.feature)][std::size_t(split.bin)];
            node.left = left;
            node.right = left + 1;
            m_importances[split.feature] += split.gain;
            stack.push_back({left + 1, mid, p.end, p.depth + 1, constants});
            stack.push_back({left, p.begin, mid, p.depth + 1, constants});
        }
        routeOutOfBag();
        return std::move(m_tree);
    }

    // Each row the tree did not draw, with the leaf it lands in (its first probability in
    // the tree's leaves).
    const std::vector<std::pair<qint32, qint32>> &outOfBag() const { return m_outOfBag; }
    // This tree's impurity decreases, summing to 1 (0 for a single leaf).
    Eigen::VectorXd importances() const
    {
        const double sum = m_importances.sum();
        return sum > 0.0 ? Eigen::VectorXd(m_importances / sum)
                         : Eigen::VectorXd(Eigen::VectorXd::Zero(m_importances.size()));
    }

private:
    // Histograms filled in turn by consecutive rows: rows of one bin, the common case for a
    // one-hot column, would otherwise each wait for the previous one's add to land.
    static constexpr int kCopies = 4;

    // A drawn row with what the split search reads of it, so that it reads them in order.
    struct Drawn
    {
        qint32 row;
        int target;
        double weight; // bootstrap count × class weight
    };

    struct Split
    {
        int feature = -1;
        int bin = 0;
        double gain = 0.0;
    };

    // Sends the rows not drawn down the tree by their codes as the drawn ones went, a node's
    // rows at a time: a walk per row would read the tree and the columns in no order.
    void routeOutOfBag()
    {
        std::vector<qint32> rows;
        for (std::size_t r = 0; r < m_inBag.size(); ++r) {
            if (!m_inBag[r])
                rows.push_back(qint32(r));
        }
        struct Range
        {
            qint32 node, begin, end;
        };
        std::vector<Range> stack{{0, 0, qint32(rows.size())}};
        while (!stack.empty()) {
            const Range p = stack.back();
            stack.pop_back();
            if (p.begin == p.end)
                continue;
            const RandomForest::Node &node = m_tree.nodes[std::size_t(p.node)];
            if (node.feature < 0) {
                for (qint32 i = p.begin; i < p.end; ++i)
                    m_outOfBag.emplace_back(rows[std::size_t(i)], node.leaf);
                continue;
            }
            const std::uint8_t *codes = m_binned.column(node.feature);
            const std::uint8_t bin = m_splitBins[std::size_t(p.node)];
            const auto mid = std::partition(rows.begin() + p.begin, rows.begin() + p.end,
                                            [&](qint32 row) { return codes[row] <= bin; });
            const auto split = qint32(mid - rows.begin());
            stack.push_back({node.left, p.begin, split});
            stack.push_back({node.right, split, p.end});
        }
    }

    // Rows [begin, end) with the left side of `split` first, each side in row order: a node's
    // rows read the columns in ascending order, which the cache and the prefetcher follow.
    // Returns where the right side starts.
    qint32 partition(qint32 begin, qint32 end, const Split &split)
    {
        const std::uint8_t *codes = m_binned.column(split.feature);
        m_right.clear();
        qint32 left = begin;
        for (qint32 i = begin; i < end; ++i) {
            const Drawn &d = m_rows[std::size_t(i)];
            if (codes[d.row] <= split.bin)
                m_rows[std::size_t(left++)] = d;
            else
                m_right.push_back(d);
        }
        std::copy(m_right.begin(), m_right.end(), m_rows.begin() + left);
        for (qint32 i = begin; i < end; ++i)
            m_position[std::size_t(m_rows[std::size_t(i)].row)] = i;
        return left;
    }

    static double sumOfSquaresOver(const double *w, int classes, double total)
    {
        double s = 0.0;
        for (int c = 0; c < classes; ++c)
            s += w[c] * w[c];
        return total > 0.0 ? s / total : 0.0;
    }

    // `constants`: how many of m_features are known constant in the node; on return, also
    // those found constant here, which the children inherit (a feature constant in a node is
    // constant in all below it, and is never drawn there again).
    Split bestSplit(qint32 begin, qint32 end, int depth, const std::vector<double> &totals,
                    int &constants)
    {
        Split best;
        const qint32 count = end - begin;
        const double total = std::accumulate(totals.begin(), totals.end(), 0.0);
        const auto nonZero =
            std::count_if(totals.begin(), totals.end(), [](double w) { return w > 0.0; });
        const int deepest =
            m_parameters.maxDepth > 0 ? std::min(m_parameters.maxDepth, kDeepest) : kDeepest;
        if (nonZero < 2 || depth >= deepest || count < 2 * std::max(1, m_parameters.minLeaf))
            return best;
        const double parent = sumOfSquaresOver(totals.data(), m_classes, total);
        m_totals = totals;
        double bestScore = -std::numeric_limits<double>::infinity();
        // Features in random order until featuresPerSplit of them could split the node (as
        // Breiman's and scikit-learn's forests do, a feature constant here does not count).
        const auto features = m_features.size();
        int tried = 0;
        for (std::size_t next = std::size_t(constants);
             next < features && tried < m_featuresPerSplit; ++next) {
            const std::size_t pick = next + std::size_t(m_random.below(features - next));
            std::swap(m_features[next], m_features[pick]);
            const int feature = m_features[next];
            int bin = 0;
            double score = 0.0;
            const bool varies = scan(feature, begin, end, total, bin, score);
            if (!varies) {
                std::swap(m_features[next], m_features[std::size_t(constants++)]);
                continue;
            }
            ++tried;
            if (score > bestScore) {
                bestScore = score;
                best.feature = feature;
                best.bin = bin;
            }
        }
        best.gain = best.feature >= 0 ? std::max(0.0, bestScore - parent) : 0.0;
        return best;
    }

    // Whether the split at `bin` leaves enough rows on both sides; scores it (the larger, the
    // lower the weighted Gini impurity of the two sides).
    void consider(const double *left, double leftTotal, qint32 leftRows, double total, qint32 count,
                  int bin, int &bestBin, double &bestScore)
    {
        const int minLeaf = std::max(1, m_parameters.minLeaf);
        if (leftRows < minLeaf || count - leftRows < minLeaf)
            return;
        for (int c = 0; c < m_classes; ++c)
            m_rightSide[std::size_t(c)] = m_totals[std::size_t(c)] - left[c];
        const double score = sumOfSquaresOver(left, m_classes, leftTotal) +
                             sumOfSquaresOver(m_rightSide.data(), m_classes, total - leftTotal);
        if (score > bestScore) {
            bestScore = score;
            bestBin = bin;
        }
    }

    // Fills the histogram of `feature` over the node's rows; false (and nothing filled) when
    // the feature is constant in the node.
    bool fillDense(int feature, qint32 begin, qint32 end, int &low, int &high)
    {
        const std::uint8_t *codes = m_binned.column(feature);
        // A feature constant in the node (most one-hot columns, deep down) is told by its
        // codes alone, before any histogram is filled; one that varies mostly does so early.
        const std::uint8_t first = codes[m_rows[std::size_t(begin)].row];
        qint32 differs = begin + 1;
        while (differs < end && codes[m_rows[std::size_t(differs)].row] == first)
            ++differs;
        if (differs == end)
            return false;
        const std::size_t copy = std::size_t(kMostBins * m_classes);
        low = kMostBins;
        high = -1;
        const bool countRows = m_parameters.minLeaf > 1;
        for (qint32 i = begin; i < end; ++i) {
            const Drawn &d = m_rows[std::size_t(i)];
            const int code = codes[d.row];
            const auto lane = std::size_t(i % kCopies);
            low = std::min(low, code);
            high = std::max(high, code);
            m_histogram[lane * copy + std::size_t(code * m_classes + d.target)] += d.weight;
            if (countRows)
                ++m_binRows[lane * kMostBins + std::size_t(code)];
        }
        // The copies summed into the first, over the bins the node has.
        for (int lane = 1; lane < kCopies; ++lane) {
            for (int b = low; b <= high; ++b) {
                m_binRows[std::size_t(b)] += m_binRows[std::size_t(lane * kMostBins + b)];
                m_binRows[std::size_t(lane * kMostBins + b)] = 0;
                for (int c = 0; c < m_classes; ++c) {
                    double &from =
                        m_histogram[std::size_t(lane) * copy + std::size_t(b * m_classes + c)];
                    m_histogram[std::size_t(b * m_classes + c)] += from;
                    from = 0.0;
                }
            }
        }
        return true;
    }

    // The same from the rows of a sparse feature that are off its mode: the mode's bin holds
    // what the node has besides them. Reads only those rows (found in the node by m_position),
    // however many rows the node has.
    bool fillSparse(int feature, qint32 begin, qint32 end, int &low, int &high)
    {
        const std::uint8_t *codes = m_binned.column(feature);
        const int mode = m_binned.modes[std::size_t(feature)];
        low = kMostBins;
        high = -1;
        qint32 off = 0;
        for (const qint32 row : m_offMode[std::size_t(feature)]) {
            const qint32 at = m_position[std::size_t(row)];
            if (at < begin || at >= end)
                continue;
            const Drawn &d = m_rows[std::size_t(at)];
            const int code = codes[row];
            low = std::min(low, code);
            high = std::max(high, code);
            m_histogram[std::size_t(code * m_classes + d.target)] += d.weight;
            ++m_binRows[std::size_t(code)];
            ++off;
        }
        if (off < end - begin) {
            m_binRows[std::size_t(mode)] = end - begin - off;
            double *modeBin = m_histogram.data() + std::size_t(mode * m_classes);
            for (int c = 0; c < m_classes; ++c) {
                double offWeight = 0.0;
                for (int b = low; b <= high; ++b)
                    offWeight += m_histogram[std::size_t(b * m_classes + c)];
                modeBin[c] = std::max(0.0, m_totals[std::size_t(c)] - offWeight);
            }
            low = std::min(low, mode);
            high = std::max(high, mode);
        }
        if (low < high)
            return true;
        clearBins(low, high);
        return false;
    }

    void clearBins(int low, int high)
    {
        if (low > high)
            return;
        std::fill(m_histogram.begin() + std::ptrdiff_t(low * m_classes),
                  m_histogram.begin() + std::ptrdiff_t((high + 1) * m_classes), 0.0);
        std::fill(m_binRows.begin() + low, m_binRows.begin() + high + 1, 0);
    }

    // Scores the split after each bin of the filled histogram in [low, high], then clears it.
    void scanBins(int low, int high, qint32 count, double total, int &bestBin, double &bestScore)
    {
        // Every drawn row weighs more than 0, so with leaves of one row allowed a bin's weight
        // says whether it has rows, and they need not be counted.
        const bool countRows = m_parameters.minLeaf > 1;
        bestScore = -std::numeric_limits<double>::infinity();
        std::fill(m_left.begin(), m_left.end(), 0.0);
        double leftTotal = 0.0;
        qint32 leftRows = 0;
        for (int b = low; b < high; ++b) {
            double binTotal = 0.0;
            for (int c = 0; c < m_classes; ++c) {
                const double w = m_histogram[std::size_t(b * m_classes + c)];
                m_left[std::size_t(c)] += w;
                binTotal += w;
            }
            if (!(binTotal > 0.0))
                continue;
            leftTotal += binTotal;
            leftRows += countRows ? m_binRows[std::size_t(b)] : 1;
            consider(m_left.data(), leftTotal, leftRows, total, count, b, bestBin, bestScore);
        }
        clearBins(low, high);
    }

    // For nodes with few rows: a histogram of the bins they touch, scanned in the order of
    // those bins alone rather than over the whole range between the lowest and the highest.
    bool scanFew(int feature, qint32 begin, qint32 end, double total, int &bestBin,
                 double &bestScore)
    {
        const std::uint8_t *codes = m_binned.column(feature);
        m_touched.clear();
        for (qint32 i = begin; i < end; ++i) {
            const Drawn &d = m_rows[std::size_t(i)];
            const int code = codes[d.row];
            if (m_binRows[std::size_t(code)]++ == 0)
                m_touched.push_back(std::uint8_t(code));
            m_histogram[std::size_t(code * m_classes + d.target)] += d.weight;
        }
        const bool varies = m_touched.size() > 1;
        if (varies) {
            std::sort(m_touched.begin(), m_touched.end());
            bestScore = -std::numeric_limits<double>::infinity();
            std::fill(m_left.begin(), m_left.end(), 0.0);
            double leftTotal = 0.0;
            qint32 leftRows = 0;
            for (std::size_t t = 0; t + 1 < m_touched.size(); ++t) {
                const int b = m_touched[t];
                for (int c = 0; c < m_classes; ++c) {
                    const double w = m_histogram[std::size_t(b * m_classes + c)];
                    m_left[std::size_t(c)] += w;
                    leftTotal += w;
                }
                leftRows += m_binRows[std::size_t(b)];
                consider(m_left.data(), leftTotal, leftRows, total, end - begin, b, bestBin,
                         bestScore);
            }
        }
        for (const std::uint8_t b : m_touched) {
            std::fill_n(m_histogram.begin() + std::ptrdiff_t(b * m_classes), m_classes, 0.0);
            m_binRows[b] = 0;
        }
        return varies;
    }

    // Whether `feature` varies in the node; if so, its best split there.
    bool scan(int feature, qint32 begin, qint32 end, double total, int &bestBin, double &bestScore)
    {
        const qint32 count = end - begin;
        int low = 0;
        int high = 0;
        const bool sparse =
            m_binned.sparse[std::size_t(feature)] &&
            qint64(m_offMode[std::size_t(feature)].size()) < qint64(count) * kSparseRatio;
        if (!sparse && count < kFewRows)
            return scanFew(feature, begin, end, total, bestBin, bestScore);
        if (!(sparse ? fillSparse(feature, begin, end, low, high)
                     : fillDense(feature, begin, end, low, high)))
            return false;
        scanBins(low, high, count, total, bestBin, bestScore);
        return true;
    }

    void makeLeaf(qint32 index, const std::vector<double> &totals)
    {
        RandomForest::Node &node = m_tree.nodes[std::size_t(index)];
        node.feature = -1;
        node.leaf = qint32(m_tree.leaves.size());
        const double total = std::accumulate(totals.begin(), totals.end(), 0.0);
        for (double w : totals)
            m_tree.leaves.push_back(total > 0.0 ? float(w / total) : 0.0F);
    }

    const BinnedColumns &m_binned;
    int m_classes;
    RandomForest::Parameters m_parameters;
    int m_featuresPerSplit;
    PortableRandom m_random;
    std::vector<bool> m_inBag;
    std::vector<qint32> m_position;             // where a drawn row is in m_rows; -1 when not drawn
    std::vector<std::vector<qint32>> m_offMode; // per sparse column: drawn rows off its mode
    std::vector<Drawn> m_rows;  // each drawn row once, grouped node by node, in row order
    std::vector<Drawn> m_right; // partition()'s right side while it is moved
    std::vector<double> m_histogram;
    std::vector<qint32> m_binRows;
    std::vector<std::uint8_t> m_touched; // scanFew()'s bins
    std::vector<double> m_totals;        // the node's class weights
    std::vector<double> m_left;          // a split's left side per class, while scanning
    std::vector<double> m_rightSide;     // and its right side
    std::vector<int> m_features;
    Eigen::VectorXd m_importances;
    RandomForest::Tree m_tree;
    std::vector<std::uint8_t> m_splitBins; // per node of m_tree: the bin its split is after
    std::vector<std::pair<qint32, qint32>> m_outOfBag;
};

ParameterSpec intSpec(const char *name, const char *description, int value, int low, int high)
{
    ParameterSpec spec;
    spec.name = QString::fromLatin1(name);
    spec.description = QCoreApplication::translate("tideline", description);
    spec.type = ParameterSpec::Type::Int;
    spec.defaultValue = value;
    spec.minimum = low;
    spec.maximum = high;
    return spec;
}

} // namespace

std::vector<ParameterSpec> RandomForest::parameterSpecs()
{
    const Parameters defaults;
    ParameterSpec weights;
    weights.name = QStringLiteral("class_weight");
    weights.description = QCoreApplication::translate(
        "tideline", "none: every row counts once; balanced: rows weigh the inverse of their "
                    "class's share, so a rare attack counts as much as the common traffic");
    weights.type = ParameterSpec::Type::Choice;
    weights.choices = {QStringLiteral("none"), QStringLiteral("balanced")};
    weights.defaultValue = weights.choices.front();
    return {
        intSpec("trees", QT_TRANSLATE_NOOP("tideline", "Number of trees"), defaults.trees, 1,
                10000),
        intSpec("max_depth", QT_TRANSLATE_NOOP("tideline", "Deepest split level (0: no limit)"),
                defaults.maxDepth, 0, kDeepest),
        intSpec("min_leaf",
                QT_TRANSLATE_NOOP("tideline", "Fewest distinct training rows in a leaf"),
                defaults.minLeaf, 1, 100000),
        intSpec("features_per_split",
                QT_TRANSLATE_NOOP("tideline",
                                  "Features tried at each split (0: the square root of their "
                                  "number)"),
                defaults.featuresPerSplit, 0, 100000),
        weights,
    };
}

RandomForest::RandomForest(const ParameterValues &values, quint64 seed)
    : m_seed(seed)
{
    m_parameters.trees = values.value(QStringLiteral("trees"), m_parameters.trees).toInt();
    m_parameters.maxDepth =
        values.value(QStringLiteral("max_depth"), m_parameters.maxDepth).toInt();
    m_parameters.minLeaf = values.value(QStringLiteral("min_leaf"), m_parameters.minLeaf).toInt();
    m_parameters.featuresPerSplit =
        values.value(QStringLiteral("features_per_split"), m_parameters.featuresPerSplit).toInt();
    m_parameters.balanced = values.value(QStringLiteral("class_weight")).toString() == u"balanced";
}

RandomForest::RandomForest(const Parameters &parameters, quint64 seed)
    : m_parameters(parameters)
    , m_seed(seed)
{}

FitStatus RandomForest::fitLabelled(const Eigen::Ref<const Eigen::MatrixXd> &train,
                                    std::span<const int> targets, const ClassSet &classes,
                                    const ProgressCallback &progress)
{
    if (FitStatus check = checkLabelled(train, targets, classes, QStringLiteral("random_forest"));
        !check.ok())
        return check;
    if (train.cols() == 0)
        return FitStatus::failed(QCoreApplication::translate(
            "tideline", "random_forest: the training rows have no feature column"));
    m_classes = classes;
    m_dimensions = int(train.cols());
    m_trees.clear();
    const Eigen::MatrixXd clean = train.unaryExpr([](double x) { return sanitized(x); });
    const BinnedColumns binned = BinnedColumns::of(clean);
    const int k = classes.size();
    std::vector<double> classWeights(static_cast<std::size_t>(k), 1.0);
    if (m_parameters.balanced) {
        std::vector<double> counts(static_cast<std::size_t>(k), 0.0);
        for (int t : targets)
            counts[std::size_t(t)] += 1.0;
        const double present =
            double(std::count_if(counts.begin(), counts.end(), [](double c) { return c > 0.0; }));
        for (std::size_t c = 0; c < counts.size(); ++c)
            classWeights[c] =
                counts[c] > 0.0 ? double(targets.size()) / (present * counts[c]) : 0.0;
    }
    const int d = m_dimensions;
    const int perSplit =
        std::clamp(m_parameters.featuresPerSplit > 0 ? m_parameters.featuresPerSplit
                                                     : int(std::lround(std::sqrt(double(d)))),
                   1, d);
    const int treeCount = std::max(1, m_parameters.trees);
    std::vector<Tree> trees(static_cast<std::size_t>(treeCount));
    std::vector<std::vector<std::pair<qint32, qint32>>> outOfBag(
        static_cast<std::size_t>(treeCount));
    std::vector<Eigen::VectorXd> importances(static_cast<std::size_t>(treeCount));
    const bool finished = parallelForBlocks(
        treeCount, 1,
        [&](qint64 begin, qint64 end) {
            for (qint64 t = begin; t < end; ++t) {
                TreeBuilder builder(binned, targets, k, classWeights, m_parameters, perSplit,
                                    PortableRandom::derive(m_seed, quint64(t)));
                trees[std::size_t(t)] = builder.build();
                outOfBag[std::size_t(t)] = builder.outOfBag();
                importances[std::size_t(t)] = builder.importances();
            }
        },
        scaledProgress(progress, 0.0, 0.9));
    if (!finished)
        return FitStatus::cancelled();
    m_trees = std::move(trees);
    m_importances = Eigen::VectorXd::Zero(d);
    for (const Eigen::VectorXd &tree : importances)
        m_importances += tree;
    if (const double sum = m_importances.sum(); sum > 0.0)
        m_importances /= sum;

    // Out of bag: each row predicted by the trees that did not draw it, summed in tree order.
    const Eigen::Index n = clean.rows();
    Eigen::MatrixXd votes = Eigen::MatrixXd::Zero(n, k);
    std::vector<bool> judged(static_cast<std::size_t>(n), false);
    for (std::size_t t = 0; t < m_trees.size(); ++t) {
        for (const auto &[row, leaf] : outOfBag[t]) {
            const float *p = m_trees[t].leaves.data() + leaf;
            for (int c = 0; c < k; ++c)
                votes(row, c) += double(p[c]);
            judged[std::size_t(row)] = true;
        }
    }
    qint64 judgedRows = 0;
    qint64 wrong = 0;
    for (Eigen::Index r = 0; r < n; ++r) {
        if (!judged[std::size_t(r)])
            continue;
        int predicted = 0;
        for (int c = 1; c < k; ++c) {
            if (votes(r, c) > votes(r, predicted))
                predicted = c;
        }
        ++judgedRows;
        wrong += predicted != targets[std::size_t(r)];
    }
    m_outOfBagError = judgedRows > 0 ? double(wrong) / double(judgedRows)
                                     : std::numeric_limits<double>::quiet_NaN();
    return reportProgress(progress, Progress{1.0, treeCount, 0.0}) ? FitStatus{}
                                                                   : FitStatus::cancelled();
}

void RandomForest::addTree(const Tree &tree, const double *row, double *sum) const
{
    const Node *node = tree.nodes.data();
    while (node->feature >= 0)
        node =
            tree.nodes.data() + (row[node->feature] <= node->threshold ? node->left : node->right);
    const float *leaf = tree.leaves.data() + node->leaf;
    for (int c = 0; c < m_classes.size(); ++c)
        sum[c] += double(leaf[c]);
}

Eigen::MatrixXd RandomForest::probabilities(const Eigen::Ref<const Eigen::MatrixXd> &rows,
                                            const ProgressCallback &progress) const
{
    const int k = m_classes.size();
    Eigen::MatrixXd result = Eigen::MatrixXd::Zero(rows.rows(), k);
    if (m_trees.empty() || rows.cols() < m_dimensions)
        return reportProgress(progress, Progress{1.0, rows.rows(), 0.0}) ? result
                                                                         : Eigen::MatrixXd();
    const int d = m_dimensions;
    const bool finished = parallelForBlocks(
        rows.rows(), kPredictBlock,
        [&](qint64 begin, qint64 end) {
            std::vector<double> buffer(std::size_t((end - begin) * d));
            copyRowsSanitized(rows.leftCols(d), begin, end, buffer.data());
            std::vector<double> sum(static_cast<std::size_t>(k));
            for (qint64 r = begin; r < end; ++r) {
                std::fill(sum.begin(), sum.end(), 0.0);
                const double *row = buffer.data() + std::size_t((r - begin) * d);
                for (const Tree &tree : m_trees)
                    addTree(tree, row, sum.data());
                for (int c = 0; c < k; ++c)
                    result(Eigen::Index(r), c) = sum[std::size_t(c)] / double(m_trees.size());
            }
        },
        progress);
    return finished ? result : Eigen::MatrixXd();
}

void RandomForest::write(ModelWriter &writer) const
{
    writeClasses(writer);
    writer.i32(m_dimensions);
    writer.f64(m_outOfBagError);
    writer.doubles({m_importances.data(), std::size_t(m_importances.size())});
    writer.i64(qint64(m_trees.size()));
    for (const Tree &tree : m_trees) {
        std::vector<double> thresholds;
        std::vector<qint32> features;
        std::vector<qint32> links; // left, right, leaf per node
        for (const Node &node : tree.nodes) {
            thresholds.push_back(node.threshold);
            features.push_back(node.feature);
            links.insert(links.end(), {node.left, node.right, node.leaf});
        }
        writer.doubles(thresholds);
        writer.int32s(features);
        writer.int32s(links);
        writer.floats(tree.leaves);
    }
}

void RandomForest::read(ModelReader &reader)
{
    readClasses(reader);
    m_dimensions = reader.i32();
    m_outOfBagError = reader.f64();
    const std::vector<double> importances = reader.doubles();
    m_importances =
        Eigen::Map<const Eigen::VectorXd>(importances.data(), Eigen::Index(importances.size()));
    const qint64 count = reader.i64();
    if (m_dimensions < 1 || m_importances.size() != m_dimensions || count < 1)
        reader.fail(QCoreApplication::translate("tideline", "the forest is damaged"));
    const int k = m_classes.size();
    m_trees.clear();
    for (qint64 t = 0; t < count && reader.ok(); ++t) {
        const std::vector<double> thresholds = reader.doubles();
        const std::vector<qint32> features = reader.int32s();
        const std::vector<qint32> links = reader.int32s();
        Tree tree;
        tree.leaves = reader.floats();
        const auto n = qint64(thresholds.size());
        bool valid = n > 0 && qint64(features.size()) == n && qint64(links.size()) == 3 * n;
        // Children come after their parent, so every walk down a tree ends at a leaf.
        for (qint64 i = 0; valid && i < n; ++i) {
            Node node;
            node.threshold = thresholds[std::size_t(i)];
            node.feature = features[std::size_t(i)];
            node.left = links[std::size_t(3 * i)];
            node.right = links[std::size_t(3 * i + 1)];
            node.leaf = links[std::size_t(3 * i + 2)];
            valid = node.feature >= 0 ? node.feature < m_dimensions && node.left > i &&
                                            node.left < n && node.right > i && node.right < n
                                      : node.feature == -1 && node.leaf >= 0 &&
                                            qint64(node.leaf) + k <= qint64(tree.leaves.size());
            tree.nodes.push_back(node);
        }
        if (!valid)
            reader.fail(QCoreApplication::translate("tideline", "tree %1 of the forest is damaged")
                            .arg(t + 1));
        m_trees.push_back(std::move(tree));
    }
    if (!reader.ok())
        m_trees.clear();
}

} // namespace tideline
