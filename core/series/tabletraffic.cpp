#include "tabletraffic.h"

#include "records/addressparse.h"
#include "records/numberparse.h"
#include "records/protocolclass.h"
#include "series/addresstable.h"
#include "series/flowtable.h"
#include "trafficfeature.h"

#include <absl/container/flat_hash_map.h>
#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <optional>

namespace tideline {

using namespace traffic;

namespace {

// Packets going one way, as the bins count them: a flow row gives one each way (at its start),
// a packet row one.
struct Event
{
    TimeNs time = 0;
    std::uint32_t source = 0; // address ids
    std::uint32_t destination = 0;
    std::uint8_t protocol = 0;
    bool ip = true; // protocol is an IP protocol number, not a name Tideline could not read
    bool hasPorts = false;
    std::uint16_t sourcePort = 0;
    std::uint16_t destinationPort = 0;
    std::uint64_t packets = 0;
    std::uint64_t bytes = 0;
    std::uint64_t synWithoutAck = 0;
};

// IP protocol numbers of the names tables write ("tcp", "UDP", "icmp", "ipv6-icmp", "gre"…),
// or of numbers; nullopt for anything else.
std::optional<std::uint8_t> protocolNumber(std::string_view text)
{
    text = trimField(text);
    if (const std::optional<double> number = parseNumber(text)) {
        if (*number >= 0 && *number <= 255 && *number == std::floor(*number))
            return std::uint8_t(*number);
        return std::nullopt;
    }
    std::string key(text);
    std::transform(key.begin(), key.end(), key.begin(),
                   [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; });
    if (key == "icmpv6" || key == "ipv6-icmp")
        return ipproto::Icmpv6;
    if (key == "igmp")
        return std::uint8_t(2);
    if (key == "gre")
        return std::uint8_t(47);
    if (key == "esp")
        return std::uint8_t(50);
    if (key == "sctp")
        return std::uint8_t(132);
    switch (classifyProtocol(key)) {
    case ProtocolClass::Tcp:
        return ipproto::Tcp;
    case ProtocolClass::Udp:
        return ipproto::Udp;
    case ProtocolClass::Icmp:
        return ipproto::Icmp;
    case ProtocolClass::Other:
        break;
    }
    return std::nullopt;
}

std::optional<std::uint16_t> portNumber(std::string_view text)
{
    text = trimField(text);
    if (text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
        // Argus and UNSW-NB15 write some ports in hexadecimal.
        std::uint32_t value = 0;
        for (char c : text.substr(2)) {
            const int digit = c >= '0' && c <= '9'   ? c - '0'
                              : c >= 'a' && c <= 'f' ? c - 'a' + 10
                              : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                                     : -1;
            if (digit < 0 || (value = value * 16 + std::uint32_t(digit)) > 65535)
                return std::nullopt;
        }
        return std::uint16_t(value);
    }
    const std::optional<double> number = parseNumber(text);
    if (number && *number >= 0 && *number <= 65535 && *number == std::floor(*number))
        return std::uint16_t(*number);
    return std::nullopt;
}

// The table's columns read once per dictionary entry, then per row by code.
class RowReader
{
public:
    RowReader(const Table &table, AddressTable &addresses)
        : m_table(table)
    {
        const TableRoles &r = table.roles;
        m_start = &table.columns[std::size_t(r.time)].times;
        m_end = r.end >= 0 ? &table.columns[std::size_t(r.end)].times : nullptr;
        m_sources = addressIds(r.source, addresses);
        m_destinations = addressIds(r.destination, addresses);
        m_sourcePorts = ports(r.sourcePort);
        m_destinationPorts = ports(r.destinationPort);
        if (r.protocol >= 0) {
            const TableColumn &column = table.columns[std::size_t(r.protocol)];
            m_protocolCodes = &column.codes;
            for (const std::string &name : column.dictionary)
                m_protocols.push_back(protocolNumber(name));
        }
    }

