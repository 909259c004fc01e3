#pragma once

#include "capture/packet.h"
#include "series/traffic.h"

#include <Eigen/Core>
#include <deque>
#include <functional>

namespace tideline {

// One bin of live traffic as it closed: its features in Traffic::featureInfos() order.
struct LiveBin
{
    TimeNs start = 0;
    TimeNs end = 0;
    Eigen::RowVectorXd values;
    // False for one bin standing for a silence longer than binwidth::gapThreshold(): no data,
    // not zero traffic (as a file's Series has it).
    bool hasData = true;
};

// Takes packets as they arrive, and the time when none arrive, so that bins still close.
class LiveSink : public PacketSink
{
public:
    // Nothing stamped before `now` is still to come (give or take the lateness allowed for).
    virtual void advanceTo(TimeNs now) = 0;
};

// Bins packets as they arrive, closing a bin when a packet (or the clock, through advanceTo())
// passes its end. Each bin's features come from the file binner (TrafficBinner) run on that
// bin's packets, so live bins and a file's bins are counted alike. The packets of the last
// `keptBins` closed bins stay (at most `keptPackets` of them, beside the open bin's) so that
// an interval can be described against the traffic before it.
//
// Packets stamped before the open bin (clock steps, reordering) count in the open bin.
class LiveBinner : public LiveSink
{
public:
    using BinClosed = std::function<void(const LiveBin &)>;

    LiveBinner(TimeNs width, std::size_t keptBins, std::size_t keptPackets, BinClosed onClosed);

    void addPacket(const Packet &packet) override;
    // Closes every bin that ends at or before `now`.
    void advanceTo(TimeNs now) override;
    // Closes the open bin, if any.
    void finish();

    TimeNs width() const { return m_width; }
    // The kept packets' traffic (the last closed bins' and the open one's).
    Traffic recentTraffic() const;
    std::size_t keptPacketCount() const { return m_kept.size(); }

private:
    void closeOpenBin();
    void dropOldPackets();

    TimeNs m_width;
    std::size_t m_keptBins;
    std::size_t m_keptPackets;
    BinClosed m_onClosed;
    bool m_open = false;
    qint64 m_openIndex = 0;         // start = index × width
    std::deque<Packet> m_kept;      // time order; the open bin's packets last
    std::deque<std::size_t> m_bins; // packets of each kept closed bin, oldest first
    std::size_t m_openCount = 0;    // packets of the open bin
};

} // namespace tideline
