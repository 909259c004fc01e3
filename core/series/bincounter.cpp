#include "bincounter.h"

#include "series/binwidth.h"

#include <algorithm>
#include <numeric>

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

BinCounter::OpenBin &BinCounter::binAt(TimeNs time)
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
    OpenBin &bin = m_bins.emplace_back();
    bin.index = index;
    for (std::size_t d = 0; d < kDimensionCount; ++d)
        bin.first[d] = std::uint32_t(m_arena[d].size());
    return enter(m_bins.size() - 1, false);
}

BinCounter::OpenBin &BinCounter::enter(std::size_t position, bool known)
{
    m_current = position;
    nextVisit();
    OpenBin &bin = m_bins[position];
    m_currentSlots = nullptr;
    if (known) {
        // Coming back to a bin left earlier: its range in the arenas is closed, so the keys
        // it has are found through a map, and keys it lacks go to the side list.
        const auto [it, added] = m_reentered.try_emplace(bin.index);
        if (added) {
            for (std::size_t d = 0; d < kDimensionCount; ++d) {
                for (std::uint32_t i = bin.first[d]; i < bin.first[d] + bin.count[d]; ++i)
                    it->second[d].emplace(m_arena[d][i].key, i);
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
    Table<LastSlot> &byKey = m_lastSlot[dimension];
    if (key >= byKey.size())
        byKey.resize(std::max<std::size_t>(key + 1, byKey.size() * 2));
    return byKey[key];
}

std::uint32_t BinCounter::place(std::size_t dimension, std::uint32_t key)
{
    OpenBin &bin = m_bins[m_current];
    if (!m_currentSlots) {
        const auto slot = std::uint32_t(m_arena[dimension].size());
        m_arena[dimension].push_back({key, 0, 0});
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
        (last.slot & kLate) ? m_late[d][last.slot & ~kLate].tally : m_arena[d][last.slot];
    entry.packets += 1;
    entry.bytes += bytes;
}

void BinCounter::add(const CountedPacket &packet)
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
    if (packet.flow.index != CountedPacket::kNone) {
        tally(Dimension::Source, packet.flow.source, bytes);
        tally(Dimension::Destination, packet.flow.destination, bytes);
    }
    if (packet.port != CountedPacket::kNone)
        tally(Dimension::DestinationPort, packet.port, bytes);
}

bool BinCounter::inOrder() const
{
    return std::all_of(m_late.begin(), m_late.end(),
                       [](const auto &late) { return late.empty(); }) &&
           std::is_sorted(m_bins.begin(), m_bins.end(),
                          [](const OpenBin &a, const OpenBin &b) { return a.index < b.index; });
}

void BinCounter::compactInPlace(qint64 factor)
{
    std::array<std::uint32_t, kDimensionCount> written{};
    std::size_t merged = 0;
    m_binPosition.clear();
    for (std::size_t k = 0; k < m_bins.size();) {
        OpenBin into;
        into.index = floorDiv(m_bins[k].index, factor);
        into.first = written;
        nextVisit();
        for (; k < m_bins.size() && floorDiv(m_bins[k].index, factor) == into.index; ++k) {
            const OpenBin &from = m_bins[k];
            for (std::size_t c = 0; c < CounterCount; ++c)
                into.counters[c] += from.counters[c];
            for (std::size_t d = 0; d < kDimensionCount; ++d) {
                // Every tally read writes at most one, so writing never overtakes reading.
                for (std::uint32_t i = from.first[d]; i < from.first[d] + from.count[d]; ++i) {
                    const Tally tally = m_arena[d][i];
                    LastSlot &last = lastSlot(d, tally.key);
                    if (last.visit != m_visit) {
                        last = {m_visit, written[d]};
                        m_arena[d][written[d]++] = {tally.key, 0, 0};
                    }
                    m_arena[d][last.slot].packets += tally.packets;
                    m_arena[d][last.slot].bytes += tally.bytes;
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
        m_arena[d].resize(written[d]);
    m_reentered.clear();
    m_current = SIZE_MAX;
    m_currentSlots = nullptr;
}

void BinCounter::compact(qint64 factor)
{
    if (inOrder()) {
        compactInPlace(factor);
        return;
    }
    std::vector<std::size_t> order(m_bins.size());
    std::iota(order.begin(), order.end(), std::size_t(0));
    const auto byTime = [this](std::size_t a, std::size_t b) {
        return m_bins[a].index < m_bins[b].index;
    };
    if (!std::is_sorted(order.begin(), order.end(), byTime)) // as bins are, unless re-entered
        std::sort(order.begin(), order.end(), byTime);
    for (auto &late : m_late) {
        std::stable_sort(late.begin(), late.end(),
                         [](const LateTally &a, const LateTally &b) { return a.bin < b.bin; });
    }

    Table<OpenBin> merged;
    absl::flat_hash_map<qint64, std::size_t> positions;
    std::array<Table<Tally>, kDimensionCount> arena;
    for (std::size_t d = 0; d < kDimensionCount; ++d)
        arena[d].reserve(m_arena[d].size() + m_late[d].size());
    std::array<std::size_t, kDimensionCount> lateAt{};
    // A fresh visit per merged bin marks, through the last-slot arrays, the keys it has.
    const auto add = [this, &arena](std::size_t d, const Tally &tally) {
        LastSlot &last = lastSlot(d, tally.key);
        if (last.visit != m_visit) {
            last = {m_visit, std::uint32_t(arena[d].size())};
            arena[d].push_back({tally.key, 0, 0});
        }
        arena[d][last.slot].packets += tally.packets;
        arena[d][last.slot].bytes += tally.bytes;
    };
    merged.reserve(m_bins.size() / std::size_t(factor) + 1);
    positions.reserve(m_bins.size() / std::size_t(factor) + 1);
    for (std::size_t k = 0; k < order.size();) {
        const qint64 index = floorDiv(m_bins[order[k]].index, factor);
        OpenBin &into = merged.emplace_back();
        into.index = index;
        nextVisit();
        for (std::size_t d = 0; d < kDimensionCount; ++d)
            into.first[d] = std::uint32_t(arena[d].size());
        for (; k < order.size() && floorDiv(m_bins[order[k]].index, factor) == index; ++k) {
            const OpenBin &from = m_bins[order[k]];
            for (std::size_t c = 0; c < CounterCount; ++c)
                into.counters[c] += from.counters[c];
            for (std::size_t d = 0; d < kDimensionCount; ++d) {
                for (std::uint32_t i = from.first[d]; i < from.first[d] + from.count[d]; ++i)
                    add(d, m_arena[d][i]);
                for (; lateAt[d] < m_late[d].size() && m_late[d][lateAt[d]].bin == from.index;
                     ++lateAt[d])
                    add(d, m_late[d][lateAt[d]].tally);
            }
        }
        for (std::size_t d = 0; d < kDimensionCount; ++d)
            into.count[d] = std::uint32_t(arena[d].size()) - into.first[d];
        positions.emplace(index, merged.size() - 1);
    }

    m_bins = std::move(merged);
    m_binPosition = std::move(positions);
    m_arena = std::move(arena);
    for (auto &late : m_late)
        late.clear();
    m_reentered.clear();
    // Every bin is now closed: the next packet enters its bin as a known one.
    m_current = SIZE_MAX;
    m_currentSlots = nullptr;
}

BinCounter::Result BinCounter::finish()
{
    // In a capture without out-of-order packets every bin is complete and in place already.
    if (!inOrder())
        compact(1);
    std::vector<BaseBin> bins(m_bins.size());
    for (std::size_t i = 0; i < bins.size(); ++i) {
        const OpenBin &from = m_bins[i];
        bins[i].index = from.index;
        bins[i].counters = from.counters;
        for (std::size_t d = 0; d < kDimensionCount; ++d) {
            const auto begin = m_arena[d].begin() + from.first[d];
            bins[i].tallies[d].assign(begin, begin + from.count[d]);
        }
    }
    m_bins = {};
    m_binPosition.clear();
    m_arena = {};
    m_lastSlot = {};
    const bool any = !bins.empty();
    return {m_base, std::move(bins), any ? m_first : 0, any ? m_last : 0};
}

} // namespace tideline
