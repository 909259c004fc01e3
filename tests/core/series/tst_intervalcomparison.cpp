#include "series/intervalcomparison.h"
#include "series/trafficbinner.h"
#include "testaddresses.h"

#include <QTest>
#include <array>
#include <cmath>

using namespace tideline;

Q_DECLARE_METATYPE(tideline::IpAddress)

namespace {

constexpr TimeNs kStart = 1'700'000'000 * kNsPerSecond;

Packet tcp(TimeNs time, const IpAddress &source, const IpAddress &destination,
           std::uint16_t destinationPort)
{
    Packet p;
    p.time = time;
    p.wireLength = p.capturedLength = 100;
    p.decode = Packet::Decode::Ok;
    p.network = source.version == 6 ? Packet::Network::IPv6 : Packet::Network::IPv4;
    p.source = source;
    p.destination = destination;
    p.protocol = ipproto::Tcp;
    p.hasPorts = true;
    p.sourcePort = 40000;
    p.destinationPort = destinationPort;
    p.tcpFlags = tcpflag::Ack;
    return p;
}

IpAddress v6(std::array<std::uint16_t, 8> groups)
{
    IpAddress address;
    address.version = 6;
    for (std::size_t i = 0; i < 8; ++i) {
        address.bytes[2 * i] = std::uint8_t(groups[i] >> 8);
        address.bytes[2 * i + 1] = std::uint8_t(groups[i] & 0xff);
    }
    return address;
}

TimeNs at(double seconds)
{
    return kStart + TimeNs(seconds * double(kNsPerSecond));
}

// 60 s at 1 s bins: hosts 10.0.0.1–5 send one packet a second to 192.0.2.1:443; during
// [20 s, 30 s) 203.0.113.9 floods port 80 at 50 packets/s and 10.0.0.1 sends one more a second.
Traffic floodedCapture()
{
    const IpAddress server = v4(192, 0, 2, 1), flooder = v4(203, 0, 113, 9);
    TrafficBinner binner(kNsPerSecond);
    for (int s = 0; s < 60; ++s) {
        for (std::uint8_t host = 1; host <= 5; ++host)
            binner.addPacket(tcp(at(s + 0.1 * host), v4(10, 0, 0, host), server, 443));
        if (s >= 20 && s < 30) {
            binner.addPacket(tcp(at(s + 0.7), v4(10, 0, 0, 1), server, 443));
            for (int i = 0; i < 50; ++i)
                binner.addPacket(tcp(at(s + 0.01 * i), flooder, server, 80));
        }
    }
    return binner.finish();
}

// 60 s at 1 s bins: server 192.0.2.1 sends 100 packets/s to 10.0.0.1, and two v6 clients in
// 2001:db8:1::/48 send it one a second each. During [20 s, 30 s) 203.0.113.9 probes the
// server at 20 packets/s and the server answers every probe, so both add 20 packets/s.
Traffic scannedCapture()
{
    const IpAddress server = v4(192, 0, 2, 1), client = v4(10, 0, 0, 1),
                    scanner = v4(203, 0, 113, 9);
    TrafficBinner binner(kNsPerSecond);
    for (int s = 0; s < 60; ++s) {
        for (int i = 0; i < 100; ++i)
            binner.addPacket(tcp(at(s + 0.005 * i), server, client, 40000));
        binner.addPacket(tcp(at(s + 0.6), v6({0x2001, 0xdb8, 1, 0, 0, 0, 0, 1}), server, 443));
        binner.addPacket(tcp(at(s + 0.7), v6({0x2001, 0xdb8, 1, 9, 0, 0, 0, 2}), server, 443));
        if (s >= 20 && s < 30) {
            for (int i = 0; i < 20; ++i) {
                binner.addPacket(tcp(at(s + 0.5 + 0.02 * i), scanner, server, 1000 + i));
                binner.addPacket(tcp(at(s + 0.51 + 0.02 * i), server, scanner, 40000));
            }
        }
    }
    return binner.finish();
}

const ComparisonRow *find(const std::vector<ComparisonRow> &rows, const QString &key)
{
    for (const ComparisonRow &row : rows) {
        if (row.key == key)
            return &row;
    }
    return nullptr;
}

} // namespace

