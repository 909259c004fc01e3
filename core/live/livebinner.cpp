#include "livebinner.h"

#include "common/binwidth.h"
#include "series/trafficbinner.h"

namespace tideline {

LiveBinner::LiveBinner(TimeNs width, std::size_t keptBins, std::size_t keptPackets,
                       BinClosed onClosed)
    : m_width(width)
    , m_keptBins(keptBins)
    , m_keptPackets(keptPackets)
    , m_onClosed(std::move(onClosed))
{}

void LiveBinner::addPacket(const Packet &packet)
{
    const qint64 index = floorDiv(packet.time, m_width);
    if (!m_open) {
        m_open = true;
        m_openIndex = index;
    } else if (index > m_openIndex) {
        advanceTo(index * m_width);
    }
    Packet kept = packet;
    kept.time = std::max(packet.time, m_openIndex * m_width);
    m_kept.push_back(kept);
    ++m_openCount;
}

void LiveBinner::advanceTo(TimeNs now)
{
    if (!m_open || now < (m_openIndex + 1) * m_width)
        return;
    closeOpenBin();
    // The bins between the one just closed and `now` had no packet: zero traffic, or one bin
    // of no data when the silence is as long as a capture gap.
    const qint64 next = m_openIndex + 1;
    const qint64 empty = floorDiv(now, m_width) - next;
    const qint64 gapBins = (binwidth::gapThreshold(m_width) + m_width - 1) / m_width;
    LiveBin bin;
    bin.values = Eigen::RowVectorXd::Zero(Eigen::Index(Traffic::featureInfos().size()));
    if (empty >= gapBins) {
        bin.start = next * m_width;
        bin.end = floorDiv(now, m_width) * m_width;
        bin.hasData = false;
        m_onClosed(bin);
    } else {
        for (qint64 i = next; i < next + empty; ++i) {
            bin.start = i * m_width;
            bin.end = bin.start + m_width;
            m_onClosed(bin);
        }
    }
    // The open bin starts anew at `now`'s bin, empty until a packet or the clock closes it.
    m_openIndex = floorDiv(now, m_width);
}

void LiveBinner::finish()
{
    if (m_open && m_openCount > 0)
        closeOpenBin();
    m_open = false;
}

Traffic LiveBinner::recentTraffic() const
{
    TrafficBinner binner(m_width);
    for (const Packet &packet : m_kept)
        binner.addPacket(packet);
    return binner.finish();
}

void LiveBinner::closeOpenBin()
{
    TrafficBinner binner(m_width);
    for (std::size_t i = m_kept.size() - m_openCount; i < m_kept.size(); ++i)
        binner.addPacket(m_kept[i]);
    const Traffic traffic = binner.finish();
    LiveBin bin;
    bin.start = m_openIndex * m_width;
    bin.end = bin.start + m_width;
    const Series series = traffic.series(m_width);
    bin.values = series.rowCount() == 1
                     ? Eigen::RowVectorXd(series.values.row(0))
                     : Eigen::RowVectorXd::Zero(Eigen::Index(Traffic::featureInfos().size()));
    m_bins.push_back(m_openCount);
    m_openCount = 0;
    dropOldPackets();
    m_onClosed(bin);
}

void LiveBinner::dropOldPackets()
{
    while (m_bins.size() > m_keptBins ||
           (!m_bins.empty() && m_kept.size() - m_openCount > m_keptPackets)) {
        const std::size_t drop = std::min(m_bins.front(), m_kept.size() - m_openCount);
        m_kept.erase(m_kept.begin(), m_kept.begin() + std::ptrdiff_t(drop));
        m_bins.pop_front();
    }
}

} // namespace tideline
