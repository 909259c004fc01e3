#pragma once

#include "common/series.h"
#include "records/tableoptions.h"
#include "records/tablereader.h"

#include <QStringList>

namespace tideline {

// Turns a read table into the Series detectors and charts use:
// - aggregate / metrics: one series row per table row at the row's time, in time order (rows
//   out of order are sorted, with a warning, so no interval ends before it starts; rows at
//   the same time keep file order); binWidth = the spacing when it is regular — one score row
//   per input row, always;
// - nfstream / cicflowmeter with a time / wireshark: records summed into time bins
//   (flowbinner.h);
// - untimed and flows without a time: Axis::Row, one series row per table row.
// Numeric columns become features (Count when every value is a whole number ≥ 0, else Gauge);
// ground truth, identifiers and the time are never features. Things worth telling (times that
// go backwards, empty values read as 0) go to `warnings`; a bin width too fine for the span
// sets `error`.
Series tableToSeries(const Table &table, const TableOptions &options, QStringList &warnings,
                     QString &error);

} // namespace tideline