class TestIntervalComparison : public QObject
{
    Q_OBJECT

private slots:
    void baselineLeavesOutFlaggedTimeAndReachesFurther()
    {
        ComparisonOptions options;
        options.exclude = {{at(30), at(40)}, {at(5), at(8)}};
        const IntervalComparison c = compareInterval(floodedCapture(), at(20), at(30), options);
        // 10 s wanted on each side: [10, 20) before; after, [30, 40) is flagged: [40, 50).
        QCOMPARE(c.baseline, (std::vector<TimeRange>{{at(10), at(20)}, {at(40), at(50)}}));
        QCOMPARE(c.baselineSeconds, 20.0);
        QCOMPARE(c.excludedSeconds, 10.0);
        QCOMPARE(c.gapSeconds, 0.0);
        QCOMPARE(c.baselineEnd, at(50));
        // Only the clean stretches count: 5 hosts × 20 s.
        QCOMPARE(c.baselinePackets, std::uint64_t(100));

        // Flagged time inside what would have been the baseline is skipped over, not counted.
        options.exclude = {{at(12), at(18)}};
        const IntervalComparison skipped =
            compareInterval(floodedCapture(), at(20), at(30), options);
        QCOMPARE(skipped.baseline,
                 (std::vector<TimeRange>{{at(4), at(12)}, {at(18), at(20)}, {at(30), at(40)}}));
        QCOMPARE(skipped.excludedSeconds, 6.0);
    }

    void baselineLeavesOutGaps()
    {
        // Traffic in [0, 100) and [300, 400): the 200 s between is a gap, not quiet traffic.
        TrafficBinner binner(kNsPerSecond);
        for (int s = 0; s < 400; ++s) {
            if (s < 100 || s >= 300)
                binner.addPacket(tcp(at(s), v4(10, 0, 0, 1), v4(192, 0, 2, 1), 443));
        }
        const Traffic traffic = binner.finish();
        ComparisonOptions options;
        options.before = options.after = 50 * kNsPerSecond;
        const IntervalComparison c = compareInterval(traffic, at(300), at(310), options);
        // The gap starts where the last bin before it ends (a bin is finer than a second).
        QCOMPARE(c.baseline.size(), std::size_t(2));
        QVERIFY(c.baseline.front().first > at(49) && c.baseline.front().second < at(100));
        QCOMPARE(c.baseline.back(), TimeRange(at(310), at(360)));
        QCOMPARE(c.baselineSeconds, 100.0);
        QVERIFY(c.gapSeconds > 199.0 && c.gapSeconds < 201.0);
        QCOMPARE(c.excludedSeconds, 0.0);
        QCOMPARE(c.rows(ComparisonDimension::Source).front().rateChange, 0.0);
    }

