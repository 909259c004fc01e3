#pragma once

#include "records/rowrecords.h"
#include "records/tablereader.h"
#include "series/traffic.h"

#include <memory>
#include <string_view>

namespace tideline {

// What a flow or packet table gives drill-down: the same Traffic a capture gives (flows,
// per-bin tallies by source, destination, destination port and protocol), and each flow's row.
struct TableTraffic
{
    std::shared_ptr<const Traffic> traffic;
    std::shared_ptr<const RowRecords> records; // records->fields(i): the row of flow i
    qint64 skippedRows = 0;                    // rows whose ends are no IP addresses
};

// Builds the flows of a binned table whose rows have addresses (TableRoles::hasEndpoints()),
// at `width`, the width of its series. A flow row counts in the bin of its start, as
// binRecords() counts it; its packets split by direction when the table says how (forward /
// backward or source-to-destination columns), else all from the source. TCP flags come from
// flag counts where the table has them. A packet table (Wireshark) is grouped into flows by
// address, port and protocol as a capture is, each flow's record being its first packet's row.
// `bytes`: the table's text, for the records. Empty (no traffic) for other tables.
TableTraffic buildTableTraffic(const Table &table, std::string_view bytes, char delimiter,
                               TimeNs width);

// For a table whose series rows are its rows, one to one (TableLayout::Rows: no time column),
// the row behind each series row, so an anomaly's rows can be read whole; null for others.
std::shared_ptr<const RowRecords> buildRowRecords(const Table &table, std::string_view bytes,
                                                  char delimiter);

} // namespace tideline
