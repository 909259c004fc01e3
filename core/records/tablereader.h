#pragma once

#include "common/diagnostic.h"
#include "common/progress.h"
#include "tableflavour.h"
#include "tableoptions.h"
#include "tablesummary.h"

#include <QString>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tideline {

// One column of a read table. Only the columns the flavour needs are kept, each in the form it
// is used in: numbers as doubles, times as TimeNs, text (labels, addresses, protocols) as codes
// into a dictionary so a million rows hold a few thousand strings.
struct TableColumn
{
    enum class Storage : std::uint8_t {
        Unused,
        Number,  // `numbers`; a missing value (empty, NA, null…) is NaN
        Time,    // `times`
        Text,    // `codes` into `dictionary`
        SynFlag, // `numbers`: 1 when Wireshark's Info says "[SYN]", else 0
    };

    QString name;
    Storage storage = Storage::Unused;
    bool numeric = false; // the sampled values were numbers
    // Read for drill-down only (a flow's end, its direction split, its flag counts): a value
    // that cannot be read is missing (NaN, or the earliest time), never a bad row.
    bool lenient = false;
    std::vector<double> numbers;
    std::vector<TimeNs> times;
    std::vector<std::uint32_t> codes;
    std::vector<std::string> dictionary;
};

// A table read into columns: the rows that could be read, in file order.
struct Table
{
    QString source;
    TableFlavour flavour = TableFlavour::Untimed;
    TableLayout layout = TableLayout::Rows;
    TableRoles roles;
    std::vector<TableColumn> columns; // one per header column, in file order
    std::vector<qint64> lines;        // the file line each row started on
    // Where each row lies in the bytes read, kept for tables whose rows become flow records
    // (TableRoles::hasEndpoints()) or series rows (TableLayout::Rows), so either can show its
    // whole row.
    std::vector<std::pair<qint64, qint64>> extents;

    qsizetype rowCount() const { return qsizetype(lines.size()); }
};

struct TableReadResult
{
    Table table;
    TableSummary summary;
    Diagnostics diagnostics;         // row problems (capped) and file-level warnings
    std::optional<Diagnostic> error; // set when nothing usable could be read, or on Stop
    bool cancelled = false;
};

// Reads a whole table held in memory (a mapped file). `source` names it in messages. Progress
// is the fraction of bytes read; the callback can stop the read (then `cancelled`).
TableReadResult readTable(std::string_view bytes, const QString &source,
                          const TableOptions &options, const ProgressCallback &progress);

// Column names for a table held in `bytes` whose first row is data of a kind Tideline knows
// (knownHeaderlessNames() over the sample readTable() takes), else empty.
QStringList knownHeaderlessNames(std::string_view bytes);

} // namespace tideline
