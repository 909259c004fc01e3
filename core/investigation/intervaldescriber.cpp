#include "intervaldescriber.h"

#include "common/timeutil.h"
#include "series/flowdirection.h"

#include <QCoreApplication>
#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <unordered_map>
#include <unordered_set>

namespace tideline {

namespace {

using traffic::Dimension;

// The thresholds of the rules (see the class comment and the README).
constexpr qint64 kMinFanOut = 20;       // flows, ports or hosts of a scan or sweep
constexpr double kSmallFlowShare = 0.7; // of a scanner's flows with ≤ kSmallFlowPackets
constexpr std::uint64_t kSmallFlowPackets = 3;
constexpr qint64 kMaxSweepPorts = 3;
constexpr double kSweepNetworkShare = 0.5; // of a sweep's hosts in one /24, or unanswered
constexpr double kMajority = 0.5;
// Of TCP packets, SYN without ACK: a flood to an open or closed port gets one answer per SYN.
constexpr double kSynShare = 0.45;
constexpr qint64 kMinFloodPackets = 100;
constexpr double kFloodRise = 3.0;    // × the baseline rate
constexpr double kFloodRate = 1000.0; // packets/s to one host, whatever the baseline
constexpr qint64 kMinReflectors = 5;
constexpr double kReflectionShare = 0.3;    // of packets or bytes, UDP
constexpr qint64 kMinEvidencePackets = 200; // fewer: the shape rules look around the interval
// A connection uploading at least this much net, and this many times the most any connection
// of the baseline uploaded.
constexpr double kLargeUploadBytes = 100e3;
constexpr double kLargeUploadRise = 10.0;
constexpr double kNewTalkerActivity = 0.5;   // of the interval
constexpr double kNewTalkerByteShare = 0.02; // of the interval's bytes
// A new web server a client fetches from for a few seconds is no new talker: it must have
// kept talking this long since it was first seen.
constexpr TimeNs kNewTalkerSpan = 30 * kNsPerSecond;
constexpr TimeNs kMinimumHistory = 60 * kNsPerSecond;
// How far a small interval's view may reach each side at least: with millisecond bins a
// baseline's length is a few dozen milliseconds, shorter than the pause between a sweep's
// bursts, and a victim retransmits its SYN/ACK to a scanner seconds after the scan.
constexpr TimeNs kMinimumViewReach = 30 * kNsPerSecond;
constexpr double kSpikeRatio = 2.0;
constexpr double kDropRatio = 0.5;

// Reflection services: the request is small, the reply to the spoofed address large.
struct ReflectionService
{
    std::uint16_t port;
    const char *name;
};
constexpr std::array<ReflectionService, 19> kReflectionServices = {{
    {17, "QOTD"},     {19, "chargen"},  {53, "DNS"},
    {69, "TFTP"},     {111, "portmap"}, {123, "NTP"},
    {137, "NetBIOS"}, {161, "SNMP"},    {389, "CLDAP"},
    {500, "ISAKMP"},  {520, "RIP"},     {1434, "MS SQL"},
    {1900, "SSDP"},   {3283, "ARD"},    {3702, "WS-Discovery"},
    {4500, "ISAKMP"}, // IKE's NAT-traversal port
    {5353, "mDNS"},   {5683, "CoAP"},   {11211, "memcached"},
}};

const ReflectionService *reflectionService(std::uint32_t serviceKey)
{
    if (!(serviceKey & traffic::kUdpPortBit))
        return nullptr;
    const auto port = std::uint16_t(serviceKey & 0xffff);
    for (const ReflectionService &service : kReflectionServices) {
        if (service.port == port)
            return &service;
    }
    return nullptr;
}

QString portText(std::uint32_t serviceKey)
{
    return ((serviceKey & traffic::kUdpPortBit) ? QStringLiteral("udp/") : QStringLiteral("tcp/")) +
           QString::number(serviceKey & 0xffff);
}

// The port of a Service row's text ("tcp/443").
std::optional<int> portOfText(const QString &text)
{
    const qsizetype slash = text.indexOf(QLatin1Char('/'));
    bool ok = false;
    const int port = slash < 0 ? 0 : QStringView(text).mid(slash + 1).toInt(&ok);
    return ok ? std::optional<int>(port) : std::nullopt;
}

double seconds(TimeNs t)
{
    return double(t) / double(kNsPerSecond);
}

qint64 rounded(double x)
{
    return qint64(std::llround(x));
}

Phrase::Decimal percent(double share)
{
    return {100.0 * share, 0};
}

Phrase::Decimal secondsArg(TimeNs t)
{
    const double s = seconds(t);
    return {s, s < 0.1 ? 3 : (s < 10.0 ? 2 : (s < 100.0 ? 1 : 0))};
}

Phrase::Decimal rate(double perSecond)
{
    return {perSecond, perSecond < 10.0 ? 1 : 0};
}

double ratio(double a, double b)
{
    return b > 0.0 ? a / b : std::numeric_limits<double>::infinity();
}

// A flow's share of its packets in [from, to), as compareInterval counts them.
double shareIn(const Flow &flow, TimeNs from, TimeNs to)
{
    if (flow.last <= flow.first)
        return flow.first >= from && flow.first < to ? 1.0 : 0.0;
    const TimeNs overlap = timeBetween(std::max(flow.first, from), std::min(flow.last, to));
    return overlap > 0 ? double(overlap) / double(timeBetween(flow.first, flow.last)) : 0.0;
}

// One flow of the interval, oriented.
struct IntervalFlow
{
    const Flow *flow = nullptr;
    FlowDirection direction;
    double share = 0.0; // of its packets inside the interval
};

// What a single sender did in the interval (for scans and sweeps).
struct FanOut
{
    std::uint32_t sender = 0;
    qint64 flows = 0;
    std::unordered_set<std::uint32_t> receivers;
    std::unordered_set<std::uint32_t> services;
    qint64 small = 0;
    qint64 answered = 0;
    qint64 answeredRst = 0;
    qint64 tcp = 0, udp = 0, icmp = 0;
    TimeNs first = std::numeric_limits<TimeNs>::max();
    TimeNs last = std::numeric_limits<TimeNs>::min();
    qint64 densestNetworkHosts = 0;
    QString densestNetwork;
};

// Packets senders sent, per receiver, and who sent them.
struct Targets
{
    std::unordered_map<std::uint32_t, double> packets;
    double total = 0.0;

