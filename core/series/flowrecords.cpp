#include "flowrecords.h"

#include <algorithm>

namespace tideline {

Endpoints FlowRecords::add(const CountedPacket &packet)
{
    if (packet.flow.starts) { // flows start in the order the table numbered them
        Flow &flow = m_flows.emplace_back();
        flow.client = packet.flow.client;
        flow.server = packet.flow.server;
        flow.clientPort = packet.sourcePort;
        flow.serverPort = packet.destinationPort;
        flow.protocol = packet.ipProtocol;
        flow.first = flow.last = packet.time;
    }
    Flow &flow = m_flows[packet.flow.index];
    flow.first = std::min(flow.first, packet.time);
    flow.last = std::max(flow.last, packet.time);
    flow.packets += 1;
    flow.bytes += packet.bytes;
    flow.tcpFlags |= packet.tcpFlags;
    if (packet.flow.fromClient) {
        flow.packetsFromClient += 1;
        flow.bytesFromClient += packet.bytes;
        return {flow.client, flow.server};
    }
    return {flow.server, flow.client};
}

} // namespace tideline
