#pragma once

#include "common/timeutil.h"
#include "tableflavour.h"
#include "timeparse.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <optional>

namespace tideline {

// What `tideline summarize` says about a table: what kind it is, how much was read, which
// columns carry time and ground truth, and what went wrong.
struct TableSummary
{
    QString file;
    TableFlavour flavour = TableFlavour::Untimed;
    qint64 rows = 0;        // data rows in the file (header and blank lines not counted)
    qint64 loadedRows = 0;  // rows that were read
    qint64 skippedRows = 0; // rows left out because they could not be read
    qint64 problems = 0;    // row problems found (only the first few are listed)
    int columns = 0;
    QStringList columnNames;
    QString syntax = QStringLiteral("csv"); // "csv", "json" or "json lines"
    bool header = true;
    char delimiter = ',';
    QString labelColumn; // empty: no ground truth
    QString timeColumn;  // empty: rows are the x axis
    TimeFormat timeFormat = TimeFormat::None;
    std::optional<TimeNs> firstTime; // earliest and latest time read
    std::optional<TimeNs> lastTime;
    QStringList ignoredColumns; // columns that did not become features (text, identifiers)
    QStringList warnings;

    // The same as JSON for `summarize --json`; times as ISO 8601 UTC (relative formats as
    // seconds).
    QJsonObject toJson() const;
};

} // namespace tideline
