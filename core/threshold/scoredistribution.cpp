#include "scoredistribution.h"

#include "common/percentile.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>
#include <numeric>

namespace tideline {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// Below this exceedance ("1 in a billion") the calibrated score is no longer 1 − exceedance,
// which would round to 1 and tie every larger anomaly, but rises more slowly.
constexpr double kSmallestPlainExceedance = 1e-9;

} // namespace

bool ScoreDistribution::tooExtreme(const std::vector<double> &excesses, double units, double y,
                                   double floor, double expectation)
{
    if (excesses.empty())
        return false; // the others' top scores all equal: nothing tells how far they reach
    const double mean =
        std::accumulate(excesses.begin(), excesses.end(), 0.0) / double(excesses.size());
    if (!(mean > 0.0))
        return false;
    const auto expected = [&](const ParetoTail &tail) {
        return units * std::exp(tail.logSurvival(y));
    };
    if (expected(ParetoTail{0.0, std::max(mean, floor)}) >= expectation)
        return false;
    const ParetoTail fitted = ParetoTail::fit(excesses);
    return fitted.shape <= 0.0 || expected(fitted) < expectation;
}

ScoreDistribution::ScoreDistribution(const Eigen::Ref<const Eigen::VectorXd> &scores,
                                     const std::vector<bool> &mask, Outliers outliers,
                                     double highest)
    : m_highest(highest)
{
    const Eigen::Index n = scores.size();
    m_sorted.reserve(std::size_t(n));
    // Each training score with its row, for the runs; a row left out of the mask or without a
    // finite score breaks a run.
    std::vector<Eigen::Index> rows;
    for (Eigen::Index i = 0; i < n; ++i) {
        if ((mask.empty() || (std::size_t(i) < mask.size() && mask[std::size_t(i)])) &&
            std::isfinite(scores[i])) {
            m_sorted.push_back(scores[i]);
            if (outliers == Outliers::LeaveOut)
                rows.push_back(i);
        }
    }
    const std::vector<double> ordered =
        outliers == Outliers::LeaveOut ? m_sorted : std::vector<double>();
    std::sort(m_sorted.begin(), m_sorted.end());
    if (outliers == Outliers::LeaveOut) {
        std::vector<double> byRuns = outlierRunsLeftOut(m_sorted, ordered, rows);
        leaveOutOutliers();
        if (qsizetype(byRuns.size()) < size()) {
            m_outliers = qsizetype(ordered.size() - byRuns.size());
            m_sorted = std::move(byRuns);
        }
    }
    fitTail();
}

ScoreDistribution::ScoreDistribution(std::vector<double> scores, Outliers outliers, double highest)
    : m_highest(highest)
{
    scores.erase(
        std::remove_if(scores.begin(), scores.end(), [](double x) { return !std::isfinite(x); }),
        scores.end());
    std::sort(scores.begin(), scores.end());
    m_sorted = std::move(scores);
    if (outliers == Outliers::LeaveOut)
        leaveOutOutliers();
    fitTail();
}

ScoreDistribution ScoreDistribution::ofLogTails(const Eigen::Ref<const Eigen::VectorXd> &scores,
                                                const std::vector<bool> &mask, double unit)
{
    ScoreDistribution distribution;
    for (Eigen::Index i = 0; i < scores.size(); ++i) {
        if ((mask.empty() || (std::size_t(i) < mask.size() && mask[std::size_t(i)])) &&
            std::isfinite(scores[i]))
            distribution.m_sorted.push_back(scores[i]);
    }
    std::sort(distribution.m_sorted.begin(), distribution.m_sorted.end());
    distribution.m_logTailUnit = unit < 0.0 ? unit : kNaN;
    return distribution;
}

qsizetype ScoreDistribution::tailRows(qsizetype n)
{
    if (n < 2)
        return 0;
    const auto wanted = qsizetype(std::ceil(kTailShare * double(n)));
    return std::min(std::clamp<qsizetype>(wanted, kMinimumTail, kMaximumTail), n / 2);
}

