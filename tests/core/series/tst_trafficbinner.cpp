#include "common/binwidth.h"
#include "series/trafficbinner.h"
#include "testaddresses.h"

#include <QTest>
#include <algorithm>
#include <random>
#include <tuple>

using namespace tideline;
using namespace tideline::traffic;

namespace {

Packet tcp(TimeNs time, IpAddress source, std::uint16_t sourcePort, IpAddress destination,
           std::uint16_t destinationPort, std::uint8_t flags, std::uint32_t length = 100)
{
    Packet p;
    p.time = time;
    p.wireLength = p.capturedLength = length;
    p.decode = Packet::Decode::Ok;
    p.network = Packet::Network::IPv4;
    p.source = source;
    p.destination = destination;
    p.protocol = ipproto::Tcp;
    p.hasPorts = true;
    p.sourcePort = sourcePort;
    p.destinationPort = destinationPort;
    p.tcpFlags = flags;
    return p;
}

Packet udp(TimeNs time, IpAddress source, IpAddress destination, std::uint16_t port,
           std::uint32_t length)
{
    Packet p = tcp(time, source, 5353, destination, port, 0, length);
    p.protocol = ipproto::Udp;
    return p;
}

Packet nonIp(TimeNs time, Packet::Decode decode)
{
    Packet p;
    p.time = time;
    p.wireLength = p.capturedLength = 60;
    p.decode = decode;
    return p;
}

// A small, mixed, reproducible stream over ~20 s.
std::vector<Packet> mixedTraffic(int count, quint64 seed)
{
    std::mt19937_64 rng(seed);
    const TimeNs start = 1'700'000'000 * kNsPerSecond;
    std::vector<Packet> packets;
    for (int i = 0; i < count; ++i) {
        const TimeNs t = start + TimeNs(rng() % (20 * kNsPerSecond));
        const auto host = std::uint8_t(1 + rng() % 40);
        const auto server = std::uint8_t(1 + rng() % 5);
        switch (rng() % 4) {
        case 0:
            packets.push_back(tcp(t, v4(10, 0, 0, host), 40000 + host, v4(192, 0, 2, server), 443,
                                  tcpflag::Ack, 60 + std::uint32_t(rng() % 1400)));
            break;
        case 1:
            packets.push_back(tcp(t, v4(10, 0, 0, host), 40000 + host, v4(192, 0, 2, server),
                                  std::uint16_t(rng() % 1024), tcpflag::Syn));
            break;
        case 2:
            packets.push_back(udp(t, v4(10, 0, 0, host), v4(192, 0, 2, server), 53, 80));
            break;
        default:
            packets.push_back(nonIp(t, Packet::Decode::Ok));
            break;
        }
    }
    std::sort(packets.begin(), packets.end(),
              [](const Packet &a, const Packet &b) { return a.time < b.time; });
    return packets;
}

Traffic bin(const std::vector<Packet> &packets, TimeNs requested = 0,
            std::size_t budget = TrafficBinner::kDefaultBinBudget,
            TrafficBinner::Threads threads = TrafficBinner::Threads::One)
{
    TrafficBinner binner(requested, budget, threads);
    for (const Packet &p : packets)
        binner.addPacket(p);
    return binner.finish();
}

// Whether two traffics tally the same keys with the same packets and bytes over [from, to), in
// every dimension (address ids follow first appearance, so keys are compared by what they name).
bool sameTallies(const Traffic &a, const Traffic &b, TimeNs from, TimeNs to)
{
    const auto named = [from, to](const Traffic &traffic, Dimension dimension) {
        std::vector<std::tuple<QString, std::uint32_t, std::uint64_t>> rows;
        for (const Tally &tally : traffic.top(dimension, from, to, 1000))
            rows.emplace_back(traffic.keyText(dimension, tally.key), tally.packets, tally.bytes);
        std::sort(rows.begin(), rows.end());
        return rows;
    };
    for (const Dimension dimension : {Dimension::Source, Dimension::Destination,
                                      Dimension::DestinationPort, Dimension::Protocol}) {
        const auto expected = named(b, dimension);
        if (expected.empty() || named(a, dimension) != expected)
            return false;
    }
    return true;
}

} // namespace

