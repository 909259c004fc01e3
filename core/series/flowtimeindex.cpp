#include "flowtimeindex.h"

#include <algorithm>
#include <numeric>

namespace tideline {

namespace {

constexpr std::size_t kFanOut = 64;

std::vector<TimeNs> latestOfGroups(const std::vector<TimeNs> &times)
{
    std::vector<TimeNs> latest((times.size() + kFanOut - 1) / kFanOut);
    for (std::size_t g = 0; g < latest.size(); ++g) {
        const auto begin = times.begin() + std::ptrdiff_t(g * kFanOut);
        const auto end = times.begin() + std::ptrdiff_t(std::min(times.size(), (g + 1) * kFanOut));
        latest[g] = *std::max_element(begin, end);
    }
    return latest;
}

} // namespace

FlowTimeIndex::FlowTimeIndex(const FlowList &flows)
    : m_order(flows.size())
{
    std::iota(m_order.begin(), m_order.end(), std::uint32_t(0));
    // Flows are recorded in the order of their first packets, so this is usually sorted
    // already; captures whose timestamps step back are not.
    const auto earlier = [&flows](std::uint32_t a, std::uint32_t b) {
        return flows[a].first < flows[b].first;
    };
    if (!std::is_sorted(m_order.begin(), m_order.end(), earlier))
        std::stable_sort(m_order.begin(), m_order.end(), earlier);
    m_lasts.resize(m_order.size());
    for (std::size_t i = 0; i < m_order.size(); ++i)
        m_lasts[i] = flows[m_order[i]].last;
    if (m_lasts.empty())
        return;
    m_latest.push_back(latestOfGroups(m_lasts));
    while (m_latest.back().size() > kFanOut)
        m_latest.push_back(latestOfGroups(m_latest.back()));
}

std::vector<std::uint32_t> FlowTimeIndex::between(const FlowList &flows, TimeNs from,
                                                  TimeNs to) const
{
    std::vector<std::uint32_t> found;
    if (m_latest.empty())
        return found;
    // Ordered flows [0, end) start before `to`.
    const auto end = std::size_t(
        std::partition_point(m_order.begin(), m_order.end(),
                             [&](std::uint32_t flow) { return flows[flow].first < to; }) -
        m_order.begin());
    const std::size_t top = m_latest.size() - 1;
    for (std::size_t node = 0; node < m_latest[top].size(); ++node)
        collect(top, node, end, from, found);
    std::sort(found.begin(), found.end());
    return found;
}

void FlowTimeIndex::collect(std::size_t level, std::size_t node, std::size_t end, TimeNs from,
                            std::vector<std::uint32_t> &found) const
{
    std::size_t span = kFanOut; // ordered flows under one node of this level
    for (std::size_t l = 0; l < level; ++l)
        span *= kFanOut;
    const std::size_t first = node * span;
    if (first >= end || m_latest[level][node] < from)
        return;
    if (level == 0) {
        for (std::size_t i = first; i < std::min(end, first + kFanOut); ++i) {
            if (m_lasts[i] >= from)
                found.push_back(m_order[i]);
        }
        return;
    }
    const std::size_t children = m_latest[level - 1].size();
    for (std::size_t child = node * kFanOut; child < std::min(children, (node + 1) * kFanOut);
         ++child)
        collect(level - 1, child, end, from, found);
}

std::size_t FlowTimeIndex::memoryBytes() const
{
    std::size_t bytes = m_order.size() * sizeof(std::uint32_t) + m_lasts.size() * sizeof(TimeNs);
    for (const std::vector<TimeNs> &level : m_latest)
        bytes += level.size() * sizeof(TimeNs);
    return bytes;
}

} // namespace tideline