    void floodingSourceRanksFirstAndIsNew()
    {
        const Traffic traffic = floodedCapture();
        const IntervalComparison c = compareInterval(traffic, at(20), at(30));

        // Default baseline: the interval's duration on each side.
        QCOMPARE(c.baselineStart, at(10));
        QCOMPARE(c.baselineEnd, at(40));
        QCOMPARE(c.baselineSeconds, 20.0);
        QCOMPARE(c.intervalPackets, std::uint64_t(10 * 56));
        QCOMPARE(c.baselinePackets, std::uint64_t(20 * 5));

        const auto &sources = c.rows(ComparisonDimension::Source);
        QCOMPARE(sources.size(), std::size_t(6));
        const ComparisonRow &top = sources.front();
        QCOMPARE(top.key, QStringLiteral("203.0.113.9"));
        QVERIFY(top.isNew);
        QCOMPARE(top.intervalPackets, std::uint64_t(500));
        QCOMPARE(top.baselinePackets, std::uint64_t(0));
        QCOMPARE(top.intervalShare, 500.0 / 560.0);
        QCOMPARE(top.baselineShare, 0.0);
        QCOMPARE(top.rateChange, 50.0);
        // 10.0.0.1 went from 1 to 2 packets/s; the others did not change.
        QCOMPARE(top.changeShare, 50.0 / 51.0);

        const ComparisonRow &second = sources[1];
        QCOMPARE(second.key, QStringLiteral("10.0.0.1"));
        QVERIFY(!second.isNew);
        QCOMPARE(second.intervalPackets, std::uint64_t(20));
        QCOMPARE(second.baselinePackets, std::uint64_t(20));
        QCOMPARE(second.rateChange, 1.0);
        QCOMPARE(second.changeShare, 1.0 / 51.0);
        const ComparisonRow *steady = find(sources, QStringLiteral("10.0.0.3"));
        QVERIFY(steady);
        QCOMPARE(steady->rateChange, 0.0);
        QCOMPARE(steady->baselineShare, 0.2);
    }

    void otherDimensions()
    {
        const IntervalComparison c = compareInterval(floodedCapture(), at(20), at(30));

        const auto &networks = c.rows(ComparisonDimension::SourceNetwork);
        QCOMPARE(networks.size(), std::size_t(2));
        QCOMPARE(networks[0].key, QStringLiteral("203.0.113.0/24"));
        QCOMPARE(networks[1].key, QStringLiteral("10.0.0.0/24"));
        QCOMPARE(networks[1].intervalPackets, std::uint64_t(60));
        QCOMPARE(networks[1].baselinePackets, std::uint64_t(100));

        const auto &ports = c.rows(ComparisonDimension::DestinationPort);
        QCOMPARE(ports.size(), std::size_t(2));
        QCOMPARE(ports[0].key, QStringLiteral("tcp/80"));
        QVERIFY(ports[0].isNew);
        QCOMPARE(ports[1].key, QStringLiteral("tcp/443"));
        QVERIFY(!ports[1].isNew);

        const auto &destinations = c.rows(ComparisonDimension::Destination);
        QCOMPARE(destinations.size(), std::size_t(1));
        QCOMPARE(destinations[0].changeShare, 1.0);

        const auto &protocols = c.rows(ComparisonDimension::Protocol);
        QCOMPARE(protocols.size(), std::size_t(1));
        QCOMPARE(protocols[0].key, QStringLiteral("TCP"));
        QCOMPARE(protocols[0].intervalPackets, std::uint64_t(560));
        QCOMPARE(protocols[0].rateChange, 56.0 - 5.0);
    }

    void intervalAtStartHasOnlyAfterBaseline()
    {
        const IntervalComparison c = compareInterval(floodedCapture(), at(0), at(10));
        QCOMPARE(c.baselineStart, at(0));
        QCOMPARE(c.baselineEnd, at(20));
        QCOMPARE(c.baselineSeconds, 10.0);
        QCOMPARE(c.baselinePackets, std::uint64_t(50));
        for (const ComparisonRow &row : c.rows(ComparisonDimension::Source)) {
            QCOMPARE(row.intervalPackets, std::uint64_t(10));
            QCOMPARE(row.baselinePackets, std::uint64_t(10));
            QCOMPARE(row.rateChange, 0.0);
            QCOMPARE(row.changeShare, 0.0);
        }
    }

    void baselineLengthsAreParameters()
    {
        ComparisonOptions options;
        options.before = 5 * kNsPerSecond;
        options.after = 0;
        const IntervalComparison c = compareInterval(floodedCapture(), at(20), at(30), options);
        QCOMPARE(c.baselineStart, at(15));
        QCOMPARE(c.baselineEnd, at(30));
        QCOMPARE(c.baselineSeconds, 5.0);
        QCOMPARE(c.baselinePackets, std::uint64_t(25));
    }