    std::optional<std::uint32_t> source(std::size_t row) const
    {
        return id(m_sources, r().source, row);
    }
    std::optional<std::uint32_t> destination(std::size_t row) const
    {
        return id(m_destinations, r().destination, row);
    }
    TimeNs start(std::size_t row) const { return (*m_start)[row]; }
    TimeNs end(std::size_t row) const
    {
        const TimeNs first = start(row);
        if (m_end)
            return std::max(first, (*m_end)[row]);
        const double d = number(r().duration, row);
        if (d <= 0.0 || r().durationUnit <= 0)
            return first;
        const double ns = d * double(r().durationUnit);
        const double room = double(std::numeric_limits<TimeNs>::max() - first);
        return ns >= room ? std::numeric_limits<TimeNs>::max() : first + TimeNs(ns);
    }
    const IpAddress &address(std::uint32_t id) const { return m_byId[id]; }
    std::optional<std::uint8_t> protocol(std::size_t row) const
    {
        return m_protocolCodes ? m_protocols[(*m_protocolCodes)[row]] : std::nullopt;
    }
    std::optional<std::uint16_t> sourcePort(std::size_t row) const
    {
        return port(m_sourcePorts, r().sourcePort, row);
    }
    std::optional<std::uint16_t> destinationPort(std::size_t row) const
    {
        return port(m_destinationPorts, r().destinationPort, row);
    }
    // A count column's value, 0 when absent, empty, negative or not finite, and at most 2^53
    // (the counts are kept as whole numbers, which a larger double would overflow).
    double number(int column, std::size_t row) const
    {
        constexpr double kLargestCount = 9007199254740992.0;
        if (column < 0)
            return 0.0;
        const double v = m_table.columns[std::size_t(column)].numbers[row];
        return std::isfinite(v) && v > 0.0 ? std::min(v, kLargestCount) : 0.0;
    }

private:
    const TableRoles &r() const { return m_table.roles; }

    std::vector<std::optional<std::uint32_t>> addressIds(int column, AddressTable &addresses)
    {
        std::vector<std::optional<std::uint32_t>> ids;
        for (const std::string &text : m_table.columns[std::size_t(column)].dictionary) {
            IpAddress address;
            address.version = std::uint8_t(parseAddress(text, address.bytes));
            if (!address.isValid()) {
                ids.push_back(std::nullopt);
                continue;
            }
            const std::uint32_t id = addresses.intern(address);
            if (id >= m_byId.size())
                m_byId.resize(id + 1);
            m_byId[id] = address;
            ids.push_back(id);
        }
        return ids;
    }
    std::vector<std::optional<std::uint16_t>> ports(int column) const
    {
        std::vector<std::optional<std::uint16_t>> out;
        if (column >= 0) {
            for (const std::string &text : m_table.columns[std::size_t(column)].dictionary)
                out.push_back(portNumber(text));
        }
        return out;
    }
    std::optional<std::uint32_t> id(const std::vector<std::optional<std::uint32_t>> &ids,
                                    int column, std::size_t row) const
    {
        return ids[m_table.columns[std::size_t(column)].codes[row]];
    }
    std::optional<std::uint16_t> port(const std::vector<std::optional<std::uint16_t>> &ports,
                                      int column, std::size_t row) const
    {
        if (column < 0)
            return std::nullopt;
        return ports[m_table.columns[std::size_t(column)].codes[row]];
    }

