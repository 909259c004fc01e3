#pragma once

#include "scenario/scenariogenerator.h"

namespace tideline {

// Where the truth file of a generated capture goes: OUT.pcap → OUT.truth.csv.
QString truthPathFor(const QString &capturePath);

// Writes the anomalies as CSV (`start,end,kind,description`, ISO 8601 UTC with milliseconds,
// RFC 4180 quoting), atomically. An error names the file and the reason.
std::optional<Diagnostic> writeTruthFile(const QString &path,
                                         const std::vector<ScenarioAnomaly> &anomalies);

} // namespace tideline
