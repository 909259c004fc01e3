#include "tableflavour.h"

#include "common/translate.h"

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

// lupdate cannot see what is passed here: callers mark each literal with
// QT_TRANSLATE_NOOP("tideline", ...) so it is extracted under the context used at run time.

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

// Binned flavours: the time column is fixed by the format, the rest by name.
void setFlowRoles(const std::vector<ColumnSample> &c, TableFlavour flavour, TableRoles &roles)
{
    switch (flavour) {
    case TableFlavour::Nfstream:
        roles.time = find(c, {"bidirectional first seen ms"});
        roles.packets = find(c, {"bidirectional packets"});
        roles.bytes = find(c, {"bidirectional bytes"});
        roles.protocol = find(c, {"protocol"});
        roles.source = find(c, {"src ip"});
        roles.destination = find(c, {"dst ip"});
        roles.destinationPort = find(c, {"dst port"});
        roles.synNoAck = find(c, {"src2dst syn packets"});
        if (roles.synNoAck < 0)
            roles.syn = find(c, {"bidirectional syn packets"});
        break;
    case TableFlavour::CicFlowMeter:
        roles.time = find(c, {"timestamp"});
        roles.packets = find(c, {"total fwd packets", "tot fwd pkts", "total fwd packet"});
        roles.packetsReverse =
            find(c, {"total backward packets", "tot bwd pkts", "total bwd packets"});
        roles.bytes = find(
            c, {"total length of fwd packets", "totlen fwd pkts", "total length of fwd packet"});
        roles.bytesReverse = find(
            c, {"total length of bwd packets", "totlen bwd pkts", "total length of bwd packet"});
        roles.protocol = find(c, {"protocol"});
        roles.source = find(c, {"source ip", "src ip"});
        roles.destination = find(c, {"destination ip", "dst ip"});
        roles.destinationPort = find(c, {"destination port", "dst port"});
        roles.syn = find(c, {"syn flag count", "syn flag cnt"});
        break;
    case TableFlavour::Wireshark:
        roles.time = find(c, {"time"});
        roles.bytes = find(c, {"length"});
        roles.protocol = find(c, {"protocol"});
        roles.source = find(c, {"source"});
        roles.destination = find(c, {"destination"});
        roles.synInfo = find(c, {"info"});
        break;
    default:
        break;
    }
    // Counts must be numbers to be summed.
    for (int *role : {&roles.packets, &roles.packetsReverse, &roles.bytes, &roles.bytesReverse,
                      &roles.syn, &roles.synNoAck}) {
        if (*role >= 0 && !c[std::size_t(*role)].numeric)
            *role = -1;
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
    }
    return QString();
}

std::optional<TableFlavour> flavourFromName(QStringView name)
{
    for (TableFlavour f : {TableFlavour::Auto, TableFlavour::Aggregate, TableFlavour::Nfstream,
                           TableFlavour::CicFlowMeter, TableFlavour::Wireshark,
                           TableFlavour::Metrics, TableFlavour::Untimed}) {
        if (name.compare(flavourName(f), Qt::CaseInsensitive) == 0)
            return f;
    }
    return std::nullopt;
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
        result.error = tr(QT_TRANSLATE_NOOP(
                              "tideline", "the column \"%1\" holds times outside the years 1678 to "
                                          "2262, which Tideline cannot represent (read as %2)"))
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
        result.warnings << tr(QT_TRANSLATE_NOOP(
            "tideline", "the Timestamp column does not hold readable times: one series "
                        "row per flow instead of time bins"));
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
