#include "packetbuilder.h"

#include "scenario/bigendian.h"

#include <algorithm>
#include <cstring>

namespace tideline {

namespace {

constexpr std::size_t kMinimumFrame = 60;

// One's-complement sum of big-endian 16-bit words (RFC 1071), not yet folded.
std::uint64_t sumWords(const std::uint8_t *data, std::size_t length, std::uint64_t sum = 0)
{
    std::size_t i = 0;
    for (; i + 1 < length; i += 2)
        sum += std::uint32_t(data[i] << 8 | data[i + 1]);
    if (i < length)
        sum += std::uint32_t(data[i] << 8);
    return sum;
}

std::uint16_t fold(std::uint64_t sum)
{
    while (sum >> 16)
        sum = (sum & 0xffff) + (sum >> 16);
    return std::uint16_t(~sum);
}

} // namespace

std::size_t tcpHeaderLength(TcpOptions options)
{
    switch (options) {
    case TcpOptions::None:
        return 20;
    case TcpOptions::Mss:
        return 24;
    case TcpOptions::SynLinux:
        return 40;
    case TcpOptions::SynWindows:
    case TcpOptions::Timestamps:
        return 32;
    }
    return 20;
}

std::uint8_t *PacketBuilder::grow(std::size_t length)
{
    length = std::min(length, kCapacity - m_size);
    std::uint8_t *p = m_buffer.data() + m_size;
    m_size += length;
    return p;
}

void PacketBuilder::begin(const LinkHeader &link, const IpAddress &source,
                          const IpAddress &destination, std::uint8_t protocol, std::uint8_t ttl,
                          std::uint32_t ipId)
{
    m_size = 0;
    m_version = source.version == 6 ? 6 : 4;
    m_protocol = protocol;
    std::uint8_t *eth = grow(12);
    std::memcpy(eth, link.destination.data(), 6);
    std::memcpy(eth + 6, link.source.data(), 6);
    if (link.vlan != 0) {
        std::uint8_t *tag = grow(4);
        put16(tag, 0x8100);
        put16(tag + 2, link.vlan & 0x0fff);
    }
    put16(grow(2), m_version == 6 ? 0x86dd : 0x0800);
    m_ipOffset = m_size;
    if (m_version == 4) {
        std::uint8_t *ip = grow(20);
        std::memset(ip, 0, 20);
        ip[0] = 0x45;
        put16(ip + 4, ipId & 0xffff);
        // Stacks set "don't fragment" on TCP and ping; DNS and NTP over UDP usually not.
        if (protocol != ipproto::Udp)
            ip[6] = 0x40;
        ip[8] = ttl;
        ip[9] = protocol;
        std::memcpy(ip + 12, source.bytes.data(), 4);
        std::memcpy(ip + 16, destination.bytes.data(), 4);
    } else {
        std::uint8_t *ip = grow(40);
        put32(ip, 0x60000000u | (ipId & 0xfffff));
        put16(ip + 4, 0);
        ip[6] = protocol;
        ip[7] = ttl;
        std::memcpy(ip + 8, source.bytes.data(), 16);
        std::memcpy(ip + 24, destination.bytes.data(), 16);
    }
    m_l4Offset = m_size;
}

void PacketBuilder::tcp(const TcpHeader &h)
{
    const std::size_t length = tcpHeaderLength(h.options);
    std::uint8_t *p = grow(length);
    std::memset(p, 0, length);
    put16(p, h.sourcePort);
    put16(p + 2, h.destinationPort);
    put32(p + 4, h.seq);
    put32(p + 8, h.ack);
    p[12] = std::uint8_t((length / 4) << 4);
    p[13] = h.flags;
    put16(p + 14, h.window);
    std::uint8_t *o = p + 20;
    auto mss = [&] {
        o[0] = 2;
        o[1] = 4;
        put16(o + 2, h.mss);
        o += 4;
    };
    auto timestamps = [&] {
        o[0] = 8;
        o[1] = 10;
        put32(o + 2, h.tsValue);
        put32(o + 6, h.tsEcho);
        o += 10;
    };
    auto nop = [&] { *o++ = 1; };
    auto windowScale = [&] {
        o[0] = 3;
        o[1] = 3;
        o[2] = h.windowScale;
        o += 3;
    };
    auto sackPermitted = [&] {
        o[0] = 4;
        o[1] = 2;
        o += 2;
    };
    switch (h.options) {
    case TcpOptions::None:
        break;
    case TcpOptions::Mss:
        mss();
        break;
    case TcpOptions::SynLinux:
        mss();
        sackPermitted();
        timestamps();
        nop();
        windowScale();
        break;
    case TcpOptions::SynWindows:
        mss();
        nop();
        windowScale();
        nop();
        nop();
        sackPermitted();
        break;
    case TcpOptions::Timestamps:
        nop();
        nop();
        timestamps();
        break;
    }
}

void PacketBuilder::udp(std::uint16_t sourcePort, std::uint16_t destinationPort)
{
    std::uint8_t *p = grow(8);
    std::memset(p, 0, 8);
    put16(p, sourcePort);
    put16(p + 2, destinationPort);
}

void PacketBuilder::icmpEcho(bool reply, std::uint16_t identifier, std::uint16_t sequence)
{
    std::uint8_t *p = grow(8);
    if (m_version == 6)
        p[0] = reply ? 129 : 128;
    else
        p[0] = reply ? 0 : 8;
    p[1] = 0;
    put16(p + 2, 0);
    put16(p + 4, identifier);
    put16(p + 6, sequence);
}

std::span<std::uint8_t> PacketBuilder::payload(std::size_t length)
{
    std::uint8_t *p = grow(length);
    return {p, std::size_t(m_buffer.data() + m_size - p)};
}

std::span<const std::uint8_t> PacketBuilder::finish()
{
    std::uint8_t *ip = m_buffer.data() + m_ipOffset;
    std::uint8_t *l4 = m_buffer.data() + m_l4Offset;
    const std::size_t l4Length = m_size - m_l4Offset;
    std::uint64_t pseudo = 0;
    if (m_version == 4) {
        put16(ip + 2, std::uint32_t(m_size - m_ipOffset));
        put16(ip + 10, fold(sumWords(ip, 20)));
        pseudo = sumWords(ip + 12, 8, m_protocol + l4Length);
    } else {
        put16(ip + 4, std::uint32_t(l4Length));
        pseudo = sumWords(ip + 8, 32, m_protocol + l4Length);
    }
    switch (m_protocol) {
    case ipproto::Tcp:
        put16(l4 + 16, fold(sumWords(l4, l4Length, pseudo)));
        break;
    case ipproto::Udp: {
        put16(l4 + 4, std::uint32_t(l4Length));
        const std::uint16_t sum = fold(sumWords(l4, l4Length, pseudo));
        put16(l4 + 6, sum == 0 ? 0xffff : sum); // 0 would mean "no checksum"
        break;
    }
    case ipproto::Icmp:
        put16(l4 + 2, fold(sumWords(l4, l4Length)));
        break;
    case ipproto::Icmpv6:
        put16(l4 + 2, fold(sumWords(l4, l4Length, pseudo)));
        break;
    default:
        break;
    }
    if (m_size < kMinimumFrame) {
        std::memset(m_buffer.data() + m_size, 0, kMinimumFrame - m_size);
        m_size = kMinimumFrame;
    }
    return {m_buffer.data(), m_size};
}

} // namespace tideline