    void limitKeepsTheBiggestChanges()
    {
        const Traffic traffic = floodedCapture();
        const IntervalComparison all = compareInterval(traffic, at(20), at(30));
        ComparisonOptions options;
        options.limit = 2;
        const IntervalComparison top = compareInterval(traffic, at(20), at(30), options);
        for (int d = 0; d < kComparisonDimensionCount; ++d) {
            const auto &full = all.rows(ComparisonDimension(d));
            const auto &kept = top.rows(ComparisonDimension(d));
            QCOMPARE(kept.size(), std::min<std::size_t>(2, full.size()));
            for (std::size_t i = 0; i < kept.size(); ++i) {
                QCOMPARE(kept[i].key, full[i].key);
                QCOMPARE(kept[i].changeShare, full[i].changeShare);
                QCOMPARE(kept[i].intervalShare, full[i].intervalShare);
            }
        }
    }

    void emptyBaseline_data()
    {
        QTest::addColumn<double>("from");
        QTest::addColumn<double>("to");
        QTest::addColumn<TimeNs>("around");
        QTest::newRow("whole capture") << 0.0 << 60.0 << TimeNs(-1);
        QTest::newRow("no baseline asked") << 20.0 << 30.0 << TimeNs(0);
    }

    void emptyBaseline()
    {
        QFETCH(double, from);
        QFETCH(double, to);
        QFETCH(TimeNs, around);
        ComparisonOptions options;
        options.before = options.after = around;
        const IntervalComparison c = compareInterval(floodedCapture(), at(from), at(to), options);
        QVERIFY(!c.hasBaseline());
        QCOMPARE(c.baselinePackets, std::uint64_t(0));
        const auto &sources = c.rows(ComparisonDimension::Source);
        QCOMPARE(sources.size(), std::size_t(6));
        // Nothing is "new" against a baseline that does not exist; the change is the rate.
        for (const ComparisonRow &row : sources) {
            QVERIFY(!row.isNew);
            QCOMPARE(row.baselineShare, 0.0);
            QCOMPARE(row.rateChange, double(row.intervalPackets) / (to - from));
            QVERIFY(std::isfinite(row.changeShare));
        }
        QCOMPARE(sources.front().key, QStringLiteral("203.0.113.9"));
    }

    void degenerateInputs()
    {
        const IntervalComparison empty = compareInterval(Traffic(), at(0), at(10));
        QCOMPARE(empty.intervalPackets, std::uint64_t(0));
        QVERIFY(empty.rows(ComparisonDimension::Source).empty());
        const IntervalComparison backwards = compareInterval(floodedCapture(), at(30), at(20));
        QVERIFY(backwards.rows(ComparisonDimension::Source).empty());
        QCOMPARE(backwards.intervalSeconds, 0.0);
    }

    void newSourceOutranksABusyHostThatGrowsAsMuch()
    {
        const IntervalComparison c = compareInterval(scannedCapture(), at(20), at(30));
        const auto &sources = c.rows(ComparisonDimension::Source);
        QCOMPARE(sources.size(), std::size_t(4));
        // Both add 20 packets/s; the server's 120/s are 100/s as usual plus the answers.
        const ComparisonRow &scanner = sources[0];
        const ComparisonRow &server = sources[1];
        QCOMPARE(scanner.key, QStringLiteral("203.0.113.9"));
        QCOMPARE(server.key, QStringLiteral("192.0.2.1"));
        QCOMPARE(scanner.rateChange, server.rateChange);
        QVERIFY(server.intervalPackets > scanner.intervalPackets);
        // k = 200 packets, b = 0, interval 10 s of 30 s: 200 · ln 3.
        QCOMPARE(scanner.surprise, 200.0 * std::log(3.0));
        // k = 1200 packets against b = 2000, expected 1066.7 under one rate.
        const double n = 3200.0;
        QCOMPARE(server.surprise,
                 1200.0 * std::log(1200.0 / (n / 3)) + 2000.0 * std::log(2000.0 / (n * 2 / 3)));
        QVERIFY(scanner.surprise > 10 * server.surprise);
        // The v6 clients kept their rates: no surprise at all.
        QCOMPARE(sources[2].surprise, 0.0);
        QCOMPARE(sources[3].surprise, 0.0);
    }