void ScoreDistribution::leaveOutOutliers()
{
    const qsizetype n = size();
    const auto most = qsizetype(std::floor(kMaximumOutlierShare * double(n)));
    if (most < 1 || n - most < 2 * kMinimumTail)
        return;
    // Are the k largest outliers? Only if the smallest of them is too extreme for the tail of
    // the n − k others. Like the ESD test, the largest such k wins: some of the outliers can
    // hide that the others are outliers too, not the other way round. The tail that judges is
    // the fitted one, or the exponential of the same excesses' mean where that is heavier: a
    // bounded tail fitted to a dozen excesses ends just past them and would call any larger
    // score impossible. The exponential alone takes a binary search and a prefix sum, so it
    // screens every k, and only the k it calls outlying get the full fit.
    std::vector<double> prefix(m_sorted.size() + 1, 0.0);
    std::partial_sum(m_sorted.begin(), m_sorted.end(), prefix.begin() + 1);
    struct Judged
    {
        double start = 0.0;
        double share = 0.0;
        double mean = 0.0; // of the excesses; 0: no tail to judge by
    };
    const auto exponential = [&](qsizetype k) {
        Judged judged;
        const qsizetype rest = n - k;
        judged.start = m_sorted[std::size_t(rest - tailRows(rest) - 1)];
        const auto first =
            qsizetype(std::upper_bound(m_sorted.begin(), m_sorted.begin() + rest, judged.start) -
                      m_sorted.begin());
        if (first < rest) {
            const auto count = double(rest - first);
            judged.share = count / double(rest - 1);
            judged.mean =
                (prefix[std::size_t(rest)] - prefix[std::size_t(first)]) / count - judged.start;
        }
        return judged;
    };
    const auto expected = [&](qsizetype k, const Judged &judged, const ParetoTail &tail) {
        const double y = m_sorted[std::size_t(n - k)] - judged.start;
        return double(n - k) * judged.share * std::exp(tail.logSurvival(y));
    };
    // Nor may the judge be lighter than the exponential with the body's spread (its IQR is
    // ln 3 times the scale): where most rows score alike, the other rows' top can be a crowd
    // of nearly equal scores, and their tail would call the next distinct score impossible.
    const double body = (percentileOfSorted(m_sorted.data(), n, 75.0) -
                         percentileOfSorted(m_sorted.data(), n, 25.0)) /
                        std::log(3.0);
    const auto screened = [&](qsizetype k) {
        // Without a tail (the other rows' top scores all equal, as in a series without noise)
        // nothing tells how far normal scores reach.
        Judged judged = exponential(k);
        if (judged.mean > 0.0)
            judged.mean = std::max(judged.mean, body);
        return m_sorted[std::size_t(n - k)] > m_sorted[std::size_t(n - k - 1)] &&
               judged.mean > 0.0 &&
               expected(k, judged, ParetoTail{0.0, judged.mean}) < kOutlierExpectation;
    };
    const auto confirmed = [&](qsizetype k) {
        const Judged judged = exponential(k);
        std::vector<double> excesses;
        for (qsizetype i = n - k - 1; i >= 0 && m_sorted[std::size_t(i)] > judged.start; --i)
            excesses.push_back(m_sorted[std::size_t(i)] - judged.start);
        return tooExtreme(excesses, double(n - k) * judged.share,
                          m_sorted[std::size_t(n - k)] - judged.start, body, kOutlierExpectation);
    };
    qsizetype found = 0;
    int fits = 0;
    for (qsizetype k = most; k >= 1 && fits < kMaximumConfirmations; --k) {
        if (!screened(k))
            continue;
        ++fits;
        if (confirmed(k)) {
            found = k;
            break;
        }
    }
    m_outliers = found;
    m_sorted.resize(std::size_t(n - found));
}

