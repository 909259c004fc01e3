#pragma once

#include "common/diagnostic.h"
#include "tableoptions.h"

#include <QByteArray>
#include <QString>
#include <optional>
#include <string_view>
#include <vector>

namespace tideline {

// A file of JSON records turned into the CSV text the table reader reads, so a JSON table is
// recognised, checked and binned exactly like the same table written as CSV. Three forms:
//   {"data": [{"timestamp": 1331901000.0, "total": 17312, …}, …]}  (any one array of objects;
//                                                                     "data" is preferred)
//   [{…}, {…}]                                                       (an array of objects)
//   {…}\n{…}\n                                                       (JSON lines)
// A record's keys are the columns, in the order first seen; nested objects give dotted names
// ("flow.pkts_toserver"), arrays their JSON text, null and a missing key an empty field.
struct JsonRecords
{
    enum class Form : std::uint8_t { Document, Lines };

    Form form = Form::Document;
    QByteArray csv;            // a header line, then one line per record
    std::vector<qint64> lines; // the file line each record starts on, one per CSV data row
    Diagnostics diagnostics;   // JSON lines that could not be read (skipped)
    std::optional<Diagnostic> error;

    // The file line of CSV line `csvLine` (1: the header), or `csvLine` itself when unknown.
    qint64 fileLine(qint64 csvLine) const;
};

// Whether `bytes` starts, after white space and a UTF-8 byte-order mark, with '{' or '['.
bool looksLikeJson(std::string_view bytes);

// Reads `bytes` (named `source` in messages). Malformed JSON is an error naming its line and
// column; in JSON lines a malformed line is skipped and listed (or stops the read under
// BadRowPolicy::Stop), like a CSV row that cannot be read.
JsonRecords readJsonRecords(std::string_view bytes, const QString &source,
                            const TableOptions &options);

} // namespace tideline
