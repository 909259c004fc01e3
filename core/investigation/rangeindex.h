#pragma once

#include "series/traffic.h"

#include <vector>

namespace tideline {

// Time ranges in order of start, with the latest end among each prefix: those that overlap a
// stretch are found by two binary searches, not by a pass over all of them. A low threshold
// gives thousands of anomaly rows, each wanting the rows near it; a long range (a manual one)
// that starts early is still found, through the prefix's latest end.
class RangeIndex
{
public:
    explicit RangeIndex(const std::vector<TimeRange> &ranges);

    // The ranges overlapping [stretch.first, stretch.second), but for ranges[skip], in order of
    // start (ties in their order in `ranges`), into `out`.
    void overlapping(TimeRange stretch, std::size_t skip, std::vector<TimeRange> &out) const;

private:
    struct Entry
    {
        TimeRange range;
        std::size_t index; // in the ranges given
    };
    std::vector<Entry> m_entries;    // by start
    std::vector<TimeNs> m_latestEnd; // of m_entries[0..i]
};

} // namespace tideline
