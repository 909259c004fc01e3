#include "tableflavour.h"

#include "addressparse.h"
#include "common/translate.h"
#include "numberparse.h"

#include <QCoreApplication>
#include <algorithm>
#include <array>
#include <initializer_list>

namespace tideline {

namespace {

using Aliases = std::initializer_list<std::string_view>;

// In priority order: UNSW-NB15 has both `label` (0/1) and `attack_cat`; `label` wins.
constexpr std::array<std::string_view, 4> kLabelNames{"label", "attack cat", "is anomaly", "class"};
// Row identifiers, and NSL-KDD's difficulty (how many classifiers got the row right): neither
// says anything about the traffic.
constexpr std::array<std::string_view, 7> kNotFeatureNames{
    "id", "no.", "no", "index", "unnamed: 0", "flow id", "difficulty"};
constexpr std::array<std::string_view, 12> kTimeNames{
    "timestamp",  "time",       "date",  "datetime",   "date time",      "ts",
    "time stamp", "@timestamp", "epoch", "start time", "interval start", "window start"};
constexpr std::array<std::string_view, 8> kAggregateNames{
    "total", "total tcp", "total udp", "total http", "size", "size tcp", "size udp", "size http"};

// The NSL-KDD / KDD'99 record: 41 features, then the class and (NSL-KDD) a difficulty level.
constexpr std::array<const char *, 41> kKddFeatures{
    "duration",
    "protocol_type",
    "service",
    "flag",
    "src_bytes",
    "dst_bytes",
    "land",
    "wrong_fragment",
    "urgent",
    "hot",
    "num_failed_logins",
    "logged_in",
    "num_compromised",
    "root_shell",
    "su_attempted",
    "num_root",
    "num_file_creations",
    "num_shells",
    "num_access_files",
    "num_outbound_cmds",
    "is_host_login",
    "is_guest_login",
    "count",
    "srv_count",
    "serror_rate",
    "srv_serror_rate",
    "rerror_rate",
    "srv_rerror_rate",
    "same_srv_rate",
    "diff_srv_rate",
    "srv_diff_host_rate",
    "dst_host_count",
    "dst_host_srv_count",
    "dst_host_same_srv_rate",
    "dst_host_diff_srv_rate",
    "dst_host_same_src_port_rate",
    "dst_host_srv_diff_host_rate",
    "dst_host_serror_rate",
    "dst_host_srv_serror_rate",
    "dst_host_rerror_rate",
    "dst_host_srv_rerror_rate",
};

int find(const std::vector<ColumnSample> &columns, Aliases aliases)
{
    for (std::string_view alias : aliases) {
        for (std::size_t i = 0; i < columns.size(); ++i) {
            if (columns[i].key == alias)
                return int(i);
        }
    }
    return -1;
}

template <std::size_t N>
bool contains(const std::array<std::string_view, N> &names, std::string_view key)
{
    return std::find(names.begin(), names.end(), key) != names.end();
}

TimeFormat formatOf(const ColumnSample &column)
{
    std::vector<std::string_view> values(column.values.begin(), column.values.end());
    return detectTimeFormat(values, column.key);
}

bool isDate(TimeFormat format)
{
    return format == TimeFormat::Iso || format == TimeFormat::DayMonthYear ||
           format == TimeFormat::MonthDayYear;
}

// The format of a column whose values are times outside the years Tideline can hold, or None.
TimeFormat outOfRangeFormatOf(const ColumnSample &column)
{
    std::vector<std::string_view> values(column.values.begin(), column.values.end());
    return outOfRangeTimeFormat(values, column.key);
}

// A time column for rows-are-bins tables: a time-like name whose values read as times, else
// the first text column whose values are dates. `outOfRange`: the first column that would
// have been chosen but for times outside the years Tideline can hold, or -1.
void findTimeColumn(const std::vector<ColumnSample> &columns, TableRoles &roles, int &outOfRange)
{
    outOfRange = -1;
    const auto candidate = [&](std::size_t i, TimeFormat format) {
        if (format != TimeFormat::None) {
            roles.time = int(i);
            roles.timeFormat = format;
            return true;
        }
        if (outOfRange < 0 && outOfRangeFormatOf(columns[i]) != TimeFormat::None)
            outOfRange = int(i);
        return false;
    };
    for (std::string_view name : kTimeNames) {
        for (std::size_t i = 0; i < columns.size(); ++i) {
            if (columns[i].key == name && candidate(i, formatOf(columns[i])))
                return;
        }
    }
    for (std::size_t i = 0; i < columns.size(); ++i) {
        if (columns[i].numeric)
            continue;
        const TimeFormat format = formatOf(columns[i]);
        if (isDate(format)) {
            if (candidate(i, format))
                return;
        } else if (outOfRange < 0 && isDate(outOfRangeFormatOf(columns[i]))) {
            outOfRange = int(i);
        }
    }
}

// `time`: the column holding the rows' times, which cannot be the label too (a column named
// "label" that holds dates is the time), or -1.
void findLabelAndIdentifiers(const std::vector<ColumnSample> &columns, TableRoles &roles,
                             int time = -1)
{
    roles.label = -1;
    roles.excluded.clear();
    for (std::string_view name : kLabelNames) {
        for (std::size_t i = 0; i < columns.size(); ++i) {
            if (columns[i].key == name && roles.label < 0 && int(i) != time)
                roles.label = int(i);
        }
    }
    for (std::size_t i = 0; i < columns.size(); ++i) {
        if (contains(kLabelNames, columns[i].key) || contains(kNotFeatureNames, columns[i].key))
            roles.excluded.push_back(int(i));
    }
}

// Messages are written QCoreApplication::translate("tideline", "…") where they are used, so
// lupdate files them under the context tideline::tr() reads: it extracts nothing from a literal
// inside tr(QT_TRANSLATE_NOOP(…)), and a literal kept apart (`message`) is marked
// QT_TRANSLATE_NOOP("tideline", …).

bool isWireshark(const std::vector<ColumnSample> &c)
{
    return find(c, {"no."}) >= 0 && find(c, {"time"}) >= 0 && find(c, {"source"}) >= 0 &&
           find(c, {"destination"}) >= 0 && find(c, {"protocol"}) >= 0 && find(c, {"length"}) >= 0;
}

bool isNfstream(const std::vector<ColumnSample> &c)
{
    return find(c, {"bidirectional first seen ms"}) >= 0;
}

bool isCicFlowMeter(const std::vector<ColumnSample> &c)
{
    return find(c, {"flow duration"}) >= 0 &&
           find(c, {"total fwd packets", "tot fwd pkts", "total fwd packet"}) >= 0;
}

bool isAggregate(const std::vector<ColumnSample> &c)
{
    return std::count_if(c.begin(), c.end(), [](const ColumnSample &column) {
               return contains(kAggregateNames, column.key);
           }) >= 2;
}

// What a column of a flow table holds.
enum class FlowColumn : std::uint8_t {
    Source,
    Destination,
    SourcePort,
    DestinationPort,
    Protocol,
    Start,
    End,
    Duration,
    Packets, // both ways
    Bytes,
    SourcePackets, // sent by the source (forward)
    SourceBytes,
    DestinationPackets, // sent by the destination (backward)
    DestinationBytes,
    Length, // of one packet, in a packet table
    SynNoAck,
    Syn,
    Ack,
    Rst,
    Fin,
};

struct FlowColumnName
{
    FlowColumn role;
    std::string_view key; // as normaliseHeader() writes it
    TimeNs unit = 0;      // Duration only: what one of its units is
};

constexpr TimeNs kNsPerUs = 1000;

// Every name a flow-table column is known by (NFStream, CICFlowMeter in its Java and Python
// forms, UNSW-NB15 / Argus, Zeek conn.log, nfdump, nProbe / IPFIX, AWS VPC flow logs,
// Wireshark, and the ordinary src_ip / srcaddr / sa spellings), the first match of a role
// winning. The one place these names live.
constexpr std::array kFlowColumnNames = std::to_array<FlowColumnName>({
    {FlowColumn::Source, "src ip"},
    {FlowColumn::Source, "source ip"},
    {FlowColumn::Source, "srcip"},
    {FlowColumn::Source, "srcaddr"},
    {FlowColumn::Source, "src addr"},
    {FlowColumn::Source, "saddr"},
    {FlowColumn::Source, "source address"},
    {FlowColumn::Source, "src ip addr"},
    {FlowColumn::Source, "ipv4 src addr"},
    {FlowColumn::Source, "ip.src"},
    {FlowColumn::Source, "id.orig h"},
    {FlowColumn::Source, "src"},
    {FlowColumn::Source, "sa"},
    {FlowColumn::Source, "source"},
    {FlowColumn::Destination, "dest ip"}, // Suricata eve.json
    {FlowColumn::Destination, "dst ip"},
    {FlowColumn::Destination, "destination ip"},
    {FlowColumn::Destination, "dstip"},
    {FlowColumn::Destination, "dstaddr"},
    {FlowColumn::Destination, "dst addr"},
    {FlowColumn::Destination, "daddr"},
    {FlowColumn::Destination, "destination address"},
    {FlowColumn::Destination, "dst ip addr"},
    {FlowColumn::Destination, "ipv4 dst addr"},
    {FlowColumn::Destination, "ip.dst"},
    {FlowColumn::Destination, "id.resp h"},
    {FlowColumn::Destination, "dst"},
    {FlowColumn::Destination, "da"},
    {FlowColumn::Destination, "destination"},
    {FlowColumn::SourcePort, "src port"},
    {FlowColumn::SourcePort, "source port"},
    {FlowColumn::SourcePort, "srcport"},
    {FlowColumn::SourcePort, "sport"},
    {FlowColumn::SourcePort, "l4 src port"},
    {FlowColumn::SourcePort, "tcp.srcport"},
    {FlowColumn::SourcePort, "udp.srcport"},
    {FlowColumn::SourcePort, "id.orig p"},
    {FlowColumn::SourcePort, "sp"},
    {FlowColumn::DestinationPort, "dest port"},
    {FlowColumn::DestinationPort, "dst port"},
    {FlowColumn::DestinationPort, "destination port"},
    {FlowColumn::DestinationPort, "dstport"},
    {FlowColumn::DestinationPort, "dport"},
    {FlowColumn::DestinationPort, "dsport"},
    {FlowColumn::DestinationPort, "l4 dst port"},
    {FlowColumn::DestinationPort, "tcp.dstport"},
    {FlowColumn::DestinationPort, "udp.dstport"},
    {FlowColumn::DestinationPort, "id.resp p"},
    {FlowColumn::DestinationPort, "dp"},
    {FlowColumn::Protocol, "protocol"},
    {FlowColumn::Protocol, "proto"},
    {FlowColumn::Protocol, "ip proto"},
    {FlowColumn::Protocol, "ip.proto"},
    {FlowColumn::Protocol, "protocol type"},
    {FlowColumn::Protocol, "pr"},
    {FlowColumn::Start, "flow.start"}, // eve.json: before its event "timestamp"
    {FlowColumn::Start, "bidirectional first seen ms"},
    {FlowColumn::Start, "timestamp"},
    {FlowColumn::Start, "time"},
    {FlowColumn::Start, "ts"},
    {FlowColumn::Start, "stime"},
    {FlowColumn::Start, "start time"},
    {FlowColumn::Start, "starttime"},
    {FlowColumn::Start, "start"},
    {FlowColumn::Start, "first seen"},
    {FlowColumn::Start, "date first seen"},
    {FlowColumn::Start, "first switched"},
    {FlowColumn::Start, "flow start milliseconds"},
    {FlowColumn::End, "flow.end"},
    {FlowColumn::End, "bidirectional last seen ms"},
    {FlowColumn::End, "ltime"},
    {FlowColumn::End, "end time"},
    {FlowColumn::End, "endtime"},
    {FlowColumn::End, "end"},
    {FlowColumn::End, "last seen"},
    {FlowColumn::End, "last switched"},
    {FlowColumn::End, "flow end milliseconds"},
    {FlowColumn::End, "te"},
    {FlowColumn::Duration, "bidirectional duration ms", kNsPerMs},
    {FlowColumn::Duration, "flow duration", kNsPerUs}, // CICFlowMeter: microseconds
    {FlowColumn::Duration, "duration", kNsPerSecond},  // Zeek, CICFlowMeter-python: seconds
    {FlowColumn::Duration, "dur", kNsPerSecond},       // UNSW-NB15, Argus
    {FlowColumn::Duration, "td", kNsPerSecond},        // nfdump
    {FlowColumn::Packets, "bidirectional packets"},
    {FlowColumn::Packets, "packets"},
    {FlowColumn::Packets, "pkts"},
    {FlowColumn::Packets, "packet count"},
    {FlowColumn::Bytes, "bidirectional bytes"},
    {FlowColumn::Bytes, "bytes"},
    {FlowColumn::Bytes, "byt"},
    {FlowColumn::Bytes, "octets"},
    {FlowColumn::SourcePackets, "src2dst packets"},
    {FlowColumn::SourcePackets, "total fwd packets"},
    {FlowColumn::SourcePackets, "tot fwd pkts"},
    {FlowColumn::SourcePackets, "total fwd packet"},
    {FlowColumn::SourcePackets, "fwd tot pkt"},
    {FlowColumn::SourcePackets, "spkts"},
    {FlowColumn::SourcePackets, "flow.pkts toserver"},
    {FlowColumn::SourcePackets, "orig pkts"},
    {FlowColumn::SourcePackets, "in pkts"},
    {FlowColumn::SourceBytes, "src2dst bytes"},
    {FlowColumn::SourceBytes, "total length of fwd packets"},
    {FlowColumn::SourceBytes, "totlen fwd pkts"},
    {FlowColumn::SourceBytes, "total length of fwd packet"},
    {FlowColumn::SourceBytes, "fwd tot byte"},
    {FlowColumn::SourceBytes, "sbytes"},
    {FlowColumn::SourceBytes, "flow.bytes toserver"},
    {FlowColumn::SourceBytes, "orig ip bytes"},
    {FlowColumn::SourceBytes, "in bytes"},
    {FlowColumn::DestinationPackets, "dst2src packets"},
    {FlowColumn::DestinationPackets, "total backward packets"},
    {FlowColumn::DestinationPackets, "tot bwd pkts"},
    {FlowColumn::DestinationPackets, "total bwd packets"},
    {FlowColumn::DestinationPackets, "bwd tot pkt"},
    {FlowColumn::DestinationPackets, "dpkts"},
    {FlowColumn::DestinationPackets, "flow.pkts toclient"},
    {FlowColumn::DestinationPackets, "resp pkts"},
    {FlowColumn::DestinationPackets, "out pkts"},
    {FlowColumn::DestinationBytes, "flow.bytes toclient"},
    {FlowColumn::DestinationBytes, "dst2src bytes"},
    {FlowColumn::DestinationBytes, "total length of bwd packets"},
    {FlowColumn::DestinationBytes, "totlen bwd pkts"},
    {FlowColumn::DestinationBytes, "total length of bwd packet"},
    {FlowColumn::DestinationBytes, "bwd tot byte"},
    {FlowColumn::DestinationBytes, "dbytes"},
    {FlowColumn::DestinationBytes, "resp ip bytes"},
    {FlowColumn::DestinationBytes, "out bytes"},
    {FlowColumn::Length, "length"},
    {FlowColumn::Length, "len"},
    {FlowColumn::Length, "frame.len"},
    {FlowColumn::Length, "ip.len"},
    {FlowColumn::Length, "packet length"},
    {FlowColumn::Length, "packet size"},
    {FlowColumn::SynNoAck, "src2dst syn packets"},
    {FlowColumn::Syn, "bidirectional syn packets"},
    {FlowColumn::Syn, "syn flag count"},
    {FlowColumn::Syn, "syn flag cnt"},
    {FlowColumn::Ack, "bidirectional ack packets"},
    {FlowColumn::Ack, "ack flag count"},
    {FlowColumn::Ack, "ack flag cnt"},
    {FlowColumn::Rst, "bidirectional rst packets"},
    {FlowColumn::Rst, "rst flag count"},
    {FlowColumn::Rst, "rst flag cnt"},
    {FlowColumn::Fin, "bidirectional fin packets"},
    {FlowColumn::Fin, "fin flag count"},
    {FlowColumn::Fin, "fin flag cnt"},
});

// The first column known by a name of `role` (in the table's order of names) that `fits`.
template <typename Fits>
const FlowColumnName *findFlowColumn(const std::vector<ColumnSample> &c, FlowColumn role, Fits fits,
                                     int &index)
{
    for (const FlowColumnName &name : kFlowColumnNames) {
        if (name.role != role)
            continue;
        for (std::size_t i = 0; i < c.size(); ++i) {
            if (c[i].key == name.key && fits(c[i])) {
                index = int(i);
                return &name;
            }
        }
    }
    index = -1;
    return nullptr;
}

bool anyColumn(const ColumnSample &)
{
    return true;
}

bool numericColumn(const ColumnSample &column)
{
    return column.numeric;
}

// Most of the sampled values are IP addresses: "source" in a metrics table is no host.
bool addressColumn(const ColumnSample &column)
{
    std::size_t nonEmpty = 0, addresses = 0;
    std::array<std::uint8_t, 16> bytes{};
    for (const std::string &value : column.values) {
        if (trimField(value).empty())
            continue;
        ++nonEmpty;
        addresses += parseAddress(value, bytes) != 0;
    }
    return addresses * 2 > nonEmpty;
}

int flowColumn(const std::vector<ColumnSample> &c, FlowColumn role,
               bool (*fits)(const ColumnSample &))
{
    int index = -1;
    findFlowColumn(c, role, fits, index);
    return index;
}

// The start-time column of a flow table, with its format; -1 when none holds times.
int flowStartColumn(const std::vector<ColumnSample> &c, TimeFormat &format)
{
    int index = -1;
    findFlowColumn(
        c, FlowColumn::Start,
        [&format](const ColumnSample &column) {
            format = formatOf(column);
            return format != TimeFormat::None;
        },
        index);
    return index;
}

// A flow table of no known exporter: addresses at both ends, and times.
bool isFlowTable(const std::vector<ColumnSample> &c)
{
    TimeFormat format = TimeFormat::None;
    return flowColumn(c, FlowColumn::Source, addressColumn) >= 0 &&
           flowColumn(c, FlowColumn::Destination, addressColumn) >= 0 &&
           flowStartColumn(c, format) >= 0;
}

// A packet table of no known exporter: addresses at both ends, times and a length per row,
// and no column counting packets or bytes (which would make the rows flows).
bool isPacketTable(const std::vector<ColumnSample> &c)
{
    TimeFormat format = TimeFormat::None;
    return flowColumn(c, FlowColumn::Source, addressColumn) >= 0 &&
           flowColumn(c, FlowColumn::Destination, addressColumn) >= 0 &&
           flowStartColumn(c, format) >= 0 &&
           flowColumn(c, FlowColumn::Length, numericColumn) >= 0 &&
           flowColumn(c, FlowColumn::Packets, numericColumn) < 0 &&
           flowColumn(c, FlowColumn::SourcePackets, numericColumn) < 0 &&
           flowColumn(c, FlowColumn::Bytes, numericColumn) < 0 &&
           flowColumn(c, FlowColumn::SourceBytes, numericColumn) < 0;
}

// Binned flavours: the time column is fixed by the format, the rest from kFlowColumnNames.
void setFlowRoles(const std::vector<ColumnSample> &c, TableFlavour flavour, TableRoles &roles)
{
    switch (flavour) {
    case TableFlavour::Nfstream:
        roles.time = find(c, {"bidirectional first seen ms"});
        break;
    case TableFlavour::CicFlowMeter:
        roles.time = find(c, {"timestamp"});
        break;
    case TableFlavour::Wireshark:
        roles.time = find(c, {"time"});
        roles.bytes = find(c, {"length"});
        if (roles.bytes >= 0 && !c[std::size_t(roles.bytes)].numeric)
            roles.bytes = -1;
        roles.synInfo = find(c, {"info"});
        break;
    case TableFlavour::Packets: {
        TimeFormat format = TimeFormat::None;
        roles.time = flowStartColumn(c, format);
        roles.bytes = flowColumn(c, FlowColumn::Length, numericColumn);
        break;
    }
    default: {
        TimeFormat format = TimeFormat::None;
        roles.time = flowStartColumn(c, format);
        break;
    }
    }
    // Wireshark's Source and Destination may hold MAC addresses (ARP): they stay, as before,
    // for the distinct counts; the flow records take only the rows with IP addresses.
    const auto endpoint = flavour == TableFlavour::Flows || flavour == TableFlavour::Packets
                              ? addressColumn
                              : anyColumn;
    roles.source = flowColumn(c, FlowColumn::Source, endpoint);
    roles.destination = flowColumn(c, FlowColumn::Destination, endpoint);
    roles.sourcePort = flowColumn(c, FlowColumn::SourcePort, anyColumn);
    roles.destinationPort = flowColumn(c, FlowColumn::DestinationPort, anyColumn);
    roles.protocol = flowColumn(c, FlowColumn::Protocol, anyColumn);
    if (!recordsArePackets(flavour)) {
        roles.packets = flowColumn(c, FlowColumn::Packets, numericColumn);
        roles.bytes = flowColumn(c, FlowColumn::Bytes, numericColumn);
        const int sourcePackets = flowColumn(c, FlowColumn::SourcePackets, numericColumn);
        const int sourceBytes = flowColumn(c, FlowColumn::SourceBytes, numericColumn);
        // Totals when the table has them, and the source's share beside; else the two ways.
        if (roles.packets >= 0) {
            roles.sourcePackets = sourcePackets;
        } else {
            roles.packets = sourcePackets;
            roles.packetsReverse = flowColumn(c, FlowColumn::DestinationPackets, numericColumn);
        }
        if (roles.bytes >= 0) {
            roles.sourceBytes = sourceBytes;
        } else {
            roles.bytes = sourceBytes;
            roles.bytesReverse = flowColumn(c, FlowColumn::DestinationBytes, numericColumn);
        }
        roles.synNoAck = flowColumn(c, FlowColumn::SynNoAck, numericColumn);
        if (roles.synNoAck < 0)
            roles.syn = flowColumn(c, FlowColumn::Syn, numericColumn);
        roles.ack = flowColumn(c, FlowColumn::Ack, numericColumn);
        roles.rst = flowColumn(c, FlowColumn::Rst, numericColumn);
        roles.fin = flowColumn(c, FlowColumn::Fin, numericColumn);
        int duration = -1;
        if (const FlowColumnName *name =
                findFlowColumn(c, FlowColumn::Duration, numericColumn, duration)) {
            roles.duration = duration;
            roles.durationUnit = name->unit;
        }
    }
    // An end time in the start's format; else the duration gives it.
    if (roles.time >= 0) {
        const TimeFormat format = formatOf(c[std::size_t(roles.time)]);
        roles.end = flowColumn(c, FlowColumn::End, anyColumn);
        if (roles.end >= 0 &&
            (roles.end == roles.time || formatOf(c[std::size_t(roles.end)]) != format))
            roles.end = -1;
    }
}

TableFlavour detectAuto(const std::vector<ColumnSample> &columns, const TableRoles &roles)
{
    if (isWireshark(columns))
        return TableFlavour::Wireshark;
    if (isNfstream(columns))
        return TableFlavour::Nfstream;
    if (isCicFlowMeter(columns))
        return TableFlavour::CicFlowMeter;
    if (isPacketTable(columns))
        return TableFlavour::Packets;
    if (isFlowTable(columns))
        return TableFlavour::Flows;
    if (roles.time >= 0)
        return isAggregate(columns) ? TableFlavour::Aggregate : TableFlavour::Metrics;
    return TableFlavour::Untimed;
}

} // namespace

std::string normaliseHeader(std::string_view name)
{
    std::string out;
    out.reserve(name.size());
    bool space = false;
    for (char c : name) {
        if (c == '_' || c == ' ' || c == '\t') {
            space = !out.empty();
            continue;
        }
        if (space)
            out.push_back(' ');
        space = false;
        out.push_back(c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c);
    }
    return out;
}

QString flavourName(TableFlavour flavour)
{
    switch (flavour) {
    case TableFlavour::Auto:
        return QStringLiteral("auto");
    case TableFlavour::Aggregate:
        return QStringLiteral("aggregate");
    case TableFlavour::Nfstream:
        return QStringLiteral("nfstream");
    case TableFlavour::CicFlowMeter:
        return QStringLiteral("cicflowmeter");
    case TableFlavour::Wireshark:
        return QStringLiteral("wireshark");
    case TableFlavour::Metrics:
        return QStringLiteral("metrics");
    case TableFlavour::Untimed:
        return QStringLiteral("untimed");
    case TableFlavour::Flows:
        return QStringLiteral("flows");
    case TableFlavour::Packets:
        return QStringLiteral("packets");
    }
    return QString();
}

std::optional<TableFlavour> flavourFromName(QStringView name)
{
    for (TableFlavour f :
         {TableFlavour::Auto, TableFlavour::Aggregate, TableFlavour::Nfstream,
          TableFlavour::CicFlowMeter, TableFlavour::Wireshark, TableFlavour::Metrics,
          TableFlavour::Untimed, TableFlavour::Flows, TableFlavour::Packets}) {
        if (name.compare(flavourName(f), Qt::CaseInsensitive) == 0)
            return f;
    }
    return std::nullopt;
}

bool recordsArePackets(TableFlavour flavour)
{
    return flavour == TableFlavour::Wireshark || flavour == TableFlavour::Packets;
}

QStringList knownHeaderlessNames(const std::vector<ColumnSample> &columns)
{
    if (columns.size() != 42 && columns.size() != 43)
        return {};
    const auto &protocols = columns[1].values;
    const bool kdd = !protocols.empty() &&
                     std::all_of(protocols.begin(), protocols.end(), [](const std::string &p) {
                         return p == "tcp" || p == "udp" || p == "icmp";
                     });
    if (!kdd || columns[41].numeric)
        return {};
    QStringList names;
    for (const char *feature : kKddFeatures)
        names << QString::fromLatin1(feature);
    names << QStringLiteral("class");
    if (columns.size() == 43)
        names << QStringLiteral("difficulty");
    return names;
}

FlavourDetection detectFlavour(const std::vector<ColumnSample> &columns, TableFlavour requested)
{
    FlavourDetection result;
    TableRoles timed;
    int outOfRange = -1;
    findTimeColumn(columns, timed, outOfRange);
    result.flavour = requested == TableFlavour::Auto ? detectAuto(columns, timed) : requested;
    findLabelAndIdentifiers(columns, result.roles);

    const auto fail = [&](const char *text) {
        result.error = tr(text).arg(flavourName(result.flavour));
        return result;
    };
    // Times Tideline cannot hold are refused by name, not read as a table without times.
    const auto failOutOfRange = [&](int column) {
        result.error = QCoreApplication::translate(
                           "tideline", "the column \"%1\" holds times outside the years 1678 to "
                                       "2262, which Tideline cannot represent (read as %2)")
                           .arg(columns[std::size_t(column)].name,
                                timeFormatName(outOfRangeFormatOf(columns[std::size_t(column)])));
        return result;
    };

    switch (result.flavour) {
    case TableFlavour::Auto:
    case TableFlavour::Untimed:
        if (requested == TableFlavour::Auto && outOfRange >= 0)
            return failOutOfRange(outOfRange);
        result.layout = TableLayout::Rows;
        return result;
    case TableFlavour::Aggregate:
    case TableFlavour::Metrics:
        if (timed.time < 0 && outOfRange >= 0)
            return failOutOfRange(outOfRange);
        if (timed.time < 0)
            return fail(QT_TRANSLATE_NOOP(
                "tideline", "not a %1 table: no column holds times (looked for a column named "
                            "timestamp, time or date, or one holding dates)"));
        result.layout = TableLayout::TimedRows;
        result.roles.time = timed.time;
        result.roles.timeFormat = timed.timeFormat;
        findLabelAndIdentifiers(columns, result.roles, timed.time);
        return result;
    case TableFlavour::Nfstream:
        if (!isNfstream(columns))
            return fail(QT_TRANSLATE_NOOP("tideline",
                                          "not a %1 table: no bidirectional_first_seen_ms column"));
        break;
    case TableFlavour::Wireshark:
        if (find(columns, {"time"}) < 0)
            return fail(QT_TRANSLATE_NOOP("tideline", "not a %1 table: no Time column"));
        break;
    case TableFlavour::Flows:
        if (!isFlowTable(columns))
            return fail(QT_TRANSLATE_NOOP(
                "tideline", "not a %1 table: it needs source and destination address columns "
                            "and a start time column (looked for src_ip, srcaddr, id.orig_h, "
                            "sa…; dst_ip, dstaddr, id.resp_h, da…; timestamp, ts, stime, start…)"));
        break;
    case TableFlavour::Packets:
        if (!isPacketTable(columns))
            return fail(QT_TRANSLATE_NOOP(
                "tideline", "not a %1 table: it needs source and destination address columns, "
                            "a time column and a packet length column (looked for src, dst, "
                            "timestamp, length…) and no packet or byte counts"));
        break;
    case TableFlavour::CicFlowMeter:
        break;
    }

    setFlowRoles(columns, result.flavour, result.roles);
    TableRoles &roles = result.roles;
    if (roles.time >= 0)
        roles.timeFormat = formatOf(columns[std::size_t(roles.time)]);
    if (roles.time >= 0 && roles.timeFormat == TimeFormat::None) {
        if (outOfRangeFormatOf(columns[std::size_t(roles.time)]) != TimeFormat::None)
            return failOutOfRange(roles.time);
        if (result.flavour != TableFlavour::CicFlowMeter)
            return fail(QT_TRANSLATE_NOOP("tideline",
                                          "not a %1 table: its time column does not hold times"));
        result.warnings << QCoreApplication::translate(
            "tideline", "the Timestamp column does not hold readable times: one series "
                        "row per flow instead of time bins");
        roles.time = -1;
    }
    result.layout = roles.time >= 0 ? TableLayout::Binned : TableLayout::Rows;
    if (result.layout == TableLayout::Rows) {
        TableRoles rows;
        rows.label = roles.label;
        rows.excluded = roles.excluded;
        roles = rows;
    }
    return result;
}

} // namespace tideline
