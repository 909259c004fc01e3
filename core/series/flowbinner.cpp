#include "flowbinner.h"

#include "common/binwidth.h"
#include "common/labels.h"
#include "common/translate.h"
#include "records/numberparse.h"
#include "records/protocolclass.h"
#include "trafficfeature.h"

#include <QCoreApplication>
#include <algorithm>
#include <array>
#include <cmath>
#include <tuple>
#include <utility>

namespace tideline {

namespace {

constexpr TimeNs kMinute = 60 * kNsPerSecond;

using Feature = TrafficFeature;

FeatureInfo infoOf(Feature f)
{
    return trafficFeatureInfo(f);
}

// Sums of one bin.
struct Bin
{
    double flows = 0;
    double packets = 0;
    double bytes = 0;
    std::array<double, 4> protocolPackets{};
    std::array<double, 4> protocolBytes{};
    double webPackets = 0;
    double webBytes = 0;
    double syn = 0;
    double sources = 0;
    double destinations = 0;
    double destinationPorts = 0;

    double value(Feature f) const
    {
        switch (f) {
        case Feature::Flows:
            return flows;
        case Feature::Packets:
            return packets;
        case Feature::Bytes:
            return bytes;
        case Feature::PacketsTcp:
        case Feature::PacketsUdp:
        case Feature::PacketsIcmp:
        case Feature::PacketsOther:
            return protocolPackets[(std::size_t(f) - std::size_t(Feature::PacketsTcp)) / 2];
        case Feature::BytesTcp:
        case Feature::BytesUdp:
        case Feature::BytesIcmp:
        case Feature::BytesOther:
            return protocolBytes[(std::size_t(f) - std::size_t(Feature::BytesTcp)) / 2];
        case Feature::PacketsWeb:
            return webPackets;
        case Feature::BytesWeb:
            return webBytes;
        case Feature::SynNoAck:
        case Feature::SynPackets:
            return syn;
        case Feature::Sources:
            return sources;
        case Feature::Destinations:
            return destinations;
        case Feature::DestinationPorts:
            return destinationPorts;
        case Feature::MeanPacketSize:
            return packets > 0 ? bytes / packets : 0.0;
        case Feature::LargestUpload: // flow tables do not bin by connection
            return 0.0;
        }
        return 0.0;
    }
};

// The columns of a binned table, ready for summing: per-record counts (empty or non-finite
// ones read as 0 and counted), and per-dictionary-code lookups so no string is touched per row.
class Records
{
public:
    explicit Records(const Table &table)
        : m_table(table)
        , m_recordsArePackets(recordsArePackets(table.flavour))
    {
        const TableRoles &roles = table.roles;
        m_packets = numbers(roles.packets);
        m_packetsReverse = numbers(roles.packetsReverse);
        m_bytes = numbers(roles.bytes);
        m_bytesReverse = numbers(roles.bytesReverse);
        m_synColumn = roles.synNoAck >= 0 ? roles.synNoAck
                      : roles.syn >= 0    ? roles.syn
                                          : roles.synInfo;
        m_syn = numbers(m_synColumn);
        m_protocol = text(roles.protocol);
        m_sources = text(roles.source);
        m_destinations = text(roles.destination);
        m_ports = text(roles.destinationPort);
        m_labels = text(roles.label);
        if (m_protocol) {
            for (const std::string &name : m_protocol->dictionary)
                m_protocolClass.push_back(classifyProtocol(name));
        }
        if (m_ports) {
            for (const std::string &port : m_ports->dictionary) {
                const std::optional<double> number = parseNumber(port);
                m_webPort.push_back(number && *number >= 0 && *number <= 65535 &&
                                    double(std::uint32_t(*number)) == *number &&
                                    isWebPort(std::uint32_t(*number)));
            }
        }
        if (m_labels) {
            for (const std::string &label : m_labels->dictionary) {
                m_benign.push_back(!isAttackLabel(label));
                m_labelText.push_back(QString::fromStdString(label));
            }
            m_labelCounts.assign(m_labels->dictionary.size(), 0);
        }
    }

    bool hasLabels() const { return m_labels != nullptr; }
    qint64 nonFinite() const { return m_nonFinite; }

    // What the columns allow, in the order captures use.
    std::vector<Feature> features() const
    {
        const bool packets = m_recordsArePackets || m_packets || m_packetsReverse;
        const bool bytes = m_bytes || m_bytesReverse;
        std::vector<Feature> out;
        if (!m_recordsArePackets)
            out.push_back(Feature::Flows);
        if (packets)
            out.push_back(Feature::Packets);
        if (bytes)
            out.push_back(Feature::Bytes);
        if (m_protocol && packets) {
            for (std::size_t p = 0; p < 4; ++p) {
                out.push_back(Feature(std::size_t(Feature::PacketsTcp) + 2 * p));
                if (bytes)
                    out.push_back(Feature(std::size_t(Feature::BytesTcp) + 2 * p));
            }
            if (m_ports) {
                out.push_back(Feature::PacketsWeb);
                if (bytes)
                    out.push_back(Feature::BytesWeb);
            }
        }
        if (m_syn) {
            out.push_back(m_synColumn == m_table.roles.syn ? Feature::SynPackets
                                                           : Feature::SynNoAck);
        }
        if (m_sources)
            out.push_back(Feature::Sources);
        if (m_destinations)
            out.push_back(Feature::Destinations);
        if (m_ports)
            out.push_back(Feature::DestinationPorts);
        if (packets && bytes)
            out.push_back(Feature::MeanPacketSize);
        return out;
    }