    const Table &m_table;
    std::vector<IpAddress> m_byId;
    const std::vector<TimeNs> *m_start = nullptr;
    const std::vector<TimeNs> *m_end = nullptr;
    std::vector<std::optional<std::uint32_t>> m_sources;
    std::vector<std::optional<std::uint32_t>> m_destinations;
    std::vector<std::optional<std::uint16_t>> m_sourcePorts;
    std::vector<std::optional<std::uint16_t>> m_destinationPorts;
    const std::vector<std::uint32_t> *m_protocolCodes = nullptr;
    std::vector<std::optional<std::uint8_t>> m_protocols;
};

// Both halves of a flow row as it counts in the bins, and the flow itself.
struct FlowBuild
{
    std::vector<Flow> flows;
    std::vector<std::size_t> rows; // the table row of each flow
    std::vector<Event> events;
    qint64 skipped = 0;
};

bool carriesPorts(std::uint8_t protocol)
{
    return protocol == ipproto::Tcp || protocol == ipproto::Udp;
}

std::uint8_t flagsOf(const Table &table, const RowReader &read, std::size_t row)
{
    const TableRoles &r = table.roles;
    std::uint8_t flags = 0;
    if (read.number(r.syn, row) > 0 || read.number(r.synNoAck, row) > 0 ||
        read.number(r.synInfo, row) > 0)
        flags |= tcpflag::Syn;
    if (read.number(r.ack, row) > 0)
        flags |= tcpflag::Ack;
    if (read.number(r.rst, row) > 0)
        flags |= tcpflag::Rst;
    if (read.number(r.fin, row) > 0)
        flags |= tcpflag::Fin;
    return flags;
}

// Each row a flow: its packets split by direction when the columns tell.
void addFlowRows(const Table &table, const RowReader &read, FlowBuild &build)
{
    const TableRoles &r = table.roles;
    for (std::size_t row = 0; row < std::size_t(table.rowCount()); ++row) {
        const auto client = read.source(row);
        const auto server = read.destination(row);
        if (!client || !server) {
            ++build.skipped;
            continue;
        }
        Flow flow;
        flow.client = *client;
        flow.server = *server;
        const std::optional<std::uint8_t> protocol = read.protocol(row);
        flow.protocol = protocol.value_or(0);
        if (carriesPorts(flow.protocol)) {
            flow.clientPort = read.sourcePort(row).value_or(0);
            flow.serverPort = read.destinationPort(row).value_or(0);
        }
        flow.first = read.start(row);
        flow.last = read.end(row);
        const double packets = read.number(r.packets, row) + read.number(r.packetsReverse, row);
        const double bytes = read.number(r.bytes, row) + read.number(r.bytesReverse, row);
        // A flow row is at least one packet, whatever its counts say.
        flow.packets = std::max<std::uint64_t>(1, std::uint64_t(packets));
        flow.bytes = std::uint64_t(bytes);
        const double fromClient = r.sourcePackets >= 0    ? read.number(r.sourcePackets, row)
                                  : r.packetsReverse >= 0 ? read.number(r.packets, row)
                                                          : double(flow.packets);
        flow.packetsFromClient = std::min(flow.packets, std::uint64_t(fromClient));
        if (r.packets < 0 && r.packetsReverse < 0)
            flow.packetsFromClient = flow.packets;
        const double bytesFromClient = r.sourceBytes >= 0    ? read.number(r.sourceBytes, row)
                                       : r.bytesReverse >= 0 ? read.number(r.bytes, row)
                                                             : bytes;
        const std::uint64_t clientBytes = std::min(flow.bytes, std::uint64_t(bytesFromClient));
        flow.bytesFromClient = clientBytes;
        flow.tcpFlags = flow.protocol == ipproto::Tcp ? flagsOf(table, read, row) : 0;

        Event forward;
        forward.time = flow.first;
        forward.source = flow.client;
        forward.destination = flow.server;
        forward.protocol = flow.protocol;
        forward.ip = protocol.has_value();
        forward.hasPorts = carriesPorts(flow.protocol);
        forward.sourcePort = flow.clientPort;
        forward.destinationPort = flow.serverPort;
        forward.packets = flow.packetsFromClient;
        forward.bytes = clientBytes;
        const double syn = r.synNoAck >= 0 ? read.number(r.synNoAck, row) : read.number(r.syn, row);
        forward.synWithoutAck = flow.protocol == ipproto::Tcp ? std::uint64_t(syn) : 0;
        Event backward = forward;
        std::swap(backward.source, backward.destination);
        std::swap(backward.sourcePort, backward.destinationPort);
        backward.packets = flow.packets - flow.packetsFromClient;
        backward.bytes = flow.bytes - clientBytes;
        backward.synWithoutAck = 0;
        if (forward.packets > 0)
            build.events.push_back(forward);
        if (backward.packets > 0)
            build.events.push_back(backward);
        build.flows.push_back(flow);
        build.rows.push_back(row);
    }
}

// Each row a packet (Wireshark, packet tables): grouped into flows by the flow table captures use.
void addPacketRows(const Table &table, const RowReader &read, AddressTable &addresses,
                   FlowBuild &build)
{
    const TableRoles &r = table.roles;
    std::vector<std::size_t> order(std::size_t(table.rowCount()));
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::stable_sort(order.begin(), order.end(), [&read](std::size_t a, std::size_t b) {
        return read.start(a) < read.start(b);
    });
    FlowTable flowTable;
    for (std::size_t row : order) {
        const auto source = read.source(row);
        const auto destination = read.destination(row);
        if (!source || !destination) {
            ++build.skipped;
            continue;
        }
        const std::optional<std::uint8_t> protocol = read.protocol(row);
        Packet packet;
        packet.time = read.start(row);
        packet.source = read.address(*source);
        packet.destination = read.address(*destination);
        packet.network = packet.source.version == 4 ? Packet::Network::IPv4 : Packet::Network::IPv6;
        packet.protocol = protocol.value_or(0);
        // A packet table may give the destination port alone (the port a scan probes).
        packet.hasPorts = carriesPorts(packet.protocol) && read.destinationPort(row);
        packet.sourcePort = packet.hasPorts ? read.sourcePort(row).value_or(0) : 0;
        packet.destinationPort = packet.hasPorts ? *read.destinationPort(row) : 0;
        packet.tcpFlags = packet.protocol == ipproto::Tcp ? flagsOf(table, read, row) : 0;
        const FlowAssignment assigned = flowTable.assign(packet, addresses);
        if (assigned.starts) {
            Flow &flow = build.flows.emplace_back();
            flow.client = *source;
            flow.server = *destination;
            flow.clientPort = packet.sourcePort;
            flow.serverPort = packet.destinationPort;
            flow.protocol = packet.protocol;
            flow.first = packet.time;
            build.rows.push_back(row);
        }
        Flow &flow = build.flows[assigned.index];
        const auto bytes = std::uint64_t(read.number(r.bytes, row));
        flow.last = std::max(flow.last, packet.time);
        flow.packets += 1;
        flow.bytes += bytes;
        flow.packetsFromClient += assigned.fromClient;
        flow.bytesFromClient += assigned.fromClient ? bytes : 0;
        flow.tcpFlags |= packet.tcpFlags;

        Event event;
        event.time = packet.time;
        event.source = *source;
        event.destination = *destination;
        event.protocol = packet.protocol;
        event.ip = protocol.has_value();
        event.hasPorts = packet.hasPorts;
        event.sourcePort = packet.sourcePort;
        event.destinationPort = packet.destinationPort;
        event.packets = 1;
        event.bytes = bytes;
        event.synWithoutAck = read.number(r.synInfo, row) > 0 ? 1 : 0;
        build.events.push_back(event);
    }
}

// Per-bin counters and tallies of the events, in bin order.
class Tallier
{
public:
    explicit Tallier(TimeNs width)
        : m_width(width)
    {}

