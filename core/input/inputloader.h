#pragma once

#include "capture/capturesummary.h"
#include "common/diagnostic.h"
#include "common/progress.h"
#include "common/series.h"
#include "records/rowrecords.h"
#include "records/tableoptions.h"
#include "records/tablesummary.h"
#include "remote/prometheussource.h"
#include "remote/prometheussummary.h"
#include "series/traffic.h"

#include <memory>
#include <optional>

namespace tideline {

struct LoadOptions
{
    TimeNs binWidth = 0; // 0: chosen automatically from the data
    TableOptions table;  // for tables: flavour override, bad-row policy (binWidth comes from above)
    // For a prometheus+http(s):// path: the queries, range, step and credentials (the URL is
    // the path's). Never stored: a case keeps binWidth and table only.
    PrometheusSource prometheus;
};

// A loaded input: the series to look at and detect on, plus what drill-down needs (Traffic,
// for captures) and what the reader noticed on the way.
struct LoadedInput
{
    // Live: the bins of a capture as it ran (the window's), without its packets.
    enum class Kind : std::uint8_t { Capture, Table, Prometheus, Live };

    QString path;
    Kind kind = Kind::Capture;
    std::optional<CaptureSummary> capture;
    std::optional<TableSummary> table;
    std::optional<PrometheusSummary> prometheus;
    // Flows and per-bin tallies for drill-down: a capture's, or those of a table whose rows are
    // flows or packets with addresses. `records`: a table's row behind each flow, or behind
    // each series row of a table without times (Series::Axis::Row, no traffic).
    std::shared_ptr<const Traffic> traffic;
    std::shared_ptr<const RowRecords> records;
    Series series;
    Diagnostics warnings;
    std::optional<Diagnostic> error; // nothing usable could be read
    bool cancelled = false;

    bool ok() const { return !error && !cancelled; }
};

// Reads a capture or a table (decided by content, never by the name) into a Series at
// `options.binWidth`, reporting progress and stopping when asked. A path that is a
// prometheus+http(s):// URL is read from that server with `options.prometheus` instead: its
// rows are the query steps, so a bin width other than the step is refused.
LoadedInput loadInput(const QString &path, const LoadOptions &options,
                      const ProgressCallback &progress = {});

// Whether the analyst may choose the bin width: captures and flow or packet tables are binned
// by Tideline at any width; rows of aggregate and metric tables are bins already.
bool hasChoosableBinWidth(const LoadedInput &input);

// Whether rebin() can give `width` from memory: a capture whose kept base width divides it (a
// table's series comes from its rows: it is read again).
bool canRebin(const LoadedInput &input, TimeNs width);
// The series of an already loaded capture at another width, without re-reading the file when
// the width is a multiple of the base resolution kept; nullopt when it is not.
std::optional<Series> rebin(const LoadedInput &input, TimeNs width);

} // namespace tideline
