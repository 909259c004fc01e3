#pragma once

#include "capture/packet.h"
#include "series/flowtable.h"
#include "series/traffic.h"

#include <deque>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace tideline {

// Turns decoded packets into Traffic: sparse base bins (only bins with packets exist, so a
// capture spanning years stays small) with per-bin counters and tallies, plus the flow table.
//
// The base resolution starts at the finest base width and coarsens (merging whole bins) when
// more than `binBudget` bins exist, so memory follows bins and flows, never packets. A
// requested width caps the coarsening so that width can always be built from memory.
class TrafficBinner : public PacketSink
{
public:
    static constexpr std::size_t kDefaultBinBudget = 100'000;

    explicit TrafficBinner(TimeNs requestedWidth = 0, std::size_t binBudget = kDefaultBinBudget);

    void addPacket(const Packet &packet) override;
    Traffic finish();

    TimeNs baseWidth() const { return m_base; }

private:
    traffic::BaseBin &binAt(TimeNs time);
    void tally(traffic::BaseBin &bin, traffic::Dimension dimension, std::uint32_t key,
               std::uint32_t bytes);
    std::uint32_t intern(const IpAddress &address);
    void coarsen();

    TimeNs m_base;
    TimeNs m_coarsestBase;
    std::size_t m_binBudget;

    std::deque<traffic::BaseBin> m_bins; // a deque keeps references valid as bins are added
    std::unordered_map<qint64, std::size_t> m_binPosition;
    traffic::BaseBin *m_current = nullptr;

    // Fast path of tally(): the bin each key was last tallied in, and its slot there. Valid
    // as long as that bin has not been left and re-entered (out-of-order timestamps); bins
    // that have are looked up through m_reentered.
    std::array<std::vector<qint64>, traffic::kDimensionCount> m_lastBin;
    std::array<std::vector<std::uint32_t>, traffic::kDimensionCount> m_slot;
    using SlotIndex =
        std::array<std::unordered_map<std::uint32_t, std::uint32_t>, traffic::kDimensionCount>;
    std::unordered_map<qint64, SlotIndex> m_reentered;

    std::unordered_map<IpAddress, std::uint32_t, IpAddressHash> m_addressIds;
    std::vector<IpAddress> m_addresses;
    FlowTable m_flows;
    TimeNs m_first = std::numeric_limits<TimeNs>::max();
    TimeNs m_last = std::numeric_limits<TimeNs>::min();
};

} // namespace tideline
