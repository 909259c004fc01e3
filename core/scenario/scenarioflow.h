#pragma once

#include "capture/packet.h"
#include "scenario/packetbuilder.h"

#include <memory>
#include <span>

namespace tideline {

class PortableRandom;
class ScenarioNetwork;

// One side of a conversation as the capture point sees it: a party beyond the router has the
// router's MAC and the TTL left after its hops, and answers only a round trip later.
struct Endpoint
{
    IpAddress address;
    MacAddress mac{};
    std::uint16_t port = 0;
    std::uint8_t ttl = 64;
    bool nearCapture = true;
    bool windows = false; // a Windows stack: TTL 128, no TCP timestamps, other ping payload
    std::uint16_t window = 502;
    std::uint32_t clockOffset = 0; // TCP timestamp clock of this host, in ms
};

class ScenarioFlow;

// What a flow can do while it handles an event: draw numbers, build and emit a frame, start
// other flows.
class FlowContext
{
public:
    virtual ~FlowContext() = default;
    virtual PortableRandom &random() = 0;
    virtual const ScenarioNetwork &network() const = 0;
    virtual PacketBuilder &builder() = 0;
    virtual void emitFrame(TimeNs time, int owner, std::span<const std::uint8_t> frame) = 0;
    virtual void spawn(std::unique_ptr<ScenarioFlow> flow) = 0;
};

// Anything in the scenario that happens over time: a connection, a DNS lookup, an attack, or the
// process that starts new connections. The generator keeps flows in a queue by the time of their
// next event, so packets come out in time order while only live flows take memory.
class ScenarioFlow
{
public:
    // The owner is the index of the scripted anomaly the flow belongs to, or kBackground.
    static constexpr int kBackground = -1;

    explicit ScenarioFlow(int owner)
        : m_owner(owner)
    {}
    virtual ~ScenarioFlow() = default;

    int owner() const { return m_owner; }
    virtual bool finished() const = 0;
    // Time of the next event; only asked while !finished().
    virtual TimeNs time() const = 0;
    // Handles that event (usually: emits one frame) and moves on to the next.
    virtual void step(FlowContext &context) = 0;
    // How many frames the flow emits in all, for pacing arrivals to a packet rate (-1: unknown).
    virtual qint64 plannedPackets() const { return -1; }

private:
    int m_owner;
};

} // namespace tideline
