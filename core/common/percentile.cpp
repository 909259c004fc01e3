#include "percentile.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace tideline {

double percentileOfSorted(const double *sorted, qsizetype count, double percentile)
{
    if (count <= 0)
        return std::numeric_limits<double>::quiet_NaN();
    // numpy's method 7 in the same floating-point steps (virtual index n*q + (1 - q) - 1 and
    // a lerp that switches ends at 0.5), so results agree to the last bit.
    const double q = std::clamp(percentile, 0.0, 100.0) / 100.0;
    const double index = double(count) * q + (1.0 - q) - 1.0;
    const double below = std::floor(index);
    const double gamma = index - below;
    const qsizetype lo = std::clamp<qsizetype>(qsizetype(below), 0, count - 1);
    const qsizetype hi = std::clamp<qsizetype>(qsizetype(below) + 1, 0, count - 1);
    const double a = sorted[lo];
    const double b = sorted[hi];
    const double diff = b - a;
    return gamma >= 0.5 ? b - diff * (1.0 - gamma) : a + diff * gamma;
}

} // namespace tideline
