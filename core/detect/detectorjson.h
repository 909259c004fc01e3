#pragma once

#include "detect/detectorregistry.h"

#include <QJsonObject>

namespace tideline {

// One detector as `tideline detectors --json` and GET /api/detectors list it: name,
// description, scaling, supervised, and its parameters with their types, defaults and ranges.
QJsonObject detectorJson(const DetectorInfo &info);

} // namespace tideline
