#pragma once

#include "timeparse.h"

#include <QString>
#include <QStringList>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tideline {

// The kinds of table Tideline recognises; each turns into a Series in its own way.
enum class TableFlavour : std::uint8_t {
    Auto,         // detect from the header and the first rows
    Aggregate,    // per-interval totals (timestamp,total,total_tcp,…,size,…): rows are bins
    Nfstream,     // NFStream flows: binned by bidirectional_first_seen_ms
    CicFlowMeter, // CICFlowMeter flows: binned by Timestamp, or one row per flow without it
    Wireshark,    // Wireshark packet export (No.,Time,Source,…): packets binned by Time
    Metrics,      // a time column and numeric columns: rows are bins
    Untimed,      // no time column: one series row per table row
    Flows,        // any other flow table (source and destination addresses, a start time): binned
    Packets,      // any other packet table (addresses, a time and a length per row): binned
};

// Machine names: "aggregate", "nfstream", "cicflowmeter", "wireshark", "metrics", "untimed",
// "flows", "packets" ("auto" for Auto).
QString flavourName(TableFlavour flavour);
std::optional<TableFlavour> flavourFromName(QStringView name);

// Whether each row of the flavour is one packet (grouped into flows as a capture's are) rather
// than a flow or an interval.
bool recordsArePackets(TableFlavour flavour);

// How the rows of a flavour become series rows.
enum class TableLayout : std::uint8_t {
    TimedRows, // one series row per table row at the row's time (aggregate, metrics)
    Binned,    // flows or packets summed into time bins (nfstream, cicflowmeter, wireshark, flows,
               // packets)
    Rows,      // one series row per table row, numbered (untimed, flows without a time)
};

// A column as the detector sees it: its header and the first rows' values.
struct ColumnSample
{
    QString name;         // header, trimmed
    std::string key;      // normalised: lower case, '_' as ' ', single spaces ("total fwd packets")
    bool numeric = false; // more than half of the non-empty sample values are numbers
    std::vector<std::string> values;
};

// Lower-cases, trims and folds '_' and runs of white space into one space, so "Total Fwd
// Packets", " Total Fwd Packets" and "total_fwd_packets" compare equal.
std::string normaliseHeader(std::string_view name);

// Which column plays which part; -1 when there is none.
struct TableRoles
{
    int time = -1;
    TimeFormat timeFormat = TimeFormat::None;
    int label = -1;
    std::vector<int> excluded; // ground truth and identifiers: never features
    // Binned layouts only:
    int packets = -1; // (forward) packets per record; none means one packet per record
    int packetsReverse = -1;
    int bytes = -1;
    int bytesReverse = -1;
    int sourcePackets = -1; // what the source sent, when `packets` counts both ways (NFStream)
    int sourceBytes = -1;
    int protocol = -1;
    int source = -1; // addresses
    int destination = -1;
    int sourcePort = -1;
    int destinationPort = -1;
    int end = -1;      // the record's last packet, a time in the time column's format
    int duration = -1; // or its length, in `durationUnit`s
    TimeNs durationUnit = 0;
    int syn = -1;      // SYN packets per record, SYN-ACKs included (CICFlowMeter)
    int synNoAck = -1; // SYNs without ACK per record (NFStream's src2dst_syn_packets)
    int synInfo = -1;  // Wireshark's Info text: "[SYN]" marks a SYN without ACK
    int ack = -1;      // ACK, RST and FIN packets (or flag counts) per record
    int rst = -1;
    int fin = -1;

    // Whether the rows can become flow records for drill-down: binned, with addresses.
    bool hasEndpoints() const { return source >= 0 && destination >= 0; }
};

struct FlavourDetection
{
    TableFlavour flavour = TableFlavour::Untimed;
    TableLayout layout = TableLayout::Rows;
    TableRoles roles;
    QString error;        // a requested flavour that does not fit this table
    QStringList warnings; // e.g. a Timestamp column that could not be read as times
};

// Finds the flavour (or checks the one asked for) from the header and sample values.
FlavourDetection detectFlavour(const std::vector<ColumnSample> &columns, TableFlavour requested);

// Column names for a known header-less table (NSL-KDD: 41 features, class, difficulty), or
// empty when the table is not one.
QStringList knownHeaderlessNames(const std::vector<ColumnSample> &columns);

} // namespace tideline
