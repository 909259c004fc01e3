#pragma once

#include "common/timeutil.h"

#include <QString>
#include <cstdint>
#include <optional>

namespace tideline {

// How our CSV files write a position on the series' axis: ISO 8601 UTC times with
// milliseconds, or plain row numbers for inputs that have no time column.
enum class CsvTimes : std::uint8_t { Iso, RowNumbers };

QString formatCsvTime(TimeNs t, CsvTimes times);
// ISO 8601 (any form parseIsoUtc() takes) or a plain integer row number; `form`, when given,
// is set to which of the two it was.
std::optional<TimeNs> parseCsvTime(QStringView text, CsvTimes *form = nullptr);

} // namespace tideline
