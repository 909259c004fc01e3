#pragma once

#include "common/csvtimes.h"
#include "common/diagnostic.h"
#include "common/series.h"
#include "common/timeutil.h"

#include <QString>
#include <optional>
#include <vector>

namespace tideline {

// A stretch of time (or of row numbers) known to hold an anomaly: the generator's truth file,
// or a run of rows labelled as attacks.
struct TruthInterval
{
    TimeNs start = 0; // [start, end)
    TimeNs end = 0;
    QString kind;
    QString description;
};

// Reads truth from a CSV: `start,end[,kind[,description]]` intervals with ISO 8601 times (or
// row numbers), or a per-row table with a label column (label, is_anomaly, attack_cat, class,
// anomaly) and a time column (timestamp, time, ts, datetime; without one rows are numbered
// from 0), whose runs of positive rows become intervals. A table without a header is read when
// the table loader knows it (NSL-KDD: its class column). Bad rows are reported as errors.
// `timeForm`, when given and still empty, is set to whether the times are row numbers.
std::optional<std::vector<TruthInterval>> readTruthCsv(const QString &path,
                                                       Diagnostics &diagnostics,
                                                       std::optional<CsvTimes> *timeForm = nullptr);

// Truth from any file Tideline reads as truth: NAB's combined_windows.json (a .json file; the
// windows of the series `series` names, see readNabWindows()) or a CSV (readTruthCsv()).
std::optional<std::vector<TruthInterval>>
readTruthFile(const QString &path, const QString &series, Diagnostics &diagnostics,
              std::optional<CsvTimes> *timeForm = nullptr);

// The truth file that goes with the input at `inputPath`, or an empty string when there is
// none: FILE.truth.csv beside FILE.EXT (as `tideline generate` writes it), or FILE.EXT.truth.csv.
QString truthFileBeside(const QString &inputPath);

// The truth a series' own label column gives: each run of rows with the same attack label
// (see isAttackLabel()) is an interval named by that label ("attack" for a number such as 1).
// Rows without data break runs. Empty when the series has no labels.
std::vector<TruthInterval> truthFromLabels(const Series &series);

// Whether [aStart, aEnd) and [bStart, bEnd) share a moment; an empty interval is its start's
// nanosecond (one row of a table without times).
bool overlaps(TimeNs aStart, TimeNs aEnd, TimeNs bStart, TimeNs bEnd);

// The intervals of `truth` that [start, end) overlaps, in the order `truth` has them.
std::vector<std::size_t> overlappingTruth(const std::vector<TruthInterval> &truth, TimeNs start,
                                          TimeNs end);

// Runs of consecutive positive rows (times ascending) → intervals ending where the next row
// starts (or 1 after the last row's time).
std::vector<TruthInterval> intervalsFromLabels(const std::vector<TimeNs> &times,
                                               const std::vector<bool> &positive);

// Per row: does its timestamp fall inside some interval?
std::vector<bool> rowsInIntervals(const std::vector<TimeNs> &times,
                                  const std::vector<TruthInterval> &intervals);

} // namespace tideline
