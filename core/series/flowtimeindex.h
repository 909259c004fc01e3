#pragma once

#include "series/flowtable.h"

#include <cstdint>
#include <vector>

namespace tideline {

// Finds the flows active in a time range without visiting every flow. Flows are ordered by
// their first packet, so the ones starting before the range's end are a prefix; over that
// order, blocks of 64 keep their latest last packet, groups of 64 blocks theirs, and so on up,
// so a query descends only into blocks holding a flow still active at the range's start. A
// long flow costs only its own blocks, not a bound on every query.
class FlowTimeIndex
{
public:
    FlowTimeIndex() = default;
    explicit FlowTimeIndex(const FlowList &flows);

    // Flows of `flows` (the list this index was built from) with first < to and last >= from,
    // as ascending indices.
    std::vector<std::uint32_t> between(const FlowList &flows, TimeNs from, TimeNs to) const;
    std::size_t memoryBytes() const;

private:
    void collect(std::size_t level, std::size_t node, std::size_t end, TimeNs from,
                 std::vector<std::uint32_t> &found) const;

    std::vector<std::uint32_t> m_order; // flow indices by first packet
    std::vector<TimeNs> m_lasts;        // each ordered flow's last packet
    // m_latest[0][b]: the latest last packet of m_order[64 b, 64 b + 64); m_latest[k][b]: of
    // m_latest[k - 1][64 b, 64 b + 64). The top level has at most 64 entries.
    std::vector<std::vector<TimeNs>> m_latest;
};

} // namespace tideline
