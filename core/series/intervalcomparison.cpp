#include "intervalcomparison.h"

#include <QHash>
#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <unordered_map>

namespace tideline {

using traffic::Dimension;

namespace {

struct Counts
{
    std::uint64_t interval = 0;
    std::uint64_t baseline = 0;
};

qint64 floorDiv(qint64 a, qint64 b)
{
    const qint64 q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

// By hand rather than with split(): grouping sources into networks parses every source.
std::optional<IpAddress> parseV4(QStringView text)
{
    IpAddress address;
    address.version = 4;
    std::size_t part = 0;
    int digits = 0;
    uint value = 0;
    for (qsizetype i = 0; i <= text.size(); ++i) {
        const char16_t c = i < text.size() ? text[i].unicode() : u'.';
        if (c == u'.') {
            if (digits == 0 || value > 255 || part == 4)
                return std::nullopt;
            address.bytes[part++] = std::uint8_t(value);
            digits = 0;
            value = 0;
        } else if (c >= u'0' && c <= u'9' && digits < 3) {
            value = value * 10 + uint(c - u'0');
            ++digits;
        } else {
            return std::nullopt;
        }
    }
    return part == 4 ? std::optional<IpAddress>(address) : std::nullopt;
}

std::optional<IpAddress> parseV6(QStringView text)
{
    const auto groupsOf = [](QStringView part, std::vector<std::uint16_t> &groups) {
        if (part.isEmpty())
            return true;
        for (const QStringView group : part.split(u':')) {
            bool ok = false;
            const uint value = group.toUInt(&ok, 16);
            if (!ok || group.size() > 4 || value > 0xffff)
                return false;
            groups.push_back(std::uint16_t(value));
        }
        return true;
    };
    std::vector<std::uint16_t> head, tail;
    const qsizetype gap = text.indexOf(u"::");
    if (gap < 0) {
        if (!groupsOf(text, head) || head.size() != 8)
            return std::nullopt;
    } else if (!groupsOf(text.left(gap), head) || !groupsOf(text.mid(gap + 2), tail) ||
               head.size() + tail.size() > 7) {
        return std::nullopt;
    }
    head.resize(8 - tail.size(), 0);
    head.insert(head.end(), tail.begin(), tail.end());
    IpAddress address;
    address.version = 6;
    for (std::size_t i = 0; i < 8; ++i) {
        address.bytes[2 * i] = std::uint8_t(head[i] >> 8);
        address.bytes[2 * i + 1] = std::uint8_t(head[i] & 0xff);
    }
    return address;
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
// larger interval count, then the smaller key (for addresses: the one seen first).
template <typename Map, typename TextOf>
std::vector<ComparisonRow> rank(const Map &counts, const IntervalComparison &comparison,
                                std::size_t limit, TextOf textOf)
{
    using Key = typename Map::key_type;
    struct Entry
    {
        Key key;
        Counts counts;
        double change = 0.0;
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
        entries.push_back({it->first, n, change});
    }
    const std::size_t keep = limit > 0 ? std::min(limit, entries.size()) : entries.size();
    std::partial_sort(entries.begin(), entries.begin() + std::ptrdiff_t(keep), entries.end(),
                      [](const Entry &a, const Entry &b) {
                          const double x = std::abs(a.change), y = std::abs(b.change);
                          if (x != y)
                              return x > y;
                          if (a.counts.interval != b.counts.interval)
                              return a.counts.interval > b.counts.interval;
                          return a.key < b.key;
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
        row.isNew =
            comparison.hasBaseline() && entry.counts.interval > 0 && entry.counts.baseline == 0;
    }
    return rows;
}

} // namespace

QString networkOf(const QString &address)
{
    if (const auto v4 = parseV4(address)) {
        IpAddress network = *v4;
        network.bytes[3] = 0;
        return network.toString() + QStringLiteral("/24");
    }
    if (const auto v6 = parseV6(address)) {
        IpAddress network = *v6;
        std::fill(network.bytes.begin() + 6, network.bytes.end(), std::uint8_t(0));
        return network.toString() + QStringLiteral("/48");
    }
    return {};
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
    const TimeNs duration = to - from;
    const TimeNs before = options.before >= 0 ? options.before : duration;
    const TimeNs after = options.after >= 0 ? options.after : duration;
    comparison.baselineStart = std::min(from, std::max(captureStart, from - before));
    comparison.baselineEnd = std::max(to, std::min(captureEnd, to + after));
    comparison.intervalSeconds = double(duration) / double(kNsPerSecond);
    comparison.baselineSeconds =
        double((from - comparison.baselineStart) + (comparison.baselineEnd - to)) /
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
        return rank(counts, comparison, options.limit,
                    [&](std::uint32_t key) { return traffic.keyText(dimension, key); });
    };

    const auto sources = countsOf(Dimension::Source);
    std::unordered_map<QString, Counts> networks;
    for (const auto &[key, counts] : sources) {
        Counts &sum = networks[networkOf(traffic.addressText(key))];
        sum.interval += counts.interval;
        sum.baseline += counts.baseline;
    }
    comparison.dimensions[std::size_t(ComparisonDimension::Source)] =
        ranked(Dimension::Source, sources);
    comparison.dimensions[std::size_t(ComparisonDimension::SourceNetwork)] =
        rank(networks, comparison, options.limit, [](const QString &key) { return key; });
    for (const auto &[dimension, into] :
         {std::pair{Dimension::Destination, ComparisonDimension::Destination},
          std::pair{Dimension::DestinationPort, ComparisonDimension::DestinationPort},
          std::pair{Dimension::Protocol, ComparisonDimension::Protocol}})
        comparison.dimensions[std::size_t(into)] = ranked(dimension, countsOf(dimension));
    return comparison;
}

} // namespace tideline