class TestTrafficBinner : public QObject
{
    Q_OBJECT

private slots:
    void countsFeaturesOfOneBin()
    {
        const TimeNs t = 1000 * kNsPerSecond;
        const IpAddress a = v4(10, 0, 0, 1), b = v4(10, 0, 0, 2), s = v4(192, 0, 2, 1);
        std::vector<Packet> packets{
            tcp(t, a, 40000, s, 443, tcpflag::Syn, 60),
            tcp(t + 1, s, 443, a, 40000, tcpflag::Syn | tcpflag::Ack, 60),
            tcp(t + 2, a, 40000, s, 443, tcpflag::Ack, 1500),
            tcp(t + 3, b, 40001, s, 22, tcpflag::Syn, 60),
            udp(t + 4, b, s, 53, 80),
            nonIp(t + 5, Packet::Decode::Ok),
            nonIp(t + 6, Packet::Decode::Undecoded),
            nonIp(t + 7, Packet::Decode::Malformed),
        };
        const Traffic traffic = bin(packets, kNsPerSecond);
        const Series series = traffic.series(kNsPerSecond);
        QCOMPARE(series.rowCount(), 1);
        const auto value = [&](const char *name) {
            return series.values(0, series.featureIndex(QLatin1String(name)));
        };
        QCOMPARE(value("packets"), 8.0);
        QCOMPARE(value("bytes"), 60.0 + 60 + 1500 + 60 + 80 + 60 + 60 + 60);
        QCOMPARE(value("packets_tcp"), 4.0);
        QCOMPARE(value("bytes_tcp"), 1680.0);
        QCOMPARE(value("packets_udp"), 1.0);
        QCOMPARE(value("packets_other"), 3.0);
        QCOMPARE(value("packets_web"), 3.0);
        QCOMPARE(value("syn_no_ack"), 2.0);
        QCOMPARE(value("distinct_sources"), 3.0);           // a, b, s
        QCOMPARE(value("distinct_destinations"), 2.0);      // s, a
        QCOMPARE(value("distinct_destination_ports"), 4.0); // tcp/443, tcp/40000, tcp/22, udp/53
        QCOMPARE(value("mean_packet_size"), 1940.0 / 8);

        QCOMPARE(traffic.flows().size(), std::size_t(3));
        const Flow &web = traffic.flows().front();
        QCOMPARE(traffic.addressText(web.client), QStringLiteral("10.0.0.1"));
        QCOMPARE(web.serverPort, std::uint16_t(443));
        QCOMPARE(web.packets, std::uint64_t(3));
        QCOMPARE(web.packetsFromClient, std::uint64_t(2));
        QCOMPARE(web.tcpFlags, std::uint8_t(tcpflag::Syn | tcpflag::Ack));
    }

    void coarserWidthSumsCountsButNotDistincts()
    {
        const std::vector<Packet> packets = mixedTraffic(20000, 1);
        const Traffic traffic = bin(packets);
        QVERIFY(traffic.canBinAt(100 * kNsPerMs));
        const Series fine = traffic.series(100 * kNsPerMs);
        const Series coarse = traffic.series(10 * kNsPerSecond);
        const int packetsColumn = fine.featureIndex(QStringLiteral("packets"));
        QCOMPARE(fine.values.col(packetsColumn).sum(), 20000.0);
        QCOMPARE(coarse.values.col(packetsColumn).sum(), 20000.0);
        // 40 hosts + 5 servers exist, so no 10 s bin can have more distinct sources than 45,
        // while the 100 ms bins summed would give far more.
        const int sources = fine.featureIndex(QStringLiteral("distinct_sources"));
        QVERIFY(coarse.values.col(sources).maxCoeff() <= 45);
        QVERIFY(fine.values.col(sources).sum() > 45 * coarse.rowCount());
    }

    void packetOrderDoesNotChangeTheResult_data()
    {
        QTest::addColumn<std::size_t>("budget");
        QTest::newRow("roomy") << TrafficBinner::kDefaultBinBudget;
        QTest::newRow("coarsening") << std::size_t(50);
    }

