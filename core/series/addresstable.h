#pragma once

#include "capture/packet.h"

#include <absl/container/flat_hash_map.h>
#include <array>
#include <cstdint>
#include <cstring>
#include <utility>
#include <vector>

namespace tideline {

// An address's 16 bytes as two 64-bit words: comparing and hashing them as keys is then a
// handful of integer operations.
using AddressWords = std::array<std::uint64_t, 2>;

inline AddressWords addressWords(const IpAddress &address)
{
    AddressWords words;
    std::memcpy(words.data(), address.bytes.data(), sizeof words);
    return words;
}

// Gives every address seen a small dense id, so tallies and flows hold 4 bytes per address
// instead of 17 and the per-key arrays of the binner can be indexed by it.
class AddressTable
{
public:
    std::uint32_t intern(const IpAddress &address);
    std::vector<IpAddress> takeAddresses();

private:
    // Keyed by the words and the version (an IPv4 address and the IPv6 address starting with
    // the same four bytes, then zeros, are different addresses).
    absl::flat_hash_map<std::pair<AddressWords, std::uint8_t>, std::uint32_t> m_ids;
    std::vector<IpAddress> m_addresses; // by id
};

} // namespace tideline
