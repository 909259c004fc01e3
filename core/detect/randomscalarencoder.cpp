#include "randomscalarencoder.h"

#include <algorithm>
#include <cmath>

namespace tideline {

namespace {

// splitmix64's finaliser: the bit of a slot is a hash of (seed, slot), so no table is kept.
quint64 mix(quint64 x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

// Buckets this far out are one bucket: enough for any real series, and no overflow.
constexpr double kMaxBucket = 1e15;

} // namespace

RandomScalarEncoder::RandomScalarEncoder(int size, int active, double resolution, double offset,
                                         quint64 seed)
    : m_size(std::max(1, size))
    , m_active(std::clamp(active, 1, std::max(1, size)))
    , m_resolution(resolution > 0.0 && std::isfinite(resolution) ? resolution : 1.0)
    , m_offset(std::isfinite(offset) ? offset : 0.0)
    , m_seed(mix(seed))
{}

void RandomScalarEncoder::encode(double value, int base, std::vector<int> &bits) const
{
    double position = (value - m_offset) / m_resolution;
    if (std::isnan(position))
        position = 0.0;
    const qint64 bucket = qint64(std::floor(std::clamp(position, -kMaxBucket, kMaxBucket)));
    for (int slot = 0; slot < m_active; ++slot)
        bits.push_back(base + int(mix(m_seed ^ quint64(bucket + slot)) % quint64(m_size)));
}

} // namespace tideline