    // In time order every bin is filled in one go; shuffled, bins are left and re-entered all
    // the time (and coarsened meanwhile): counters, distinct counts and tallies must agree.
    void packetOrderDoesNotChangeTheResult()
    {
        QFETCH(std::size_t, budget);
        std::vector<Packet> packets = mixedTraffic(5000, 2);
        std::sort(packets.begin(), packets.end(),
                  [](const Packet &a, const Packet &b) { return a.time < b.time; });
        const Traffic inOrder = bin(packets, 0, budget);
        std::mt19937_64 rng(3);
        std::shuffle(packets.begin(), packets.end(), rng);
        const Traffic shuffled = bin(packets, 0, budget);

        QCOMPARE(shuffled.baseWidth(), inOrder.baseWidth());
        const Series a = inOrder.series(kNsPerSecond);
        const Series b = shuffled.series(kNsPerSecond);
        QCOMPARE(b.starts, a.starts);
        QVERIFY(b.values == a.values);
        for (const TimeNs start : a.starts)
            QVERIFY(sameTallies(shuffled, inOrder, start, start + kNsPerSecond));
    }

    // With two threads the flow table numbers flows on one and the records are counted on the
    // other: the result must be the one thread's, flow by flow and tally by tally.
    void twoThreadsGiveTheSameTraffic()
    {
        std::vector<Packet> packets = mixedTraffic(30000, 5);
        std::mt19937_64 rng(6);
        std::shuffle(packets.begin() + 10000, packets.begin() + 12000, rng); // some late packets
        const Traffic one = bin(packets, 0, 200);
        const Traffic two = bin(packets, 0, 200, TrafficBinner::Threads::Two);

        QCOMPARE(two.baseWidth(), one.baseWidth());
        QCOMPARE(two.binCount(), one.binCount());
        QVERIFY(two.series(kNsPerSecond).values == one.series(kNsPerSecond).values);
        QCOMPARE(two.flows().size(), one.flows().size());
        QVERIFY(one.flows().size() > 100);
        for (std::size_t i = 0; i < one.flows().size(); ++i) {
            const Flow &a = one.flows()[i];
            const Flow &b = two.flows()[i];
            QVERIFY(std::tie(a.client, a.server, a.clientPort, a.serverPort, a.protocol, a.tcpFlags,
                             a.first, a.last, a.packets, a.bytes, a.packetsFromClient) ==
                    std::tie(b.client, b.server, b.clientPort, b.serverPort, b.protocol, b.tcpFlags,
                             b.first, b.last, b.packets, b.bytes, b.packetsFromClient));
        }
        const TimeNs from = one.first();
        for (const Dimension dimension : {Dimension::Source, Dimension::Destination,
                                          Dimension::DestinationPort, Dimension::Protocol}) {
            const auto top = [&](const Traffic &traffic) {
                std::vector<std::tuple<std::uint32_t, std::uint64_t, std::uint64_t>> rows;
                for (const Tally &tally : traffic.top(dimension, from, one.last() + 1, 100000))
                    rows.emplace_back(tally.key, tally.packets, tally.bytes);
                std::sort(rows.begin(), rows.end());
                return rows;
            };
            QVERIFY(!top(one).empty());
            QVERIFY(top(two) == top(one));
        }
    }

    void coarseningUnderABudgetKeepsCoarseBinsExact()
    {
        const std::vector<Packet> packets = mixedTraffic(20000, 4);
        const Traffic roomy = bin(packets);
        const Traffic tight = bin(packets, 0, 50); // forces several coarsenings
        QVERIFY(tight.baseWidth() > roomy.baseWidth());
        QVERIFY(tight.binCount() <= 50);
        const Series a = roomy.series(10 * kNsPerSecond);
        const Series b = tight.series(10 * kNsPerSecond);
        QCOMPARE(b.starts, a.starts);
        QVERIFY(b.values == a.values);
        // After each coarsening the newest bin is entered again, so the keys it gets later
        // come through the side list.
        for (const TimeNs start : a.starts)
            QVERIFY(sameTallies(tight, roomy, start, start + 10 * kNsPerSecond));
    }

    void requestedWidthIsNeverCoarsenedAway()
    {
        const Traffic traffic = bin(mixedTraffic(20000, 5), 200 * kNsPerMs, 10);
        QVERIFY(traffic.canBinAt(200 * kNsPerMs));
        QCOMPARE(traffic.baseWidth(), 100 * kNsPerMs);
    }