    void add(std::vector<Event> &events)
    {
        std::stable_sort(events.begin(), events.end(),
                         [](const Event &a, const Event &b) { return a.time < b.time; });
        for (std::size_t begin = 0; begin < events.size();) {
            const qint64 index = floorDiv(events[begin].time, m_width);
            std::size_t end = begin;
            while (end < events.size() && floorDiv(events[end].time, m_width) == index)
                ++end;
            addBin(index, std::span(events).subspan(begin, end - begin));
            begin = end;
        }
    }
    BinList takeBins() { return std::move(m_bins); }
    TallyTables takeTallies() { return std::move(m_tallies); }

private:
    void addBin(qint64 index, std::span<const Event> events)
    {
        BaseBin bin;
        bin.index = index;
        for (auto &keys : m_keys)
            keys.clear();
        for (const Event &e : events) {
            auto &c = bin.counters;
            c[Packets] += e.packets;
            c[Bytes] += e.bytes;
            const ProtocolClass k = !e.ip                        ? ProtocolClass::Other
                                    : e.protocol == ipproto::Tcp ? ProtocolClass::Tcp
                                    : e.protocol == ipproto::Udp ? ProtocolClass::Udp
                                    : e.protocol == ipproto::Icmp || e.protocol == ipproto::Icmpv6
                                        ? ProtocolClass::Icmp
                                        : ProtocolClass::Other;
            c[PacketsTcp + 2 * std::size_t(k)] += e.packets;
            c[BytesTcp + 2 * std::size_t(k)] += e.bytes;
            if (k == ProtocolClass::Tcp && e.hasPorts &&
                (isWebPort(e.sourcePort) || isWebPort(e.destinationPort))) {
                c[PacketsWeb] += e.packets;
                c[BytesWeb] += e.bytes;
            }
            c[SynNoAck] += e.synWithoutAck;
            tally(Dimension::Source, e.source, e);
            tally(Dimension::Destination, e.destination, e);
            if (e.hasPorts)
                tally(Dimension::DestinationPort,
                      e.destinationPort | (e.protocol == ipproto::Udp ? kUdpPortBit : 0u), e);
            tally(Dimension::Protocol, e.ip ? e.protocol : kNonIp, e);
        }
        for (std::size_t d = 0; d < std::size_t(kDimensionCount); ++d) {
            bin.first[d] = std::uint32_t(m_tallies[d].size());
            bin.count[d] = std::uint32_t(m_keys[d].size());
            for (const auto &[key, t] : m_keys[d])
                m_tallies[d].push_back(t);
            // Keys in order, as nothing downstream should depend on a hash map's.
            std::sort(m_tallies[d].begin() + bin.first[d], m_tallies[d].end(),
                      [](const Tally &a, const Tally &b) { return a.key < b.key; });
        }
        m_bins.push_back(bin);
    }
    void tally(Dimension dimension, std::uint32_t key, const Event &e)
    {
        Tally &t = m_keys[std::size_t(dimension)][key];
        t.key = key;
        const std::uint64_t packets = std::uint64_t(t.packets) + e.packets;
        t.packets = std::uint32_t(
            std::min<std::uint64_t>(packets, std::numeric_limits<std::uint32_t>::max()));
        t.bytes += e.bytes;
    }

