#pragma once

#include "investigation/anomaly.h"
#include "investigation/anomalykind.h"
#include "investigation/phrase.h"
#include "series/intervalcomparison.h"
#include "series/traffic.h"

#include <optional>
#include <vector>

namespace tideline {

// What an interval of a capture was: its kind by plain rules, its actors, a one-line summary
// and the evidence the rule looked at.
struct Explanation
{
    AnomalyKind kind = AnomalyKind::Unknown;
    Phrase summary;
    std::vector<Phrase> evidence;
    QString source;
    QString destination;
    std::optional<int> destinationPort;
    qint64 packets = 0;
    qint64 bytes = 0;
    qint64 distinctSources = 0;
    qint64 distinctDestinations = 0;
    qint64 distinctDestinationPorts = 0;
};

// Describes intervals of one capture. The rules, in order (the first that holds wins; the
// README lists the thresholds; an interval of under 200 packets is judged by the shape rules,
// port_scan to udp_flood, on the traffic around it):
//   no_data        no packet in the interval, which lies mostly in a capture gap;
//   port_scan      one sender has ≥ 20 small flows to ≥ 20 ports;
//   host_sweep     one sender has ≥ 20 small flows to ≥ 20 hosts on ≤ 3 ports (or ICMP),
//                  the hosts packed in one /24 or mostly silent;
//   syn_flood      ≥ 45 % of TCP packets are SYN without ACK, most of them to one host;
//   amplification  UDP is ≥ 30 % of packets or bytes, most of it unanswered replies from
//                  reflection ports (DNS, NTP, SNMP, CLDAP, ISAKMP, SSDP, memcached, …) of
//                  ≥ 5 sources to one host;
//   udp_flood      most packets are UDP to one host, at ≥ 3× the baseline's UDP rate or
//                  ≥ 1,000 packets/s;
//   large_upload   one connection (both ends speaking) uploaded ≥ 100 kB net over its life,
//                  ≥ 10× the most any baseline connection of other hosts did;
//   new_talker     a host first seen after a baseline's worth of capture, talking for ≥ 30 s
//                  since, through most of the interval, carrying ≥ 2 % of its bytes;
//   volume_spike   ≥ 2× the baseline's packet or byte rate;
//   volume_drop    ≤ ½ the baseline's packet rate;
//   unknown        none of these.
// Actors are the keys whose counts rose most against the baseline (compareInterval's surprise
// ranking over senders, receivers and services, of the keys that rose), unless the rule names its
// own (the scanner, the flood's target).
class IntervalDescriber
{
public:
    // Bump this whenever the rules above, their thresholds, the actors or the wording of a
    // summary or evidence line change: a case keeps the descriptions it showed and reuses them
    // only while it is the same (CaseFile's "described_by").
    static constexpr int kRulesVersion = 3;
    static constexpr int kMinimumBaselineBins = 20;

    // binWidth: of the series the intervals come from (it tells gaps and the least baseline).
    IntervalDescriber(const Traffic &traffic, TimeNs binWidth);

    // The baseline every explanation and the inspector's "What changed" use: the interval's
    // duration on each side, at least kMinimumBaselineBins bins, without the nearby() ranges of
    // `others`.
    ComparisonOptions comparisonOptions(TimeNs from, TimeNs to,
                                        const std::vector<TimeRange> &others) const;

    // Of `others`, the ranges a baseline of [from, to) leaves out: those that overlap
    // reach(from, to) (farther ones cannot change what it was), in order. An explanation depends
    // on [from, to) and these alone.
    std::vector<TimeRange> nearby(TimeNs from, TimeNs to,
                                  const std::vector<TimeRange> &others) const;
    // [from, to) widened by kBaselineReach baselines on each side.
    TimeRange reach(TimeNs from, TimeNs to) const;

    Explanation explain(TimeNs from, TimeNs to, const std::vector<TimeRange> &exclude = {}) const;
    // Fills an anomaly's packets, bytes, actors, kind, summary, distinct counts and evidence.
    void describe(Anomaly &anomaly, const std::vector<TimeRange> &exclude = {}) const;
    // Describes each anomaly with the others' intervals, and `exclude`, left out of its
    // baseline.
    void describeAll(std::vector<Anomaly> &anomalies,
                     const std::vector<TimeRange> &exclude = {}) const;

private:
    TimeNs baselineSide(TimeNs from, TimeNs to) const;

    const Traffic &m_traffic;
    TimeNs m_binWidth;
    std::vector<TimeNs> m_firstSeen; // per address id: the first packet of its first flow
    std::vector<TimeNs> m_lastSeen;  // and the last packet of its flows
};

} // namespace tideline
