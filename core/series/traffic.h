#pragma once

#include "capture/packet.h"
#include "common/growingarray.h"
#include "common/series.h"
#include "series/flowtable.h"
#include "series/flowtimeindex.h"

#include <array>
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

namespace tideline {

// What a capture's packets add up to, kept at a fine base resolution so the analyst can
// re-bin without re-reading the file, and so a bin can say what was inside it.
namespace traffic {

// Additive per-bin counters.
enum Counter : std::uint8_t {
    Packets,
    Bytes,
    PacketsTcp,
    BytesTcp,
    PacketsUdp,
    BytesUdp,
    PacketsIcmp,
    BytesIcmp,
    PacketsOther,
    BytesOther,
    PacketsWeb,
    BytesWeb,
    SynNoAck,
    Undecoded,
    Malformed,
    CounterCount
};

// What a bin's packets are broken down by, for drill-down and distinct counts.
enum class Dimension : std::uint8_t { Source, Destination, DestinationPort, Protocol };
constexpr int kDimensionCount = 4;

// Keys of Dimension::Protocol beyond the IP protocol numbers.
constexpr std::uint32_t kNonIp = 256;
constexpr std::uint32_t kUndecoded = 257;
constexpr std::uint32_t kMalformed = 258;

// Keys of Dimension::DestinationPort: the port, plus this bit for UDP (else TCP).
constexpr std::uint32_t kUdpPortBit = 1u << 16;

struct Tally
{
    std::uint32_t key = 0;
    std::uint32_t packets = 0;
    std::uint64_t bytes = 0;
};

// A base bin's tallies are a range of the traffic's tally table for each dimension.
struct BaseBin
{
    qint64 index = 0; // start time = index × base width
    std::array<std::uint64_t, CounterCount> counters{};
    std::array<std::uint32_t, kDimensionCount> first{}; // into the tally table of the dimension
    std::array<std::uint32_t, kDimensionCount> count{};
};

// Bins and tallies grow to tens of megabytes, in place.
using BinList = GrowingArray<BaseBin>;
using TallyTable = GrowingArray<Tally>;
using TallyTables = std::array<TallyTable, kDimensionCount>;

} // namespace traffic

using TimeRange = std::pair<TimeNs, TimeNs>; // [first, second)

class Traffic
{
public:
    Traffic() = default;
    Traffic(TimeNs baseWidth, traffic::BinList bins, traffic::TallyTables tallies, FlowList flows,
            std::vector<IpAddress> addresses, TimeNs first, TimeNs last);

    bool isEmpty() const { return m_bins.empty(); }
    TimeNs baseWidth() const { return m_baseWidth; }
    TimeNs first() const { return m_first; }
    TimeNs last() const { return m_last; }

    // Widths that are multiples of the base resolution re-bin from memory.
    bool canBinAt(TimeNs width) const { return width > 0 && width % m_baseWidth == 0; }
    // A nice width giving a few hundred bins over the time that has traffic.
    TimeNs autoWidth() const;

    // The rows series(width) would have, counted without building them; stops counting past
    // binwidth::kMaxBins.
    qint64 rowsAt(TimeNs width) const;
    // The features of every bin at `width` (which canBinAt() must accept, making at most
    // binwidth::kMaxBins rows). Empty stretches longer than binwidth::gapThreshold() become
    // one row with hasData = false.
    Series series(TimeNs width) const;
    static std::vector<FeatureInfo> featureInfos();

    // Drill-down over [from, to): the biggest contributors by packets, and counter totals.
    std::vector<traffic::Tally> top(traffic::Dimension dimension, TimeNs from, TimeNs to,
                                    std::size_t limit) const;
    std::array<std::uint64_t, traffic::CounterCount> totals(TimeNs from, TimeNs to) const;
    QString keyText(traffic::Dimension dimension, std::uint32_t key) const;
    // The empty stretches binwidth::gapThreshold(width) long or longer, clipped to [from, to).
    std::vector<TimeRange> gaps(TimeNs from, TimeNs to, TimeNs width) const;

    // Flows active at some time in [from, to), as ascending indices into flows(); found
    // through an index by time, not by visiting every flow.
    std::vector<std::uint32_t> flowsBetween(TimeNs from, TimeNs to) const;
    const FlowList &flows() const { return m_flows; }
    // The tables as they are, for the case file to store and restore.
    const traffic::BinList &bins() const { return m_bins; }
    const traffic::TallyTables &tallyTables() const { return m_tallies; }
    const std::vector<IpAddress> &addresses() const { return m_addresses; }
    // The address behind a Source/Destination key or a flow end; invalid for an unknown id.
    IpAddress address(std::uint32_t id) const;
    QString addressText(std::uint32_t id) const;

    // Memory that bins, tallies, flows and addresses fill, for the benchmark's bytes-per-bin
    // and per-flow figures. Tables that grew by doubling reserve up to twice as much address
    // space, which is not resident until it is written.
    std::size_t memoryBytes() const;
    std::size_t binCount() const { return m_bins.size(); }

private:
    // Bins with start time in [from, to).
    std::pair<std::size_t, std::size_t> binRange(TimeNs from, TimeNs to) const;
    std::span<const traffic::Tally> tallies(const traffic::BaseBin &bin,
                                            traffic::Dimension dimension) const;

    TimeNs m_baseWidth = kNsPerSecond;
    traffic::BinList m_bins; // ascending index, non-empty bins only
    traffic::TallyTables m_tallies;
    FlowList m_flows;
    FlowTimeIndex m_flowIndex;
    std::vector<IpAddress> m_addresses;
    TimeNs m_first = 0;
    TimeNs m_last = 0;
};

} // namespace tideline
