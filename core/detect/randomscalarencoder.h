#pragma once

#include <QtGlobal>
#include <vector>

namespace tideline {

// Random distributed scalar encoder (Numenta's RDSE, as described in Purdy, "Encoding Data for
// HTM Systems", 2016): a value falls into a bucket `resolution` wide; bucket b is represented by
// `active` of `size` bits, one pseudo-random bit for each of b, b+1, ..., b+active-1, so
// neighbouring buckets share all but one bit, and distant ones share only chance collisions.
// Unbounded: values far outside any range seen still get a representation.
class RandomScalarEncoder
{
public:
    RandomScalarEncoder(int size, int active, double resolution, double offset, quint64 seed);

    int size() const { return m_size; }
    // Appends the active bits of `value`, shifted by `base`, to `bits` (duplicates possible:
    // two slots of a bucket may hash to one bit).
    void encode(double value, int base, std::vector<int> &bits) const;

private:
    int m_size;
    int m_active;
    double m_resolution;
    double m_offset;
    quint64 m_seed;
};

} // namespace tideline