    void yearsOfSilenceBecomeOneGapRow()
    {
        const TimeNs year = 365LL * 86400 * kNsPerSecond;
        std::vector<Packet> packets;
        for (int i = 0; i < 100; ++i) {
            packets.push_back(udp(TimeNs(i) * kNsPerMs, v4(1, 1, 1, 1), v4(2, 2, 2, 2), 53, 90));
            packets.push_back(
                udp(5 * year + TimeNs(i) * kNsPerMs, v4(1, 1, 1, 1), v4(2, 2, 2, 2), 53, 90));
        }
        const Traffic traffic = bin(packets);
        const TimeNs width = traffic.autoWidth();
        QVERIFY2(width <= kNsPerSecond, qPrintable(formatDuration(width)));
        const Series series = traffic.series(width);
        QVERIFY2(series.rowCount() < 1000, qPrintable(QString::number(series.rowCount())));
        const auto gaps = std::count(series.hasData.begin(), series.hasData.end(), false);
        QCOMPARE(gaps, 1);
        const int packetsColumn = series.featureIndex(QStringLiteral("packets"));
        QCOMPARE(series.values.col(packetsColumn).sum(), 200.0);
    }

    void shortQuietStretchesAreZeroTrafficNotGaps()
    {
        std::vector<Packet> packets{udp(0, v4(1, 1, 1, 1), v4(2, 2, 2, 2), 53, 90),
                                    udp(10 * kNsPerSecond, v4(1, 1, 1, 1), v4(2, 2, 2, 2), 53, 90)};
        const Series series = bin(packets).series(kNsPerSecond);
        QCOMPARE(series.rowCount(), 11);
        QVERIFY(
            std::all_of(series.hasData.begin(), series.hasData.end(), [](bool b) { return b; }));
    }

    void flowsEndAfterIdleTimeout()
    {
        const IpAddress a = v4(10, 0, 0, 1), s = v4(192, 0, 2, 1);
        const TimeNs later = kNsPerSecond + FlowTable::kIdleTimeout + 1;
        std::vector<Packet> packets{tcp(0, a, 1234, s, 80, tcpflag::Ack),
                                    tcp(kNsPerSecond, s, 80, a, 1234, tcpflag::Ack),
                                    tcp(later, a, 1234, s, 80, tcpflag::Ack)};
        const Traffic traffic = bin(packets);
        QCOMPARE(traffic.flows().size(), std::size_t(2));
        QCOMPARE(traffic.flows()[0].packets, std::uint64_t(2));
        QCOMPARE(traffic.flowsBetween(0, kNsPerSecond).size(), std::size_t(1));
        QCOMPARE(traffic.flowsBetween(later, later + 1).size(), std::size_t(1));
        QCOMPARE(traffic.flowsBetween(0, later + 1).size(), std::size_t(2));
    }

    void topContributorsInARange()
    {
        const IpAddress loud = v4(10, 0, 0, 9), quiet = v4(10, 0, 0, 8), s = v4(192, 0, 2, 1);
        std::vector<Packet> packets;
        for (int i = 0; i < 50; ++i)
            packets.push_back(
                tcp(5 * kNsPerSecond + i, loud, 999, s, std::uint16_t(i), tcpflag::Syn));
        packets.push_back(tcp(5 * kNsPerSecond, quiet, 1000, s, 443, tcpflag::Ack));
        packets.push_back(tcp(0, quiet, 1000, s, 443, tcpflag::Ack)); // outside the range
        const Traffic traffic = bin(packets);
        const auto sources = traffic.top(Dimension::Source, 5 * kNsPerSecond, 6 * kNsPerSecond, 5);
        QCOMPARE(sources.size(), std::size_t(2));
        QCOMPARE(traffic.keyText(Dimension::Source, sources[0].key), QStringLiteral("10.0.0.9"));
        QCOMPARE(sources[0].packets, 50u);
        QCOMPARE(sources[1].packets, 1u);
        const auto ports = traffic.top(Dimension::DestinationPort, 0, 10 * kNsPerSecond, 1);
        QCOMPARE(traffic.keyText(Dimension::DestinationPort, ports[0].key),
                 QStringLiteral("tcp/443"));
        QCOMPARE(traffic.totals(5 * kNsPerSecond, 6 * kNsPerSecond)[SynNoAck], 50u);
    }

