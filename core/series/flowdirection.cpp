#include "flowdirection.h"

#include "series/traffic.h"

#include <algorithm>
#include <array>

namespace tideline {

namespace {

// Registered (≥ 1024) ports that are services, not a client's ephemeral port: the ones
// reflection attacks use and the common server ports.
constexpr std::array<std::uint16_t, 22> kRegisteredServices = {
    1194, 1433, 1434, 1521, 1701, 1812, 1900, 2049, 3283, 3306,  3389,
    3478, 3702, 5060, 5353, 5432, 5683, 6379, 8080, 8443, 11211, 27017};

} // namespace

bool isServicePort(std::uint16_t port)
{
    return (port > 0 && port < 1024) ||
           std::binary_search(kRegisteredServices.begin(), kRegisteredServices.end(), port);
}

FlowDirection directionOf(const Flow &flow)
{
    FlowDirection direction;
    direction.initiator = flow.client;
    direction.responder = flow.server;
    direction.initiatorPackets = flow.packetsFromClient;
    direction.responderPackets = flow.packets - flow.packetsFromClient;
    const bool hasPorts = (flow.protocol == ipproto::Tcp || flow.protocol == ipproto::Udp) &&
                          (flow.clientPort != 0 || flow.serverPort != 0);
    if (!hasPorts)
        return direction;
    direction.initiatorPort = flow.clientPort;
    direction.responderPort = flow.serverPort;
    const std::uint32_t udp = flow.protocol == ipproto::Udp ? traffic::kUdpPortBit : 0u;
    if (isServicePort(flow.clientPort) && !isServicePort(flow.serverPort)) {
        direction.service = flow.clientPort | udp;
        if (direction.responderPackets > 0) {
            std::swap(direction.initiator, direction.responder);
            std::swap(direction.initiatorPort, direction.responderPort);
            std::swap(direction.initiatorPackets, direction.responderPackets);
        } else {
            direction.serviceAtInitiator = true;
        }
    } else {
        direction.service = flow.serverPort | udp;
    }
    return direction;
}

} // namespace tideline
