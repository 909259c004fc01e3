#pragma once

#include "investigation/anomaly.h"
#include "threshold/detectionrun.h"

#include <vector>

namespace tideline {

// The result's intervals as anomalies: times from the series (or row numbers), packets and
// bytes summed from columns of those names when present. Actors, kind and summary need the
// per-bin breakdowns: IntervalDescriber (investigation/intervaldescriber.h) adds them.
std::vector<Anomaly> toAnomalies(const Series &series, const DetectionResult &result);

} // namespace tideline