    Bin sum(const std::vector<std::uint32_t> &rows)
    {
        Bin bin;
        for (std::uint32_t row : rows) {
            const double p =
                m_recordsArePackets ? 1.0 : at(m_packets, row) + at(m_packetsReverse, row);
            const double b = at(m_bytes, row) + at(m_bytesReverse, row);
            bin.flows += 1;
            bin.packets += p;
            bin.bytes += b;
            bin.syn += at(m_syn, row);
            if (!m_protocol)
                continue;
            const ProtocolClass k = m_protocolClass[m_protocol->codes[row]];
            bin.protocolPackets[std::size_t(k)] += p;
            bin.protocolBytes[std::size_t(k)] += b;
            if (m_ports && k == ProtocolClass::Tcp && m_webPort[m_ports->codes[row]]) {
                bin.webPackets += p;
                bin.webBytes += b;
            }
        }
        bin.sources = distinct(m_sources, rows);
        bin.destinations = distinct(m_destinations, rows);
        bin.destinationPorts = distinct(m_ports, rows);
        return bin;
    }

    // A bin's label: the most common attack label in it, else the most common benign one;
    // ties go to the label seen first in the file.
    QString label(const std::vector<std::uint32_t> &rows)
    {
        for (std::uint32_t row : rows)
            ++m_labelCounts[m_labels->codes[row]];
        std::uint32_t best = m_labels->codes[rows.front()];
        for (std::uint32_t row : rows) {
            const std::uint32_t code = m_labels->codes[row];
            const auto rank = [&](std::uint32_t c) {
                return std::make_tuple(!m_benign[c], m_labelCounts[c], -qint64(c));
            };
            if (rank(code) > rank(best))
                best = code;
        }
        for (std::uint32_t row : rows)
            m_labelCounts[m_labels->codes[row]] = 0;
        return m_labelText[best];
    }

private:
    const std::vector<double> *numbers(int index) const
    {
        return index >= 0 ? &m_table.columns[std::size_t(index)].numbers : nullptr;
    }
    const TableColumn *text(int index) const
    {
        return index >= 0 ? &m_table.columns[std::size_t(index)] : nullptr;
    }
    double at(const std::vector<double> *column, std::size_t row)
    {
        if (!column)
            return 0.0;
        const double v = (*column)[row];
        if (std::isfinite(v))
            return v;
        ++m_nonFinite;
        return 0.0;
    }
    double distinct(const TableColumn *column, const std::vector<std::uint32_t> &rows)
    {
        if (!column)
            return 0.0;
        m_scratch.clear();
        for (std::uint32_t row : rows)
            m_scratch.push_back(column->codes[row]);
        std::sort(m_scratch.begin(), m_scratch.end());
        return double(std::unique(m_scratch.begin(), m_scratch.end()) - m_scratch.begin());
    }

