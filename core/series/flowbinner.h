#pragma once

#include "common/series.h"
#include "records/tablereader.h"

#include <QStringList>
#include <string_view>
#include <vector>

namespace tideline {

// The width captures would get (binwidth::autoWidth over the active time, silences counted up
// to a minute), never finer than the times' resolution (whole minutes in CICFlowMeter's
// "3/7/2017 8:55").
TimeNs chooseBinWidth(const std::vector<TimeNs> &times);

// Turns a table of flows (NFStream, CICFlowMeter) or packets (Wireshark) into time bins by
// start time: flows, packets, bytes, per-protocol and web packets/bytes, SYNs, distinct
// sources, destinations and destination ports — whatever the columns allow, under the names
// captures use. Bins start at multiples of the width. Empty bins are zero traffic, except that
// an empty stretch of at least binwidth::gapThreshold() (a minute, or 64 bins) becomes one row
// with hasData = false, as for captures: a table spanning years stays small.
// `width` 0 chooses one. Problems worth telling (empty counts read as 0) go to `warnings`; a
// width that would make more than binwidth::kMaxBins rows sets `error` and gives an empty
// series.
Series binRecords(const Table &table, TimeNs width, QStringList &warnings, QString &error);

} // namespace tideline
