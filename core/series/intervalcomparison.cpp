#include "intervalcomparison.h"

#include "series/flowdirection.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <map>
#include <span>
#include <tuple>
#include <unordered_map>

namespace tideline {

using traffic::Dimension;

namespace {

struct Counts
{
    std::uint64_t interval = 0;
    std::uint64_t baseline = 0;
};

struct AddressOrder
{
    bool operator()(const IpAddress &a, const IpAddress &b) const
    {
        return std::tie(a.version, a.bytes) < std::tie(b.version, b.bytes);
    }
};

// x·ln(x / y), with 0·ln 0 = 0.
double xLogRatio(double x, double y)
{
    return x > 0.0 ? x * std::log(x / y) : 0.0;
}

// Interval count k over the interval's seconds against baseline count b over the baseline's:
// the log-likelihood ratio of two Poisson rates against one shared rate. Given n = k + b, k
// is binomial with p = intervalSeconds / (both), so the ratio is the binomial G statistic / 2.
// A key seen only in the interval scores k·ln(1/p): it grows with the count, and a busy key
// that grows a little scores far less than a new one with the same Δ packets/s.
double surpriseOf(std::uint64_t k, std::uint64_t b, const IntervalComparison &comparison)
{
    if (!comparison.hasBaseline() || k + b == 0)
        return 0.0;
    const double n = double(k + b);
    const double p =
        comparison.intervalSeconds / (comparison.intervalSeconds + comparison.baselineSeconds);
    return std::max(0.0, xLogRatio(double(k), n * p) + xLogRatio(double(b), n * (1.0 - p)));
}

// Packets per key over the ranges, added into `counts` (interval or baseline side).
void addTallies(const Traffic &traffic, Dimension dimension, std::span<const TimeRange> ranges,
                std::uint64_t Counts::*side, std::unordered_map<std::uint32_t, Counts> &counts)
{
    const auto all = std::numeric_limits<std::size_t>::max();
    for (const auto &[from, to] : ranges) {
        if (to <= from)
            continue;
        for (const traffic::Tally &tally : traffic.top(dimension, from, to, all))
            counts[tally.key].*side += tally.packets;
    }
}

// The share of a flow's packets that fell in [from, to), assuming it sent them evenly between
// its first and last packet.
double flowShare(const Flow &flow, TimeNs from, TimeNs to)
{
    if (flow.last <= flow.first)
        return flow.first >= from && flow.first < to ? 1.0 : 0.0;
    const TimeNs overlap = timeBetween(std::max(flow.first, from), std::min(flow.last, to));
    return overlap > 0 ? double(overlap) / double(timeBetween(flow.first, flow.last)) : 0.0;
}

// Per key and side, the packets that went the way a dimension counts (`wanted`) out of all
// (`all`), from the flows active there.
struct Direction
{
    double wanted = 0.0;
    double all = 0.0;
};
struct Sides
{
    Direction interval;
    Direction baseline;
};
using DirectionMap = std::unordered_map<std::uint32_t, Sides>;

// The per-packet counts of a dimension, keeping of each key's packets the share that went the
// way `directions` counts: bins know when, flows know which way. A key no flow tells about
// (on that side) keeps all its packets.
std::unordered_map<std::uint32_t, Counts>
directed(const std::unordered_map<std::uint32_t, Counts> &counts, const DirectionMap &directions)
{
    const auto keep = [](std::uint64_t n, const Direction &d) {
        return d.all > 0.0 ? std::uint64_t(std::llround(double(n) * d.wanted / d.all)) : n;
    };
    std::unordered_map<std::uint32_t, Counts> result;
    for (const auto &[key, n] : counts) {
        const auto it = directions.find(key);
        const Counts kept = it == directions.end() ? n
                                                   : Counts{keep(n.interval, it->second.interval),
                                                            keep(n.baseline, it->second.baseline)};
        if (kept.interval > 0 || kept.baseline > 0)
            result.emplace(key, kept);
    }
    return result;
}

// Which way each address and port's packets went in the interval and the baseline: sent as a
// flow's sender, received as its receiver, sent to a service port.
struct FlowDirections
{
    DirectionMap senders, receivers, services;
};

FlowDirections flowDirections(const Traffic &traffic, const IntervalComparison &comparison)
{
    FlowDirections d;
    const FlowList &list = traffic.flows();
    for (std::size_t i = 0; i < list.size(); ++i) {
        const Flow &flow = list[i];
        if (flow.first >= comparison.baselineEnd)
            break; // flows are in order of their first packets
        if (flow.last < comparison.baselineStart)
            continue;
        const double inInterval = flowShare(flow, comparison.from, comparison.to);
        double inBaseline = 0.0;
        for (const auto &[from, to] : comparison.baseline)
            inBaseline += flowShare(flow, from, to);
        if (inInterval == 0.0 && inBaseline == 0.0)
            continue;
        const FlowDirection direction = directionOf(flow);
        const double requests = double(direction.initiatorPackets);
        const double replies = double(direction.responderPackets);
        const auto add = [&](DirectionMap &map, std::uint32_t key, double wanted, double all) {
            Sides &sides = map[key];
            sides.interval.wanted += inInterval * wanted;
            sides.interval.all += inInterval * all;
            sides.baseline.wanted += inBaseline * wanted;
            sides.baseline.all += inBaseline * all;
        };
        add(d.senders, direction.initiator, requests, requests);
        add(d.senders, direction.responder, 0.0, replies);
        add(d.receivers, direction.responder, requests, requests);
        add(d.receivers, direction.initiator, 0.0, replies);
        if (!direction.service)
            continue;
        const std::uint32_t udp = *direction.service & traffic::kUdpPortBit;
        // Unanswered replies from a service port go to ports that serve nothing.
        const double toResponder = direction.serviceAtInitiator ? 0.0 : requests;
        add(d.services, direction.responderPort | udp, toResponder, requests);
        add(d.services, direction.initiatorPort | udp, 0.0, replies);
    }
    return d;
}

// Sorted, merged ranges.
std::vector<TimeRange> merged(std::vector<TimeRange> ranges)
{
    std::sort(ranges.begin(), ranges.end());
    std::vector<TimeRange> result;
    for (const TimeRange &range : ranges) {
        if (range.second <= range.first)
            continue;
        if (!result.empty() && range.first <= result.back().second)
            result.back().second = std::max(result.back().second, range.second);
        else
            result.push_back(range);
    }
    return result;
}

// Walks away from `start` (backwards when `step` is -1) over [limit, start) or [start, limit),
// taking clean time around the `bad` ranges (sorted, merged) until `wanted` is reached.
// Returns the clean stretches and how far the walk went.
std::pair<std::vector<TimeRange>, TimeNs> reach(TimeNs start, TimeNs limit, int step, TimeNs wanted,
                                                const std::vector<TimeRange> &bad)
{
    std::vector<TimeRange> clean;
    TimeNs cursor = start;
    TimeNs taken = 0;
    const auto inside = [&] { return step < 0 ? cursor > limit : cursor < limit; };
    while (taken < wanted && inside()) {
        // The bad range at or next to the cursor in the walking direction.
        TimeNs edge = limit;
        bool blocked = false;
        for (const TimeRange &range : bad) {
            if (step < 0 && range.first < cursor && range.second >= cursor) {
                cursor = std::max(range.first, limit);
                blocked = true;
                break;
            }
            if (step > 0 && range.first <= cursor && range.second > cursor) {
                cursor = std::min(range.second, limit);
                blocked = true;
                break;
            }
            if (step < 0 && range.second < cursor)
                edge = std::max(edge, range.second);
            if (step > 0 && range.first > cursor)
                edge = std::min(edge, range.first);
        }
        if (blocked)
            continue;
        const TimeNs room = step < 0 ? timeBetween(edge, cursor) : timeBetween(cursor, edge);
        const TimeNs take = std::min(room, wanted - taken);
        const TimeNs next = timeAfter(cursor, step < 0 ? -take : take);
        clean.emplace_back(std::min(cursor, next), std::max(cursor, next));
        taken += take;
        cursor = next;
    }
    if (step < 0)
        std::reverse(clean.begin(), clean.end());
    return {clean, cursor};
}

// `duration` × `factor`, saturated to the range of TimeNs: a multiple of a span that already
// covers centuries (the reach of a baseline around a long interval) stays representable.
TimeNs timeTimes(TimeNs duration, qint64 factor)
{
    TimeNs product = 0;
    if (__builtin_mul_overflow(duration, factor, &product))
        return (duration < 0) != (factor < 0) ? std::numeric_limits<TimeNs>::min()
                                              : std::numeric_limits<TimeNs>::max();
    return product;
}

// Seconds of `ranges` (sorted, merged) inside [from, to).
double secondsWithin(const std::vector<TimeRange> &ranges, TimeNs from, TimeNs to)
{
    // In seconds as it goes: ranges over centuries add up to more than a TimeNs holds.
    double sum = 0.0;
    for (const TimeRange &range : ranges) {
        const TimeNs inside = timeBetween(std::max(range.first, from), std::min(range.second, to));
        sum += double(std::max<TimeNs>(0, inside)) / double(kNsPerSecond);
    }
    return sum;
}

// Rates, shares and the ranking of every key; text only for the rows kept. Ties go to the
// bigger rate change, then the larger interval count, then `before` (for addresses: the one
// seen first).
template <typename Map, typename TextOf, typename Before>
std::vector<ComparisonRow> rank(const Map &counts, const IntervalComparison &comparison,
                                std::size_t limit, TextOf textOf, Before before)
{
    using Key = typename Map::key_type;
    struct Entry
    {
        Key key;
        Counts counts;
        double change = 0.0;
        double surprise = 0.0;
    };
    std::uint64_t intervalTotal = 0, baselineTotal = 0;
    double changeTotal = 0.0;
    std::vector<Entry> entries;
    entries.reserve(std::size_t(counts.size()));
    for (auto it = counts.begin(); it != counts.end(); ++it) {
        const Counts &n = it->second;
        intervalTotal += n.interval;
        baselineTotal += n.baseline;
        const double baselineRate =
            comparison.hasBaseline() ? double(n.baseline) / comparison.baselineSeconds : 0.0;
        const double change = double(n.interval) / comparison.intervalSeconds - baselineRate;
        changeTotal += std::abs(change);
        entries.push_back({it->first, n, change, surpriseOf(n.interval, n.baseline, comparison)});
    }
    const std::size_t keep = limit > 0 ? std::min(limit, entries.size()) : entries.size();
    std::partial_sort(entries.begin(), entries.begin() + std::ptrdiff_t(keep), entries.end(),
                      [&before](const Entry &a, const Entry &b) {
                          if (a.surprise != b.surprise)
                              return a.surprise > b.surprise;
                          const double x = std::abs(a.change), y = std::abs(b.change);
                          if (x != y)
                              return x > y;
                          if (a.counts.interval != b.counts.interval)
                              return a.counts.interval > b.counts.interval;
                          return before(a.key, b.key);
                      });

    std::vector<ComparisonRow> rows(keep);
    for (std::size_t i = 0; i < keep; ++i) {
        const Entry &entry = entries[i];
        ComparisonRow &row = rows[i];
        row.key = textOf(entry.key);
        row.intervalPackets = entry.counts.interval;
        row.baselinePackets = entry.counts.baseline;
        row.intervalShare =
            intervalTotal > 0 ? double(entry.counts.interval) / double(intervalTotal) : 0.0;
        row.baselineShare =
            baselineTotal > 0 ? double(entry.counts.baseline) / double(baselineTotal) : 0.0;
        row.rateChange = entry.change;
        row.changeShare = changeTotal > 0.0 ? std::abs(entry.change) / changeTotal : 0.0;
        row.surprise = entry.surprise;
        row.isNew =
            comparison.hasBaseline() && entry.counts.interval > 0 && entry.counts.baseline == 0;
    }
    return rows;
}

} // namespace

IpAddress networkOf(const IpAddress &address)
{
    IpAddress network = address;
    if (address.version == 4)
        std::fill(network.bytes.begin() + 3, network.bytes.end(), std::uint8_t(0));
    else if (address.version == 6)
        std::fill(network.bytes.begin() + 6, network.bytes.end(), std::uint8_t(0));
    return network;
}

QString networkText(const IpAddress &network)
{
    switch (network.version) {
    case 4:
        return network.toString() + QStringLiteral("/24");
    case 6:
        return network.toString() + QStringLiteral("/48");
    default:
        return {};
    }
}

IntervalComparison compareInterval(const Traffic &traffic, TimeNs from, TimeNs to,
                                   const ComparisonOptions &options)
{
    IntervalComparison comparison;
    comparison.from = from;
    comparison.to = to;
    comparison.baselineStart = from;
    comparison.baselineEnd = to;
    if (to <= from || traffic.isEmpty())
        return comparison;

    // The capture as whole base bins, so the baseline's duration matches what its bins hold.
    const TimeNs base = traffic.baseWidth();
    const TimeNs captureStart = floorDiv(traffic.first(), base) * base;
    const TimeNs captureEnd = (floorDiv(traffic.last(), base) + 1) * base;
    const TimeNs duration = timeBetween(from, to);
    const TimeNs before = options.before >= 0 ? options.before : duration;
    const TimeNs after = options.after >= 0 ? options.after : duration;
    const std::vector<TimeRange> excluded = merged(options.exclude);
    const std::vector<TimeRange> gaps = merged(traffic.gaps(
        captureStart, captureEnd, options.gapWidth > 0 ? options.gapWidth : traffic.baseWidth()));
    // How far the baseline may reach: kBaselineReach times its length of time that is not a gap.
    const TimeNs reachStart =
        reach(from, captureStart, -1, timeTimes(before, kBaselineReach), gaps).second;
    const TimeNs reachEnd = reach(to, captureEnd, 1, timeTimes(after, kBaselineReach), gaps).second;
    std::vector<TimeRange> bad = excluded;
    bad.insert(bad.end(), gaps.begin(), gaps.end());
    bad = merged(std::move(bad));
    auto [beforeStretches, start] = reach(from, reachStart, -1, before, bad);
    auto [afterStretches, end] = reach(to, reachEnd, 1, after, bad);
    comparison.baselineStart = start;
    comparison.baselineEnd = end;
    comparison.baseline = std::move(beforeStretches);
    comparison.baseline.insert(comparison.baseline.end(), afterStretches.begin(),
                               afterStretches.end());
    TimeNs clean = 0;
    for (const TimeRange &range : comparison.baseline)
        clean = timeAfter(clean, timeBetween(range.first, range.second));
    comparison.intervalSeconds = double(duration) / double(kNsPerSecond);
    comparison.baselineSeconds = double(clean) / double(kNsPerSecond);
    // What was skipped between the bounds: gaps first (a flagged interval over a gap adds
    // nothing to leave out), then flagged or marked time outside them.
    // The bounds as plain copies: clang 14 cannot capture structured bindings.
    const auto outside = [&, start = start, end = end](const std::vector<TimeRange> &ranges) {
        return secondsWithin(ranges, start, from) + secondsWithin(ranges, to, end);
    };
    comparison.gapSeconds = outside(gaps);
    comparison.excludedSeconds = outside(bad) - comparison.gapSeconds;
    const TimeRange interval{from, to};
    comparison.intervalPackets = traffic.totals(from, to)[traffic::Packets];
    for (const auto &[a, b] : comparison.baseline)
        comparison.baselinePackets += traffic.totals(a, b)[traffic::Packets];

    const auto countsOf = [&](Dimension dimension) {
        std::unordered_map<std::uint32_t, Counts> counts;
        addTallies(traffic, dimension, std::span(&interval, 1), &Counts::interval, counts);
        addTallies(traffic, dimension, comparison.baseline, &Counts::baseline, counts);
        return counts;
    };
    const auto ranked = [&](Dimension dimension,
                            const std::unordered_map<std::uint32_t, Counts> &counts) {
        return rank(
            counts, comparison, options.limit,
            [&](std::uint32_t key) { return traffic.keyText(dimension, key); }, std::less<>());
    };

    const auto sources = countsOf(Dimension::Source);
    std::map<IpAddress, Counts, AddressOrder> networks;
    for (const auto &[key, counts] : sources) {
        Counts &sum = networks[networkOf(traffic.address(key))];
        sum.interval += counts.interval;
        sum.baseline += counts.baseline;
    }
    comparison.dimensions[std::size_t(ComparisonDimension::Source)] =
        ranked(Dimension::Source, sources);
    comparison.dimensions[std::size_t(ComparisonDimension::SourceNetwork)] =
        rank(networks, comparison, options.limit, &networkText, AddressOrder());
    const auto destinations = countsOf(Dimension::Destination);
    const auto ports = countsOf(Dimension::DestinationPort);
    comparison.dimensions[std::size_t(ComparisonDimension::Destination)] =
        ranked(Dimension::Destination, destinations);
    comparison.dimensions[std::size_t(ComparisonDimension::DestinationPort)] =
        ranked(Dimension::DestinationPort, ports);
    comparison.dimensions[std::size_t(ComparisonDimension::Protocol)] =
        ranked(Dimension::Protocol, countsOf(Dimension::Protocol));

    // The same counts, keeping only the packets that went the way senders, receivers and
    // services are counted.
    const FlowDirections directions = flowDirections(traffic, comparison);
    comparison.dimensions[std::size_t(ComparisonDimension::Sender)] =
        ranked(Dimension::Source, directed(sources, directions.senders));
    comparison.dimensions[std::size_t(ComparisonDimension::Receiver)] =
        ranked(Dimension::Destination, directed(destinations, directions.receivers));
    comparison.dimensions[std::size_t(ComparisonDimension::Service)] =
        ranked(Dimension::DestinationPort, directed(ports, directions.services));
    return comparison;
}

} // namespace tideline
