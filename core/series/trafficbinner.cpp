#include "trafficbinner.h"

#include "series/binwidth.h"

#include <algorithm>

namespace tideline {

using namespace traffic;

namespace {

constexpr qint64 kNoBin = std::numeric_limits<qint64>::min();

qint64 floorDiv(qint64 a, qint64 b)
{
    const qint64 q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

bool isWebPort(std::uint16_t port)
{
    return port == 80 || port == 443 || port == 8080;
}

void mergeTallies(std::vector<Tally> &into, const std::vector<Tally> &from,
                  std::unordered_map<std::uint32_t, std::uint32_t> &keySlots)
{
    if (keySlots.empty()) {
        for (std::uint32_t i = 0; i < into.size(); ++i)
            keySlots.emplace(into[i].key, i);
    }
    for (const Tally &tally : from) {
        const auto [it, added] = keySlots.try_emplace(tally.key, std::uint32_t(into.size()));
        if (added) {
            into.push_back(tally);
        } else {
            into[it->second].packets += tally.packets;
            into[it->second].bytes += tally.bytes;
        }
    }
}

} // namespace

TrafficBinner::TrafficBinner(TimeNs requestedWidth, std::size_t binBudget)
    : m_base(requestedWidth > 0 ? binwidth::finestBaseFor(requestedWidth)
                                : binwidth::baseWidths().front())
    , m_coarsestBase(requestedWidth > 0 ? binwidth::coarsestBaseFor(requestedWidth)
                                        : binwidth::baseWidths().back())
    , m_binBudget(binBudget)
{
    if (m_coarsestBase == 0)
        m_coarsestBase = m_base;
}

std::uint32_t TrafficBinner::intern(const IpAddress &address)
{
    const auto [it, added] = m_addressIds.try_emplace(address, std::uint32_t(m_addresses.size()));
    if (added)
        m_addresses.push_back(address);
    return it->second;
}

BaseBin &TrafficBinner::binAt(TimeNs time)
{
    const qint64 index = floorDiv(time, m_base);
    if (m_current && m_current->index == index)
        return *m_current;

    const auto found = m_binPosition.find(index);
    if (found != m_binPosition.end()) {
        // Coming back to a bin we left: its keys' fast-path keySlots may point elsewhere.
        m_reentered.try_emplace(index);
        m_current = &m_bins[found->second];
        return *m_current;
    }
    if (m_bins.size() >= m_binBudget && m_base < m_coarsestBase) {
        coarsen();
        return binAt(time);
    }
    m_binPosition.emplace(index, m_bins.size());
    m_current = &m_bins.emplace_back();
    m_current->index = index;
    return *m_current;
}

void TrafficBinner::tally(BaseBin &bin, Dimension dimension, std::uint32_t key, std::uint32_t bytes)
{
    const auto d = std::size_t(dimension);
    std::vector<qint64> &lastBin = m_lastBin[d];
    std::vector<std::uint32_t> &slot = m_slot[d];
    if (key >= lastBin.size()) {
        const std::size_t size = std::max<std::size_t>(key + 1, lastBin.size() * 2);
        lastBin.resize(size, kNoBin);
        slot.resize(size, 0);
    }
    std::vector<Tally> &tallies = bin.tallies[d];
    if (lastBin[key] != bin.index) {
        std::uint32_t position = std::uint32_t(tallies.size());
        const auto reentered = m_reentered.find(bin.index);
        if (reentered != m_reentered.end()) {
            auto &keySlots = reentered->second[d];
            if (keySlots.empty()) {
                for (std::uint32_t i = 0; i < tallies.size(); ++i)
                    keySlots.emplace(tallies[i].key, i);
            }
            position = keySlots.try_emplace(key, position).first->second;
        }
        if (position == tallies.size())
            tallies.push_back({key, 0, 0});
        lastBin[key] = bin.index;
        slot[key] = position;
    }
    Tally &entry = tallies[slot[key]];
    entry.packets += 1;
    entry.bytes += bytes;
}

void TrafficBinner::addPacket(const Packet &packet)
{
    m_first = std::min(m_first, packet.time);
    m_last = std::max(m_last, packet.time);

    BaseBin &bin = binAt(packet.time);
    auto &c = bin.counters;
    const std::uint32_t bytes = packet.wireLength;
    c[Packets] += 1;
    c[Bytes] += bytes;

    std::uint32_t protocolKey = kNonIp;
    if (packet.decode == Packet::Decode::Undecoded) {
        protocolKey = kUndecoded;
        c[Undecoded] += 1;
    } else if (packet.decode == Packet::Decode::Malformed) {
        protocolKey = kMalformed;
        c[Malformed] += 1;
    } else if (packet.network != Packet::Network::None) {
        protocolKey = packet.protocol;
    }

    switch (protocolKey) {
    case ipproto::Tcp:
        c[PacketsTcp] += 1;
        c[BytesTcp] += bytes;
        if (packet.hasPorts &&
            (isWebPort(packet.sourcePort) || isWebPort(packet.destinationPort))) {
            c[PacketsWeb] += 1;
            c[BytesWeb] += bytes;
        }
        if ((packet.tcpFlags & tcpflag::Syn) && !(packet.tcpFlags & tcpflag::Ack))
            c[SynNoAck] += 1;
        break;
    case ipproto::Udp:
        c[PacketsUdp] += 1;
        c[BytesUdp] += bytes;
        break;
    case ipproto::Icmp:
    case ipproto::Icmpv6:
        c[PacketsIcmp] += 1;
        c[BytesIcmp] += bytes;
        break;
    default:
        c[PacketsOther] += 1;
        c[BytesOther] += bytes;
        break;
    }
    tally(bin, Dimension::Protocol, protocolKey, bytes);

    if (packet.network == Packet::Network::None || !packet.source.isValid())
        return;
    const std::uint32_t source = intern(packet.source);
    const std::uint32_t destination = intern(packet.destination);
    tally(bin, Dimension::Source, source, bytes);
    tally(bin, Dimension::Destination, destination, bytes);
    if (packet.hasPorts && (packet.protocol == ipproto::Tcp || packet.protocol == ipproto::Udp)) {
        const std::uint32_t portKey =
            packet.destinationPort | (packet.protocol == ipproto::Udp ? kUdpPortBit : 0u);
        tally(bin, Dimension::DestinationPort, portKey, bytes);
    }
    m_flows.add(packet, source, destination);
}

void TrafficBinner::coarsen()
{
    const auto bases = binwidth::baseWidths();
    const auto next = std::upper_bound(bases.begin(), bases.end(), m_base);
    const TimeNs coarser = next == bases.end() ? m_base : *next;
    const qint64 factor = coarser / m_base;

    std::deque<BaseBin> merged;
    std::unordered_map<qint64, std::size_t> positions;
    std::unordered_map<qint64, SlotIndex> keySlots;
    for (BaseBin &bin : m_bins) {
        const qint64 index = floorDiv(bin.index, factor);
        const auto [it, added] = positions.try_emplace(index, merged.size());
        if (added) {
            bin.index = index;
            merged.push_back(std::move(bin));
            continue;
        }
        BaseBin &into = merged[it->second];
        for (std::size_t c = 0; c < CounterCount; ++c)
            into.counters[c] += bin.counters[c];
        for (std::size_t d = 0; d < std::size_t(kDimensionCount); ++d)
            mergeTallies(into.tallies[d], bin.tallies[d], keySlots[index][d]);
    }

    m_base = coarser;
    m_bins = std::move(merged);
    m_binPosition = std::move(positions);
    m_current = nullptr;
    // Every merged bin now holds keys whose fast-path keySlots are stale.
    for (auto &lastBin : m_lastBin)
        std::fill(lastBin.begin(), lastBin.end(), kNoBin);
    m_reentered.clear();
    for (const BaseBin &bin : m_bins)
        m_reentered.try_emplace(bin.index);
}

Traffic TrafficBinner::finish()
{
    std::vector<BaseBin> bins(std::make_move_iterator(m_bins.begin()),
                              std::make_move_iterator(m_bins.end()));
    std::sort(bins.begin(), bins.end(),
              [](const BaseBin &a, const BaseBin &b) { return a.index < b.index; });
    m_bins.clear();
    m_binPosition.clear();
    m_reentered.clear();
    m_current = nullptr;
    const bool any = !bins.empty();
    return Traffic(m_base, std::move(bins), m_flows.takeFlows(), std::move(m_addresses),
                   any ? m_first : 0, any ? m_last : 0);
}

} // namespace tideline