std::vector<double> ScoreDistribution::outlierRunsLeftOut(const std::vector<double> &sorted,
                                                          const std::vector<double> &ordered,
                                                          const std::vector<Eigen::Index> &rows)
{
    // An attack is a run of rows, and its weaker rows — its first and last bins, a pause in a
    // scan — score between the body and its peak; left in, they give the other rows a tail as
    // heavy as the attack's, and no row of it is then too extreme for them (the row by row test
    // of leaveOutOutliers()). So the same test on runs: stretches of rows above the body's upper
    // fence (Q3 + 1.5 IQR), ranked by their peaks; the m highest runs are outliers when the tail
    // of every row outside them expects too few rows as high as the lowest of their peaks, the
    // largest such m winning. (Judging peaks by the other runs' peaks, as peaks over threshold
    // are declustered, needs more runs than a capture of a few minutes has: two or five.)
    // Returns the sorted scores without the outlying runs (all of them when none is).
    const auto n = qsizetype(sorted.size());
    const auto most = qsizetype(std::floor(kMaximumOutlierShare * double(n)));
    if (most < 1 || n - most < 2 * kMinimumTail)
        return sorted;
    const double q1 = percentileOfSorted(sorted.data(), n, 25.0);
    const double q3 = percentileOfSorted(sorted.data(), n, 75.0);
    const double fence = q3 + 1.5 * (q3 - q1);
    struct Run
    {
        std::size_t begin = 0;
        std::size_t end = 0;
        double peak = 0.0;
    };
    std::vector<Run> runs;
    for (std::size_t i = 0; i < ordered.size(); ++i) {
        if (!(ordered[i] > fence))
            continue;
        if (!runs.empty() && runs.back().end == i && rows[i - 1] + 1 == rows[i]) {
            runs.back().end = i + 1;
            runs.back().peak = std::max(runs.back().peak, ordered[i]);
        } else {
            runs.push_back({i, i + 1, ordered[i]});
        }
    }
    std::sort(runs.begin(), runs.end(), [](const Run &a, const Run &b) { return a.peak > b.peak; });
    // The candidates: the highest runs whose rows fit the share that may be left out.
    qsizetype candidates = 0;
    for (qsizetype left = 0;
         candidates < qsizetype(runs.size()) && candidates < kMaximumConfirmations; ++candidates) {
        left += qsizetype(runs[std::size_t(candidates)].end - runs[std::size_t(candidates)].begin);
        if (left > most)
            break;
    }
    const double body = (q3 - q1) / std::log(3.0);
    for (qsizetype m = candidates; m >= 1; --m) {
        std::vector<double> removed;
        for (qsizetype r = 0; r < m; ++r)
            removed.insert(removed.end(), ordered.begin() + qsizetype(runs[std::size_t(r)].begin),
                           ordered.begin() + qsizetype(runs[std::size_t(r)].end));
        std::sort(removed.begin(), removed.end());
        std::vector<double> left;
        left.reserve(sorted.size() - removed.size());
        std::set_difference(sorted.begin(), sorted.end(), removed.begin(), removed.end(),
                            std::back_inserter(left));
        const auto count = qsizetype(left.size());
        const double lowest = runs[std::size_t(m - 1)].peak;
        if (count < 2 * kMinimumTail || !(lowest > left.back()))
            continue;
        const double start = left[std::size_t(count - tailRows(count) - 1)];
        const auto first = std::upper_bound(left.begin(), left.end(), start);
        std::vector<double> excesses;
        for (auto it = first; it != left.end(); ++it)
            excesses.push_back(*it - start);
        const double share = double(excesses.size()) / double(count - 1);
        if (tooExtreme(excesses, double(count) * share, lowest - start, body,
                       kRunOutlierExpectation))
            return left;
    }
    return sorted;
}

void ScoreDistribution::fitTail()
{
    const qsizetype n = size();
    if (n == 0)
        return;
    bool fitted = false;
    const qsizetype wanted = tailRows(n);
    if (wanted > 0) {
        // The tail is every score strictly above the start, so ties at the start (a mass of
        // empty bins scoring alike) stay in the body instead of making excesses of zero.
        const double start = m_sorted[std::size_t(n - wanted - 1)];
        const auto first = std::upper_bound(m_sorted.begin(), m_sorted.end(), start);
        const qsizetype above = qsizetype(m_sorted.end() - first);
        if (above > 0) {
            std::vector<double> excesses;
            excesses.reserve(std::size_t(above));
            for (auto it = first; it != m_sorted.end(); ++it)
                excesses.push_back(*it - start);
            m_tailStart = start;
            // The body's linear interpolation puts exceedance above/(n − 1) at the start.
            m_tailShare = double(above) / double(n - 1);
            m_tail = ParetoTail::fit(excesses, m_highest - start);
            fitted = m_tail.fitted();
        }
    }
    if (!fitted) {
        // Nothing above a high quantile (one row, or the top rows all equal): the largest
        // score is as rare as one in n + 1, and beyond it an exponential tail on the scores'
        // spread ranks what no training row reached.
        m_tailStart = largest();
        m_tailShare = 1.0 / double(n + 1);
        const double spread = (largest() - m_sorted.front()) / double(n);
        m_tail = {0.0, spread > 0.0 ? spread : std::max(1.0, std::abs(largest())) * 1e-6};
    }
    m_beyondScale = 0.0;
    const bool endsAtHighest =
        std::isfinite(m_highest) &&
        std::abs(m_tailStart + m_tail.endpoint() - m_highest) <= 1e-9 * std::abs(m_highest);
    if (m_tail.shape < 0.0 && !endsAtHighest) {
        // A bounded tail would give every score past its end the same exceedance, zero:
        // beyond the largest training score continue with the tail's own decay rate there.
        // (A tail that ends where the scores end needs no continuation.)
        const double y = largest() - m_tailStart;
        m_logBeyond = std::log(m_tailShare) + m_tail.logSurvival(y);
        m_beyondScale = std::max(m_tail.scale + m_tail.shape * y, 1e-3 * m_tail.scale);
    }
}

