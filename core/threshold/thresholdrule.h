#pragma once

#include "common/timeutil.h"

#include <QString>
#include <cstdint>

namespace tideline {

// How the analyst sets the threshold: a percentile of the training rows' scores, or the number
// of false alarms a day of normal traffic may raise. Both name a risk, the share of normal rows
// scoring above the threshold; rows of a known duration convert one into the other.
struct ThresholdRule
{
    enum class Kind : std::uint8_t { Percentile, FalseAlarmsPerDay };

    // Rows without a duration (a table numbered by row) cannot count alarms per day: there a
    // FalseAlarmsPerDay rule means this percentile.
    static constexpr double kPercentileWithoutDuration = 99.0;

    Kind kind = Kind::FalseAlarmsPerDay;
    double value = 1.0; // the percentile in [0, 100], or alarms per day ≥ 0

    static ThresholdRule percentile(double percentile);
    static ThresholdRule falseAlarmsPerDay(double alarms);

    // The share of normal rows above the threshold, in [0, 1], for rows `rowDuration` long
    // (0: unknown).
    double risk(TimeNs rowDuration) const;
    double percentileFor(TimeNs rowDuration) const { return 100.0 * (1.0 - risk(rowDuration)); }
    // Expected false alarms per day of normal traffic; NaN without a duration.
    double falseAlarmsPerDayFor(TimeNs rowDuration) const;
    // "1 false alarm per day (99.9988th percentile)" or "99th percentile (86.4 false alarms
    // per day)"; the percentile alone without a duration.
    QString describe(TimeNs rowDuration) const;

    bool operator==(const ThresholdRule &) const = default;
};

// Everything that turns cached scores into flagged rows and intervals.
struct ThresholdSettings
{
    // Where an interval's hold level sits by default: a row keeps an open interval going
    // while it scores above 19 in 20 normal rows.
    static constexpr double kDefaultHoldPercentile = 95.0;

    ThresholdRule rule; // where an interval opens; one false alarm per day by default
    double holdPercentile = kDefaultHoldPercentile; // of the training scores; ≥ rule: no hold
    int gap = 1; // flagged rows at most this many rows apart merge

    bool operator==(const ThresholdSettings &) const = default;
};

// Alarms per day for a risk, or the risk for alarms per day; NaN without a duration.
double falseAlarmsPerDay(double risk, TimeNs rowDuration);
double riskForFalseAlarms(double alarmsPerDay, TimeNs rowDuration);

// "99th", "99.99th", "42nd"
QString ordinalPercentile(double percentile);

} // namespace tideline
