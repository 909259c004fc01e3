#include "bincounter.h"

#include "common/binwidth.h"

#include <algorithm>

namespace tideline {

using namespace traffic;

BinCounter::BinCounter(TimeNs requestedWidth, std::size_t binBudget)
    : m_base(requestedWidth > 0 ? binwidth::finestBaseFor(requestedWidth)
                                : binwidth::baseWidths().front())
    , m_coarsestBase(requestedWidth > 0 ? binwidth::coarsestBaseFor(requestedWidth)
                                        : binwidth::baseWidths().back())
    , m_binBudget(binBudget)
{
    if (m_coarsestBase == 0)
        m_coarsestBase = m_base;
}

BaseBin &BinCounter::binAt(TimeNs time)
{
    const qint64 index = floorDiv(time, m_base);
    if (m_current != SIZE_MAX && m_bins[m_current].index == index)
        return m_bins[m_current];

    const auto found = m_binPosition.find(index);
    if (found != m_binPosition.end())
        return enter(found->second, true);
    if (m_bins.size() >= m_binBudget && m_base < m_coarsestBase) {
        const auto bases = binwidth::baseWidths();
        const TimeNs coarser = *std::upper_bound(bases.begin(), bases.end(), m_base);
        compact(coarser / m_base);
        m_base = coarser;
        return binAt(time);
    }
    m_binPosition.emplace(index, m_bins.size());
    BaseBin &bin = m_bins.emplace_back();
    bin.index = index;
    for (std::size_t d = 0; d < kDimensionCount; ++d)
        bin.first[d] = std::uint32_t(m_tallies[d].size());
    return enter(m_bins.size() - 1, false);
}

BaseBin &BinCounter::enter(std::size_t position, bool known)
{
    m_current = position;
    nextVisit();
    BaseBin &bin = m_bins[position];
    m_currentSlots = nullptr;
    if (known) {
        // Coming back to a bin left earlier: its range in the arenas is closed, so the keys
        // it has are found through a map, and keys it lacks go to the side list.
        const auto [it, added] = m_reentered.try_emplace(bin.index);
        if (added) {
            for (std::size_t d = 0; d < kDimensionCount; ++d) {
                for (std::uint32_t i = bin.first[d]; i < bin.first[d] + bin.count[d]; ++i)
                    it->second[d].emplace(m_tallies[d][i].key, i);
            }
        }
        m_currentSlots = &it->second;
    }
    return bin;
}

void BinCounter::nextVisit()
{
    if (++m_visit == 0) {
        // After 2^32 visits the numbers come round again: forget every mark so none of
        // them can be mistaken for the new visit.
        for (auto &byKey : m_lastSlot)
            std::fill(byKey.begin(), byKey.end(), LastSlot{});
        m_visit = 1;
    }
}

BinCounter::LastSlot &BinCounter::lastSlot(std::size_t dimension, std::uint32_t key)
{
    GrowingArray<LastSlot> &byKey = m_lastSlot[dimension];
    if (key >= byKey.size())
        byKey.resize(std::max<std::size_t>(key + 1, byKey.size() * 2));
    return byKey[key];
}

std::uint32_t BinCounter::place(std::size_t dimension, std::uint32_t key)
{
    BaseBin &bin = m_bins[m_current];
    if (!m_currentSlots) {
        const auto slot = std::uint32_t(m_tallies[dimension].size());
        m_tallies[dimension].push_back({key, 0, 0});
        ++bin.count[dimension];
        return slot;
    }
    const auto [it, added] = (*m_currentSlots)[dimension].try_emplace(key, 0u);
    if (added) {
        it->second = kLate | std::uint32_t(m_late[dimension].size());
        m_late[dimension].push_back({bin.index, {key, 0, 0}});
    }
    return it->second;
}

void BinCounter::tally(Dimension dimension, std::uint32_t key, std::uint32_t bytes)
{
    const auto d = std::size_t(dimension);
    LastSlot &last = lastSlot(d, key);
    if (last.visit != m_visit)
        last = {m_visit, place(d, key)};
    Tally &entry =
        (last.slot & kLate) ? m_late[d][last.slot & ~kLate].tally : m_tallies[d][last.slot];
    entry.packets += 1;
    entry.bytes += bytes;
}

void BinCounter::add(const CountedPacket &packet, std::optional<Endpoints> endpoints)
{
    m_first = std::min(m_first, packet.time);
    m_last = std::max(m_last, packet.time);

    auto &c = binAt(packet.time).counters;
    const std::uint32_t bytes = packet.bytes;
    c[Packets] += 1;
    c[Bytes] += bytes;
    switch (packet.protocol) {
    case ipproto::Tcp:
        c[PacketsTcp] += 1;
        c[BytesTcp] += bytes;
        if (packet.web) {
            c[PacketsWeb] += 1;
            c[BytesWeb] += bytes;
        }
        c[SynNoAck] += packet.synWithoutAck;
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
        c[Undecoded] += packet.protocol == kUndecoded;
        c[Malformed] += packet.protocol == kMalformed;
        break;
    }
    tally(Dimension::Protocol, packet.protocol, bytes);
    if (endpoints) {
        tally(Dimension::Source, endpoints->source, bytes);
        tally(Dimension::Destination, endpoints->destination, bytes);
    }
    if (packet.port != CountedPacket::kNone)
        tally(Dimension::DestinationPort, packet.port, bytes);
}

void BinCounter::compact(qint64 factor)
{
    settleLate();
    sortBins();
    if (!rangesInOrder())
        repack();
    mergeInPlace(factor);
}

void BinCounter::settleLate()
{
    const auto byBin = [](const LateTally &a, const LateTally &b) { return a.bin < b.bin; };
    for (std::size_t d = 0; d < kDimensionCount; ++d) {
        std::vector<LateTally> &late = m_late[d];
        if (late.empty())
            continue;
        std::stable_sort(late.begin(), late.end(), byBin);
        TallyTable &table = m_tallies[d];
        // Room for every moved bin first: appending copies of a table's own elements must
        // not make it reallocate.
        std::size_t moved = late.size();
        for (std::size_t k = 0; k < late.size(); ++k) {
            if (k == 0 || late[k].bin != late[k - 1].bin)
                moved += m_bins[m_binPosition.at(late[k].bin)].count[d];
        }
        table.reserve(table.size() + moved);
        for (std::size_t k = 0; k < late.size();) {
            BaseBin &bin = m_bins[m_binPosition.at(late[k].bin)];
            const auto first = std::uint32_t(table.size());
            for (std::uint32_t i = bin.first[d]; i < bin.first[d] + bin.count[d]; ++i)
                table.push_back(table[i]);
            for (; k < late.size() && late[k].bin == bin.index; ++k)
                table.push_back(late[k].tally);
            bin.first[d] = first;
            bin.count[d] = std::uint32_t(table.size()) - first;
        }
        late.clear();
    }
    m_reentered.clear();
    // Every bin is now closed: the next packet enters its bin as a known one.
    m_current = SIZE_MAX;
    m_currentSlots = nullptr;
}

void BinCounter::sortBins()
{
    const auto byTime = [](const BaseBin &a, const BaseBin &b) { return a.index < b.index; };
    if (!std::is_sorted(m_bins.begin(), m_bins.end(), byTime)) // as bins are, unless re-entered
        std::sort(m_bins.begin(), m_bins.end(), byTime);
}

bool BinCounter::rangesInOrder() const
{
    for (std::size_t i = 1; i < m_bins.size(); ++i) {
        for (std::size_t d = 0; d < kDimensionCount; ++d) {
            if (m_bins[i].first[d] < m_bins[i - 1].first[d] + m_bins[i - 1].count[d])
                return false;
        }
    }
    return true;
}

void BinCounter::repack()
{
    for (std::size_t d = 0; d < kDimensionCount; ++d) {
        TallyTable packed;
        packed.reserve(m_tallies[d].size());
        for (BaseBin &bin : m_bins) {
            const Tally *from = m_tallies[d].begin() + bin.first[d];
            bin.first[d] = std::uint32_t(packed.size());
            packed.append(from, from + bin.count[d]);
        }
        m_tallies[d] = std::move(packed);
    }
}

void BinCounter::mergeInPlace(qint64 factor)
{
    std::array<std::uint32_t, kDimensionCount> written{};
    std::size_t merged = 0;
    m_binPosition.clear();
    for (std::size_t k = 0; k < m_bins.size();) {
        BaseBin into;
        into.index = floorDiv(m_bins[k].index, factor);
        into.first = written;
        nextVisit();
        for (; k < m_bins.size() && floorDiv(m_bins[k].index, factor) == into.index; ++k) {
            const BaseBin &from = m_bins[k];
            for (std::size_t c = 0; c < CounterCount; ++c)
                into.counters[c] += from.counters[c];
            for (std::size_t d = 0; d < kDimensionCount; ++d) {
                // Every tally read writes at most one, and ranges are in order, so writing
                // never overtakes reading.
                TallyTable &table = m_tallies[d];
                for (std::uint32_t i = from.first[d]; i < from.first[d] + from.count[d]; ++i) {
                    const Tally tally = table[i];
                    LastSlot &last = lastSlot(d, tally.key);
                    if (last.visit != m_visit) {
                        last = {m_visit, written[d]};
                        table[written[d]++] = {tally.key, 0, 0};
                    }
                    table[last.slot].packets += tally.packets;
                    table[last.slot].bytes += tally.bytes;
                }
            }
        }
        for (std::size_t d = 0; d < kDimensionCount; ++d)
            into.count[d] = written[d] - into.first[d];
        m_binPosition.emplace(into.index, merged);
        m_bins[merged++] = into; // the bins it merged have all been read
    }
    m_bins.resize(merged);
    for (std::size_t d = 0; d < kDimensionCount; ++d)
        m_tallies[d].resize(written[d]);
}

BinCounter::Result BinCounter::finish()
{
    settleLate();
    sortBins();
    // Settling leaves holes; many, after out-of-order packets in many bins.
    std::size_t used = 0, held = 0;
    for (std::size_t d = 0; d < kDimensionCount; ++d) {
        held += m_tallies[d].size();
        for (const BaseBin &bin : m_bins)
            used += bin.count[d];
    }
    if (held > used + used / 4)
        repack();
    m_binPosition.clear();
    m_lastSlot = {};
    const bool any = !m_bins.empty();
    return {m_base, std::move(m_bins), std::move(m_tallies), any ? m_first : 0, any ? m_last : 0};
}

} // namespace tideline
