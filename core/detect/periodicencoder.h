#pragma once

#include <vector>

namespace tideline {

// A periodic scalar encoder (Purdy 2016): `active` consecutive bits of a ring of `size` bits,
// starting where the value falls in its period, so the end of a period (23:59) is next to its
// start (00:00). The ring is sized so that values `radius` apart share no bit: Numenta's
// time-of-day encoding is 21 bits with a radius of 9.49 hours.
class PeriodicEncoder
{
public:
    PeriodicEncoder(int active, double radius, double period);

    int size() const { return m_size; }
    // Appends the active bits of `value` (taken modulo the period), shifted by `base`.
    void encode(double value, int base, std::vector<int> &bits) const;

private:
    int m_active;
    int m_size;
    double m_period;
};

} // namespace tideline