    void aSourceThatFallsSilentIsSurprisingToo()
    {
        // [30 s, 60 s) against the time before it, which holds the whole flood: the flooder's
        // 500 packets drop to none, 10.0.0.1 drops from 2/s to 1/s.
        ComparisonOptions options;
        options.after = 0;
        const IntervalComparison c = compareInterval(floodedCapture(), at(30), at(60), options);
        const ComparisonRow &top = c.rows(ComparisonDimension::Source).front();
        QCOMPARE(top.key, QStringLiteral("203.0.113.9"));
        QCOMPARE(top.intervalPackets, std::uint64_t(0));
        QVERIFY(top.rateChange < 0);
        // k = 0 against b = 500: 500 · ln(1 / (1 − p)), p the interval's part of the time.
        const double p = c.intervalSeconds / (c.intervalSeconds + c.baselineSeconds);
        QCOMPARE(top.surprise, -500.0 * std::log(1.0 - p));
        QVERIFY(!top.isNew);
        const ComparisonRow *client =
            find(c.rows(ComparisonDimension::Source), QStringLiteral("10.0.0.1"));
        QVERIFY(client);
        QVERIFY(client->surprise > 0);
        QVERIFY(client->surprise < top.surprise);
    }

    void sourceNetworksComeFromTheAddresses()
    {
        const Traffic traffic = scannedCapture();
        const IntervalComparison c = compareInterval(traffic, at(20), at(30));
        const auto &networks = c.rows(ComparisonDimension::SourceNetwork);
        QStringList keys;
        for (const ComparisonRow &row : networks)
            keys << row.key;
        QCOMPARE(keys,
                 (QStringList{QStringLiteral("203.0.113.0/24"), QStringLiteral("192.0.2.0/24"),
                              QStringLiteral("2001:db8:1::/48")}));
        // Two v6 clients in one /48 add up.
        QCOMPARE(networks[2].intervalPackets, std::uint64_t(20));
        QCOMPARE(networks[2].baselinePackets, std::uint64_t(40));
    }

    void networkOfAddress_data()
    {
        QTest::addColumn<IpAddress>("address");
        QTest::addColumn<QString>("network");
        QTest::newRow("v4") << v4(10, 1, 2, 3) << QStringLiteral("10.1.2.0/24");
        QTest::newRow("v4 zero") << v4(0, 0, 0, 0) << QStringLiteral("0.0.0.0/24");
        QTest::newRow("v6") << v6({0x2001, 0xdb8, 1, 2, 0, 0, 0, 5})
                            << QStringLiteral("2001:db8:1::/48");
        QTest::newRow("v6 short") << v6({0x2001, 0xdb8, 0, 0, 0, 0, 0, 1})
                                  << QStringLiteral("2001:db8::/48");
        QTest::newRow("v6 full") << v6({0xfd00, 1, 2, 3, 4, 5, 6, 7})
                                 << QStringLiteral("fd00:1:2::/48");
        QTest::newRow("loopback") << v6({0, 0, 0, 0, 0, 0, 0, 1}) << QStringLiteral("::/48");
        QTest::newRow("invalid") << IpAddress() << QString();
    }

    void networkOfAddress()
    {
        QFETCH(IpAddress, address);
        QFETCH(QString, network);
        const IpAddress grouped = networkOf(address);
        QCOMPARE(grouped.version, address.version);
        QCOMPARE(networkText(grouped), network);
    }
};

QTEST_GUILESS_MAIN(TestIntervalComparison)
#include "tst_intervalcomparison.moc"
