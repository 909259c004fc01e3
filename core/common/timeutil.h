#pragma once

#include <QString>
#include <optional>

namespace tideline {

// Times in the core are nanoseconds since the Unix epoch, UTC, in a qint64
// (covers 1678–2262, enough for every capture timestamp libpcap can hand us).
using TimeNs = qint64;

constexpr TimeNs kNsPerUs = 1000;
constexpr TimeNs kNsPerMs = 1000 * kNsPerUs;
constexpr TimeNs kNsPerSecond = 1000 * kNsPerMs;

// Division rounding towards minus infinity: the bin of a time before 1970 is below zero too.
constexpr qint64 floorDiv(qint64 a, qint64 b)
{
    const qint64 q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

// ISO 8601 UTC with milliseconds: 2024-01-31T12:00:00.250Z
QString formatIsoUtc(TimeNs t);
// The same text, kIsoUtcLength characters written at `out`; returns the end.
constexpr int kIsoUtcLength = 24;
char *writeIsoUtc(TimeNs t, char *out);

// Accepts ISO 8601 date-times with or without fraction and zone ('Z' or ±hh:mm; none means
// UTC), with 'T' or a space between date and time.
std::optional<TimeNs> parseIsoUtc(QStringView text);

// "100ms", "1s", "10s", "1m", "5min", "1h", "1d", "250us", "2.5s" → nanoseconds.
std::optional<TimeNs> parseDuration(QStringView text);

// The shortest of those forms that says exactly `ns` ("1s", "100ms", "1m").
QString formatDuration(TimeNs ns);

} // namespace tideline
