#pragma once

#include "common/series.h"
#include "series/traffic.h"

#include <QStringList>

namespace tideline {

// A capture's flows as the rows of a table, so that a supervised detector trained on a
// labelled flow table labels each flow (`detect CAPTURE --rows flows --model-from FLOWS.csv`):
// one row per flow, in the order of the Flows tab, at the time of its first packet.
//
// Each quantity a flow record has is given under the names the flow tables use for it, in
// their units — NFStream (bidirectional_duration_ms, src2dst_packets, dst_port, protocol…),
// CICFlowMeter (Flow Duration in µs, Total Fwd Packets, Destination Port, Flow Packets/s…),
// UNSW-NB15 (dur, spkts, dpkts, sport, dsport, the proto category) and NSL-KDD (duration,
// the protocol_type category) — so a model finds its columns whichever table it learnt from.
// What a flow record here does not hold (bytes per direction, packet-size and inter-arrival
// statistics, TTLs, TCP windows, per-packet flag counts, UNSW's state, service and ct_*
// counters, NSL-KDD's content and host-window features) is not made up: a model that needs
// one of those columns is refused, naming it.
class FlowRows
{
public:
    static Series series(const Traffic &traffic, const QString &source);
    // "10.0.0.1:51234 → 10.0.0.2:80 tcp": each row's flow, for the scores CSV.
    static QStringList names(const Traffic &traffic);
    // The columns series() gives, by name.
    static QStringList columnNames();
};

} // namespace tideline
