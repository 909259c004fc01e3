#include "scoredistribution.h"

#include "common/percentile.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace tideline {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// Below this exceedance ("1 in a billion") the calibrated score is no longer 1 − exceedance,
// which would round to 1 and tie every larger anomaly, but rises more slowly.
constexpr double kSmallestPlainExceedance = 1e-9;

} // namespace

ScoreDistribution::ScoreDistribution(const Eigen::Ref<const Eigen::VectorXd> &scores,
                                     const std::vector<bool> &mask)
{
    const Eigen::Index n = scores.size();
    m_sorted.reserve(std::size_t(n));
    for (Eigen::Index i = 0; i < n; ++i) {
        if ((mask.empty() || (std::size_t(i) < mask.size() && mask[std::size_t(i)])) &&
            std::isfinite(scores[i]))
            m_sorted.push_back(scores[i]);
    }
    std::sort(m_sorted.begin(), m_sorted.end());
    leaveOutOutliers();
    fitTail();
}

ScoreDistribution::ScoreDistribution(std::vector<double> scores)
{
    scores.erase(
        std::remove_if(scores.begin(), scores.end(), [](double x) { return !std::isfinite(x); }),
        scores.end());
    std::sort(scores.begin(), scores.end());
    m_sorted = std::move(scores);
    leaveOutOutliers();
    fitTail();
}

void ScoreDistribution::leaveOutOutliers()
{
    const qsizetype n = size();
    const auto most = qsizetype(std::floor(kMaximumOutlierShare * double(n)));
    if (most < 1 || n - most < 2 * kMinimumTail)
        return;
    // Are the k largest outliers? Only if the smallest of them is too extreme for the tail of
    // the n − k others. Like the ESD test, the largest k that is wins: a few very large scores
    // can hide that the next ones are outliers too, but not the other way round.
    ScoreDistribution rest;
    const auto outlying = [&](qsizetype k) {
        rest.m_sorted.assign(m_sorted.begin(), m_sorted.end() - k);
        rest.fitTail();
        const double smallest = m_sorted[std::size_t(n - k)];
        if (!(smallest > rest.largest()))
            return false;
        // A bounded tail fitted to a dozen excesses ends just past them and would call any
        // larger score impossible; only a tail at least as heavy as the exponential fitted to
        // the same excesses (their mean) may judge.
        ParetoTail judge = rest.m_tail;
        if (judge.shape < 0.0) {
            const auto first =
                std::upper_bound(rest.m_sorted.begin(), rest.m_sorted.end(), rest.m_tailStart);
            const double sum = std::accumulate(first, rest.m_sorted.end(), 0.0);
            const auto count = double(rest.m_sorted.end() - first);
            judge = {0.0, sum / count - rest.m_tailStart};
        }
        const double log =
            std::log(rest.m_tailShare) + judge.logSurvival(smallest - rest.m_tailStart);
        return double(n - k) * std::exp(log) < kOutlierExpectation;
    };
    // Every k would be n tail fits: try k on a geometric grid, then each k up to the grid's
    // next one.
    qsizetype found = 0;
    qsizetype next = 0;
    for (qsizetype k = 1; k <= most; k = std::max(k + 1, qsizetype(std::ceil(1.25 * double(k))))) {
        if (outlying(k)) {
            found = k;
            next = 0;
        } else if (found > 0 && next == 0) {
            next = k;
        }
    }
    for (qsizetype k = found + 1; found > 0 && k < (next > 0 ? next : most + 1); ++k) {
        if (outlying(k))
            found = k;
    }
    m_outliers = found;
    m_sorted.resize(std::size_t(n - found));
}

void ScoreDistribution::fitTail()
{
    const qsizetype n = size();
    if (n == 0)
        return;
    bool fitted = false;
    qsizetype wanted = 0;
    if (n >= 2) {
        wanted = qsizetype(std::ceil(kTailShare * double(n)));
        wanted = std::clamp<qsizetype>(wanted, kMinimumTail, kMaximumTail);
        wanted = std::min(wanted, n / 2);
    }
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
            m_tail = ParetoTail::fit(excesses);
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
    if (m_tail.shape < 0.0) {
        // A bounded tail would give every score past its end the same exceedance, zero:
        // beyond the largest training score continue with the tail's own decay rate there.
        const double y = largest() - m_tailStart;
        m_logBeyond = std::log(m_tailShare) + m_tail.logSurvival(y);
        m_beyondScale = std::max(m_tail.scale + m_tail.shape * y, 1e-3 * m_tail.scale);
    }
}

double ScoreDistribution::percentile(double p) const
{
    if (m_sorted.empty())
        return kNaN;
    const double risk = 1.0 - std::clamp(p, 0.0, 100.0) / 100.0;
    if (risk >= m_tailShare)
        return percentileOfSorted(m_sorted.data(), size(), p);
    return thresholdForRisk(risk);
}

double ScoreDistribution::thresholdForRisk(double risk) const
{
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
    if (m_sorted.empty() || std::isnan(score))
        return kNaN;
    if (score > m_tailStart || score >= largest()) {
        if (m_beyondScale > 0.0 && score > largest())
            return m_logBeyond - (score - largest()) / m_beyondScale;
        return std::log(m_tailShare) + m_tail.logSurvival(score - m_tailStart);
    }
    if (score < m_sorted.front())
        return 0.0;
    // The inverse of numpy's linear percentile: row i of n sits at i / (n − 1).
    const auto above = std::upper_bound(m_sorted.begin(), m_sorted.end(), score);
    const std::size_t i = std::size_t(above - m_sorted.begin()) - 1;
    const double low = m_sorted[i];
    const double high = m_sorted[i + 1];
    const double below = (double(i) + (score - low) / (high - low)) / double(size() - 1);
    return std::log1p(-below);
}

double ScoreDistribution::rarity(double score) const
{
    return std::exp(-logExceedance(score));
}

double ScoreDistribution::normalized(double score) const
{
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
