#pragma once

#include "common/series.h"

#include <cstdint>

namespace tideline {

// Every feature binned traffic can have, one name each, for captures (Traffic) and flow tables
// (the flow binner) alike. Captures have all but Flows and SynPackets.
enum class TrafficFeature : std::uint8_t {
    Flows,
    Packets,
    Bytes,
    PacketsTcp,
    BytesTcp,
    PacketsUdp,
    BytesUdp,
    PacketsIcmp,
    BytesIcmp,
    PacketsOther,
    BytesOther,
    PacketsWeb,
    BytesWeb,
    SynNoAck,
    SynPackets,
    Sources,
    Destinations,
    DestinationPorts,
    MeanPacketSize,
};
inline constexpr std::size_t kTrafficFeatureCount = 19;

// "packets", "bytes_tcp", … with the feature's kind (a count, or a gauge for the mean size).
FeatureInfo trafficFeatureInfo(TrafficFeature feature);

// TCP to or from these ports is web traffic: 80, 443 and 8080.
bool isWebPort(std::uint32_t port);

} // namespace tideline
