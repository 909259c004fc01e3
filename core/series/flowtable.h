#pragma once

#include "capture/packet.h"
#include "common/chunkedlist.h"
#include "common/hugepageallocator.h"
#include "series/addresstable.h"

#include <absl/container/flat_hash_map.h>
#include <algorithm>
#include <cstdint>
#include <utility>
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
    std::uint64_t bytesFromClient = 0;
};

// What the end that spoke first sent beyond what it received; 0 when it received as much.
inline std::uint64_t netUpload(const Flow &flow)
{
    const std::uint64_t received = flow.bytes - std::min(flow.bytes, flow.bytesFromClient);
    return flow.bytesFromClient > received ? flow.bytesFromClient - received : 0;
}

// Flow records in order of their first packets, in chunks of 65,536 (3.5 MB).
using FlowList = ChunkedList<Flow, 16>;

// A packet's source and destination as address ids.
struct Endpoints
{
    std::uint32_t source = 0;
    std::uint32_t destination = 0;
};

// The flow one packet belongs to. Its endpoints' address ids come with the flow's first
// packet only; the flow's record holds them for the packets after it.
struct FlowAssignment
{
    std::uint32_t index = 0; // the flow's place in the FlowList
    bool fromClient = true;
    bool starts = false;      // the packet is the flow's first, and so from its client
    std::uint32_t client = 0; // address ids, when the packet starts the flow
    std::uint32_t server = 0;
};

// Finds each IP packet's bidirectional flow by its 5-tuple. A flow idle for longer than
// kIdleTimeout ends; the next packet of the same 5-tuple starts a new flow, as
// NetFlow/NFStream exporters do. The flow records themselves are FlowRecords' (which may
// live on another thread): the table keeps only what finding a flow takes.
//
// The index is keyed by the raw addresses, so a packet of a known flow costs one hash lookup;
// addresses are interned only when a flow starts. An entry keeps no more than finding the
// flow takes (32 bytes a slot with its IPv4 key), so more of the index stays in the cache.
class FlowTable
{
public:
    static constexpr TimeNs kIdleTimeout = 120 * kNsPerSecond;

    FlowAssignment assign(const Packet &packet, AddressTable &addresses);

private:
    // The 5-tuple with the endpoints in a fixed order (lower address and port first), so both
    // directions of a conversation find the same entry. IPv4 flows have a table of their
    // own with 4-byte addresses: a third of the size, so more of it stays in the cache.
    template <typename Address> struct Key
    {
        Address low{};
        Address high{};
        std::uint16_t lowPort = 0;
        std::uint16_t highPort = 0;
        std::uint8_t protocol = 0;

        friend bool operator==(const Key &, const Key &) = default;
        template <typename H> friend H AbslHashValue(H state, const Key &key)
        {
            return H::combine(std::move(state), key.low, key.high,
                              std::uint64_t(key.lowPort) << 24 | std::uint64_t(key.highPort) << 8 |
                                  key.protocol);
        }
    };
    struct Entry
    {
        std::uint32_t flow = 0;
        bool clientIsLow = true; // the first packet came from the key's low endpoint
        TimeNs last = 0;         // the flow's latest packet
    };
    template <typename Address>
    using Index = absl::flat_hash_map<Key<Address>, Entry, absl::Hash<Key<Address>>,
                                      std::equal_to<Key<Address>>,
                                      HugePageAllocator<std::pair<const Key<Address>, Entry>>>;

    template <typename Address> struct OrderedKey
    {
        Key<Address> key;
        bool sourceIsLow = true; // the packet's source is the key's low endpoint
    };

    template <typename Address>
    static OrderedKey<Address> orderedKey(const Address &source, const Address &destination,
                                          const Packet &packet);
    template <typename Address>
    FlowAssignment assign(Index<Address> &index, const OrderedKey<Address> &ordered,
                          const Packet &packet, AddressTable &addresses);

    std::uint32_t m_flowCount = 0;
    Index<std::uint32_t> m_ipv4;
    Index<AddressWords> m_ipv6;
};

} // namespace tideline