double ScoreDistribution::percentile(double p) const
{
    if (m_logTailUnit < 0.0)
        return thresholdForRisk(1.0 - std::clamp(p, 0.0, 100.0) / 100.0);
    if (m_sorted.empty())
        return kNaN;
    const double risk = 1.0 - std::clamp(p, 0.0, 100.0) / 100.0;
    if (risk >= m_tailShare)
        return percentileOfSorted(m_sorted.data(), size(), p);
    return thresholdForRisk(risk);
}

double ScoreDistribution::thresholdForRisk(double risk) const
{
    if (m_logTailUnit < 0.0) {
        if (std::isnan(risk))
            return kNaN;
        return risk <= 0.0 ? std::numeric_limits<double>::infinity()
                           : std::max(0.0, std::log(std::min(risk, 1.0)) / m_logTailUnit);
    }
    if (m_sorted.empty() || std::isnan(risk))
        return kNaN;
    if (risk >= 1.0)
        return m_sorted.front();
    if (risk <= 0.0)
        return std::numeric_limits<double>::infinity();
    if (risk >= m_tailShare)
        return percentileOfSorted(m_sorted.data(), size(), 100.0 * (1.0 - risk));
    if (m_beyondScale > 0.0) {
        const double log = std::log(risk);
        if (log < m_logBeyond)
            return largest() + m_beyondScale * (m_logBeyond - log);
    }
    return m_tailStart + m_tail.quantile(risk / m_tailShare);
}

double ScoreDistribution::logExceedance(double score) const
{
    if (m_logTailUnit < 0.0)
        return std::isnan(score) ? kNaN : std::min(0.0, score * m_logTailUnit);
    if (m_sorted.empty() || std::isnan(score))
        return kNaN;
    if (const std::optional<double> below = shareBelowInBody(score))
        return std::log1p(-*below);
    if (m_beyondScale > 0.0 && score > largest())
        return m_logBeyond - (score - largest()) / m_beyondScale;
    // A tail that ends at the highest score: the highest itself is as rare as a score a hair
    // below it, not impossible.
    const double y = std::min(score - m_tailStart, std::nextafter(m_tail.endpoint(), 0.0));
    return std::log(m_tailShare) + m_tail.logSurvival(y);
}

std::optional<double> ScoreDistribution::shareBelowInBody(double score) const
{
    if (m_logTailUnit < 0.0 || m_sorted.empty() || std::isnan(score) || score > m_tailStart ||
        score >= largest())
        return std::nullopt;
    if (score < m_sorted.front())
        return 0.0;
    // The inverse of numpy's linear percentile: row i of n sits at i / (n − 1).
    const auto above = std::upper_bound(m_sorted.begin(), m_sorted.end(), score);
    const std::size_t i = std::size_t(above - m_sorted.begin()) - 1;
    const double low = m_sorted[i];
    const double high = m_sorted[i + 1];
    return (double(i) + (score - low) / (high - low)) / double(size() - 1);
}

double ScoreDistribution::rarity(double score) const
{
    return std::exp(-logExceedance(score));
}

double ScoreDistribution::normalized(double score) const
{
    if (const std::optional<double> below = shareBelowInBody(score))
        return *below; // 1 − exceedance without a round trip through logarithms
    const double log = logExceedance(score);
    if (std::isnan(log))
        return kNaN;
    const double floor = std::log(kSmallestPlainExceedance);
    if (log >= floor)
        return -std::expm1(log);
    // 1 − f·sqrt(ln f / ln e): continuous at f, and it stays below 1 in doubles until ln e
    // passes about −5·10^14, far beyond any score a detector gives.
    return 1.0 - kSmallestPlainExceedance * std::sqrt(floor / log);
}

Eigen::VectorXd ScoreDistribution::normalized(const Eigen::Ref<const Eigen::VectorXd> &scores) const
{
    Eigen::VectorXd result(scores.size());
    for (Eigen::Index i = 0; i < scores.size(); ++i)
        result[i] = normalized(scores[i]);
    return result;
}

} // namespace tideline
