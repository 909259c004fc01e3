#pragma once

#include "common/series.h"
#include "investigation/anomaly.h"

namespace tideline {

// The anomaly of rows first..last (inclusive) of `series`: its times (or row numbers), and
// packets and bytes summed from columns of those names when the series has them. Scores are
// the caller's; a capture's actors, kind and summary come from IntervalDescriber
// (investigation/intervaldescriber.h). Investigation builds every anomaly through these two.
Anomaly describeRows(const Series &series, qsizetype first, qsizetype last);

} // namespace tideline
