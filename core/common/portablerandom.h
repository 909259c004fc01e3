#pragma once

#include <QtGlobal>
#include <random>
#include <vector>

namespace tideline {

// Seeded randomness whose every draw is the same on every standard library: the raw
// std::mt19937_64 sequence is fixed by the standard, the std:: distributions are not, so the
// distributions here are our own. The sample generator and the detectors both draw from it.
class PortableRandom
{
public:
    explicit PortableRandom(quint64 seed)
        : m_engine(seed)
    {}

    quint64 next() { return m_engine(); }
    // [0, 1) with 53 random bits.
    double uniform() { return double(m_engine() >> 11) * 0x1.0p-53; }
    double uniform(double low, double high) { return low + (high - low) * uniform(); }
    // [0, n) without modulo bias; n > 0.
    quint64 below(quint64 n);
    // [low, high], both included.
    qint64 between(qint64 low, qint64 high) { return low + qint64(below(quint64(high - low) + 1)); }
    bool chance(double probability) { return uniform() < probability; }
    double exponential(double mean);
    double normal(double mean, double deviation);
    double logNormal(double median, double sigma);
    // Number of events of a Poisson process with this mean.
    quint64 poisson(double mean);

    // A well-mixed seed for sub-stream `stream` of `seed` (splitmix64), so that tree i of a
    // forest does not depend on how many numbers tree i-1 drew.
    static quint64 derive(quint64 seed, quint64 stream);

private:
    std::mt19937_64 m_engine;
    double m_spareNormal = 0.0;
    bool m_hasSpare = false;
};

// `count` distinct indices from [0, n), in the order drawn (count <= n).
std::vector<qint64> sampleWithoutReplacement(PortableRandom &random, qint64 n, qint64 count);

} // namespace tideline
