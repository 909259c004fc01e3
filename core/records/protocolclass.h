#pragma once

#include <cstdint>
#include <string_view>

namespace tideline {

// The transport family a table's protocol field belongs to, for per-protocol features.
enum class ProtocolClass : std::uint8_t { Tcp, Udp, Icmp, Other };

// Reads an IP protocol number ("6", "17") or a name: "tcp"/"TCP", and the highest-layer names
// Wireshark puts in its Protocol column ("HTTP", "TLSv1.2", "DNS", "QUIC"…), mapped to the
// transport they usually run on. Unknown names are Other.
ProtocolClass classifyProtocol(std::string_view text);

} // namespace tideline
