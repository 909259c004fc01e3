#pragma once

#include "common/diagnostic.h"
#include "common/progress.h"
#include "common/series.h"
#include "records/tableoptions.h"
#include "records/tablesummary.h"
#include "records/tabletext.h"
#include "series/tabletraffic.h"

#include <QByteArrayView>
#include <QString>
#include <QStringList>
#include <optional>

namespace tideline {

// Everything loading a table gives back. When `error` is set the series is empty and the
// error names the file (and the line, for a bad row under BadRowPolicy::Stop).
struct TableLoadResult
{
    Series series;
    TableSummary summary;
    Diagnostics diagnostics; // row problems (the first options.maxDiagnostics) and warnings
    std::optional<Diagnostic> error;
    bool cancelled = false; // the progress callback asked to stop; `series` holds what was read
    // Flows and per-bin tallies for drill-down, when the rows are flows or packets with
    // addresses; the rows themselves, also when they are the series' rows.
    TableTraffic drillDown;
};

// Reads a CSV-like table (CSV, semicolon- or tab-separated; NFStream, CICFlowMeter, Wireshark,
// NSL-KDD, NAB, generic metrics) into a Series. The file is memory-mapped, not copied.
TableLoadResult loadTable(const QString &path, const TableOptions &options = {},
                          const ProgressCallback &progress = {});

// The same for bytes already in memory; `name` stands for the file in messages.
TableLoadResult loadTableData(QByteArrayView bytes, const QString &name,
                              const TableOptions &options = {},
                              const ProgressCallback &progress = {});

// A table another reader has already converted to CSV text (nfdump's output: NfdumpJson),
// read as the same table written as CSV; `name` stands for the file in messages.
TableLoadResult loadTableText(TableText text, const QString &name, const TableOptions &options = {},
                              const ProgressCallback &progress = {});

// Column names for the table at `path` when it has no header and is of a kind loadTable()
// recognises (NSL-KDD), else empty: for readers of other files, such as ground truth, that
// must accept the same tables.
QStringList knownHeaderlessNames(const QString &path);

} // namespace tideline
