#include "random.h"

#include <algorithm>
#include <numeric>
#include <unordered_set>

namespace tideline {

quint64 Rng::below(quint64 n)
{
    // Reject the few values at the bottom that would make `r % n` favour small results.
    const quint64 threshold = (0 - n) % n;
    for (;;) {
        const quint64 r = next();
        if (r >= threshold)
            return r % n;
    }
}

quint64 Rng::derive(quint64 seed, quint64 stream)
{
    quint64 z = seed + 0x9E3779B97F4A7C15ULL * (stream + 1);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

std::vector<qint64> sampleWithoutReplacement(Rng &rng, qint64 n, qint64 count)
{
    count = std::clamp<qint64>(count, 0, n);
    std::vector<qint64> chosen;
    chosen.reserve(std::size_t(count));
    if (count * 8 > n) {
        // A partial Fisher–Yates shuffle when a large share is drawn.
        std::vector<qint64> all(static_cast<std::size_t>(n));
        std::iota(all.begin(), all.end(), qint64(0));
        for (qint64 i = 0; i < count; ++i) {
            const qint64 j = i + qint64(rng.below(quint64(n - i)));
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
        const qint64 t = qint64(rng.below(quint64(j + 1)));
        const qint64 pick = taken.insert(t).second ? t : j;
        if (pick == j)
            taken.insert(j);
        chosen.push_back(pick);
    }
    return chosen;
}

} // namespace tideline