    void add(std::uint32_t receiver, double n)
    {
        packets[receiver] += n;
        total += n;
    }
    std::pair<std::uint32_t, double> top() const
    {
        std::pair<std::uint32_t, double> best{0, -1.0};
        for (const auto &[key, n] : packets) {
            if (n > best.second || (n == best.second && key < best.first))
                best = {key, n};
        }
        return best;
    }
};

// Flows of the interval, oriented.
std::vector<IntervalFlow> intervalFlows(const Traffic &traffic, TimeNs from, TimeNs to)
{
    std::vector<IntervalFlow> flows;
    const FlowList &list = traffic.flows();
    for (std::size_t i = 0; i < list.size(); ++i) {
        const Flow &flow = list[i];
        if (flow.first >= to)
            break; // in order of their first packets
        const double share = shareIn(flow, from, to);
        if (share > 0.0)
            flows.push_back({&flow, directionOf(flow), share});
    }
    return flows;
}

FanOut widestSender(const Traffic &traffic, const std::vector<IntervalFlow> &flows)
{
    // Every flow a sender had in the view, not only those it opened there: a sweep's second
    // round reuses the first round's flows.
    std::unordered_map<std::uint32_t, qint64> started;
    for (const IntervalFlow &f : flows) {
        ++started[f.direction.initiator];
    }
    FanOut fan;
    for (const auto &[sender, n] : started) {
        if (n > fan.flows || (n == fan.flows && sender < fan.sender)) {
            fan.sender = sender;
            fan.flows = n;
        }
    }
    if (fan.flows == 0)
        return fan;
    std::unordered_map<std::uint32_t, qint64> networks; // /24 by its first receiver
    std::unordered_map<QString, qint64> networkHosts;
    for (const IntervalFlow &f : flows) {
        if (f.direction.initiator != fan.sender)
            continue;
        const Flow &flow = *f.flow;
        if (fan.receivers.insert(f.direction.responder).second)
            ++networkHosts[networkText(networkOf(traffic.address(f.direction.responder)))];
        if (f.direction.service && !f.direction.serviceAtInitiator)
            fan.services.insert(*f.direction.service);
        fan.small += f.direction.initiatorPackets <= kSmallFlowPackets;
        fan.answered += f.direction.responderPackets > 0;
        fan.answeredRst += f.direction.responderPackets > 0 && (flow.tcpFlags & tcpflag::Rst) != 0;
        fan.tcp += flow.protocol == ipproto::Tcp;
        fan.udp += flow.protocol == ipproto::Udp;
        fan.icmp += flow.protocol == ipproto::Icmp || flow.protocol == ipproto::Icmpv6;
        fan.first = std::min(fan.first, flow.first);
        fan.last = std::max(fan.last, flow.last);
    }
    for (const auto &[network, hosts] : networkHosts) {
        if (hosts > fan.densestNetworkHosts ||
            (hosts == fan.densestNetworkHosts && network < fan.densestNetwork)) {
            fan.densestNetworkHosts = hosts;
            fan.densestNetwork = network;
        }
    }
    return fan;
}

// The top key of a comparison dimension, if any.
// The most surprising key of a dimension that rose against the baseline: a key that fell — busy
// in the baseline, quiet in the interval — changed too, but did not make what was flagged.
// Without any that rose (a drop), the most surprising of all.
const ComparisonRow *topRow(const IntervalComparison &comparison, ComparisonDimension dimension)
{
    const auto &rows = comparison.rows(dimension);
    const auto rose = std::find_if(rows.begin(), rows.end(), [](const ComparisonRow &row) {
        return row.rateChange > 0.0 && row.intervalPackets > 0;
    });
    if (rose != rows.end())
        return &*rose;
    return rows.empty() ? nullptr : &rows.front();
}

} // namespace

IntervalDescriber::IntervalDescriber(const Traffic &traffic, TimeNs binWidth)
    : m_traffic(traffic)
    , m_binWidth(binWidth > 0 ? binWidth : traffic.baseWidth())
{
    const FlowList &list = traffic.flows();
    for (std::size_t i = 0; i < list.size(); ++i) {
        const Flow &flow = list[i];
        for (const std::uint32_t id : {flow.client, flow.server}) {
            if (id >= m_firstSeen.size()) {
                m_firstSeen.resize(id + 1, std::numeric_limits<TimeNs>::max());
                m_lastSeen.resize(id + 1, std::numeric_limits<TimeNs>::min());
            }
            m_firstSeen[id] = std::min(m_firstSeen[id], flow.first);
            m_lastSeen[id] = std::max(m_lastSeen[id], flow.last);
        }
    }
}

TimeNs IntervalDescriber::baselineSide(TimeNs from, TimeNs to) const
{
    return std::max(timeBetween(from, to), kMinimumBaselineBins * m_binWidth);
}

ComparisonOptions IntervalDescriber::comparisonOptions(TimeNs from, TimeNs to,
                                                       const std::vector<TimeRange> &others) const
{
    ComparisonOptions options;
    options.before = options.after = baselineSide(from, to);
    options.exclude = nearby(from, to, others);
    options.gapWidth = m_binWidth;
    return options;
}

std::vector<TimeRange> IntervalDescriber::nearby(TimeNs from, TimeNs to,
                                                 const std::vector<TimeRange> &others) const
{
    const auto [start, end] = reach(from, to);
    std::vector<TimeRange> near;
    for (const TimeRange &range : others) {
        if (range.first < end && range.second > start)
            near.push_back(range);
    }
    std::sort(near.begin(), near.end());
    return near;
}

TimeRange IntervalDescriber::reach(TimeNs from, TimeNs to) const
{
    const TimeNs side = baselineSide(from, to);
    const TimeNs reach = side > std::numeric_limits<TimeNs>::max() / kBaselineReach
                             ? std::numeric_limits<TimeNs>::max()
                             : side * kBaselineReach;
    return {timeAfter(from, -reach), timeAfter(to, reach)};
}

// The rules. A change to any of them, their thresholds or their wording bumps kRulesVersion,
// or cases go on showing descriptions made by the old ones.
Explanation IntervalDescriber::explain(TimeNs from, TimeNs to,
                                       const std::vector<TimeRange> &exclude) const
{
    Explanation e;
    const TimeNs duration = std::max<TimeNs>(timeBetween(from, to), 1);
    const auto sums = m_traffic.totals(from, to);
    e.packets = qint64(sums[traffic::Packets]);
    e.bytes = qint64(sums[traffic::Bytes]);
    const auto all = std::numeric_limits<std::size_t>::max();
    e.distinctSources = qint64(m_traffic.top(Dimension::Source, from, to, all).size());
    e.distinctDestinations = qint64(m_traffic.top(Dimension::Destination, from, to, all).size());
    e.distinctDestinationPorts =
        qint64(m_traffic.top(Dimension::DestinationPort, from, to, all).size());

    // An empty stretch is a gap only as long as the series calls one; a bin left empty amid
    // traffic is judged like any other interval.
    TimeNs inGaps = 0;
    for (const TimeRange &gap : m_traffic.gaps(from, to, m_binWidth))
        inGaps = timeAfter(inGaps, timeBetween(gap.first, gap.second));
    if (e.packets == 0 && (m_traffic.isEmpty() || inGaps >= duration - inGaps)) {
        e.kind = AnomalyKind::NoData;
        e.summary = Phrase(
            QT_TRANSLATE_NOOP("tideline::Phrase", "No packets for %1 s: a gap in the capture"),
            {secondsArg(duration)});
        e.evidence.push_back(
            Phrase(QT_TRANSLATE_NOOP("tideline::Phrase", "no packet between the interval's ends")));
        return e;
    }

    ComparisonOptions options = comparisonOptions(from, to, exclude);
    options.limit = 10;
    const IntervalComparison comparison = compareInterval(m_traffic, from, to, options);
    std::array<std::uint64_t, traffic::CounterCount> base{};
    for (const auto &[a, b] : comparison.baseline) {
        const auto part = m_traffic.totals(a, b);
        for (std::size_t c = 0; c < base.size(); ++c)
            base[c] += part[c];
    }
    const double intervalSeconds = seconds(duration);
    const double baselineSeconds = comparison.baselineSeconds;
    const bool hasBaseline = comparison.hasBaseline() && base[traffic::Packets] > 0;
    const auto intervalRate = [&](traffic::Counter c) { return double(sums[c]) / intervalSeconds; };
    const auto baselineRate = [&](traffic::Counter c) {
        return baselineSeconds > 0.0 ? double(base[c]) / baselineSeconds : 0.0;
    };

    if (comparison.hasBaseline()) {
        e.evidence.push_back(Phrase(
            QT_TRANSLATE_NOOP("tideline::Phrase",
                              "baseline: %1 s around the interval, leaving out %2 s flagged "
                              "or marked and %3 s of gaps"),
            {Phrase::Decimal{baselineSeconds, 1}, Phrase::Decimal{comparison.excludedSeconds, 1},
             Phrase::Decimal{comparison.gapSeconds, 1}}));
    } else {
        e.evidence.push_back(Phrase(QT_TRANSLATE_NOOP(
            "tideline::Phrase", "no baseline: nothing clean around the interval to compare with")));
    }

    // Actors by change; the rules below may name their own.
    if (const ComparisonRow *row = topRow(comparison, ComparisonDimension::Sender))
        e.source = row->key;
    else if (const ComparisonRow *any = topRow(comparison, ComparisonDimension::Source))
        e.source = any->key;
    if (const ComparisonRow *row = topRow(comparison, ComparisonDimension::Receiver))
        e.destination = row->key;
    else if (const ComparisonRow *any = topRow(comparison, ComparisonDimension::Destination))
        e.destination = any->key;
    if (const ComparisonRow *row = topRow(comparison, ComparisonDimension::Service))
        e.destinationPort = portOfText(row->key);

    // A flagged bin or two may hold too few packets to show a shape (a few probes, one SYN):
    // the shape rules then look at the traffic around it, up to a baseline's length each side
    // (and at least kMinimumViewReach).
    TimeNs viewFrom = from;
    TimeNs viewTo = to;
    auto view = sums;
    if (e.packets < kMinEvidencePackets) {
        const TimeNs farthest = std::max(options.before, kMinimumViewReach);
        for (TimeNs side = duration;; side = timeAfter(side, side)) {
            const TimeNs reach = std::min(side, farthest);
            viewFrom = std::min(from, std::max(m_traffic.first(), timeAfter(from, -reach)));
            viewTo = std::max(to, std::min(timeAfter(m_traffic.last(), 1), timeAfter(to, reach)));
            view = m_traffic.totals(viewFrom, viewTo);
            if (view[traffic::Packets] >= std::uint64_t(kMinEvidencePackets) || reach >= farthest)
                break;
        }
        if (viewFrom != from || viewTo != to)
            e.evidence.push_back(Phrase(
                QT_TRANSLATE_NOOP("tideline::Phrase",
                                  "the interval holds %1 packets: the shape rules looked at the "
                                  "%2 s around it (%3 packets)"),
                {e.packets, secondsArg(timeBetween(viewFrom, viewTo)),
                 qint64(view[traffic::Packets])}));
    }
    const TimeNs viewDuration = std::max<TimeNs>(timeBetween(viewFrom, viewTo), 1);
    const double viewSeconds = seconds(viewDuration);
    const double viewPackets = double(view[traffic::Packets]);
    const double viewBytes = double(view[traffic::Bytes]);
    const auto viewRate = [&](traffic::Counter c) { return double(view[c]) / viewSeconds; };

    const std::vector<IntervalFlow> flows = intervalFlows(m_traffic, viewFrom, viewTo);
    // Scans and sweeps: one sender fanning out in small flows.
    const FanOut fan = widestSender(m_traffic, flows);
    if (fan.flows >= kMinFanOut) {
        const double n = double(fan.flows);
        const double smallShare = double(fan.small) / n;
        const double answeredShare = double(fan.answered) / n;
        const double rstShare = double(fan.answeredRst) / n;
        const qint64 ports = qint64(fan.services.size());
        const qint64 hosts = qint64(fan.receivers.size());
        const QString sender = m_traffic.addressText(fan.sender);
        const TimeNs span =
            std::max<TimeNs>(timeBetween(std::max(fan.first, viewFrom), std::min(fan.last, viewTo)),
                             std::min<TimeNs>(viewDuration, 1));
        const bool tcpMostly = fan.tcp * 2 > fan.flows;
        if (smallShare >= kSmallFlowShare && ports >= kMinFanOut && ports >= hosts) {
            e.kind = AnomalyKind::PortScan;
            e.source = sender;
            const std::uint32_t onlyHost = *fan.receivers.begin();
            if (hosts == 1)
                e.destination = m_traffic.addressText(onlyHost);
            const QString protocol = tcpMostly ? QStringLiteral("SYN") : QStringLiteral("UDP");
            if (hosts == 1 && tcpMostly) {
                e.summary = Phrase(
                    QT_TRANSLATE_NOOP("tideline::Phrase", "%1 port scan %2 → %3: %4 ports in %5 s, "
                                                          "%6 % answered RST"),
                    {protocol, sender, e.destination, ports, secondsArg(span), percent(rstShare)});
            } else if (hosts == 1) {
                e.summary = Phrase(
                    QT_TRANSLATE_NOOP("tideline::Phrase",
                                      "%1 port scan %2 → %3: %4 ports in %5 s, %6 % answered"),
                    {protocol, sender, e.destination, ports, secondsArg(span),
                     percent(answeredShare)});
            } else {
                e.summary = Phrase(
                    QT_TRANSLATE_NOOP("tideline::Phrase",
                                      "%1 port scan %2 → %3 hosts: %4 ports in %5 s, %6 % "
                                      "answered"),
                    {protocol, sender, hosts, ports, secondsArg(span), percent(answeredShare)});
            }
            e.evidence.push_back(
                Phrase(QT_TRANSLATE_NOOP("tideline::Phrase",
                                         "%1 had %2 flows to %3 ports on %4 host(s); %5 % "
                                         "carried at most 3 packets from it; %6 % were answered, "
                                         "%7 % with RST"),
                       {sender, fan.flows, ports, hosts, percent(smallShare),
                        percent(answeredShare), percent(rstShare)}));
            return e;
        }
        const double networkShare = double(fan.densestNetworkHosts) / double(hosts);
        const bool icmp = fan.icmp * 2 > fan.flows;
        if (smallShare >= kSmallFlowShare && hosts >= kMinFanOut && ports <= kMaxSweepPorts &&
            (networkShare >= kSweepNetworkShare || 1.0 - answeredShare >= kSweepNetworkShare)) {
            e.kind = AnomalyKind::HostSweep;
            e.source = sender;
            e.destination = fan.densestNetwork;
            QString what = QStringLiteral("ICMP");
            if (!icmp && !fan.services.empty()) {
                const std::uint32_t service =
                    *std::min_element(fan.services.begin(), fan.services.end());
                what = portText(service);
                e.destinationPort = int(service & 0xffff);
            } else if (icmp) {
                e.destinationPort.reset();
            }
            e.summary = Phrase(QT_TRANSLATE_NOOP("tideline::Phrase",
                                                 "%1 host sweep %2 → %3: %4 hosts in %5 s, %6 % "
                                                 "answered"),
                               {what, sender, fan.densestNetwork, hosts, secondsArg(span),
                                percent(answeredShare)});
            e.evidence.push_back(Phrase(
                QT_TRANSLATE_NOOP("tideline::Phrase",
                                  "%1 had %2 flows to %3 hosts on %4 port(s); %5 % carried at "
                                  "most 3 packets from it; %6 hosts in %7; %8 % were answered"),
                {sender, fan.flows, hosts, ports, percent(smallShare), fan.densestNetworkHosts,
                 fan.densestNetwork, percent(answeredShare)}));
            return e;
        }
    }

    // Floods and reflection: who received the senders' packets.
    Targets synTargets, udpTargets, reflected;
    std::unordered_map<std::uint32_t, std::unordered_set<std::uint32_t>> synSenders, udpSenders,
        reflectors;
    std::unordered_map<std::uint32_t, std::unordered_map<std::uint32_t, double>> targetPorts;
    std::unordered_map<std::uint32_t, double> reflectedServices;
    std::unordered_map<std::uint32_t, double> senderPackets;
    double udpSent = 0.0;
    for (const IntervalFlow &f : flows) {
        const Flow &flow = *f.flow;
        const double sent = f.share * double(f.direction.initiatorPackets);
        const std::uint32_t receiver = f.direction.responder;
        if (flow.protocol == ipproto::Tcp && (flow.tcpFlags & tcpflag::Syn)) {
            synTargets.add(receiver, sent);
            synSenders[receiver].insert(f.direction.initiator);
        }
        if (flow.protocol == ipproto::Udp) {
            // IP fragments after the first have no ports: they cannot tell reflection apart.
            if (f.direction.initiatorPort != 0 || f.direction.responderPort != 0)
                udpSent += sent;
            udpTargets.add(receiver, sent);
            udpSenders[receiver].insert(f.direction.initiator);
            // Unanswered replies from a reflection port, whatever port they go to.
            const std::uint32_t port = f.direction.initiatorPort | traffic::kUdpPortBit;
            if (f.direction.responderPackets == 0 && reflectionService(port)) {
                reflected.add(receiver, sent);
                reflectors[receiver].insert(f.direction.initiator);
                reflectedServices[port] += sent;
            }
        }
        if (f.direction.service && !f.direction.serviceAtInitiator)
            targetPorts[receiver][*f.direction.service] += sent;
        senderPackets[f.direction.initiator] += sent;
    }
    const auto topPortOf = [&](std::uint32_t target) -> std::optional<std::uint32_t> {
        const auto it = targetPorts.find(target);
        if (it == targetPorts.end() || it->second.empty())
            return std::nullopt;
        const auto best = std::max_element(
            it->second.begin(), it->second.end(), [](const auto &a, const auto &b) {
                return a.second != b.second ? a.second < b.second : a.first > b.first;
            });
        return best->first;
    };
    // The one sender, when a target's traffic came from a single address.
    const auto singleSender = [&](const std::unordered_set<std::uint32_t> &senders) {
        return senders.size() == 1 ? m_traffic.addressText(*senders.begin()) : QString();
    };

    const double tcp = double(view[traffic::PacketsTcp]);
    const double syn = double(view[traffic::SynNoAck]);
    const double udp = double(view[traffic::PacketsUdp]);
    // Ordinary TCP has one SYN per connection among many packets; a SYN share this high is a
    // flood even when the flood goes on in the baseline (a detector often flags only its start).
    if (tcp >= kMajority * viewPackets && syn >= kSynShare * tcp && syn >= kMinFloodPackets &&
        synTargets.total > 0.0) {
        const auto [target, toTarget] = synTargets.top();
        const double targetShare = toTarget / synTargets.total;
        if (targetShare >= kMajority) {
            e.kind = AnomalyKind::SynFlood;
            e.destination = m_traffic.addressText(target);
            const auto port = topPortOf(target);
            const QString portName = port ? portText(*port) : QStringLiteral("—");
            e.destinationPort = port ? std::optional<int>(int(*port & 0xffff)) : std::nullopt;
            const auto &senders = synSenders[target];
            const QString one = singleSender(senders);
            if (!one.isEmpty()) {
                e.source = one;
                e.summary = Phrase(
                    QT_TRANSLATE_NOOP("tideline::Phrase",
                                      "SYN flood %1 → %2 (%3): %4 SYNs in %5 s (%6 per second)"),
                    {one, e.destination, portName, qint64(view[traffic::SynNoAck]),
                     secondsArg(viewDuration), rate(syn / viewSeconds)});
            } else {
                e.summary = Phrase(QT_TRANSLATE_NOOP("tideline::Phrase",
                                                     "SYN flood → %1 (%2) from %3 sources: %4 "
                                                     "SYNs in %5 s (%6 per second)"),
                                   {e.destination, portName, qint64(senders.size()),
                                    qint64(view[traffic::SynNoAck]), secondsArg(viewDuration),
                                    rate(syn / viewSeconds)});
            }
            e.evidence.push_back(Phrase(
                QT_TRANSLATE_NOOP("tideline::Phrase",
                                  "%1 % of TCP packets were SYN without ACK, %2 per second "
                                  "against %3 in the baseline; %4 % of them went to %5"),
                {percent(syn / tcp), rate(viewRate(traffic::SynNoAck)),
                 rate(baselineRate(traffic::SynNoAck)), percent(targetShare), e.destination}));
            return e;
        }
    }

    // Reflected replies are large: they may be a minority of packets beside the victim's own
    // traffic and still most of its bytes.
    const double udpBytes = double(view[traffic::BytesUdp]);
    if ((udp >= kReflectionShare * viewPackets || udpBytes >= kReflectionShare * viewBytes) &&
        reflected.total >= kMajority * udpSent && reflected.total > 0.0) {
        const auto [target, toTarget] = reflected.top();
        const double targetShare = toTarget / reflected.total;
        const qint64 count = qint64(reflectors[target].size());
        if (targetShare >= kMajority && count >= kMinReflectors) {
            e.kind = AnomalyKind::Amplification;
            e.destination = m_traffic.addressText(target);
            std::vector<std::pair<double, std::uint32_t>> services;
            for (const auto &[service, n] : reflectedServices)
                services.emplace_back(n, service);
            std::sort(services.begin(), services.end(), [](const auto &a, const auto &b) {
                return a.first != b.first ? a.first > b.first : a.second < b.second;
            });
            QStringList names, ports;
            for (const auto &[n, service] : services) {
                if (n < 0.05 * reflected.total)
                    continue; // a few stray replies do not name the attack
                names << QString::fromLatin1(reflectionService(service)->name);
                ports << portText(service);
            }
            if (names.isEmpty()) {
                names << QString::fromLatin1(reflectionService(services.front().second)->name);
                ports << portText(services.front().second);
            }
            e.destinationPort = int(services.front().second & 0xffff);
            e.source = singleSender(reflectors[target]);
            if (e.source.isEmpty()) {
                if (const ComparisonRow *row = topRow(comparison, ComparisonDimension::Sender))
                    e.source = row->key;
            }
            e.summary =
                Phrase(QT_TRANSLATE_NOOP("tideline::Phrase",
                                         "%1 amplification → %2 from %3 reflectors (%4): "
                                         "%5 packets, %6 MB in %7 s"),
                       {names.join(QLatin1Char('/')), e.destination, count,
                        ports.join(QStringLiteral(", ")), rounded(toTarget),
                        Phrase::Decimal{double(viewBytes) / 1e6, 1}, secondsArg(viewDuration)});
            e.evidence.push_back(Phrase(
                QT_TRANSLATE_NOOP("tideline::Phrase",
                                  "%1 % of UDP packets came unanswered from reflection ports (%2) "
                                  "of %3 sources; %4 % of them went to %5"),
                {percent(reflected.total / std::max(udpSent, 1.0)),
                 ports.join(QStringLiteral(", ")), count, percent(targetShare), e.destination}));
            return e;
        }
    }

    const double udpRise = ratio(viewRate(traffic::PacketsUdp), baselineRate(traffic::PacketsUdp));
    if (udp >= kMajority * viewPackets && udp >= kMinFloodPackets && udpTargets.total > 0.0) {
        const auto [target, toTarget] = udpTargets.top();
        const double targetShare = toTarget / udpTargets.total;
        // A flood that goes on in the baseline does not rise against it, but is still fast.
        if (targetShare >= kMajority &&
            (udpRise >= kFloodRise || toTarget / viewSeconds >= kFloodRate)) {
            e.kind = AnomalyKind::UdpFlood;
            e.destination = m_traffic.addressText(target);
            const auto port = topPortOf(target);
            const QString portName = port ? portText(*port) : QStringLiteral("—");
            e.destinationPort = port ? std::optional<int>(int(*port & 0xffff)) : std::nullopt;
            const auto &senders = udpSenders[target];
            const QString one = singleSender(senders);
            if (!one.isEmpty()) {
                e.source = one;
                e.summary = Phrase(QT_TRANSLATE_NOOP("tideline::Phrase",
                                                     "UDP flood %1 → %2 (%3): %4 packets in %5 s "
                                                     "(%6 per second)"),
                                   {one, e.destination, portName, rounded(toTarget),
                                    secondsArg(viewDuration), rate(toTarget / viewSeconds)});
            } else {
                e.summary = Phrase(
                    QT_TRANSLATE_NOOP("tideline::Phrase", "UDP flood → %1 (%2) from %3 sources: %4 "
                                                          "packets in %5 s (%6 per second)"),
                    {e.destination, portName, qint64(senders.size()), rounded(toTarget),
                     secondsArg(viewDuration), rate(toTarget / viewSeconds)});
            }
            e.evidence.push_back(Phrase(
                QT_TRANSLATE_NOOP("tideline::Phrase",
                                  "%1 % of packets were UDP, %2 per second against %3 in the "
                                  "baseline; %4 % of them went to %5"),
                {percent(udp / viewPackets), rate(viewRate(traffic::PacketsUdp)),
                 rate(baselineRate(traffic::PacketsUdp)), percent(targetShare), e.destination}));
            return e;
        }
    }

    // One connection uploading far more than any in the baseline did: the whole connection's
    // net upload (what the end that spoke first sent beyond what it received), as
    // largest_upload counts it. Both ends must have spoken: a one-way flow record says nothing
    // of what came back.
    if (hasBaseline) {
        const auto upload = [](const Flow &flow) {
            return flow.packetsFromClient < flow.packets ? double(netUpload(flow)) : 0.0;
        };
        const IntervalFlow *largest = nullptr;
        for (const IntervalFlow &f : flows) {
            if (!largest || upload(*f.flow) > upload(*largest->flow))
                largest = &f;
        }
        const double uploaded = largest ? upload(*largest->flow) : 0.0;
        // The baseline's connections but the same two hosts' (an upload split over connections
        // goes on around the interval).
        const auto mostInBaseline = [&](const Flow &top) {
            double most = 0.0;
            for (const auto &[a, b] : comparison.baseline) {
                for (const std::uint32_t index : m_traffic.flowsBetween(a, b)) {
                    const Flow &flow = m_traffic.flows()[index];
                    const bool samePair =
                        (flow.client == top.client && flow.server == top.server) ||
                        (flow.client == top.server && flow.server == top.client);
                    if ((flow.last < viewFrom || flow.first >= viewTo) && !samePair)
                        most = std::max(most, upload(flow));
                }
            }
            return most;
        };
        const double baselineLargest =
            uploaded >= kLargeUploadBytes ? mostInBaseline(*largest->flow) : 0.0;
        if (uploaded >= kLargeUploadBytes && uploaded >= kLargeUploadRise * baselineLargest) {
            const Flow &flow = *largest->flow;
            e.kind = AnomalyKind::LargeUpload;
            e.source = m_traffic.addressText(flow.client);
            e.destination = m_traffic.addressText(flow.server);
            e.destinationPort =
                flow.serverPort > 0 ? std::optional<int>(flow.serverPort) : std::nullopt;
            const QString service =
                flow.serverPort > 0
                    ? portText(flow.serverPort |
                               (flow.protocol == ipproto::Udp ? traffic::kUdpPortBit : 0u))
                    : QStringLiteral("—");
            e.summary = Phrase(
                QT_TRANSLATE_NOOP("tideline::Phrase", "Large upload: %1 → %2 (%3) sent %4 kB more "
                                                      "than it received over %5 s; the most in "
                                                      "the baseline %6 kB"),
                {e.source, e.destination, service, Phrase::Decimal{uploaded / 1e3, 0},
                 secondsArg(std::max<TimeNs>(timeBetween(flow.first, flow.last), 1)),
                 Phrase::Decimal{baselineLargest / 1e3, 0}});
            e.evidence.push_back(Phrase(
                QT_TRANSLATE_NOOP("tideline::Phrase",
                                  "the connection ran from %1 to %2: %3 packets, %4 of them from "
                                  "%5"),
                {formatIsoUtc(flow.first), formatIsoUtc(flow.last), qint64(flow.packets),
                 qint64(flow.packetsFromClient), e.source}));
            return e;
        }
    }

    // A host first seen after a baseline's worth of capture, steady through the interval.
    if (hasBaseline) {
        const TimeNs history = std::max(options.before, kMinimumHistory);
        struct Talker
        {
            double bytes = 0.0;
            // From its first to its last packet inside the interval: one long flow or
            // chunks sent every few seconds are alike steady.
            TimeNs first = std::numeric_limits<TimeNs>::max();
            TimeNs last = std::numeric_limits<TimeNs>::min();
            double active() const { return last > first ? seconds(timeBetween(first, last)) : 0.0; }
            std::uint32_t peer = 0;
            double peerBytes = 0.0;
            std::optional<std::uint32_t> service;
        };
        std::unordered_map<std::uint32_t, Talker> talkers;
        const auto isNew = [&](std::uint32_t id) {
            return id < m_firstSeen.size() &&
                   timeBetween(m_traffic.first(), m_firstSeen[id]) >= history &&
                   m_firstSeen[id] < viewTo &&
                   timeBetween(m_firstSeen[id], std::min(m_lastSeen[id], viewTo)) >= kNewTalkerSpan;
        };
        for (const IntervalFlow &f : flows) {
            const Flow &flow = *f.flow;
            const double bytes = f.share * double(flow.bytes);
            for (const auto &[id, peer] :
                 {std::pair{f.direction.initiator, f.direction.responder},
                  std::pair{f.direction.responder, f.direction.initiator}}) {
                if (!isNew(id))
                    continue;
                Talker &talker = talkers[id];
                talker.bytes += bytes;
                talker.first = std::min(talker.first, std::max(flow.first, viewFrom));
                talker.last = std::max(talker.last, std::min(flow.last, viewTo));
                if (bytes > talker.peerBytes) {
                    talker.peer = peer;
                    talker.peerBytes = bytes;
                    talker.service = f.direction.service;
                }
            }
        }
        std::uint32_t best = 0;
        const Talker *chosen = nullptr;
        for (const auto &[id, talker] : talkers) {
            if (talker.active() < kNewTalkerActivity * viewSeconds ||
                talker.bytes < kNewTalkerByteShare * double(viewBytes))
                continue;
            if (!chosen || talker.bytes > chosen->bytes ||
                (talker.bytes == chosen->bytes && id < best)) {
                best = id;
                chosen = &talker;
            }
        }
        if (chosen) {
            e.kind = AnomalyKind::NewTalker;
            const QString host = m_traffic.addressText(best);
            const QString peer = m_traffic.addressText(chosen->peer);
            // The sender and receiver of the new host's main conversation.
            bool hostSends = false;
            for (const IntervalFlow &f : flows) {
                if (f.direction.initiator == best && f.direction.responder == chosen->peer) {
                    hostSends = true;
                    break;
                }
            }
            e.source = hostSends ? host : peer;
            e.destination = hostSends ? peer : host;
            e.destinationPort =
                chosen->service ? std::optional<int>(int(*chosen->service & 0xffff)) : std::nullopt;
            const QString service =
                chosen->service ? portText(*chosen->service) : QStringLiteral("—");
            e.summary = Phrase(
                QT_TRANSLATE_NOOP("tideline::Phrase", "New talker %1: %2 → %3 (%4), first seen %5; "
                                                      "%6 kB in %7 s"),
                {host, e.source, e.destination, service, formatIsoUtc(m_firstSeen[best]),
                 Phrase::Decimal{chosen->bytes / 1e3, 0}, secondsArg(viewDuration)});
            e.evidence.push_back(Phrase(
                QT_TRANSLATE_NOOP("tideline::Phrase",
                                  "%1 was first seen %2 s into the capture; its flows span %3 % "
                                  "of the interval and carry %4 % of its bytes"),
                {host,
                 Phrase::Decimal{seconds(timeBetween(m_traffic.first(), m_firstSeen[best])), 0},
                 percent(std::min(1.0, chosen->active() / viewSeconds)),
                 percent(chosen->bytes / double(viewBytes))}));
            return e;
        }
    }

    const double packetRate = intervalRate(traffic::Packets);
    const double byteRate = intervalRate(traffic::Bytes);
    const double baselinePacketRate = baselineRate(traffic::Packets);
    const double baselineByteRate = baselineRate(traffic::Bytes);
    const QString changed = e.source.isEmpty() ? QStringLiteral("—") : e.source;
    if (hasBaseline) {
        e.evidence.push_back(Phrase(
            QT_TRANSLATE_NOOP("tideline::Phrase",
                              "%1 packets/s and %2 bytes/s against %3 and %4 in the baseline"),
            {rate(packetRate), rate(byteRate), rate(baselinePacketRate), rate(baselineByteRate)}));
        const double packetRatio = ratio(packetRate, baselinePacketRate);
        const double byteRatio = ratio(byteRate, baselineByteRate);
        if (packetRatio >= kSpikeRatio || byteRatio >= kSpikeRatio) {
            e.kind = AnomalyKind::VolumeSpike;
            if (packetRatio >= kSpikeRatio) {
                e.summary = Phrase(QT_TRANSLATE_NOOP("tideline::Phrase",
                                                     "Traffic spike: %1 packets/s against %2 in "
                                                     "the baseline (%3×), most change from %4"),
                                   {rate(packetRate), rate(baselinePacketRate),
                                    Phrase::Decimal{packetRatio, 1}, changed});
            } else {
                e.summary = Phrase(QT_TRANSLATE_NOOP("tideline::Phrase",
                                                     "Traffic spike: %1 bytes/s against %2 in the "
                                                     "baseline (%3×), most change from %4"),
                                   {rate(byteRate), rate(baselineByteRate),
                                    Phrase::Decimal{byteRatio, 1}, changed});
            }
            return e;
        }
        if (packetRatio <= kDropRatio) {
            e.kind = AnomalyKind::VolumeDrop;
            e.summary = Phrase(QT_TRANSLATE_NOOP("tideline::Phrase",
                                                 "Traffic drop: %1 packets/s against %2 in the "
                                                 "baseline"),
                               {rate(packetRate), rate(baselinePacketRate)});
            return e;
        }
        e.summary = Phrase(QT_TRANSLATE_NOOP("tideline::Phrase",
                                             "No rule matched: %1 packets/s against %2 in the "
                                             "baseline, most change from %3"),
                           {rate(packetRate), rate(baselinePacketRate), changed});
        return e;
    }
    e.summary = Phrase(QT_TRANSLATE_NOOP("tideline::Phrase",
                                         "No rule matched: %1 packets in %2 s, no baseline to "
                                         "compare with"),
                       {e.packets, secondsArg(duration)});
    return e;
}

void IntervalDescriber::describe(Anomaly &anomaly, const std::vector<TimeRange> &exclude) const
{
    const Explanation e = explain(anomaly.start, anomaly.end, exclude);
    anomaly.packets = e.packets;
    anomaly.bytes = e.bytes;
    anomaly.topSource = e.source;
    anomaly.topDestination = e.destination;
    anomaly.topDestinationPort = e.destinationPort;
    anomaly.kind = kindId(e.kind);
    anomaly.summary = e.summary.english();
    anomaly.localSummary = e.summary.local();
    anomaly.distinctSources = e.distinctSources;
    anomaly.distinctDestinations = e.distinctDestinations;
    anomaly.distinctDestinationPorts = e.distinctDestinationPorts;
    anomaly.evidence.clear();
    for (const Phrase &phrase : e.evidence)
        anomaly.evidence << phrase.local();
}

void IntervalDescriber::describeAll(std::vector<Anomaly> &anomalies,
                                    const std::vector<TimeRange> &exclude) const
{
    for (std::size_t i = 0; i < anomalies.size(); ++i) {
        std::vector<TimeRange> others = exclude;
        for (std::size_t j = 0; j < anomalies.size(); ++j) {
            if (j != i)
                others.emplace_back(anomalies[j].start, anomalies[j].end);
        }
        describe(anomalies[i], others);
    }
}

} // namespace tideline
