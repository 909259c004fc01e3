#pragma once

#include "scenario/scenariogenerator.h"

#include <memory>
#include <vector>

namespace tideline {

class ScenarioFlow;
class PortableRandom;
class ScenarioNetwork;

// An anomaly to plant: its truth entry (counts still zero) and the flow that makes it.
struct ScriptedAnomaly
{
    ScenarioAnomaly truth;
    std::unique_ptr<ScenarioFlow> flow;
};

// The attacks, at fixed fractions of the capture so they scale with --duration, with
// intensities relative to the background rate so they scale with --rate: a port scan, a SYN
// flood, a long slow exfiltration (which a packet-count threshold does not see) and a UDP
// amplification burst. With `attackSeconds` > 0 the scan, flood and amplification start at the
// same fractions but last that long (at most their share); `intensity` multiplies their rates.
// Flow owners are their indexes in the returned list.
std::vector<ScriptedAnomaly> scriptAnomalies(PortableRandom &random, const ScenarioNetwork &network,
                                             TimeNs start, TimeNs duration, double ratePps,
                                             double attackSeconds, double intensity);

} // namespace tideline
