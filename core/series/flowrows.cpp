#include "flowrows.h"

#include <array>
#include <functional>

namespace tideline {

namespace {

double seconds(const Flow &flow)
{
    return double(flow.last - flow.first) / double(kNsPerSecond);
}

double backward(const Flow &flow)
{
    return double(flow.packets - flow.packetsFromClient);
}

// One quantity of a flow under one table's name for it.
struct Column
{
    const char *name;
    FeatureKind kind;
    std::function<double(const Flow &)> value;
};

const std::vector<Column> &columns()
{
    const auto duration = [](double unit) {
        return [unit](const Flow &f) { return seconds(f) * unit; };
    };
    const auto packets = [](const Flow &f) { return double(f.packets); };
    const auto forward = [](const Flow &f) { return double(f.packetsFromClient); };
    const auto clientPort = [](const Flow &f) { return double(f.clientPort); };
    const auto serverPort = [](const Flow &f) { return double(f.serverPort); };
    const auto protocol = [](const Flow &f) { return double(f.protocol); };
    static const std::vector<Column> all = {
        // NFStream
        {"bidirectional_duration_ms", FeatureKind::Gauge, duration(1e3)},
        {"bidirectional_packets", FeatureKind::Count, packets},
        {"bidirectional_bytes", FeatureKind::Count, [](const Flow &f) { return double(f.bytes); }},
        {"bidirectional_mean_ps", FeatureKind::Gauge,
         [](const Flow &f) { return f.packets > 0 ? double(f.bytes) / double(f.packets) : 0.0; }},
        {"src2dst_packets", FeatureKind::Count, forward},
        {"dst2src_packets", FeatureKind::Count, backward},
        {"src_port", FeatureKind::Gauge, clientPort},
        {"dst_port", FeatureKind::Gauge, serverPort},
        {"protocol", FeatureKind::Gauge, protocol},
        // CICFlowMeter
        {"Flow Duration", FeatureKind::Gauge, duration(1e6)},
        {"Total Fwd Packets", FeatureKind::Count, forward},
        {"Total Backward Packets", FeatureKind::Count, backward},
        {"Flow Packets/s", FeatureKind::Gauge,
         [](const Flow &f) { return seconds(f) > 0.0 ? double(f.packets) / seconds(f) : 0.0; }},
        {"Destination Port", FeatureKind::Gauge, serverPort},
        {"Protocol", FeatureKind::Gauge, protocol},
        // UNSW-NB15
        {"dur", FeatureKind::Gauge, duration(1.0)},
        {"spkts", FeatureKind::Count, forward},
        {"dpkts", FeatureKind::Count, backward},
        {"sport", FeatureKind::Gauge, clientPort},
        {"dsport", FeatureKind::Gauge, serverPort},
        // NSL-KDD
        {"duration", FeatureKind::Gauge, duration(1.0)},
    };
    return all;
}

// UNSW-NB15's and NSL-KDD's protocol names.
QString protocolName(std::uint8_t protocol)
{
    switch (protocol) {
    case ipproto::Tcp:
        return QStringLiteral("tcp");
    case ipproto::Udp:
        return QStringLiteral("udp");
    case ipproto::Icmp:
        return QStringLiteral("icmp");
    case ipproto::Icmpv6:
        return QStringLiteral("ipv6-icmp");
    default:
        return QString::number(protocol);
    }
}

// The protocol as the category columns of UNSW-NB15 (proto) and NSL-KDD (protocol_type).
std::vector<CategoryColumn> protocolCategories(const FlowList &flows)
{
    CategoryColumn proto;
    proto.name = QStringLiteral("proto");
    std::array<int, 256> code;
    code.fill(-1);
    proto.codes.reserve(flows.size());
    for (std::size_t f = 0; f < flows.size(); ++f) {
        const Flow &flow = flows[f];
        if (code[flow.protocol] < 0) {
            code[flow.protocol] = int(proto.values.size());
            proto.values << protocolName(flow.protocol);
        }
        proto.codes.push_back(std::uint32_t(code[flow.protocol]));
    }
    CategoryColumn protocolType = proto;
    protocolType.name = QStringLiteral("protocol_type");
    return {std::move(proto), std::move(protocolType)};
}

} // namespace

Series FlowRows::series(const Traffic &traffic, const QString &source)
{
    const FlowList &flows = traffic.flows();
    const std::vector<Column> &all = columns();
    Series series;
    series.source = source;
    series.axis = Series::Axis::Time;
    series.starts.reserve(flows.size());
    for (const Column &column : all)
        series.features.push_back({QString::fromUtf8(column.name), column.kind});
    series.values.resize(Eigen::Index(flows.size()), Eigen::Index(all.size()));
    for (std::size_t f = 0; f < flows.size(); ++f) {
        const Flow &flow = flows[f];
        series.starts.push_back(flow.first);
        for (std::size_t c = 0; c < all.size(); ++c)
            series.values(Eigen::Index(f), Eigen::Index(c)) = all[c].value(flow);
    }
    series.categories = protocolCategories(flows);
    return series;
}

QStringList FlowRows::names(const Traffic &traffic)
{
    QStringList names;
    const FlowList &flows = traffic.flows();
    for (std::size_t f = 0; f < flows.size(); ++f) {
        const Flow &flow = flows[f];
        const bool ports = flow.protocol == ipproto::Tcp || flow.protocol == ipproto::Udp;
        const QString client = traffic.addressText(flow.client);
        const QString server = traffic.addressText(flow.server);
        names << (ports ? QStringLiteral("%1:%2 → %3:%4 %5")
                              .arg(client)
                              .arg(flow.clientPort)
                              .arg(server)
                              .arg(flow.serverPort)
                              .arg(protocolName(flow.protocol))
                        : QStringLiteral("%1 → %2 %3")
                              .arg(client, server, protocolName(flow.protocol)));
    }
    return names;
}

QStringList FlowRows::columnNames()
{
    QStringList names;
    for (const Column &column : columns())
        names << QString::fromUtf8(column.name);
    return names + QStringList{QStringLiteral("proto"), QStringLiteral("protocol_type")};
}

} // namespace tideline