    // A flow's later packets take their address ids from its record: a reply counts for the
    // server as its source, not for the client that opened the flow.
    void repliesCountForTheirSender()
    {
        const IpAddress client = v4(10, 0, 0, 1), server = v4(192, 0, 2, 1);
        std::vector<Packet> packets{tcp(0, client, 1234, server, 80, tcpflag::Syn)};
        for (int i = 1; i <= 3; ++i)
            packets.push_back(tcp(i, server, 80, client, 1234, tcpflag::Ack));
        const Traffic traffic = bin(packets);
        const auto sources = traffic.top(Dimension::Source, 0, kNsPerSecond, 2);
        QCOMPARE(sources.size(), std::size_t(2));
        QCOMPARE(traffic.keyText(Dimension::Source, sources[0].key), QStringLiteral("192.0.2.1"));
        QCOMPARE(sources[0].packets, 3u);
        const auto destinations = traffic.top(Dimension::Destination, 0, kNsPerSecond, 2);
        QCOMPARE(traffic.keyText(Dimension::Destination, destinations[0].key),
                 QStringLiteral("10.0.0.1"));
        QCOMPARE(destinations[0].packets, 3u);
        QCOMPARE(traffic.flows().size(), std::size_t(1));
        QCOMPARE(traffic.flows().front().packetsFromClient, std::uint64_t(1));
    }

    void largestUploadSpansTheConnection()
    {
        // Seconds 0-9: a client uploads 10 × 1,000 bytes with a packet every other second, the
        // server answering 100 bytes once. Seconds 3-4: a smaller upload (500 net) overlaps it.
        // Seconds 2-6: a download, whose net upload is negative. Second 12: nothing open.
        const IpAddress client = v4(10, 0, 0, 1), server = v4(192, 0, 2, 1);
        const IpAddress other = v4(10, 0, 0, 2);
        std::vector<Packet> packets;
        for (int s = 0; s < 10; s += 2) {
            packets.push_back(
                tcp(s * kNsPerSecond, client, 40000, server, 443, tcpflag::Ack, 1000));
            packets.push_back(
                tcp(s * kNsPerSecond + 1, client, 40000, server, 443, tcpflag::Ack, 1000));
        }
        packets.push_back(tcp(5 * kNsPerSecond, server, 443, client, 40000, tcpflag::Ack, 100));
        packets.push_back(tcp(3 * kNsPerSecond, other, 40001, server, 443, tcpflag::Ack, 600));
        packets.push_back(tcp(4 * kNsPerSecond, server, 443, other, 40001, tcpflag::Ack, 100));
        packets.push_back(tcp(2 * kNsPerSecond, other, 40002, server, 80, tcpflag::Ack, 60));
        packets.push_back(tcp(6 * kNsPerSecond, server, 80, other, 40002, tcpflag::Ack, 1500));
        packets.push_back(udp(12 * kNsPerSecond, other, server, 53, 80));
        std::sort(packets.begin(), packets.end(),
                  [](const Packet &a, const Packet &b) { return a.time < b.time; });
        const Traffic traffic = bin(packets, kNsPerSecond);
        const Flow &upload = traffic.flows().front();
        QCOMPARE(upload.bytesFromClient, std::uint64_t(10000));
        const Series series = traffic.series(kNsPerSecond);
        const int column = series.featureIndex(QStringLiteral("largest_upload"));
        QVERIFY(column >= 0);
        QCOMPARE(series.features[std::size_t(column)].kind, FeatureKind::Count);
        // Every second of the big upload's life has its whole net upload, 9,900 bytes, also
        // the silent odd seconds and the ones the smaller upload shares; second 12 has the
        // one-packet UDP flow's 80, seconds 10 and 11 nothing.
        for (int s = 0; s <= 8; ++s)
            QCOMPARE(series.values(s, column), 9900.0);
        QCOMPARE(series.values(9, column), 0.0);
        QCOMPARE(series.values(10, column), 0.0);
        QCOMPARE(series.values(12, column), 80.0);
        // Coarser bins take the largest of their connections, not a sum.
        const Series coarse = traffic.series(5 * kNsPerSecond);
        QCOMPARE(coarse.values(0, column), 9900.0);
        QCOMPARE(coarse.values(2, column), 80.0);
    }

    void ipv6AddressesPrintCompressed()
    {
        IpAddress a;
        a.version = 6;
        a.bytes = {0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
        QCOMPARE(a.toString(), QStringLiteral("2001:db8::1"));
    }

    void emptyInputGivesAnEmptySeries()
    {
        const Traffic traffic = bin({});
        QVERIFY(traffic.isEmpty());
        QCOMPARE(traffic.series(kNsPerSecond).rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestTrafficBinner)
#include "tst_trafficbinner.moc"
