#pragma once

#include "tableoptions.h"
#include "tabletext.h"

#include <QString>
#include <string_view>

namespace tideline {

// A file of JSON records as a table (TableText, syntax "json" or "json lines"). Three forms:
//   {"data": [{"timestamp": 1331901000.0, "total": 17312, …}, …]}  (any one array of objects;
//                                                                     "data" is preferred)
//   [{…}, {…}]                                                       (an array of objects)
//   {…}\n{…}\n                                                       (JSON lines)
// A record's keys are the columns, in the order first seen; nested objects give dotted names
// ("flow.pkts_toserver"), arrays their JSON text, null and a missing key an empty field.
// Suricata's eve.json (records with an event_type) gives its flow events; the other event types
// are skipped and counted.
// Whether `bytes` starts, after white space and a UTF-8 byte-order mark, with '{' or '['.
bool looksLikeJson(std::string_view bytes);

// Reads `bytes` (named `source` in messages). Malformed JSON is an error naming its line and
// column; in JSON lines a malformed line is skipped and listed (or stops the read under
// BadRowPolicy::Stop), like a CSV row that cannot be read.
TableText readJsonRecords(std::string_view bytes, const QString &source,
                          const TableOptions &options);

} // namespace tideline
