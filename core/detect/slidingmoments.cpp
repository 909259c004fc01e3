#include "slidingmoments.h"

#include <algorithm>

namespace tideline {

Moments Moments::operator+(const Moments &other) const
{
    if (count == 0.0)
        return other;
    if (other.count == 0.0)
        return *this;
    const double n = count + other.count;
    const double delta = other.mean - mean;
    return {n, mean + delta * (other.count / n),
            m2 + other.m2 + delta * delta * (count * other.count / n)};
}

double Moments::variance() const
{
    return count > 0.0 ? std::max(0.0, m2) / count : 0.0;
}

SlidingMoments::SlidingMoments(Eigen::Index features, Eigen::Index capacity)
    : m_features(features)
    , m_capacity(capacity)
    , m_backTotal(std::size_t(features))
{}

void SlidingMoments::push(const double *row)
{
    if (size() == m_capacity)
        pop();
    for (Eigen::Index c = 0; c < m_features; ++c) {
        m_back.push_back(row[c]);
        m_backTotal[std::size_t(c)] = m_backTotal[std::size_t(c)] + Moments::of(row[c]);
    }
    ++m_backCount;
}

Moments SlidingMoments::total(Eigen::Index feature) const
{
    const Moments back = m_backTotal[std::size_t(feature)];
    if (m_frontCount == 0)
        return back;
    return m_front[std::size_t((m_frontCount - 1) * m_features + feature)] + back;
}

void SlidingMoments::pop()
{
    if (m_frontCount == 0)
        refill();
    --m_frontCount;
    m_front.resize(std::size_t(m_frontCount * m_features));
}

void SlidingMoments::refill()
{
    m_front.resize(std::size_t(m_backCount * m_features));
    std::vector<Moments> running(static_cast<std::size_t>(m_features));
    for (Eigen::Index i = m_backCount - 1, slot = 0; i >= 0; --i, ++slot) {
        for (Eigen::Index c = 0; c < m_features; ++c) {
            Moments &sum = running[std::size_t(c)];
            sum = Moments::of(m_back[std::size_t(i * m_features + c)]) + sum;
            m_front[std::size_t(slot * m_features + c)] = sum;
        }
    }
    m_frontCount = m_backCount;
    m_back.clear();
    m_backCount = 0;
    std::fill(m_backTotal.begin(), m_backTotal.end(), Moments{});
}

} // namespace tideline
