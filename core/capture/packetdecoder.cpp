#include "packetdecoder.h"

#include <cstring>
#include <pcap/dlt.h>

namespace tideline {

namespace {

// libpcap maps the on-disk LINKTYPE_ values to these host DLT_ values; the BSD/OS raw-IP value
// and LINKTYPE_RAW itself can still reach us from files written elsewhere.
static_assert(DLT_RAW == 12 && DLT_LOOP == 108, "DLT values of Linux libpcap assumed");
constexpr int kDltRawBsdOs = 14;
constexpr int kLinktypeRaw = 101;

constexpr std::uint16_t kEtherTypeIpv4 = 0x0800;
constexpr std::uint16_t kEtherTypeIpv6 = 0x86dd;
constexpr std::uint16_t kEtherTypeVlan = 0x8100;     // 802.1Q
constexpr std::uint16_t kEtherTypeQinQ = 0x88a8;     // 802.1ad
constexpr std::uint16_t kEtherTypeQinQOld1 = 0x9100; // pre-standard QinQ
constexpr std::uint16_t kEtherTypeQinQOld2 = 0x9200;
constexpr std::uint16_t kEtherTypeMpls = 0x8847;
constexpr std::uint16_t kEtherTypeMplsMulticast = 0x8848;
constexpr std::uint16_t kEtherTypePppoeSession = 0x8864;
constexpr std::uint16_t kPppIpv4 = 0x0021;
constexpr std::uint16_t kPppIpv6 = 0x0057;
constexpr std::uint16_t kArphrdNetlink = 824; // SLL payload is a netlink message, not IP

// Address families of BSD loopback headers: AF_INET is 2 everywhere, AF_INET6 is not.
constexpr std::uint32_t kAfInet = 2;
constexpr std::uint32_t kAfInet6Linux = 10;
constexpr std::uint32_t kAfInet6Bsd = 24; // NetBSD, OpenBSD, BSD/OS
constexpr std::uint32_t kAfInet6FreeBsd = 28;
constexpr std::uint32_t kAfInet6Darwin = 30;

// Real packets carry a handful of IPv6 extension headers; a longer chain is an attack or junk.
constexpr int kMaxIpv6ExtensionHeaders = 16;

// No length limit from the IP header (TSO/GSO and jumbograms write 0 there).
constexpr std::uint32_t kUnknownLength = 0xffffffffu;

inline std::uint16_t be16(const std::uint8_t *p)
{
    return std::uint16_t((unsigned(p[0]) << 8) | p[1]);
}

inline std::uint32_t be32(const std::uint8_t *p)
{
    return (std::uint32_t(p[0]) << 24) | (std::uint32_t(p[1]) << 16) | (std::uint32_t(p[2]) << 8) |
           p[3];
}

inline std::uint32_t le32(const std::uint8_t *p)
{
    return (std::uint32_t(p[3]) << 24) | (std::uint32_t(p[2]) << 16) | (std::uint32_t(p[1]) << 8) |
           p[0];
}

inline void setAddress(IpAddress &address, const std::uint8_t *p, std::uint8_t version)
{
    std::memcpy(address.bytes.data(), p, version == 4 ? 4 : 16);
    address.version = version;
}

// `available` bytes are captured (and inside the IP payload); `declared` is what the IP header
// says the payload is, or kUnknownLength.
inline void decodeTransport(const std::uint8_t *p, std::uint32_t available, std::uint32_t declared,
                            Packet &packet)
{
    if (packet.protocol == ipproto::Tcp) {
        if (available < 20) {
            packet.decode = Packet::Decode::Malformed;
            return;
        }
        // Options past the snap length are fine (we never read them); a header longer than the
        // payload the IP header declares is not.
        const std::uint32_t headerLength = std::uint32_t(p[12] >> 4) * 4;
        if (headerLength < 20 || (declared != kUnknownLength && headerLength > declared)) {
            packet.decode = Packet::Decode::Malformed;
            return;
        }
        packet.sourcePort = be16(p);
        packet.destinationPort = be16(p + 2);
        packet.tcpFlags = p[13];
        packet.hasPorts = true;
    } else if (packet.protocol == ipproto::Udp) {
        if (available < 8) {
            packet.decode = Packet::Decode::Malformed;
            return;
        }
        packet.sourcePort = be16(p);
        packet.destinationPort = be16(p + 2);
        packet.hasPorts = true;
    }
}

void decodeIpv4(const std::uint8_t *p, std::uint32_t n, Packet &packet)
{
    if (n < 20 || (p[0] >> 4) != 4) {
        packet.decode = Packet::Decode::Malformed;
        return;
    }
    packet.network = Packet::Network::IPv4;
    setAddress(packet.source, p + 12, 4);
    setAddress(packet.destination, p + 16, 4);
    packet.protocol = p[9];

    const std::uint32_t headerLength = std::uint32_t(p[0] & 0x0f) * 4;
    const std::uint32_t totalLength = be16(p + 2);
    if (headerLength < 20 || headerLength > n || (totalLength != 0 && totalLength < headerLength)) {
        packet.decode = Packet::Decode::Malformed;
        return;
    }
    if ((be16(p + 6) & 0x1fff) != 0) { // fragment offset: only the first fragment has ports
        packet.fragment = true;
        return;
    }
    const std::uint32_t declared = totalLength == 0 ? kUnknownLength : totalLength - headerLength;
    const std::uint32_t captured = n - headerLength;
    decodeTransport(p + headerLength, captured < declared ? captured : declared, declared, packet);
}

void decodeIpv6(const std::uint8_t *p, std::uint32_t n, Packet &packet)
{
    if (n < 40 || (p[0] >> 4) != 6) {
        packet.decode = Packet::Decode::Malformed;
        return;
    }
    packet.network = Packet::Network::IPv6;
    setAddress(packet.source, p + 8, 6);
    setAddress(packet.destination, p + 24, 6);

    const std::uint32_t payloadLength = be16(p + 4);
    // Everything we may read ends at `end`: the capture or the declared payload, whichever is
    // shorter.
    const std::uint32_t end = payloadLength == 0 || 40 + payloadLength > n ? n : 40 + payloadLength;
    std::uint8_t next = p[6];
    std::uint32_t offset = 40;
    for (int i = 0; i <= kMaxIpv6ExtensionHeaders; ++i) {
        packet.protocol = next;
        std::uint32_t length = 0;
        switch (next) {
        case 0:   // hop-by-hop options
        case 43:  // routing
        case 60:  // destination options
        case 135: // mobility
        case 139: // HIP
        case 140: // shim6
            if (end - offset < 2)
                break;
            length = (std::uint32_t(p[offset + 1]) + 1) * 8;
            break;
        case 51: // authentication header counts in 4-byte words, minus 2
            if (end - offset < 2)
                break;
            length = (std::uint32_t(p[offset + 1]) + 2) * 4;
            break;
        case 44: // fragment
            if (end - offset < 8)
                break;
            if ((be16(p + offset + 2) & 0xfff8) != 0) { // not the first fragment
                packet.protocol = p[offset];
                packet.fragment = true;
                return;
            }
            length = 8;
            break;
        default: {
            const std::uint32_t declared =
                payloadLength == 0 ? kUnknownLength : 40 + payloadLength - offset;
            decodeTransport(p + offset, end - offset, declared, packet);
            return;
        }
        }
        if (length == 0 || length > end - offset) {
            packet.decode = Packet::Decode::Malformed;
            return;
        }
        next = p[offset];
        offset += length;
    }
    packet.decode = Packet::Decode::Malformed; // an extension-header chain no sender makes
}

// Raw IP: the version nibble says which.
void decodeIp(const std::uint8_t *p, std::uint32_t n, Packet &packet)
{
    if (n < 1) {
        packet.decode = Packet::Decode::Malformed;
        return;
    }
    switch (p[0] >> 4) {
    case 4:
        decodeIpv4(p, n, packet);
        break;
    case 6:
        decodeIpv6(p, n, packet);
        break;
    default:
        packet.decode = Packet::Decode::Malformed;
        break;
    }
}

// Follows VLAN tags (any depth), MPLS label stacks and PPPoE sessions down to IP. Other
// ethertypes (ARP, LLDP, 802.3 lengths…) are understood frames without IP.
void decodeEtherType(std::uint16_t type, const std::uint8_t *p, std::uint32_t n, Packet &packet)
{
    for (;;) {
        switch (type) {
        case kEtherTypeIpv4:
            decodeIpv4(p, n, packet);
            return;
        case kEtherTypeIpv6:
            decodeIpv6(p, n, packet);
            return;
        case kEtherTypeVlan:
        case kEtherTypeQinQ:
        case kEtherTypeQinQOld1:
        case kEtherTypeQinQOld2:
            if (n < 4) {
                packet.decode = Packet::Decode::Malformed;
                return;
            }
            type = be16(p + 2);
            p += 4;
            n -= 4;
            continue;
        case kEtherTypeMpls:
        case kEtherTypeMplsMulticast:
            for (bool bottom = false; !bottom; p += 4, n -= 4) {
                if (n < 4) {
                    packet.decode = Packet::Decode::Malformed;
                    return;
                }
                bottom = (p[2] & 0x01) != 0;
            }
            // No payload type in MPLS: IP is recognised by its version nibble; anything else
            // (pseudowires, control words) is an encapsulation we do not follow.
            if (n >= 1 && ((p[0] >> 4) == 4 || (p[0] >> 4) == 6))
                decodeIp(p, n, packet);
            else
                packet.decode = n < 1 ? Packet::Decode::Malformed : Packet::Decode::Undecoded;
            return;
        case kEtherTypePppoeSession:
            if (n < 8) {
                packet.decode = Packet::Decode::Malformed;
                return;
            }
            if (be16(p + 6) == kPppIpv4)
                decodeIpv4(p + 8, n - 8, packet);
            else if (be16(p + 6) == kPppIpv6)
                decodeIpv6(p + 8, n - 8, packet);
            return;
        default:
            return;
        }
    }
}

// BSD loopback: a 4-byte address family in the writer's byte order (DLT_NULL) or network order
// (DLT_LOOP); families are small numbers, so a value above 0xffff was read the wrong way round.
void decodeLoopback(const std::uint8_t *p, std::uint32_t n, Packet &packet)
{
    if (n < 4) {
        packet.decode = Packet::Decode::Malformed;
        return;
    }
    std::uint32_t family = le32(p);
    if (family > 0xffff)
        family = be32(p);
    switch (family) {
    case kAfInet:
        decodeIpv4(p + 4, n - 4, packet);
        break;
    case kAfInet6Linux:
    case kAfInet6Bsd:
    case kAfInet6FreeBsd:
    case kAfInet6Darwin:
        decodeIpv6(p + 4, n - 4, packet);
        break;
    default:
        break;
    }
}

// Linux cooked capture: SLL has the protocol at the end of a 16-byte header, SLL2 at the
// start of a 20-byte one; both carry the ARPHRD type of the interface.
void decodeCooked(const std::uint8_t *p, std::uint32_t n, std::uint32_t headerLength,
                  std::uint16_t protocol, std::uint16_t hardwareType, Packet &packet)
{
    if (hardwareType == kArphrdNetlink)
        return;
    decodeEtherType(protocol, p + headerLength, n - headerLength, packet);
}

} // namespace

bool isDecodableLinkType(int linkType)
{
    switch (linkType) {
    case DLT_EN10MB:
    case DLT_LINUX_SLL:
    case DLT_LINUX_SLL2:
    case DLT_RAW:
    case kDltRawBsdOs:
    case kLinktypeRaw:
    case DLT_IPV4:
    case DLT_IPV6:
    case DLT_NULL:
    case DLT_LOOP:
        return true;
    default:
        return false;
    }
}

// Flattened: with the header walk inlined into this one call per packet, bench_ingest's CPU
// ratio to the plain libpcap loop went from 0.84 to 0.90.
[[gnu::flatten]] Packet decodePacket(int linkType, const std::uint8_t *data,
                                     std::uint32_t capturedLength, std::uint32_t wireLength,
                                     TimeNs time)
{
    Packet packet;
    packet.time = time;
    packet.wireLength = wireLength;
    packet.capturedLength = capturedLength;
    packet.decode = Packet::Decode::Ok;
    const std::uint32_t n = capturedLength;

    switch (linkType) {
    case DLT_EN10MB:
        if (n < 14)
            packet.decode = Packet::Decode::Malformed;
        else
            decodeEtherType(be16(data + 12), data + 14, n - 14, packet);
        break;
    case DLT_LINUX_SLL:
        if (n < 16)
            packet.decode = Packet::Decode::Malformed;
        else
            decodeCooked(data, n, 16, be16(data + 14), be16(data + 2), packet);
        break;
    case DLT_LINUX_SLL2:
        if (n < 20)
            packet.decode = Packet::Decode::Malformed;
        else
            decodeCooked(data, n, 20, be16(data), be16(data + 8), packet);
        break;
    case DLT_RAW:
    case kDltRawBsdOs:
    case kLinktypeRaw:
        decodeIp(data, n, packet);
        break;
    case DLT_IPV4:
        decodeIpv4(data, n, packet);
        break;
    case DLT_IPV6:
        decodeIpv6(data, n, packet);
        break;
    case DLT_NULL:
    case DLT_LOOP:
        decodeLoopback(data, n, packet);
        break;
    default:
        packet.decode = Packet::Decode::Undecoded;
        break;
    }
    return packet;
}

} // namespace tideline
