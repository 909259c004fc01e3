#include "trafficfeature.h"

#include <array>

namespace tideline {

FeatureInfo trafficFeatureInfo(TrafficFeature feature)
{
    static constexpr std::array<const char *, kTrafficFeatureCount> kNames{
        "flows",
        "packets",
        "bytes",
        "packets_tcp",
        "bytes_tcp",
        "packets_udp",
        "bytes_udp",
        "packets_icmp",
        "bytes_icmp",
        "packets_other",
        "bytes_other",
        "packets_web",
        "bytes_web",
        "syn_no_ack",
        "syn_packets",
        "distinct_sources",
        "distinct_destinations",
        "distinct_destination_ports",
        "mean_packet_size",
        "largest_upload"};
    return {QString::fromLatin1(kNames[std::size_t(feature)]),
            feature == TrafficFeature::MeanPacketSize ? FeatureKind::Gauge : FeatureKind::Count};
}

bool looksAhead(QStringView featureName)
{
    return featureName == trafficFeatureInfo(TrafficFeature::LargestUpload).name;
}

bool isWebPort(std::uint32_t port)
{
    return port == 80 || port == 443 || port == 8080;
}

} // namespace tideline
