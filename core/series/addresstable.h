#pragma once

#include "capture/packet.h"
#include "common/hugepageallocator.h"

#include <absl/container/flat_hash_map.h>
#include <compare>
#include <cstdint>
#include <cstring>
#include <utility>
#include <vector>

namespace tideline {

// An address's 16 bytes as two 64-bit words: comparing and hashing them as keys is then a
// handful of integer operations.
struct AddressWords
{
    std::uint64_t first = 0;
    std::uint64_t second = 0;

    friend auto operator<=>(const AddressWords &, const AddressWords &) = default;
    template <typename H> friend H AbslHashValue(H state, const AddressWords &words)
    {
        return H::combine(std::move(state), words.first, words.second);
    }
};

inline AddressWords addressWords(const IpAddress &address)
{
    AddressWords words;
    std::memcpy(&words.first, address.bytes.data(), sizeof words.first);
    std::memcpy(&words.second, address.bytes.data() + sizeof words.first, sizeof words.second);
    return words;
}

// An IPv4 address's four bytes as one word.
inline std::uint32_t ipv4Word(const IpAddress &address)
{
    std::uint32_t word = 0;
    std::memcpy(&word, address.bytes.data(), sizeof word);
    return word;
}

// Gives every address seen a small dense id, so tallies and flows hold 4 bytes per address
// instead of 17 and the per-key arrays of the binner can be indexed by it.
class AddressTable
{
public:
    std::uint32_t intern(const IpAddress &address);
    std::vector<IpAddress> takeAddresses();

private:
    // IPv4 and IPv6 addresses in separate maps: an IPv4 address and the IPv6 address starting
    // with the same four bytes, then zeros, are different addresses, and IPv4 keys are small.
    template <typename Key>
    using Ids = absl::flat_hash_map<Key, std::uint32_t, absl::Hash<Key>, std::equal_to<Key>,
                                    HugePageAllocator<std::pair<const Key, std::uint32_t>>>;
    Ids<std::uint32_t> m_ipv4;
    Ids<AddressWords> m_ipv6;
    std::vector<IpAddress> m_addresses; // by id
};

} // namespace tideline
