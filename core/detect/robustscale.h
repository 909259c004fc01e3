#pragma once

#include <vector>

namespace tideline {

// How far a feature's training values spread around their median, in a form that a column of
// mostly equal values cannot shrink to nothing (a bin count that is 0 in most bins has a MAD of
// 0, and then any ordinary non-zero bin would score as impossible).
struct RobustScale
{
    double centre = 0.0;     // the median
    double mad = 0.0;        // 1.4826 × MAD: σ for normal data
    double tail = 0.0;       // the 99th percentile of |x - median| / 2.5758: σ for normal data,
                             // 0 only when 99 % of the values equal the median
    double resolution = 0.0; // the smallest non-zero |x - median| / √12: the rounding noise of a
                             // feature that moves in steps (one packet more or less), 0 for a
                             // constant column

    // What a z-score divides by: the MAD, or the tail where the MAD is 0 (a count that is 0 in
    // most bins), at least the resolution. 0 for a constant column.
    double sigma() const;

    // Of `values` (finite), which it reorders.
    static RobustScale of(std::vector<double> &values);
};

} // namespace tideline
