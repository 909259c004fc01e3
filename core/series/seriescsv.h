#pragma once

#include "common/series.h"

#include <QString>
#include <optional>

namespace tideline {

// Writes a series as CSV (RFC 4180): `start` (ISO 8601 UTC with milliseconds, or the row
// number for tables without time), `has_data`, then one column per feature; `label` last when
// the input had labels. Written atomically: on failure returns the reason and leaves any
// earlier file intact. An empty `path` or "-" writes to standard output.
std::optional<QString> writeSeriesCsv(const Series &series, const QString &path);

} // namespace tideline
