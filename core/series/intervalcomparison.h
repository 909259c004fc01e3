#pragma once

#include "series/traffic.h"

#include <QString>
#include <array>
#include <cstdint>
#include <vector>

namespace tideline {

// "What changed?": an interval of a capture set against the traffic around it, key by key,
// along each breakdown the bins keep, with contributors ranked by how surprising their interval
// count is given their own baseline rate (a host that appears from nothing outranks a busy
// host that grows by as many packets per second).

// The breakdowns compared; SourceNetwork groups sources by IPv4 /24 and IPv6 /48. The first
// five count every packet by its own header. The last three keep, of a source's, destination's
// or destination port's packets, the share its flows (see FlowDirection) sent the sender's
// way: a host that only answers is no sender, a reply's destination port is no service.
enum class ComparisonDimension : std::uint8_t {
    Source,
    SourceNetwork,
    Destination,
    DestinationPort,
    Protocol,
    Sender,
    Receiver,
    Service,
};
constexpr int kComparisonDimensionCount = 8;

struct ComparisonOptions
{
    // Baseline lengths before and after the interval; negative: the interval's own duration.
    // Both are clipped to the capture.
    TimeNs before = -1;
    TimeNs after = -1;
    // Left out of the baseline (other flagged intervals, the analyst's marked ranges), as are
    // capture gaps; the baseline reaches further out to make up for them, up to kBaselineReach
    // times its length on each side.
    std::vector<TimeRange> exclude;
    // The bin width whose gap rule (binwidth::gapThreshold) tells a gap; 0: the base width.
    TimeNs gapWidth = 0;
    // Rows kept per dimension, the biggest changes first; 0 keeps every key. Shares are of
    // the change over all keys either way.
    std::size_t limit = 0;
};

struct ComparisonRow
{
    QString key; // "10.0.0.1", "10.0.0.0/24", "tcp/443", "UDP"
    std::uint64_t intervalPackets = 0;
    std::uint64_t baselinePackets = 0;
    double intervalShare = 0.0; // of the dimension's packets in the interval, 0..1
    double baselineShare = 0.0; // of the dimension's packets in the baseline, 0..1
    double rateChange = 0.0;    // packets/s in the interval − packets/s in the baseline
    double changeShare = 0.0;   // |rateChange| / Σ |rateChange| over the dimension, 0..1
    // Log-likelihood ratio (nats) of "the key's rate differs between interval and baseline"
    // against "one Poisson rate for both"; 0 without a baseline. Rises and falls alike.
    double surprise = 0.0;
    bool isNew = false; // seen in the interval, not in a baseline that has time
};

struct IntervalComparison
{
    TimeNs from = 0; // the interval [from, to)
    TimeNs to = 0;
    TimeNs baselineStart = 0; // the baseline lies in [baselineStart, from) ∪ [to, baselineEnd)
    TimeNs baselineEnd = 0;
    std::vector<TimeRange> baseline; // its clean stretches, in time order
    double intervalSeconds = 0.0;
    double baselineSeconds = 0.0; // 0: no baseline (the interval covers the capture)
    double excludedSeconds = 0.0; // flagged or marked time left out between the bounds
    double gapSeconds = 0.0;      // capture gaps left out between the bounds
    std::uint64_t intervalPackets = 0;
    std::uint64_t baselinePackets = 0;
    // Per dimension, ranked by surprise (then |rateChange|, interval packets, first seen).
    std::array<std::vector<ComparisonRow>, kComparisonDimensionCount> dimensions;

    bool hasBaseline() const { return baselineSeconds > 0.0; }
    const std::vector<ComparisonRow> &rows(ComparisonDimension dimension) const
    {
        return dimensions[std::size_t(dimension)];
    }
};

// Compares [from, to) with its baseline. Cost is one pass over the bins of the interval and
// baseline and their tallies, plus text for the rows kept.
IntervalComparison compareInterval(const Traffic &traffic, TimeNs from, TimeNs to,
                                   const ComparisonOptions &options = {});

// How far out the baseline may reach, in multiples of its length (gaps not counted), to make
// up for what it leaves out.
constexpr int kBaselineReach = 4;

// The network an address is grouped into: IPv4 /24, IPv6 /48; an invalid address stays so.
IpAddress networkOf(const IpAddress &address);
// A network from networkOf() as text: "10.1.2.0/24", "2001:db8:1::/48"; empty when invalid.
QString networkText(const IpAddress &network);

} // namespace tideline
