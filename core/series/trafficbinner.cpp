#include "trafficbinner.h"

#include "trafficfeature.h"

namespace tideline {

TrafficBinner::TrafficBinner(TimeNs requestedWidth, std::size_t binBudget, Threads threads)
    : m_bins(requestedWidth, binBudget)
{
    if (threads == Threads::Two) {
        m_worker.emplace([this](std::span<const CountedPacket> batch) {
            for (const CountedPacket &packet : batch)
                add(packet);
        });
    }
}

CountedPacket TrafficBinner::count(const Packet &packet)
{
    CountedPacket counted;
    counted.time = packet.time;
    counted.bytes = packet.wireLength;
    if (packet.decode == Packet::Decode::Undecoded)
        counted.protocol = traffic::kUndecoded;
    else if (packet.decode == Packet::Decode::Malformed)
        counted.protocol = traffic::kMalformed;
    else if (packet.network != Packet::Network::None)
        counted.protocol = packet.protocol;

    if (counted.protocol == ipproto::Tcp) {
        counted.web =
            packet.hasPorts && (isWebPort(packet.sourcePort) || isWebPort(packet.destinationPort));
        counted.synWithoutAck =
            (packet.tcpFlags & tcpflag::Syn) && !(packet.tcpFlags & tcpflag::Ack);
    }
    if (packet.network == Packet::Network::None || !packet.source.isValid())
        return counted;
    counted.flow = m_flows.assign(packet, m_addresses);
    counted.ipProtocol = packet.protocol;
    counted.tcpFlags = packet.tcpFlags;
    if (packet.hasPorts) {
        counted.sourcePort = packet.sourcePort;
        counted.destinationPort = packet.destinationPort;
    }
    if (packet.hasPorts && (packet.protocol == ipproto::Tcp || packet.protocol == ipproto::Udp)) {
        counted.port =
            packet.destinationPort | (packet.protocol == ipproto::Udp ? traffic::kUdpPortBit : 0u);
    }
    return counted;
}

void TrafficBinner::add(const CountedPacket &packet)
{
    std::optional<Endpoints> endpoints;
    if (packet.flow.index != CountedPacket::kNone)
        endpoints = m_flowRecords.add(packet);
    m_bins.add(packet, endpoints);
}

void TrafficBinner::addPacket(const Packet &packet)
{
    if (m_worker)
        m_worker->add(count(packet));
    else
        add(count(packet));
}

Traffic TrafficBinner::finish()
{
    if (m_worker)
        m_worker->finish();
    BinCounter::Result bins = m_bins.finish();
    return Traffic(bins.baseWidth, std::move(bins.bins), std::move(bins.tallies),
                   m_flowRecords.take(), m_addresses.takeAddresses(), bins.first, bins.last);
}

} // namespace tideline
