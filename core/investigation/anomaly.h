#pragma once

#include "common/timeutil.h"

#include <QString>
#include <QStringList>
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
    // The actors whose traffic changed most against the baseline, direction-aware (see
    // IntervalDescriber); empty or absent when the input cannot tell.
    QString topSource;
    std::optional<int> topDestinationPort;
    QString topDestination;
    QString label; // the analyst's verdict ("attack", "false positive", …)
    QString note;
    QString kind;    // an AnomalyKind identifier ("port_scan", …); empty: not described
    QString summary; // one line in plain English, as the CSV has it
    std::optional<qint64> distinctSources;
    std::optional<qint64> distinctDestinations;
    std::optional<qint64> distinctDestinationPorts;
    // Not CSV columns: the summary in the user's language (empty: `summary`), and what the rule
    // that chose the kind looked at.
    QString localSummary;
    QStringList evidence;
    bool marked = false; // chosen for export in the GUI; not a CSV column

    QString shownSummary() const { return localSummary.isEmpty() ? summary : localSummary; }

    double durationSeconds() const
    {
        return double(timeBetween(start, end)) / double(kNsPerSecond);
    }
};

} // namespace tideline
