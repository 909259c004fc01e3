#include "flowtable.h"

#include <algorithm>
#include <tuple>

namespace tideline {

std::size_t FlowTable::KeyHash::operator()(const Key &key) const noexcept
{
    std::uint64_t a = (std::uint64_t(key.low) << 32) | key.high;
    std::uint64_t b =
        (std::uint64_t(key.lowPort) << 24) | (std::uint64_t(key.highPort) << 8) | key.protocol;
    // splitmix64-style finaliser over the two words.
    std::uint64_t h = a * 0x9e3779b97f4a7c15ull ^ (b + 0x632be59bd9b4e5d9ull);
    h ^= h >> 31;
    h *= 0xbf58476d1ce4e5b9ull;
    h ^= h >> 29;
    return std::size_t(h);
}

void FlowTable::add(const Packet &packet, std::uint32_t source, std::uint32_t destination)
{
    const std::uint16_t sourcePort = packet.hasPorts ? packet.sourcePort : 0;
    const std::uint16_t destinationPort = packet.hasPorts ? packet.destinationPort : 0;
    Key key;
    if (std::tie(source, sourcePort) <= std::tie(destination, destinationPort)) {
        key = {source, destination, sourcePort, destinationPort, packet.protocol};
    } else {
        key = {destination, source, destinationPort, sourcePort, packet.protocol};
    }

    std::uint32_t index = m_lastFlow;
    if (index == UINT32_MAX || !(key == m_lastKey)) {
        const auto found = m_index.find(key);
        index = found == m_index.end() ? UINT32_MAX : found->second;
    }
    if (index != UINT32_MAX && packet.time - m_flows[index].last > kIdleTimeout)
        index = UINT32_MAX; // idle too long: a new conversation on the same 5-tuple

    if (index == UINT32_MAX) {
        index = std::uint32_t(m_flows.size());
        Flow &flow = m_flows.emplace_back();
        flow.client = source;
        flow.server = destination;
        flow.clientPort = sourcePort;
        flow.serverPort = destinationPort;
        flow.protocol = packet.protocol;
        flow.first = flow.last = packet.time;
        m_index.insert_or_assign(key, index);
    }
    m_lastKey = key;
    m_lastFlow = index;

    Flow &flow = m_flows[index];
    flow.first = std::min(flow.first, packet.time);
    flow.last = std::max(flow.last, packet.time);
    flow.packets += 1;
    flow.bytes += packet.wireLength;
    flow.tcpFlags |= packet.tcpFlags;
    if (source == flow.client && sourcePort == flow.clientPort)
        flow.packetsFromClient += 1;
}

std::vector<Flow> FlowTable::takeFlows()
{
    m_index.clear();
    m_lastFlow = UINT32_MAX;
    return std::move(m_flows);
}

} // namespace tideline
