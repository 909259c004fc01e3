#include "intervalcomparison.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <map>
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

// Packets per key over [from, to), added into `counts` (interval or baseline side).
void addTallies(const Traffic &traffic, Dimension dimension, TimeNs from, TimeNs to,
                std::uint64_t Counts::*side, std::unordered_map<std::uint32_t, Counts> &counts)
{
    if (to <= from)
        return;
    const auto all = std::numeric_limits<std::size_t>::max();
    for (const traffic::Tally &tally : traffic.top(dimension, from, to, all))
        counts[tally.key].*side += tally.packets;
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
    comparison.baselineStart = std::min(from, std::max(captureStart, timeAfter(from, -before)));
    comparison.baselineEnd = std::max(to, std::min(captureEnd, timeAfter(to, after)));
    comparison.intervalSeconds = double(duration) / double(kNsPerSecond);
    comparison.baselineSeconds = (double(timeBetween(comparison.baselineStart, from)) +
                                  double(timeBetween(to, comparison.baselineEnd))) /
                                 double(kNsPerSecond);
    comparison.intervalPackets = traffic.totals(from, to)[traffic::Packets];
    comparison.baselinePackets = traffic.totals(comparison.baselineStart, from)[traffic::Packets] +
                                 traffic.totals(to, comparison.baselineEnd)[traffic::Packets];

    const auto countsOf = [&](Dimension dimension) {
        std::unordered_map<std::uint32_t, Counts> counts;
        addTallies(traffic, dimension, from, to, &Counts::interval, counts);
        addTallies(traffic, dimension, comparison.baselineStart, from, &Counts::baseline, counts);
        addTallies(traffic, dimension, to, comparison.baselineEnd, &Counts::baseline, counts);
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
    for (const auto &[dimension, into] :
         {std::pair{Dimension::Destination, ComparisonDimension::Destination},
          std::pair{Dimension::DestinationPort, ComparisonDimension::DestinationPort},
          std::pair{Dimension::Protocol, ComparisonDimension::Protocol}})
        comparison.dimensions[std::size_t(into)] = ranked(dimension, countsOf(dimension));
    return comparison;
}

} // namespace tideline
