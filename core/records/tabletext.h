#pragma once

#include "common/diagnostic.h"

#include <QByteArray>
#include <QString>
#include <optional>
#include <vector>

namespace tideline {

// A table written in another syntax (JSON records, a Zeek log) as the CSV text the table reader
// reads, so it is recognised, checked and binned exactly like the same table written as CSV,
// and messages still name the lines of the file it came from.
struct TableText
{
    QString syntax;            // "json", "json lines", "zeek": what summarize reports
    QByteArray csv;            // a header line, then one line per row
    std::vector<qint64> lines; // the file line each row starts on, one per CSV data row
    Diagnostics diagnostics;   // what was left out on the way (skipped lines, other events)
    qint64 unreadRows = 0;     // rows of the file that are not in `csv` because of a problem
    std::optional<Diagnostic> error;
    bool cancelled = false; // the progress callback asked to stop the conversion

    // The file line of CSV line `csvLine` (1: the header), or `csvLine` itself when unknown.
    qint64 fileLine(qint64 csvLine) const;
};

// Appends one CSV line of `fields` to `csv`: quoted where needed, line breaks inside a field
// made spaces so that each row stays one line.
void appendCsvLine(QByteArray &csv, const QStringList &fields);

} // namespace tideline
