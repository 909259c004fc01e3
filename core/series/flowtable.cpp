#include "flowtable.h"

#include <algorithm>
#include <tuple>

namespace tideline {

FlowAssignment FlowTable::assign(const Packet &packet, AddressTable &addresses)
{
    if (packet.source.version == 4) {
        return assign(m_ipv4,
                      orderedKey(ipv4Word(packet.source), ipv4Word(packet.destination), packet),
                      packet, addresses);
    }
    return assign(m_ipv6,
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
FlowAssignment FlowTable::assign(Index<Address> &index, const OrderedKey<Address> &ordered,
                                 const Packet &packet, AddressTable &addresses)
{
    const auto &[key, sourceIsLow] = ordered;
    const auto [it, added] = index.try_emplace(key);
    Entry &entry = it->second;
    // A new 5-tuple, or one idle too long: a new conversation.
    if (added || timeBetween(entry.last, packet.time) > kIdleTimeout) {
        entry = {m_flowCount++, sourceIsLow, packet.time};
        return {entry.flow, true, true, addresses.intern(packet.source),
                addresses.intern(packet.destination)};
    }
    entry.last = std::max(entry.last, packet.time);
    return {entry.flow, sourceIsLow == entry.clientIsLow, false};
}

} // namespace tideline
