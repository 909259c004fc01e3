#pragma once

#include "scenario/scenarioflow.h"

#include <array>
#include <vector>

namespace tideline {

// The background's packet rate over the capture, as a multiple of the mean: a day-shaped swell
// (±28%) with faster wiggles on top (up to ±15%).
class RateCurve
{
public:
    RateCurve(PortableRandom &random, TimeNs start, TimeNs duration);
    double at(TimeNs t) const;

private:
    TimeNs m_start;
    TimeNs m_duration;
    std::array<double, 3> m_phases{};
};

// Starts the flows of one background "activity" at `t`: a web connection with its DNS lookup,
// a lookup alone, an inbound connection to a local server, a ping, an NTP poll.
void spawnBackgroundActivity(PortableRandom &random, const ScenarioNetwork &network, TimeNs t,
                             std::vector<std::unique_ptr<ScenarioFlow>> &flows);

// Mean packets per activity, estimated once per network by sampling with a fixed seed, so the
// arrival rate can be set for a packet rate.
double meanActivityPackets(const ScenarioNetwork &network);

// Starts activities as a Poisson process whose rate follows the curve, so that the background
// averages `packetsPerSecond`.
class BackgroundSpawner : public ScenarioFlow
{
public:
    BackgroundSpawner(const RateCurve &curve, double packetsPerSecond, double packetsPerActivity,
                      TimeNs start);

    bool finished() const override { return false; }
    TimeNs time() const override { return m_time; }
    void step(FlowContext &context) override;

private:
    RateCurve m_curve;
    double m_activitiesPerSecond;
    TimeNs m_time;
    std::vector<std::unique_ptr<ScenarioFlow>> m_started;
};

} // namespace tideline
