#include "flowtable.h"

#include <algorithm>
#include <cstring>
#include <tuple>

namespace tideline {

FlowEndpoints FlowTable::add(const Packet &packet, AddressTable &addresses)
{
    const std::uint16_t sourcePort = packet.hasPorts ? packet.sourcePort : 0;
    const std::uint16_t destinationPort = packet.hasPorts ? packet.destinationPort : 0;
    const AddressWords source = addressWords(packet.source);
    const AddressWords destination = addressWords(packet.destination);
    const bool sourceIsLow = std::tie(source, sourcePort) <= std::tie(destination, destinationPort);

    Key key;
    key.protocol = packet.protocol;
    key.version = packet.source.version;
    if (sourceIsLow) {
        key.low = source;
        key.high = destination;
        key.lowPort = sourcePort;
        key.highPort = destinationPort;
    } else {
        key.low = destination;
        key.high = source;
        key.lowPort = destinationPort;
        key.highPort = sourcePort;
    }

    const auto [it, added] = m_index.try_emplace(key);
    // A new 5-tuple, or one idle too long: a new conversation.
    if (added || packet.time - m_flows[it->second.flow].last > kIdleTimeout)
        it->second = start(packet, sourceIsLow, addresses);
    const Entry entry = it->second;

    Flow &flow = m_flows[entry.flow];
    const bool fromClient = sourceIsLow == entry.clientIsLow;
    flow.first = std::min(flow.first, packet.time);
    flow.last = std::max(flow.last, packet.time);
    flow.packets += 1;
    flow.bytes += packet.wireLength;
    flow.tcpFlags |= packet.tcpFlags;
    flow.packetsFromClient += fromClient;
    return fromClient ? FlowEndpoints{flow.client, flow.server}
                      : FlowEndpoints{flow.server, flow.client};
}

FlowTable::Entry FlowTable::start(const Packet &packet, bool sourceIsLow, AddressTable &addresses)
{
    const Entry entry{std::uint32_t(m_flows.size()), sourceIsLow};
    Flow &flow = m_flows.emplace_back();
    flow.client = addresses.intern(packet.source);
    flow.server = addresses.intern(packet.destination);
    flow.clientPort = packet.hasPorts ? packet.sourcePort : 0;
    flow.serverPort = packet.hasPorts ? packet.destinationPort : 0;
    flow.protocol = packet.protocol;
    flow.first = flow.last = packet.time;
    return entry;
}

std::vector<Flow> FlowTable::takeFlows()
{
    m_index.clear();
    return std::move(m_flows);
}

} // namespace tideline
