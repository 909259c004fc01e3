#pragma once

#include "common/series.h"

#include <cstdint>

namespace tideline {

// Every feature binned traffic can have, one name each, for captures (Traffic) and flow tables
// (the flow binner) alike. Captures have all but Flows and SynPackets; LargestUpload only they
// have: of the connections open during a bin, the largest net upload — the bytes the end that
// spoke first sent beyond those it received, over the whole connection. A slow exfiltration
// adds little to any bin's bytes but is one connection uploading megabytes.
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
    LargestUpload,
};
inline constexpr std::size_t kTrafficFeatureCount = 20;

// "packets", "bytes_tcp", … with the feature's kind (a count, or a gauge for the mean size).
FeatureInfo trafficFeatureInfo(TrafficFeature feature);

// Whether a feature of this name looks ahead: its value in a row depends on rows after it
// (LargestUpload counts a connection's whole upload from its first row on). Detectors use such
// a feature only when it is named: it is not what a bin held, online detectors would learn of
// rows they have not reached, and live bins cannot know it.
bool looksAhead(QStringView featureName);

// TCP to or from these ports is web traffic: 80, 443 and 8080.
bool isWebPort(std::uint32_t port);

} // namespace tideline
