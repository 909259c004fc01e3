#pragma once

#include "common/diagnostic.h"
#include "evaluate/truth.h"

#include <QString>
#include <QStringList>
#include <optional>
#include <vector>

namespace tideline {

// The Numenta Anomaly Benchmark's labels/combined_windows.json: per data file
// ("realKnownCause/nyc_taxi.csv") the windows in which an anomaly is labelled, as
// ["2014-10-30 15:30:00.000000", "2014-11-03 22:30:00.000000"] pairs (an empty list: none).
// `series` names the file whose windows are read: a key, a path ending in one, a file name
// ("nyc_taxi.csv", "nyc_taxi") or a file named after one ("nyc_taxi.anomalies.csv"). A file
// that names no key, or more than one, is an error that lists the keys.
std::optional<std::vector<TruthInterval>> readNabWindows(const QString &path, const QString &series,
                                                         Diagnostics &diagnostics);

// The key of `keys` that `series` names (the rules above); empty when none or several do, with
// `ambiguous` set when several do.
QString nabKeyFor(const QStringList &keys, const QString &series, bool *ambiguous = nullptr);

} // namespace tideline
