#pragma once

#include "capture/packet.h"

#include <array>
#include <cstdint>
#include <span>

namespace tideline {

using MacAddress = std::array<std::uint8_t, 6>;

// Ethernet addressing of one frame; a VLAN id of 0 means untagged.
struct LinkHeader
{
    MacAddress source{};
    MacAddress destination{};
    std::uint16_t vlan = 0;
};

// Which TCP options a segment carries, in the layouts real stacks send.
enum class TcpOptions : std::uint8_t {
    None,
    Mss,        // MSS alone (scanners)
    SynLinux,   // MSS, SACK permitted, timestamps, window scale
    SynWindows, // MSS, window scale, SACK permitted, no timestamps
    Timestamps, // NOP NOP timestamps, on every segment of a connection that negotiated them
};

struct TcpHeader
{
    std::uint16_t sourcePort = 0;
    std::uint16_t destinationPort = 0;
    std::uint32_t seq = 0;
    std::uint32_t ack = 0;
    std::uint8_t flags = 0;
    std::uint16_t window = 0;
    TcpOptions options = TcpOptions::None;
    std::uint16_t mss = 1460;
    std::uint8_t windowScale = 7;
    std::uint32_t tsValue = 0;
    std::uint32_t tsEcho = 0;
};

// Bytes of TCP header for these options (20 plus the options, padded to 32-bit words).
std::size_t tcpHeaderLength(TcpOptions options);

// Builds one frame at a time into its own buffer: Ethernet (optionally 802.1Q), IPv4 or IPv6,
// then TCP, UDP or ICMP echo, then the payload. finish() fills in lengths and checksums and pads
// the frame to Ethernet's 60-byte minimum.
class PacketBuilder
{
public:
    static constexpr std::size_t kCapacity = 1600;

    // The IP version follows the addresses; `ipId` is the IPv4 identification or the IPv6 flow
    // label.
    void begin(const LinkHeader &link, const IpAddress &source, const IpAddress &destination,
               std::uint8_t protocol, std::uint8_t ttl, std::uint32_t ipId);
    void tcp(const TcpHeader &header);
    void udp(std::uint16_t sourcePort, std::uint16_t destinationPort);
    // ICMP echo request / reply, or ICMPv6 for an IPv6 packet.
    void icmpEcho(bool reply, std::uint16_t identifier, std::uint16_t sequence);
    // Appends `length` payload bytes for the caller to fill; clamped to the buffer.
    std::span<std::uint8_t> payload(std::size_t length);
    std::span<const std::uint8_t> finish();

private:
    std::uint8_t *grow(std::size_t length);

    std::array<std::uint8_t, kCapacity> m_buffer{};
    std::size_t m_size = 0;
    std::size_t m_ipOffset = 0;
    std::size_t m_l4Offset = 0;
    std::uint8_t m_version = 4;
    std::uint8_t m_protocol = 0;
};

} // namespace tideline
