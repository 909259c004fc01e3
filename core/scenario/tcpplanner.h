#pragma once

#include "scenario/tcpflow.h"

#include <limits>
#include <vector>

namespace tideline {

class PortableRandom;

// One request from the client and the server's answer (either may be empty).
struct TcpExchange
{
    TimeNs gapBefore = 0; // idle time after the previous exchange (or the handshake)
    std::uint32_t requestBytes = 0;
    std::uint32_t responseBytes = 0;
    TcpContent requestContent = TcpContent::Tls;
    TcpContent responseContent = TcpContent::Tls;
    TimeNs serverDelay = 0; // the server's think time before answering
};

// Everything that shapes a connection's packets: who, when, how far, how fast, what is said.
struct TcpConversation
{
    enum class Close : std::uint8_t { Fin, Reset, None };

    Endpoint client;
    Endpoint server;
    TimeNs start = 0;
    TimeNs rtt = 20 * kNsPerMs;
    double clientBitsPerSecond = 20e6;
    double serverBitsPerSecond = 50e6;
    std::vector<TcpExchange> exchanges;
    Close close = Close::Fin;
    TimeNs closeGap = 0;
    TimeNs deadline = std::numeric_limits<TimeNs>::max(); // steps at or after it are dropped
};

// Plans the handshake, the exchanges in MSS-sized segments paced by bandwidth with an ACK every
// second segment, and the teardown, as the capture point sees them; sorted by time.
std::vector<TcpStep> planTcp(PortableRandom &random, const TcpConversation &conversation);

// Payload bytes of a full segment between these two endpoints.
std::uint32_t segmentPayload(const TcpConversation &conversation);

} // namespace tideline
