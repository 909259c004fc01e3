#pragma once

#include <QString>
#include <limits>
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

// The times readers accept: 1678-01-01 to 2262-02-28 UTC. A TimeNs reaches from 1677-09-21 to
// 2262-04-11: this leaves room for the widest bin (30 days) at either end.
constexpr TimeNs kEarliestTime = -qint64(106650) * 86400 * kNsPerSecond;
constexpr TimeNs kLatestTime = qint64(106710) * 86400 * kNsPerSecond - 1;

// `later` - `earlier`, saturated to the range of TimeNs. Two times within 1678–2262 can lie up
// to 584 years apart, twice what a TimeNs holds, so every subtraction of two times goes through
// here: a span that long reads as about 292 years instead of overflowing.
constexpr TimeNs timeBetween(TimeNs earlier, TimeNs later)
{
    TimeNs difference = 0;
    if (__builtin_sub_overflow(later, earlier, &difference))
        return later > earlier ? std::numeric_limits<TimeNs>::max()
                               : std::numeric_limits<TimeNs>::min();
    return difference;
}

// `time` + `duration`, saturated to the range of TimeNs (the end of a bin in 2262).
constexpr TimeNs timeAfter(TimeNs time, TimeNs duration)
{
    TimeNs sum = 0;
    if (__builtin_add_overflow(time, duration, &sum))
        return duration > 0 ? std::numeric_limits<TimeNs>::max()
                            : std::numeric_limits<TimeNs>::min();
    return sum;
}

// The system clock now: the time a live capture's packets are stamped with.
TimeNs wallClock();

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
