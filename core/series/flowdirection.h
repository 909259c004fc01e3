#pragma once

#include "series/flowtable.h"

#include <cstdint>
#include <optional>

namespace tideline {

// Which end of a flow is the sender and which port is the service, for "who did it" questions:
// the flow table only knows whose packet it saw first.
//
// The end seen first is the initiator, except when it sends from a service port to an
// ephemeral one and the other end answers: the capture began in mid-conversation, and the
// other end is the client. When it sends from a service port and nobody answers (reflected
// replies, backscatter), it stays the sender, and its own port is the service.
struct FlowDirection
{
    std::uint32_t initiator = 0; // address ids
    std::uint32_t responder = 0;
    std::uint16_t initiatorPort = 0; // 0 for flows without ports
    std::uint16_t responderPort = 0;
    std::uint64_t initiatorPackets = 0;
    std::uint64_t responderPackets = 0;
    // A key of traffic::Dimension::DestinationPort (the port, kUdpPortBit for UDP); absent for
    // flows without ports.
    std::optional<std::uint32_t> service;
    bool serviceAtInitiator = false; // replies whose requests the capture does not hold
};

FlowDirection directionOf(const Flow &flow);

// Well-known ports (below 1024) and the registered ones servers commonly listen on.
bool isServicePort(std::uint16_t port);

} // namespace tideline
