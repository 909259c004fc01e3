#pragma once

#include "tabletext.h"

#include <QString>
#include <string_view>

namespace tideline {

// A Zeek log in its tab-separated form (conn.log and the others): the `#fields` line names the
// columns, `#separator` gives the separator (a tab unless it says otherwise), the unset field
// ("-") and the empty field ("(empty)") become empty, other `#` lines are skipped. The log's
// JSON form is JSON lines, read as JSON records.
bool looksLikeZeekLog(std::string_view bytes);

// Reads `bytes` (named `source` in messages) as a table (TableText, syntax "zeek"); a row whose
// field count differs from `#fields` is left to the table reader, which names its line.
TableText readZeekLog(std::string_view bytes, const QString &source);

} // namespace tideline