    const Table &m_table;
    bool m_recordsArePackets;
    const std::vector<double> *m_packets = nullptr;
    const std::vector<double> *m_packetsReverse = nullptr;
    const std::vector<double> *m_bytes = nullptr;
    const std::vector<double> *m_bytesReverse = nullptr;
    int m_synColumn = -1;
    const std::vector<double> *m_syn = nullptr;
    const TableColumn *m_protocol = nullptr;
    const TableColumn *m_sources = nullptr;
    const TableColumn *m_destinations = nullptr;
    const TableColumn *m_ports = nullptr;
    const TableColumn *m_labels = nullptr;
    std::vector<ProtocolClass> m_protocolClass; // per protocol code
    std::vector<bool> m_webPort;                // per port code: 80, 443 or 8080
    std::vector<bool> m_benign;                 // per label code
    std::vector<QString> m_labelText;
    std::vector<std::uint32_t> m_labelCounts; // zero between calls to label()
    std::vector<std::uint32_t> m_scratch;
    qint64 m_nonFinite = 0;
};

// Bin index (from `origin`) and row of every record, in bin order.
std::vector<std::pair<std::uint64_t, std::uint32_t>> binOrder(const std::vector<TimeNs> &times,
                                                              TimeNs origin, TimeNs width)
{
    std::vector<std::pair<std::uint64_t, std::uint32_t>> order(times.size());
    for (std::size_t i = 0; i < times.size(); ++i)
        order[i] = {(std::uint64_t(times[i]) - std::uint64_t(origin)) / std::uint64_t(width),
                    std::uint32_t(i)};
    std::sort(order.begin(), order.end());
    return order;
}

// Rows the series will have (bins with records, zero bins between them, one row per gap),
// stopping as soon as it passes `limit`.
std::uint64_t countRows(const std::vector<std::pair<std::uint64_t, std::uint32_t>> &order,
                        std::uint64_t gapBins, std::uint64_t limit)
{
    std::uint64_t rows = 0;
    for (std::size_t i = 0, previous = 0; i < order.size() && rows <= limit; ++i) {
        if (i > 0 && order[i].first == order[i - 1].first)
            continue;
        const std::uint64_t empty = i == 0 ? 0 : order[i].first - order[previous].first - 1;
        rows += 1 + (empty >= gapBins ? 1 : empty);
        previous = i;
    }
    return rows;
}

} // namespace

TimeNs chooseBinWidth(const std::vector<TimeNs> &times)
{
    if (times.empty())
        return binwidth::autoWidth(0, kNsPerSecond);
    std::vector<TimeNs> sorted(times);
    std::sort(sorted.begin(), sorted.end());
    TimeNs base = binwidth::niceWidths().front();
    for (TimeNs step : {kNsPerMs, kNsPerSecond, kMinute}) {
        if (std::all_of(sorted.begin(), sorted.end(), [step](TimeNs t) { return t % step == 0; }))
            base = step;
    }
    // Active time, as for captures: silences count only up to the gap threshold, so years
    // between two bursts do not make every bin a week wide.
    TimeNs active = base;
    for (std::size_t i = 1; i < sorted.size(); ++i)
        active += std::min(timeBetween(sorted[i - 1], sorted[i]), binwidth::gapThreshold(0));
    return binwidth::autoWidth(active, base);
}

Series binRecords(const Table &table, TimeNs width, QStringList &warnings, QString &error)
{
    const std::vector<TimeNs> &times = table.columns[std::size_t(table.roles.time)].times;
    Records records(table);
    const std::vector<Feature> features = records.features();

    Series series;
    series.source = table.source;
    series.axis = Series::Axis::Time;
    series.binWidth = width > 0 ? width : chooseBinWidth(times);
    for (Feature f : features)
        series.features.push_back(infoOf(f));
    series.values.resize(0, Eigen::Index(features.size()));
    if (times.empty())
        return series;

    const TimeNs binWidth = series.binWidth;
    const TimeNs origin =
        floorDiv(*std::min_element(times.begin(), times.end()), binWidth) * binWidth;
    const auto order = binOrder(times, origin, binWidth);
    const auto gapBins =
        std::uint64_t((binwidth::gapThreshold(binWidth) + binWidth - 1) / binWidth);
    // A width far too fine for the span (1 µs over a day) is refused, not allocated.
    const std::uint64_t rowTotal = countRows(order, gapBins, std::uint64_t(binwidth::kMaxBins));
    if (rowTotal > std::uint64_t(binwidth::kMaxBins)) {
        error = binwidth::tooManyBins(binWidth);
        return series;
    }

    std::vector<double> flat; // row-major
    flat.reserve(std::size_t(rowTotal) * features.size());
    series.starts.reserve(std::size_t(rowTotal));
    series.hasData.reserve(std::size_t(rowTotal));
    const auto addRow = [&](std::uint64_t bin, const Bin &sums, bool hasData,
                            const QString &label) {
        // Unsigned, as binOrder() counts: bin × width alone may pass 292 years (a table over
        // 1680-2260) though origin plus it is a time within range.
        series.starts.push_back(TimeNs(std::uint64_t(origin) + bin * std::uint64_t(binWidth)));
        series.hasData.push_back(hasData);
        for (Feature f : features)
            flat.push_back(sums.value(f));
        if (records.hasLabels())
            series.labels << label;
    };

    std::vector<std::uint32_t> rows;
    std::uint64_t next = 0; // the first bin not yet written
    for (std::size_t begin = 0; begin < order.size();) {
        const std::uint64_t bin = order[begin].first;
        rows.clear();
        while (begin < order.size() && order[begin].first == bin)
            rows.push_back(order[begin++].second);

        if (bin - next >= gapBins) {
            addRow(next, Bin{}, false, QString());
        } else {
            for (std::uint64_t b = next; b < bin; ++b)
                addRow(b, Bin{}, true, QString());
        }
        addRow(bin, records.sum(rows), true, records.hasLabels() ? records.label(rows) : QString());
        next = bin + 1;
    }

    series.values =
        Eigen::Map<const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>(
            flat.data(), Eigen::Index(series.starts.size()), Eigen::Index(features.size()));
    if (records.nonFinite() > 0)
        warnings << tr("%1 empty or non-numeric counts (NaN, Infinity) were read as 0")
                        .arg(records.nonFinite());
    return series;
}

} // namespace tideline
