#include "flowtable.h"

#include <algorithm>
#include <tuple>

namespace tideline {

FlowEndpoints FlowTable::add(const Packet &packet, AddressTable &addresses)
{
    if (packet.source.version == 4) {
        return add(m_ipv4,
                   orderedKey(ipv4Word(packet.source), ipv4Word(packet.destination), packet),
                   packet, addresses);
    }
    return add(m_ipv6,
               orderedKey(addressWords(packet.source), addressWords(packet.destination), packet),
               packet, addresses);
}

template <typename Address>
FlowTable::OrderedKey<Address>
FlowTable::orderedKey(const Address &source, const Address &destination, const Packet &packet)
{
    const std::uint16_t sourcePort = packet.hasPorts ? packet.sourcePort : 0;
    const std::uint16_t destinationPort = packet.hasPorts ? packet.destinationPort : 0;
    if (std::tie(source, sourcePort) <= std::tie(destination, destinationPort))
        return {{source, destination, sourcePort, destinationPort, packet.protocol}, true};
    return {{destination, source, destinationPort, sourcePort, packet.protocol}, false};
}

template <typename Address>
FlowEndpoints FlowTable::add(Index<Address> &index, const OrderedKey<Address> &ordered,
                             const Packet &packet, AddressTable &addresses)
{
    const auto &[key, sourceIsLow] = ordered;
    const auto [it, added] = index.try_emplace(key);
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

FlowList FlowTable::takeFlows()
{
    m_ipv4.clear();
    m_ipv6.clear();
    return std::move(m_flows);
}

} // namespace tideline
