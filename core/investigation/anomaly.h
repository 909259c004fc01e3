#pragma once

#include "common/timeutil.h"

#include <QString>
#include <optional>

namespace tideline {

// One anomalous interval as the analyst sees it, exports it and marks it: the single definition
// behind `detect`'s anomalies CSV, the GUI's table and the case file.
struct Anomaly
{
    TimeNs start = 0; // [start, end): times, or row numbers for inputs without a time column
    TimeNs end = 0;
    double peakScore = 0.0;
    double meanScore = 0.0;
    double threshold = 0.0;
    QString detector;
    std::optional<qint64> packets; // absent for inputs that have no packet or byte columns
    std::optional<qint64> bytes;
    QString topSource;
    std::optional<int> topDestinationPort;
    QString label; // the analyst's verdict ("attack", "false positive", …)
    QString note;
    bool marked = false; // chosen for export in the GUI; not a CSV column

    double durationSeconds() const
    {
        return double(timeBetween(start, end)) / double(kNsPerSecond);
    }
};

} // namespace tideline
