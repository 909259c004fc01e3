#include "rangeindex.h"

#include <algorithm>
#include <limits>

namespace tideline {

RangeIndex::RangeIndex(const std::vector<TimeRange> &ranges)
{
    m_entries.reserve(ranges.size());
    for (std::size_t i = 0; i < ranges.size(); ++i)
        m_entries.push_back({ranges[i], i});
    std::stable_sort(m_entries.begin(), m_entries.end(),
                     [](const Entry &a, const Entry &b) { return a.range.first < b.range.first; });
    m_latestEnd.reserve(m_entries.size());
    TimeNs latest = std::numeric_limits<TimeNs>::min();
    for (const Entry &entry : m_entries)
        m_latestEnd.push_back(latest = std::max(latest, entry.range.second));
}

void RangeIndex::overlapping(TimeRange stretch, std::size_t skip, std::vector<TimeRange> &out) const
{
    out.clear();
    // Before `first` every range ends by the stretch's start; from `last` on every range starts
    // at or after its end.
    const auto first = std::partition_point(m_latestEnd.begin(), m_latestEnd.end(),
                                            [&](TimeNs end) { return end <= stretch.first; });
    const auto last = std::partition_point(m_entries.begin(), m_entries.end(), [&](const Entry &e) {
        return e.range.first < stretch.second;
    });
    for (auto it = m_entries.begin() + (first - m_latestEnd.begin()); it < last; ++it) {
        if (it->index != skip && it->range.second > stretch.first)
            out.push_back(it->range);
    }
}

} // namespace tideline
