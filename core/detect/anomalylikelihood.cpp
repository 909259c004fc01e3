#include "anomalylikelihood.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace tideline {

namespace {

// Numenta's "red" likelihood 0.99999 and "yellow" 0.999, as tails: a red row within the rest
// period after another red row (reported or not) counts as yellow, so a lasting change raises one
// alarm at its start (Numenta: the row right after; CAD OSE rests for a fifth of the probation,
// which scores 62.9 → 65.0 on our 13 NAB series).
constexpr double kRedTail = 1e-5;
constexpr double kYellowTail = 1e-3;

} // namespace

AnomalyLikelihood::AnomalyLikelihood(const Parameters &parameters)
    : m_parameters(parameters)
{
    m_parameters.averageWindow = std::max(1, m_parameters.averageWindow);
    m_parameters.historyWindow = std::max(1, m_parameters.historyWindow);
    m_parameters.refitEvery = std::max(1, m_parameters.refitEvery);
    m_parameters.probation = std::max<qint64>(0, m_parameters.probation);
}

double AnomalyLikelihood::logScore(double tail)
{
    return std::clamp(std::log(std::max(0.0, tail) + kLogFloor) / std::log(kLogFloor), 0.0, 1.0);
}

qint64 AnomalyLikelihood::restRows() const
{
    return m_parameters.rest > 0 ? m_parameters.rest
                                 : std::max<qint64>(1, m_parameters.probation / 5);
}

double AnomalyLikelihood::update(double rawScore)
{
    const std::size_t window = std::size_t(m_parameters.averageWindow);
    if (m_recentRaw.size() < window) {
        m_recentRaw.push_back(rawScore);
        m_recentSum += rawScore;
    } else {
        const std::size_t oldest = std::size_t(m_rows % qint64(window));
        m_recentSum += rawScore - m_recentRaw[oldest];
        m_recentRaw[oldest] = rawScore;
    }
    const double average = m_recentSum / double(m_recentRaw.size());
    const qint64 row = m_rows++;

    double tail = 0.5;
    if (row >= m_parameters.probation) {
        if (!m_fitted || (row - m_parameters.probation) % m_parameters.refitEvery == 0)
            refit();
        const double z = (average - m_mean) / m_deviation;
        tail = 0.5 * std::erfc(z / std::numbers::sqrt2);
    }
    if (tail <= kRedTail) {
        const bool resting = row - m_lastRed <= restRows();
        m_lastRed = row;
        if (resting)
            tail = std::max(tail, kYellowTail);
    }

    if (row >= m_parameters.probation / 2) {
        const std::size_t capacity = std::size_t(m_parameters.historyWindow);
        if (m_history.size() < capacity) {
            m_history.push_back(average);
        } else {
            m_history[std::size_t(m_historyNext)] = average;
            m_historyNext = (m_historyNext + 1) % qsizetype(capacity);
        }
    }
    return logScore(tail);
}

void AnomalyLikelihood::refit()
{
    m_fitted = true;
    double mean = 0.0;
    for (double x : m_history)
        mean += x;
    mean = m_history.empty() ? 0.0 : mean / double(m_history.size());
    double variance = 0.0;
    for (double x : m_history)
        variance += (x - mean) * (x - mean);
    variance = m_history.empty() ? 0.0 : variance / double(m_history.size());
    m_mean = std::max(mean, m_parameters.minimumMean);
    m_deviation = std::sqrt(std::max(variance, m_parameters.minimumVariance));
}

} // namespace tideline
