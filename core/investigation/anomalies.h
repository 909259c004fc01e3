#pragma once

#include "investigation/anomaly.h"
#include "series/traffic.h"
#include "threshold/detectionrun.h"

namespace tideline {

// The anomaly of rows first..last (inclusive) of `series`: its times (or row numbers), packets
// and bytes — exact from the capture's bins, with the top source and destination port, when
// there is `traffic`; else summed from columns of those names when the series has them. The
// scores are the caller's. Every anomaly is described here (through Investigation).
Anomaly describeRows(const Series &series, const Traffic *traffic, qsizetype first, qsizetype last);

} // namespace tideline