    TimeNs m_width;
    BinList m_bins;
    TallyTables m_tallies;
    std::array<absl::flat_hash_map<std::uint32_t, Tally>, kDimensionCount> m_keys;
};

// The rows `rows` of the table as the file wrote them, in that order.
std::shared_ptr<RowRecords> recordsOf(const Table &table, std::string_view bytes, char delimiter,
                                      const std::vector<std::size_t> &rows)
{
    QStringList names;
    for (const TableColumn &column : table.columns)
        names << column.name;
    auto records = std::make_shared<RowRecords>(names, table.roles.label, delimiter);
    for (std::size_t row : rows) {
        if (row < table.extents.size()) {
            const auto [begin, end] = table.extents[row];
            records->add(bytes.substr(std::size_t(begin), std::size_t(end - begin)));
        } else {
            records->add({});
        }
    }
    return records;
}

} // namespace

std::shared_ptr<const RowRecords> buildRowRecords(const Table &table, std::string_view bytes,
                                                  char delimiter)
{
    if (table.layout != TableLayout::Rows || table.extents.size() != table.lines.size())
        return nullptr;
    std::vector<std::size_t> rows(table.extents.size());
    std::iota(rows.begin(), rows.end(), std::size_t(0));
    return recordsOf(table, bytes, delimiter, rows);
}

TableTraffic buildTableTraffic(const Table &table, std::string_view bytes, char delimiter,
                               TimeNs width)
{
    TableTraffic result;
    const TableRoles &roles = table.roles;
    if (table.layout != TableLayout::Binned || !roles.hasEndpoints() || roles.time < 0 ||
        width <= 0)
        return result;

    AddressTable addresses;
    const RowReader read(table, addresses);
    FlowBuild build;
    if (recordsArePackets(table.flavour))
        addPacketRows(table, read, addresses, build);
    else
        addFlowRows(table, read, build);
    result.skippedRows = build.skipped;
    if (build.flows.empty())
        return result;

    // Flows in order of their first packets, as Traffic and its readers expect.
    std::vector<std::size_t> order(build.flows.size());
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::stable_sort(order.begin(), order.end(), [&build](std::size_t a, std::size_t b) {
        return build.flows[a].first < build.flows[b].first;
    });
    FlowList flows;
    std::vector<std::size_t> rows;
    rows.reserve(order.size());
    TimeNs first = std::numeric_limits<TimeNs>::max();
    TimeNs last = std::numeric_limits<TimeNs>::min();
    for (std::size_t i : order) {
        const Flow &flow = build.flows[i];
        flows.emplace_back() = flow;
        first = std::min(first, flow.first);
        last = std::max(last, flow.last);
        rows.push_back(build.rows[i]);
    }

    Tallier tallier(width);
    tallier.add(build.events);
    result.traffic =
        std::make_shared<const Traffic>(width, tallier.takeBins(), tallier.takeTallies(),
                                        std::move(flows), addresses.takeAddresses(), first, last);
    result.records = recordsOf(table, bytes, delimiter, rows);
    return result;
}

} // namespace tideline
