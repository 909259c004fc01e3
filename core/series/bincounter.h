#pragma once

#include "common/growingarray.h"
#include "series/countedpacket.h"
#include "series/traffic.h"

#include <absl/container/flat_hash_map.h>
#include <absl/container/node_hash_map.h>
#include <array>
#include <limits>
#include <optional>
#include <vector>

namespace tideline {

// Adds packets up into sparse base bins (only bins with packets exist, so a capture spanning
// years stays small): per-bin counters and tallies by source, destination, destination port
// and protocol.
//
// The base resolution starts at the finest base width and coarsens (merging whole bins) when
// more than `binBudget` bins exist, so memory follows bins, never packets. A requested width
// caps the coarsening so that width can always be built from memory.
//
// A bin's tallies are a contiguous range of one table per dimension (as Traffic keeps them),
// so opening a bin allocates nothing. Packets that come back to a bin already left (out of
// order timestamps, or the last bin after a coarsening) add keys it lacks to a side list;
// the bin moves to the end of the tables with them when bins are compacted.
class BinCounter
{
public:
    struct Result
    {
        TimeNs baseWidth = 0;
        traffic::BinList bins; // in time order
        traffic::TallyTables tallies;
        TimeNs first = 0; // of the packets; 0 when there were none
        TimeNs last = 0;
    };

    BinCounter(TimeNs requestedWidth, std::size_t binBudget);

    // `endpoints`: those of a packet with a flow, tallied by source and destination.
    void add(const CountedPacket &packet, std::optional<Endpoints> endpoints);
    Result finish();

private:
    struct LateTally
    {
        qint64 bin = 0;
        traffic::Tally tally;
    };
    // Per key, the bin visit it was last tallied in and where: a table index, or a m_late
    // index with kLate set.
    struct LastSlot
    {
        std::uint32_t visit = 0; // 0: never
        std::uint32_t slot = 0;
    };
    static constexpr std::uint32_t kLate = 1u << 31;
    using KeySlots = absl::flat_hash_map<std::uint32_t, std::uint32_t>;
    using SlotIndex = std::array<KeySlots, traffic::kDimensionCount>;

    traffic::BaseBin &binAt(TimeNs time);
    traffic::BaseBin &enter(std::size_t position, bool known);
    void tally(traffic::Dimension dimension, std::uint32_t key, std::uint32_t bytes);
    std::uint32_t place(std::size_t dimension, std::uint32_t key);
    LastSlot &lastSlot(std::size_t dimension, std::uint32_t key);
    void nextVisit();

    // Merges bins that fall together at base × factor.
    void compact(qint64 factor);
    // Moves each bin with late tallies to the end of the tables, its tallies followed by the
    // late ones, leaving a hole where it was: every bin's tallies are one range again.
    void settleLate();
    // Sorts the bins by time (their positions are stale until the merge).
    void sortBins();
    // Whether every bin's tallies come after the previous bin's, in every table.
    bool rangesInOrder() const;
    // Copies the tallies into fresh tables in bin order.
    void repack();
    // With ranges in order: writes merged bins and tallies over the ones they replace (a
    // merged bin never has more tallies than its parts), so nothing new is allocated.
    void mergeInPlace(qint64 factor);

    TimeNs m_base;
    TimeNs m_coarsestBase;
    std::size_t m_binBudget;

    traffic::BinList m_bins;
    absl::flat_hash_map<qint64, std::size_t> m_binPosition;
    traffic::TallyTables m_tallies;
    std::array<std::vector<LateTally>, traffic::kDimensionCount> m_late;
    std::array<GrowingArray<LastSlot>, traffic::kDimensionCount> m_lastSlot;
    // Key positions of bins re-entered since the last compaction (node-based: stable).
    absl::node_hash_map<qint64, SlotIndex> m_reentered;

    std::size_t m_current = SIZE_MAX;    // position in m_bins of the bin being filled
    SlotIndex *m_currentSlots = nullptr; // its entry in m_reentered, if it was re-entered
    std::uint32_t m_visit = 0;           // bumped whenever the bin being filled changes

    TimeNs m_first = std::numeric_limits<TimeNs>::max();
    TimeNs m_last = std::numeric_limits<TimeNs>::min();
};

} // namespace tideline
