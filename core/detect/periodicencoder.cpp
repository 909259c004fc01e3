#include "periodicencoder.h"

#include <algorithm>
#include <cmath>

namespace tideline {

PeriodicEncoder::PeriodicEncoder(int active, double radius, double period)
    : m_active(std::max(1, active))
    , m_size(std::max(m_active + 1, int(std::ceil(double(m_active) * period / radius))))
    , m_period(period)
{}

void PeriodicEncoder::encode(double value, int base, std::vector<int> &bits) const
{
    double phase = std::fmod(value, m_period) / m_period;
    if (!(phase >= 0.0))
        phase = phase < 0.0 ? phase + 1.0 : 0.0;
    const int start = std::min(m_size - 1, int(phase * m_size));
    for (int i = 0; i < m_active; ++i)
        bits.push_back(base + (start + i) % m_size);
}

} // namespace tideline
