// libFuzzer target: bytes as one captured frame of every link type Tideline decodes. The first
// byte picks the link type, the second how much of the frame the capture kept (all of it, or
// cut short as a snapshot length cuts it); the rest is the frame.

#include "capture/packetdecoder.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <pcap/dlt.h>
#include <vector>

using namespace tideline;

namespace {

// The decodable types, the BSD/OS raw-IP value (14) libpcap hands over as is, and one type the
// decoder does not know (every frame of it must come back Undecoded).
constexpr std::array<int, 11> kLinkTypes{DLT_EN10MB, DLT_LINUX_SLL, DLT_LINUX_SLL2, DLT_RAW,
                                         14,         DLT_IPV4,      DLT_IPV6,       DLT_NULL,
                                         DLT_LOOP,   DLT_PPP,       DLT_IEEE802_11};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size < 2)
        return 0;
    const int linkType = kLinkTypes[data[0] % kLinkTypes.size()];
    const std::uint8_t cut = data[1];
    const std::uint8_t *frame = data + 2;
    const auto length = std::uint32_t(size - 2);
    // The decoder may read only [frame, frame + captured): a copy of exactly that size lets
    // AddressSanitizer see a read past it.
    const std::uint32_t captured = cut == 0 ? length : std::min<std::uint32_t>(length, cut);
    const std::vector<std::uint8_t> copy(frame, frame + captured);
    const Packet packet = decodePacket(linkType, copy.data(), captured, length, 1);
    if (!isDecodableLinkType(linkType) && packet.decode != Packet::Decode::Undecoded)
        __builtin_trap();
    if (packet.network == Packet::Network::None && packet.hasPorts)
        __builtin_trap(); // ports without an IP header
    (void)packet.source.toString();
    (void)packet.destination.toString();
    return 0;
}
