#pragma once

#include "common/timeutil.h"

#include <QString>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace tideline {

// How a table's time column is written. Parsing works on the raw bytes of a field so a
// million-row table does not build a million QStrings.
enum class TimeFormat : std::uint8_t {
    None,
    UnixSeconds, // numbers since 1970, unit told apart by magnitude (or by a _ms/_us/_ns name)
    UnixMillis,
    UnixMicros,
    UnixNanos,
    RelativeSeconds, // small numbers (before 1973 as epoch seconds): seconds from the start
    Iso,             // 2024-01-31T12:00:00.250Z, 2014-04-01 00:05:00 (NAB), ±hh:mm offsets
    DayMonthYear,    // 3/7/2017 8:55, 03/07/2017 08:55:58 AM (CICFlowMeter)
    MonthDayYear,    // the same with the month first, when a day > 12 proves it
    TimeOfDay,       // 08:55:58.123 (Wireshark "time of day"): from midnight, no date
};

// Machine name for summaries: "unix_s", "unix_ms", "iso8601", "day_month_year", …
QString timeFormatName(TimeFormat format);

// True for formats whose values are offsets from an unknown start, not dates.
bool isRelative(TimeFormat format);

// The format that reads more than half of the non-empty samples (the rest are bad rows), or
// None. `nameHint` is the column's normalised header ("bidirectional first seen ms") and fixes
// the unit of numbers when it ends in a unit.
TimeFormat detectTimeFormat(const std::vector<std::string_view> &samples,
                            std::string_view nameHint = {});

// A time of `format` within kEarliestTime..kLatestTime, else nullopt.
std::optional<TimeNs> parseTime(std::string_view text, TimeFormat format);

// Whether `text` is a time of `format` that lies outside kEarliestTime..kLatestTime.
bool outOfRangeTime(std::string_view text, TimeFormat format);

// The format detectTimeFormat() would find if times outside kEarliestTime..kLatestTime could be
// held, when it finds none: a column of times Tideline cannot represent. None otherwise.
TimeFormat outOfRangeTimeFormat(const std::vector<std::string_view> &samples,
                                std::string_view nameHint = {});

// ISO 8601 as parseIsoUtc() reads it (same forms and results; fractions may also have more
// than nine digits), from bytes.
std::optional<TimeNs> parseIsoBytes(std::string_view text);

} // namespace tideline
