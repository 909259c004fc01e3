#include "intervalcomparison.h"

#include <QHash>
#include <QStringList>
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

std::optional<IpAddress> parseV4(const QString &text)
{
    const QStringList parts = text.split(QLatin1Char('.'));
    if (parts.size() != 4)
        return std::nullopt;
    IpAddress address;
    address.version = 4;
    for (int i = 0; i < 4; ++i) {
        bool ok = false;
        const uint value = parts[i].toUInt(&ok);
        if (!ok || value > 255)
            return std::nullopt;
        address.bytes[std::size_t(i)] = std::uint8_t(value);
    }
    return address;
}

std::optional<IpAddress> parseV6(const QString &text)
{
    const qsizetype gap = text.indexOf(QStringLiteral("::"));
    const auto groupsOf = [](QStringView part, std::vector<std::uint16_t> &groups) {
        if (part.isEmpty())
            return true;
        for (const QStringView group : part.split(QLatin1Char(':'))) {
            bool ok = false;
            const uint value = group.toUInt(&ok, 16);
            if (!ok || group.size() > 4 || value > 0xffff)
                return false;
            groups.push_back(std::uint16_t(value));
        }
        return true;
    };
    std::vector<std::uint16_t> head, tail;
    const QStringView view(text);
    if (gap < 0) {
        if (!groupsOf(view, head) || head.size() != 8)
            return std::nullopt;
    } else if (!groupsOf(view.left(gap), head) || !groupsOf(view.mid(gap + 2), tail) ||
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

std::vector<ComparisonRow> rank(const QHash<QString, Counts> &byKey,
                                const IntervalComparison &comparison)
{
    std::uint64_t intervalTotal = 0, baselineTotal = 0;
    for (const Counts &counts : byKey) {
        intervalTotal += counts.interval;
        baselineTotal += counts.baseline;
    }
    std::vector<ComparisonRow> rows;
    rows.reserve(std::size_t(byKey.size()));
    double changeTotal = 0.0;
    for (auto it = byKey.cbegin(); it != byKey.cend(); ++it) {
        ComparisonRow row;
        row.key = it.key();
        row.intervalPackets = it->interval;
        row.baselinePackets = it->baseline;
        row.intervalShare = intervalTotal > 0 ? double(it->interval) / double(intervalTotal) : 0.0;
        row.baselineShare = baselineTotal > 0 ? double(it->baseline) / double(baselineTotal) : 0.0;
        const double baselineRate =
            comparison.hasBaseline() ? double(it->baseline) / comparison.baselineSeconds : 0.0;
        row.rateChange = double(it->interval) / comparison.intervalSeconds - baselineRate;
        row.isNew = comparison.hasBaseline() && it->interval > 0 && it->baseline == 0;
        changeTotal += std::abs(row.rateChange);
        rows.push_back(std::move(row));
    }
    for (ComparisonRow &row : rows)
        row.changeShare = changeTotal > 0.0 ? std::abs(row.rateChange) / changeTotal : 0.0;
    std::sort(rows.begin(), rows.end(), [](const ComparisonRow &a, const ComparisonRow &b) {
        if (a.changeShare != b.changeShare)
            return a.changeShare > b.changeShare;
        if (a.intervalPackets != b.intervalPackets)
            return a.intervalPackets > b.intervalPackets;
        return a.key < b.key;
    });
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
    const auto group = [&](Dimension dimension,
                           const std::unordered_map<std::uint32_t, Counts> &counts,
                           bool byNetwork) {
        QHash<QString, Counts> byKey;
        byKey.reserve(qsizetype(counts.size()));
        for (const auto &[key, value] : counts) {
            QString text = traffic.keyText(dimension, key);
            if (byNetwork)
                text = networkOf(text);
            Counts &sum = byKey[text];
            sum.interval += value.interval;
            sum.baseline += value.baseline;
        }
        return rank(byKey, comparison);
    };

    const auto sources = countsOf(Dimension::Source);
    comparison.dimensions[std::size_t(ComparisonDimension::Source)] =
        group(Dimension::Source, sources, false);
    comparison.dimensions[std::size_t(ComparisonDimension::SourceNetwork)] =
        group(Dimension::Source, sources, true);
    for (const auto &[dimension, into] :
         {std::pair{Dimension::Destination, ComparisonDimension::Destination},
          std::pair{Dimension::DestinationPort, ComparisonDimension::DestinationPort},
          std::pair{Dimension::Protocol, ComparisonDimension::Protocol}})
        comparison.dimensions[std::size_t(into)] = group(dimension, countsOf(dimension), false);
    return comparison;
}

} // namespace tideline
