#include "portablerandom.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_set>

namespace tideline {

quint64 PortableRandom::below(quint64 n)
{
    // Reject the low values that make 2^64 not a multiple of n.
    const quint64 threshold = (0 - n) % n;
    for (;;) {
        const quint64 r = m_engine();
        if (r >= threshold)
            return r % n;
    }
}

double PortableRandom::exponential(double mean)
{
    return -mean * std::log1p(-uniform());
}

double PortableRandom::normal(double mean, double deviation)
{
    // Marsaglia's polar method: no trigonometry, one spare value kept for the next call.
    if (m_hasSpare) {
        m_hasSpare = false;
        return mean + deviation * m_spareNormal;
    }
    double u = 0.0, v = 0.0, s = 0.0;
    do {
        u = 2.0 * uniform() - 1.0;
        v = 2.0 * uniform() - 1.0;
        s = u * u + v * v;
    } while (s >= 1.0 || s == 0.0);
    const double factor = std::sqrt(-2.0 * std::log(s) / s);
    m_spareNormal = v * factor;
    m_hasSpare = true;
    return mean + deviation * u * factor;
}

double PortableRandom::logNormal(double median, double sigma)
{
    return median * std::exp(normal(0.0, sigma));
}

quint64 PortableRandom::poisson(double mean)
{
    if (mean <= 0.0)
        return 0;
    if (mean < 30.0) {
        // Knuth: count uniforms until their product drops below e^-mean.
        const double limit = std::exp(-mean);
        quint64 count = 0;
        double product = uniform();
        while (product > limit) {
            ++count;
            product *= uniform();
        }
        return count;
    }
    const double value = std::round(normal(mean, std::sqrt(mean)));
    return value < 0.0 ? 0 : quint64(value);
}

quint64 PortableRandom::derive(quint64 seed, quint64 stream)
{
    quint64 z = seed + 0x9E3779B97F4A7C15ULL * (stream + 1);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

std::vector<qint64> sampleWithoutReplacement(PortableRandom &random, qint64 n, qint64 count)
{
    count = std::clamp<qint64>(count, 0, n);
    std::vector<qint64> chosen;
    chosen.reserve(std::size_t(count));
    if (count * 8 > n) {
        // A partial Fisher–Yates shuffle when a large share is drawn.
        std::vector<qint64> all(static_cast<std::size_t>(n));
        std::iota(all.begin(), all.end(), qint64(0));
        for (qint64 i = 0; i < count; ++i) {
            const qint64 j = i + qint64(random.below(quint64(n - i)));
            std::swap(all[std::size_t(i)], all[std::size_t(j)]);
            chosen.push_back(all[std::size_t(i)]);
        }
        return chosen;
    }
    // Floyd's algorithm: `count` draws, no array of size n. The set is only probed, never
    // iterated, so its implementation-defined order cannot leak into the result.
    std::unordered_set<qint64> taken;
    taken.reserve(std::size_t(count) * 2);
    for (qint64 j = n - count; j < n; ++j) {
        const qint64 t = qint64(random.below(quint64(j + 1)));
        const qint64 pick = taken.insert(t).second ? t : j;
        if (pick == j)
            taken.insert(j);
        chosen.push_back(pick);
    }
    return chosen;
}

} // namespace tideline
