#include "traffic.h"

#include "common/binwidth.h"
#include "trafficfeature.h"

#include <algorithm>
#include <functional>
#include <numeric>
#include <unordered_map>

namespace tideline {

using namespace traffic;

namespace {

// Column order of the series; derived features follow the counters they come from.
enum Feature : int {
    FPackets,
    FBytes,
    FPacketsTcp,
    FBytesTcp,
    FPacketsUdp,
    FBytesUdp,
    FPacketsIcmp,
    FBytesIcmp,
    FPacketsOther,
    FBytesOther,
    FPacketsWeb,
    FBytesWeb,
    FSynNoAck,
    FDistinctSources,
    FDistinctDestinations,
    FDistinctDestinationPorts,
    FMeanPacketSize,
    FLargestUpload,
    FeatureCount
};

// Counts each key once per output bin, across the base bins merged into it.
class DistinctCounter
{
public:
    int add(std::span<const Tally> tallies, qint64 outputBin)
    {
        int fresh = 0;
        for (const Tally &tally : tallies) {
            if (tally.key >= m_seenIn.size())
                m_seenIn.resize(std::max<std::size_t>(tally.key + 1, m_seenIn.size() * 2),
                                std::numeric_limits<qint64>::min());
            if (m_seenIn[tally.key] != outputBin) {
                m_seenIn[tally.key] = outputBin;
                ++fresh;
            }
        }
        return fresh;
    }

private:
    std::vector<qint64> m_seenIn;
};

// The largest net upload of the connections open in each row (TrafficFeature::LargestUpload).
// `rowOf(time)` is the row holding a time.
template <typename RowOf>
void fillLargestUpload(const FlowList &flows, Series &series, const RowOf &rowOf)
{
    // Connections by falling net upload, each filling the rows of its life that no larger one
    // filled: every row is filled once, found through the next unfilled row after each
    // (a union–find with path halving).
    std::vector<std::pair<std::uint64_t, std::uint32_t>> uploads;
    for (std::size_t i = 0; i < flows.size(); ++i) {
        if (const std::uint64_t upload = netUpload(flows[i]); upload > 0)
            uploads.emplace_back(upload, std::uint32_t(i));
    }
    std::sort(uploads.begin(), uploads.end(), std::greater<>());
    const Eigen::Index rows = series.values.rows();
    std::vector<Eigen::Index> next(std::size_t(rows) + 1);
    std::iota(next.begin(), next.end(), Eigen::Index(0));
    const auto unfilled = [&next](Eigen::Index r) {
        while (next[std::size_t(r)] != r) {
            next[std::size_t(r)] = next[std::size_t(next[std::size_t(r)])];
            r = next[std::size_t(r)];
        }
        return r;
    };
    for (const auto &[upload, index] : uploads) {
        const Flow &flow = flows[index];
        const Eigen::Index last = rowOf(flow.last);
        for (Eigen::Index r = unfilled(rowOf(flow.first)); r <= last; r = unfilled(r)) {
            if (series.hasData[std::size_t(r)])
                series.values(r, FLargestUpload) = double(upload);
            next[std::size_t(r)] = r + 1;
        }
    }
}

} // namespace

Traffic::Traffic(TimeNs baseWidth, BinList bins, TallyTables tallies, FlowList flows,
                 std::vector<IpAddress> addresses, TimeNs first, TimeNs last)
    : m_baseWidth(baseWidth)
    , m_bins(std::move(bins))
    , m_tallies(std::move(tallies))
    , m_flows(std::move(flows))
    , m_flowIndex(m_flows)
    , m_addresses(std::move(addresses))
    , m_first(first)
    , m_last(last)
{}

std::vector<FeatureInfo> Traffic::featureInfos()
{
    std::vector<FeatureInfo> infos;
    for (std::size_t f = 0; f < kTrafficFeatureCount; ++f) {
        const auto feature = TrafficFeature(f);
        if (feature != TrafficFeature::Flows && feature != TrafficFeature::SynPackets)
            infos.push_back(trafficFeatureInfo(feature));
    }
    return infos;
}

TimeNs Traffic::autoWidth() const
{
    // Active time: stretches between bins count only up to a minute, so years of silence in
    // a capture do not make every bin a week wide.
    TimeNs active = m_baseWidth;
    for (std::size_t i = 1; i < m_bins.size(); ++i) {
        // Counted in bins first: indices 584 years apart times the width overflow.
        const qint64 bins = m_bins[i].index - m_bins[i - 1].index;
        const TimeNs gap = binwidth::gapThreshold(0);
        active += bins > gap / m_baseWidth ? gap : bins * m_baseWidth;
    }
    return binwidth::autoWidth(active, m_baseWidth);
}

qint64 Traffic::rowsAt(TimeNs width) const
{
    if (m_bins.empty())
        return 0;
    const qint64 factor = width / m_baseWidth;
    const qint64 gapBins = (binwidth::gapThreshold(width) + width - 1) / width;
    qint64 rows = 1;
    qint64 previous = floorDiv(m_bins[0].index, factor);
    for (std::size_t i = 1; i < m_bins.size() && rows <= binwidth::kMaxBins; ++i) {
        const qint64 out = floorDiv(m_bins[i].index, factor);
        if (out == previous)
            continue;
        const qint64 empty = out - previous - 1;
        rows += 1 + (empty >= gapBins ? 1 : empty);
        previous = out;
    }
    return rows;
}

Series Traffic::series(TimeNs width) const
{
    Q_ASSERT(canBinAt(width) && rowsAt(width) <= binwidth::kMaxBins);
    Series series;
    series.axis = Series::Axis::Time;
    series.binWidth = width;
    series.features = featureInfos();
    if (m_bins.empty()) {
        series.values.resize(0, FeatureCount);
        return series;
    }

    const qint64 factor = width / m_baseWidth;
    const qint64 gapBins = (binwidth::gapThreshold(width) + width - 1) / width;

    // First pass: the output bin of every base bin, and the rows they make (with gaps).
    std::vector<qint64> outputBins; // distinct output bin indices, ascending
    for (const BaseBin &bin : m_bins) {
        const qint64 out = floorDiv(bin.index, factor);
        if (outputBins.empty() || outputBins.back() != out)
            outputBins.push_back(out);
    }
    std::vector<std::pair<qint64, bool>> rows; // (output bin index, has data)
    for (std::size_t i = 0; i < outputBins.size(); ++i) {
        if (i > 0) {
            const qint64 empty = outputBins[i] - outputBins[i - 1] - 1;
            if (empty >= gapBins) {
                rows.emplace_back(outputBins[i - 1] + 1, false);
            } else {
                for (qint64 k = 1; k <= empty; ++k)
                    rows.emplace_back(outputBins[i - 1] + k, true);
            }
        }
        rows.emplace_back(outputBins[i], true);
    }

    series.starts.reserve(rows.size());
    series.hasData.reserve(rows.size());
    series.values = Eigen::MatrixXd::Zero(Eigen::Index(rows.size()), FeatureCount);
    std::unordered_map<qint64, Eigen::Index> rowOf;
    rowOf.reserve(outputBins.size());
    for (std::size_t r = 0; r < rows.size(); ++r) {
        series.starts.push_back(rows[r].first * width);
        series.hasData.push_back(rows[r].second);
        if (rows[r].second)
            rowOf.emplace(rows[r].first, Eigen::Index(r));
    }

    // Second pass: sum counters, count distinct keys per output bin.
    std::array<DistinctCounter, 3> distinct;
    for (const BaseBin &bin : m_bins) {
        const qint64 out = floorDiv(bin.index, factor);
        const Eigen::Index r = rowOf.at(out);
        auto row = series.values.row(r);
        for (int c = 0; c <= SynNoAck; ++c)
            row(c) += double(bin.counters[std::size_t(c)]);
        row(FDistinctSources) += distinct[0].add(tallies(bin, Dimension::Source), out);
        row(FDistinctDestinations) += distinct[1].add(tallies(bin, Dimension::Destination), out);
        row(FDistinctDestinationPorts) +=
            distinct[2].add(tallies(bin, Dimension::DestinationPort), out);
    }
    for (Eigen::Index r = 0; r < series.values.rows(); ++r) {
        const double packets = series.values(r, FPackets);
        series.values(r, FMeanPacketSize) = packets > 0 ? series.values(r, FBytes) / packets : 0.0;
    }
    fillLargestUpload(m_flows, series, [&](TimeNs time) {
        // The row holding `time`: the last that starts at or before its output bin.
        const qint64 out = floorDiv(time, width);
        const auto after =
            std::upper_bound(rows.begin(), rows.end(), out,
                             [](qint64 bin, const auto &row) { return bin < row.first; });
        return Eigen::Index(std::max<std::ptrdiff_t>(0, after - rows.begin() - 1));
    });
    return series;
}

std::pair<std::size_t, std::size_t> Traffic::binRange(TimeNs from, TimeNs to) const
{
    const qint64 firstIndex = floorDiv(from, m_baseWidth);
    const qint64 endIndex = floorDiv(to - 1, m_baseWidth) + 1;
    const auto byIndex = [](const BaseBin &bin, qint64 index) { return bin.index < index; };
    const auto begin = std::lower_bound(m_bins.begin(), m_bins.end(), firstIndex, byIndex);
    const auto end = std::lower_bound(begin, m_bins.end(), endIndex, byIndex);
    return {std::size_t(begin - m_bins.begin()), std::size_t(end - m_bins.begin())};
}

std::span<const Tally> Traffic::tallies(const BaseBin &bin, Dimension dimension) const
{
    const auto d = std::size_t(dimension);
    return std::span(m_tallies[d]).subspan(bin.first[d], bin.count[d]);
}

std::vector<Tally> Traffic::top(Dimension dimension, TimeNs from, TimeNs to,
                                std::size_t limit) const
{
    const auto [begin, end] = binRange(from, to);
    std::unordered_map<std::uint32_t, Tally> merged;
    for (std::size_t i = begin; i < end; ++i) {
        for (const Tally &tally : tallies(m_bins[i], dimension)) {
            Tally &sum = merged[tally.key];
            sum.key = tally.key;
            sum.packets += tally.packets;
            sum.bytes += tally.bytes;
        }
    }
    std::vector<Tally> result;
    result.reserve(merged.size());
    for (const auto &entry : merged)
        result.push_back(entry.second);
    const auto larger = [](const Tally &a, const Tally &b) {
        return a.packets != b.packets ? a.packets > b.packets
               : a.bytes != b.bytes   ? a.bytes > b.bytes
                                      : a.key < b.key;
    };
    const std::size_t keep = std::min(limit, result.size());
    std::partial_sort(result.begin(), result.begin() + std::ptrdiff_t(keep), result.end(), larger);
    result.resize(keep);
    return result;
}

std::array<std::uint64_t, CounterCount> Traffic::totals(TimeNs from, TimeNs to) const
{
    std::array<std::uint64_t, CounterCount> sum{};
    const auto [begin, end] = binRange(from, to);
    for (std::size_t i = begin; i < end; ++i) {
        for (std::size_t c = 0; c < CounterCount; ++c)
            sum[c] += m_bins[i].counters[c];
    }
    return sum;
}

IpAddress Traffic::address(std::uint32_t id) const
{
    return id < m_addresses.size() ? m_addresses[id] : IpAddress();
}

QString Traffic::addressText(std::uint32_t id) const
{
    return id < m_addresses.size() ? m_addresses[id].toString() : QString();
}

QString Traffic::keyText(Dimension dimension, std::uint32_t key) const
{
    switch (dimension) {
    case Dimension::Source:
    case Dimension::Destination:
        return addressText(key);
    case Dimension::DestinationPort:
        return ((key & kUdpPortBit) ? QStringLiteral("udp/") : QStringLiteral("tcp/")) +
               QString::number(key & 0xffff);
    case Dimension::Protocol:
        switch (key) {
        case ipproto::Tcp:
            return QStringLiteral("TCP");
        case ipproto::Udp:
            return QStringLiteral("UDP");
        case ipproto::Icmp:
            return QStringLiteral("ICMP");
        case ipproto::Icmpv6:
            return QStringLiteral("ICMPv6");
        case kNonIp:
            return QStringLiteral("non-IP");
        case kUndecoded:
            return QStringLiteral("undecoded");
        case kMalformed:
            return QStringLiteral("malformed");
        default:
            return QStringLiteral("IP proto %1").arg(key);
        }
    }
    return {};
}

std::vector<TimeRange> Traffic::gaps(TimeNs from, TimeNs to, TimeNs width) const
{
    std::vector<TimeRange> result;
    if (m_bins.empty() || to <= from)
        return result;
    const TimeNs threshold = binwidth::gapThreshold(width);
    const auto [begin, end] = binRange(from, to);
    // Between consecutive bins, counting the ones just outside [from, to) too.
    const std::size_t first = begin > 0 ? begin - 1 : 0;
    const std::size_t last = std::min(end + 1, m_bins.size());
    for (std::size_t i = first + 1; i < last; ++i) {
        const TimeNs emptyStart = (m_bins[i - 1].index + 1) * m_baseWidth;
        const TimeNs emptyEnd = m_bins[i].index * m_baseWidth;
        const TimeNs a = std::max(emptyStart, from), b = std::min(emptyEnd, to);
        if (timeBetween(emptyStart, emptyEnd) >= threshold && a < b)
            result.emplace_back(a, b);
    }
    return result;
}

std::vector<std::uint32_t> Traffic::flowsBetween(TimeNs from, TimeNs to) const
{
    return m_flowIndex.between(m_flows, from, to);
}

std::size_t Traffic::memoryBytes() const
{
    std::size_t bytes = m_bins.size() * sizeof(BaseBin) + m_flows.size() * sizeof(Flow) +
                        m_addresses.size() * sizeof(IpAddress) + m_flowIndex.memoryBytes();
    for (const TallyTable &table : m_tallies)
        bytes += table.size() * sizeof(Tally);
    return bytes;
}

} // namespace tideline
