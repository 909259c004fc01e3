#pragma once

#include "capture/packet.h"

#include <cstdint>
#include <unordered_map>
#include <vector>

namespace tideline {

// One bidirectional conversation: the 5-tuple (addresses as ids into the address table), who
// spoke first, when, how much, and the union of TCP flags seen.
struct Flow
{
    std::uint32_t client = 0; // source address id of the first packet seen
    std::uint32_t server = 0;
    std::uint16_t clientPort = 0;
    std::uint16_t serverPort = 0;
    std::uint8_t protocol = 0;
    std::uint8_t tcpFlags = 0;
    TimeNs first = 0;
    TimeNs last = 0;
    std::uint64_t packets = 0;
    std::uint64_t bytes = 0;
    std::uint64_t packetsFromClient = 0;
};

// Bidirectional flows keyed by their 5-tuple. A flow idle for longer than kIdleTimeout ends;
// the next packet of the same 5-tuple starts a new flow, as NetFlow/NFStream exporters do.
class FlowTable
{
public:
    static constexpr TimeNs kIdleTimeout = 120 * kNsPerSecond;

    void add(const Packet &packet, std::uint32_t source, std::uint32_t destination);

    const std::vector<Flow> &flows() const { return m_flows; }
    std::vector<Flow> takeFlows();

private:
    struct Key
    {
        std::uint32_t low = 0;
        std::uint32_t high = 0;
        std::uint16_t lowPort = 0;
        std::uint16_t highPort = 0;
        std::uint8_t protocol = 0;
        friend bool operator==(const Key &, const Key &) = default;
    };
    struct KeyHash
    {
        std::size_t operator()(const Key &key) const noexcept;
    };

    std::vector<Flow> m_flows;
    std::unordered_map<Key, std::uint32_t, KeyHash> m_index;
    Key m_lastKey;
    std::uint32_t m_lastFlow = UINT32_MAX;
};

} // namespace tideline
