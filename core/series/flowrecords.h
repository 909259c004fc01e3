#pragma once

#include "series/countedpacket.h"
#include "series/flowtable.h"

namespace tideline {

// The flows' records, counted from packets whose flows the FlowTable found: kept apart from
// the table so they can be counted on the thread that bins while the table works on the
// thread that reads.
class FlowRecords
{
public:
    // Counts a packet with a flow (packet.flow.index != CountedPacket::kNone) into its record
    // and says the address ids of its source and destination.
    Endpoints add(const CountedPacket &packet);
    FlowList take() { return std::move(m_flows); }

private:
    FlowList m_flows;
};

} // namespace tideline
