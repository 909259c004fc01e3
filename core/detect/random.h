#pragma once

#include <QtGlobal>
#include <random>
#include <vector>

namespace tideline {

// Portable random numbers built on std::mt19937_64's raw output. The standard distributions
// differ between library implementations, and a seed must give the same scores everywhere.
class Rng
{
public:
    explicit Rng(quint64 seed)
        : m_engine(seed)
    {}

    quint64 next() { return m_engine(); }
    // Uniform in [0, 1) with 53 random bits.
    double uniform() { return double(next() >> 11) * 0x1.0p-53; }
    // Uniform in [0, n) without modulo bias; n > 0.
    quint64 below(quint64 n);

    // A well-mixed seed for sub-stream `stream` of `seed` (splitmix64), so that tree i of a
    // forest does not depend on how many numbers tree i-1 drew.
    static quint64 derive(quint64 seed, quint64 stream);

private:
    std::mt19937_64 m_engine;
};

// `count` distinct indices from [0, n), in the order drawn (count <= n).
std::vector<qint64> sampleWithoutReplacement(Rng &rng, qint64 n, qint64 count);

} // namespace tideline
