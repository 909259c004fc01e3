#pragma once

#include "investigation/anomaly.h"
#include "series/traffic.h"
#include "threshold/detectionrun.h"

#include <vector>

namespace tideline {

// The result's intervals as anomalies: times from the series (or row numbers), packets and
// bytes summed from columns of those names when present. Top source and destination port need
// the per-bin breakdowns, which the caller adds.
std::vector<Anomaly> toAnomalies(const Series &series, const DetectionResult &result);

// Fills what the bins know about an anomalous interval: exact packets and bytes, the top
// source and the top destination port.
void describeAnomaly(const Traffic &traffic, Anomaly &anomaly);

} // namespace tideline
