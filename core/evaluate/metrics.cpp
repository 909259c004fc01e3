#include "metrics.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace tideline {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double ratio(qint64 part, qint64 whole)
{
    return whole > 0 ? double(part) / double(whole) : kNaN;
}

// Row indices by descending score, for the ranking metrics.
std::vector<std::size_t> byScoreDescending(const std::vector<double> &scores, std::size_t n)
{
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return scores[a] > scores[b]; });
    return order;
}

} // namespace

double f1Score(double precision, double recall)
{
    if (std::isnan(precision) || std::isnan(recall))
        return kNaN;
    if (precision + recall == 0.0)
        return 0.0;
    return 2.0 * precision * recall / (precision + recall);
}

BinaryMetrics binaryMetrics(const std::vector<bool> &truth, const std::vector<bool> &predicted)
{
    BinaryMetrics m;
    const std::size_t n = std::min(truth.size(), predicted.size());
    for (std::size_t i = 0; i < n; ++i) {
        if (truth[i])
            ++(predicted[i] ? m.truePositives : m.falseNegatives);
        else
            ++(predicted[i] ? m.falsePositives : m.trueNegatives);
    }
    m.precision = ratio(m.truePositives, m.truePositives + m.falsePositives);
    m.recall = ratio(m.truePositives, m.truePositives + m.falseNegatives);
    m.f1 = f1Score(m.precision, m.recall);
    return m;
}

namespace {

// The union of the detected intervals overlapping `truth`: its share of the truth and its
// length outside the truth, both over the truth's length.
std::pair<double, double> coverageOf(const TruthInterval &truth,
                                     const std::vector<Anomaly> &detected)
{
    const double length = double(truth.end - truth.start);
    if (!(length > 0))
        return {std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::quiet_NaN()};
    std::vector<std::pair<TimeNs, TimeNs>> matching;
    for (const Anomaly &a : detected) {
        if (overlaps(truth.start, truth.end, a.start, a.end))
            matching.emplace_back(a.start, std::max(a.start, a.end));
    }
    std::sort(matching.begin(), matching.end());
    double inside = 0.0;
    double total = 0.0;
    for (std::size_t i = 0; i < matching.size();) {
        TimeNs start = matching[i].first;
        TimeNs end = matching[i].second;
        for (++i; i < matching.size() && matching[i].first <= end; ++i)
            end = std::max(end, matching[i].second);
        total += double(end - start);
        inside +=
            double(std::max<TimeNs>(0, std::min(end, truth.end) - std::max(start, truth.start)));
    }
    return {inside / length, (total - inside) / length};
}

} // namespace

EventMetrics eventMetrics(const std::vector<TruthInterval> &truth,
                          const std::vector<Anomaly> &detected)
{
    EventMetrics m;
    m.truthIntervals = qint64(truth.size());
    m.detectedIntervals = qint64(detected.size());
    m.found.assign(truth.size(), false);
    std::vector<bool> detectedTrue(detected.size(), false);
    for (std::size_t t = 0; t < truth.size(); ++t) {
        for (std::size_t d = 0; d < detected.size(); ++d) {
            if (overlaps(truth[t].start, truth[t].end, detected[d].start, detected[d].end)) {
                m.found[t] = true;
                detectedTrue[d] = true;
            }
        }
    }
    for (const TruthInterval &t : truth) {
        const auto [covered, spilled] = coverageOf(t, detected);
        m.coverage.push_back(covered);
        m.spill.push_back(spilled);
    }
    m.truthFound = std::count(m.found.begin(), m.found.end(), true);
    m.detectedTrue = std::count(detectedTrue.begin(), detectedTrue.end(), true);
    m.precision = ratio(m.detectedTrue, m.detectedIntervals);
    m.recall = ratio(m.truthFound, m.truthIntervals);
    m.f1 = f1Score(m.precision, m.recall);
    return m;
}

double rocAuc(const std::vector<double> &scores, const std::vector<bool> &truth)
{
    const std::size_t n = std::min(scores.size(), truth.size());
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return scores[a] < scores[b]; });
    double positiveRankSum = 0.0;
    qint64 positives = 0;
    for (std::size_t i = 0; i < n;) {
        std::size_t j = i;
        while (j + 1 < n && scores[order[j + 1]] == scores[order[i]])
            ++j;
        const double averageRank = (double(i + 1) + double(j + 1)) / 2.0; // ranks i+1..j+1
        for (std::size_t k = i; k <= j; ++k) {
            if (truth[order[k]]) {
                positiveRankSum += averageRank;
                ++positives;
            }
        }
        i = j + 1;
    }
    const qint64 negatives = qint64(n) - positives;
    if (positives == 0 || negatives == 0)
        return kNaN;
    const double p = double(positives);
    return (positiveRankSum - p * (p + 1.0) / 2.0) / (p * double(negatives));
}

double averagePrecision(const std::vector<double> &scores, const std::vector<bool> &truth)
{
    const std::size_t n = std::min(scores.size(), truth.size());
    const qint64 positives = std::count(truth.begin(), truth.begin() + std::ptrdiff_t(n), true);
    if (positives == 0)
        return kNaN;
    const std::vector<std::size_t> order = byScoreDescending(scores, n);
    double ap = 0.0;
    double previousRecall = 0.0;
    qint64 truePositives = 0;
    for (std::size_t i = 0; i < n;) {
        std::size_t j = i;
        while (j + 1 < n && scores[order[j + 1]] == scores[order[i]])
            ++j;
        for (std::size_t k = i; k <= j; ++k)
            truePositives += truth[order[k]] ? 1 : 0;
        const double recall = double(truePositives) / double(positives);
        const double precision = double(truePositives) / double(j + 1);
        ap += (recall - previousRecall) * precision;
        previousRecall = recall;
        i = j + 1;
    }
    return ap;
}

} // namespace tideline
