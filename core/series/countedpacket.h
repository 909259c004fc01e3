#pragma once

#include "common/timeutil.h"
#include "series/flowtable.h"
#include "series/traffic.h"

#include <cstdint>
#include <limits>

namespace tideline {

// What the flow records and the bins need of one packet, worked out with the flow table on
// the reading thread: the packet's keys and kinds, and its flow's place instead of its
// addresses (a flow's first packet also brings the flow's address ids).
struct CountedPacket
{
    static constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

    TimeNs time = 0;
    std::uint32_t bytes = 0;                  // on the wire
    std::uint32_t protocol = traffic::kNonIp; // its key in Dimension::Protocol
    std::uint32_t port = kNone; // its key in Dimension::DestinationPort; kNone without one
    FlowAssignment flow{kNone}; // flow.index is kNone for a packet without a flow
    // With a flow: what its record is made of when it starts, and adds up.
    std::uint16_t sourcePort = 0;
    std::uint16_t destinationPort = 0;
    std::uint8_t ipProtocol = 0;
    std::uint8_t tcpFlags = 0;
    bool web = false; // TCP to or from port 80, 443 or 8080
    bool synWithoutAck = false;
};

} // namespace tideline
