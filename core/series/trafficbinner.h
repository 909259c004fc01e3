#pragma once

#include "capture/packet.h"
#include "common/batchworker.h"
#include "series/addresstable.h"
#include "series/bincounter.h"
#include "series/flowrecords.h"
#include "series/flowtable.h"
#include "series/traffic.h"

#include <optional>

namespace tideline {

// Turns decoded packets into Traffic: the flow table finds each packet's flow (and gives
// every address an id) on the caller's thread; the flow records and the bins (BinCounter)
// are counted on the same thread or on a worker.
//
// The split balances the two threads: with the whole flow table on the reading thread the
// worker waited for it, and with all of it on the worker the reader did.
class TrafficBinner : public PacketSink
{
public:
    static constexpr std::size_t kDefaultBinBudget = 100'000;
    enum class Threads { One, Two };

    explicit TrafficBinner(TimeNs requestedWidth = 0, std::size_t binBudget = kDefaultBinBudget,
                           Threads threads = Threads::One);

    void addPacket(const Packet &packet) override;
    Traffic finish();

private:
    CountedPacket count(const Packet &packet); // the reading thread's part
    void add(const CountedPacket &packet);     // the counting thread's part

    AddressTable m_addresses;
    FlowTable m_flows;
    FlowRecords m_flowRecords;
    BinCounter m_bins;
    std::optional<BatchWorker<CountedPacket>> m_worker; // with two threads
};

} // namespace tideline
