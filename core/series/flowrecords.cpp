#include "flowrecords.h"

#include <algorithm>

namespace tideline {

void FlowRecords::add(const CountedPacket &packet)
{
    if (packet.startsFlow) { // flows start in the order the table numbered them
        Flow &flow = m_flows.emplace_back();
        flow.client = packet.source;
        flow.server = packet.destination;
        flow.clientPort = packet.sourcePort;
        flow.serverPort = packet.destinationPort;
        flow.protocol = packet.ipProtocol;
        flow.first = flow.last = packet.time;
    }
    Flow &flow = m_flows[packet.flow];
    flow.first = std::min(flow.first, packet.time);
    flow.last = std::max(flow.last, packet.time);
    flow.packets += 1;
    flow.bytes += packet.bytes;
    flow.tcpFlags |= packet.tcpFlags;
    flow.packetsFromClient += packet.fromClient;
}

} // namespace tideline
