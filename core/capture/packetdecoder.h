#pragma once

#include "capture/packet.h"
#include "common/timeutil.h"

#include <cstdint>

namespace tideline {

// Turns one captured frame into a Packet: link layer (Ethernet with VLAN/QinQ/MPLS/PPPoE tags,
// Linux cooked SLL/SLL2, raw IP, BSD loopback), IPv4/IPv6 (options, fragments, extension
// headers), then TCP/UDP ports and TCP flags. `linkType` is a DLT_ value as pcap_datalink()
// returns it. Reads only inside [data, data + capturedLength), allocates nothing and keeps no
// pointer into `data`, so it runs on libpcap's buffer as it is.
//
// `network` and the addresses are set only once a whole IP header was seen; a frame too short
// for a header it claims is Decode::Malformed and keeps what was decoded before that header.
Packet decodePacket(int linkType, const std::uint8_t *data, std::uint32_t capturedLength,
                    std::uint32_t wireLength, TimeNs time);

// Whether decodePacket() understands `linkType` (every frame of another type is Undecoded).
bool isDecodableLinkType(int linkType);

} // namespace tideline
