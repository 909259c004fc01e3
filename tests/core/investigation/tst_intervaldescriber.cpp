#include "evaluate/truth.h"
#include "input/inputloader.h"
#include "investigation/intervaldescriber.h"
#include "series/trafficbinner.h"
#include "testaddresses.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <functional>

using namespace tideline;

namespace {

constexpr TimeNs kStart = 1'700'000'000 * kNsPerSecond;

TimeNs at(double seconds)
{
    return kStart + TimeNs(seconds * double(kNsPerSecond));
}

Packet packet(TimeNs time, const IpAddress &source, std::uint16_t sourcePort,
              const IpAddress &destination, std::uint16_t destinationPort,
              std::uint8_t protocol = ipproto::Tcp, std::uint8_t flags = tcpflag::Ack,
              std::uint32_t length = 100)
{
    Packet p;
    p.time = time;
    p.wireLength = p.capturedLength = length;
    p.decode = Packet::Decode::Ok;
    p.network = Packet::Network::IPv4;
    p.source = source;
    p.destination = destination;
    p.protocol = protocol;
    p.hasPorts = protocol == ipproto::Tcp || protocol == ipproto::Udp;
    p.sourcePort = p.hasPorts ? sourcePort : 0;
    p.destinationPort = p.hasPorts ? destinationPort : 0;
    p.tcpFlags = protocol == ipproto::Tcp ? flags : 0;
    return p;
}

const IpAddress kServer = v4(192, 0, 2, 1);

// `seconds` of 1 s bins: hosts 10.0.0.1–5 each send one packet a second to the server's
// port 443 and get one back; `extra(second, binner)` adds the planted traffic.
Traffic capture(int seconds, const std::function<void(int, TrafficBinner &)> &extra,
                const std::function<bool(int)> &quiet = {})
{
    TrafficBinner binner(kNsPerSecond);
    for (int s = 0; s < seconds; ++s) {
        if (!quiet || !quiet(s)) {
            for (std::uint8_t host = 1; host <= 5; ++host) {
                const IpAddress client = v4(10, 0, 0, host);
                const auto port = std::uint16_t(40000 + host);
                binner.addPacket(packet(at(s + 0.1 * host), client, port, kServer, 443));
                binner.addPacket(packet(at(s + 0.1 * host + 0.01), kServer, 443, client, port));
            }
        }
        if (extra)
            extra(s, binner);
    }
    return binner.finish();
}

Explanation explain(const Traffic &traffic, double from, double to)
{
    return IntervalDescriber(traffic, kNsPerSecond).explain(at(from), at(to));
}

bool during(int s, int from, int to)
{
    return s >= from && s < to;
}

} // namespace

class TestIntervalDescriber : public QObject
{
    Q_OBJECT

private slots:
    void intervalsCenturiesLongStayInRange()
    {
        // 1678 to 2262 is twice what a TimeNs difference holds: every span, reach and rate
        // of the rules must saturate instead of overflowing (UBSan checks this in the asan
        // suite).
        const Traffic traffic = capture(30, {});
        const IntervalDescriber describer(traffic, kNsPerSecond);
        const Explanation whole = describer.explain(kEarliestTime, kLatestTime);
        QCOMPARE(whole.packets, qint64(300));
        QVERIFY(!whole.summary.english().isEmpty());
        const Explanation before = describer.explain(kEarliestTime, at(-1));
        QCOMPARE(before.packets, qint64(0));
        QVERIFY(!before.summary.english().isEmpty());
        const auto others = describer.nearby(at(10), at(11), {{kEarliestTime, kLatestTime}});
        QCOMPARE(others.size(), std::size_t(1));
    }

    void portScanNamesTheScannerNotTheAnsweringVictim()
    {
        // 203.0.113.9 probes 20 ports a second from port 50437; the server answers each with
        // RST to 50437, so by packets the victim sends as much as the scanner.
        const IpAddress scanner = v4(203, 0, 113, 9);
        const Traffic traffic = capture(60, [&](int s, TrafficBinner &binner) {
            if (!during(s, 20, 30))
                return;
            for (int i = 0; i < 20; ++i) {
                const auto port = std::uint16_t(2000 + 20 * (s - 20) + i);
                binner.addPacket(packet(at(s + 0.5 + 0.02 * i), scanner, 50437, kServer, port,
                                        ipproto::Tcp, tcpflag::Syn));
                binner.addPacket(packet(at(s + 0.51 + 0.02 * i), kServer, port, scanner, 50437,
                                        ipproto::Tcp, tcpflag::Rst | tcpflag::Ack));
            }
        });
        const Explanation e = explain(traffic, 20, 30);
        QCOMPARE(e.kind, AnomalyKind::PortScan);
        QCOMPARE(e.source, QStringLiteral("203.0.113.9"));
        QCOMPARE(e.destination, QStringLiteral("192.0.2.1"));
        QVERIFY(e.destinationPort != 50437);
        QVERIFY2(e.summary.english().startsWith(
                     QStringLiteral("SYN port scan 203.0.113.9 → 192.0.2.1: 200 ports in ")),
                 qPrintable(e.summary.english()));
        QVERIFY(e.summary.english().endsWith(QStringLiteral("100 % answered RST")));
        QVERIFY(!e.evidence.empty());
        QCOMPARE(e.packets, qint64(10 * 10 + 400));
        QCOMPARE(e.distinctSources, qint64(7));

        // By packets the victim is a source like the scanner; as a sender it is not there, and
        // the scanner's port, which the RSTs went to, is no service.
        const IntervalComparison c = compareInterval(traffic, at(20), at(30));
        const auto &senders = c.rows(ComparisonDimension::Sender);
        QCOMPARE(senders.front().key, QStringLiteral("203.0.113.9"));
        const auto victim = std::find_if(senders.begin(), senders.end(), [](const auto &row) {
            return row.key == QStringLiteral("192.0.2.1");
        });
        QVERIFY(victim == senders.end() || victim->intervalPackets <= 10);
        QCOMPARE(c.rows(ComparisonDimension::Receiver).front().key, QStringLiteral("192.0.2.1"));
        for (const ComparisonRow &row : c.rows(ComparisonDimension::Service))
            QVERIFY(row.key != QStringLiteral("tcp/50437"));
        const auto &ports = c.rows(ComparisonDimension::DestinationPort);
        QVERIFY(std::any_of(ports.begin(), ports.end(), [](const ComparisonRow &row) {
            return row.key == QStringLiteral("tcp/50437");
        }));
    }

    void aFewPacketsAreJudgedByTheTrafficAroundThem()
    {
        // A slow scan, one probe a second: a flagged second holds a single probe, the seconds
        // around it show the scan.
        const IpAddress scanner = v4(203, 0, 113, 9);
        const Traffic traffic = capture(60, [&](int s, TrafficBinner &binner) {
            const auto port = std::uint16_t(3000 + s);
            binner.addPacket(
                packet(at(s + 0.5), scanner, 50437, kServer, port, ipproto::Tcp, tcpflag::Syn));
        });
        const Explanation e = explain(traffic, 30, 31);
        QCOMPARE(e.kind, AnomalyKind::PortScan);
        QCOMPARE(e.source, QStringLiteral("203.0.113.9"));
        QVERIFY(std::any_of(e.evidence.begin(), e.evidence.end(), [](const Phrase &phrase) {
            return phrase.english().startsWith(QStringLiteral("the interval holds 11 packets"));
        }));
    }

    void icmpSweepNamesTheNetwork()
    {
        const IpAddress sweeper = v4(10, 0, 0, 128);
        const Traffic traffic = capture(60, [&](int s, TrafficBinner &binner) {
            if (s != 20)
                return;
            for (int i = 1; i <= 60; ++i) {
                const IpAddress target = v4(10, 0, 5, std::uint8_t(i));
                binner.addPacket(
                    packet(at(s + 0.01 * i), sweeper, 0, target, 0, ipproto::Icmp, 0, 60));
                binner.addPacket(
                    packet(at(s + 0.01 * i + 0.001), target, 0, sweeper, 0, ipproto::Icmp, 0, 60));
            }
        });
        const Explanation e = explain(traffic, 20, 21);
        QCOMPARE(e.kind, AnomalyKind::HostSweep);
        QCOMPARE(e.source, QStringLiteral("10.0.0.128"));
        QCOMPARE(e.destination, QStringLiteral("10.0.5.0/24"));
        QVERIFY2(e.summary.english().startsWith(
                     QStringLiteral("ICMP host sweep 10.0.0.128 → 10.0.5.0/24: 60 hosts in")),
                 qPrintable(e.summary.english()));
    }

    void aSweepInMillisecondBinsIsJudgedByTheSecondsAroundIt()
    {
        // A capture of nothing but a sweep in bursts, eight probes every 150 ms, binned at
        // 5 ms: a flagged bin holds one burst, and a baseline's length around it (20 bins,
        // 100 ms) holds no other, so neither shows the sweep.
        const IpAddress sweeper = v4(10, 0, 0, 128);
        const TimeNs bin = 5 * kNsPerMs;
        TrafficBinner binner(bin);
        for (int i = 0; i < 256; ++i) {
            const IpAddress target = v4(10, 0, 5, std::uint8_t(i));
            binner.addPacket(packet(at(0.15 * (i / 8) + 0.0001 * (i % 8)), sweeper, 0, target, 0,
                                    ipproto::Icmp, 0, 60));
        }
        const Traffic traffic = binner.finish();
        std::vector<TimeRange> flagged;
        for (int burst = 0; burst < 32; ++burst)
            flagged.emplace_back(at(0.15 * burst), timeAfter(at(0.15 * burst), bin));
        const TimeRange one = flagged[10];
        flagged.erase(flagged.begin() + 10);
        const Explanation e =
            IntervalDescriber(traffic, bin).explain(one.first, one.second, flagged);
        QCOMPARE(e.kind, AnomalyKind::HostSweep);
        QCOMPARE(e.source, QStringLiteral("10.0.0.128"));
        QCOMPARE(e.destination, QStringLiteral("10.0.5.0/24"));
    }

    void aLateRetransmissionIsJudgedWithTheScanBeforeIt()
    {
        // A capture of nothing but a SYN scan of 100 ports in a second, binned at 50 ms: the
        // one open port's SYN/ACK, never answered, comes again 3, 9 and 21 s later. The bin of
        // the retransmission 9 s on holds one packet from the victim; the scan is 8 s away.
        const IpAddress scanner = v4(172, 16, 0, 8);
        const TimeNs bin = 50 * kNsPerMs;
        TrafficBinner binner(bin);
        for (int i = 0; i < 100; ++i) {
            const auto port = std::uint16_t(i + 1);
            binner.addPacket(packet(at(10 + 0.01 * i), scanner, 36050, kServer, port, ipproto::Tcp,
                                    tcpflag::Syn));
            binner.addPacket(
                packet(at(10.001 + 0.01 * i), kServer, port, scanner, 36050, ipproto::Tcp,
                       port == 22 ? tcpflag::Syn | tcpflag::Ack : tcpflag::Rst | tcpflag::Ack));
        }
        for (const double later : {13.2, 19.2, 31.2}) {
            binner.addPacket(packet(at(later), kServer, 22, scanner, 36050, ipproto::Tcp,
                                    tcpflag::Syn | tcpflag::Ack));
        }
        const Traffic traffic = binner.finish();
        const Explanation e =
            IntervalDescriber(traffic, bin).explain(at(19.2), timeAfter(at(19.2), bin));
        QCOMPARE(e.packets, qint64(1));
        QCOMPARE(e.kind, AnomalyKind::PortScan);
        QCOMPARE(e.source, QStringLiteral("172.16.0.8"));
    }

    void spoofedSynFloodNamesTheTarget()
    {
        const Traffic traffic = capture(60, [&](int s, TrafficBinner &binner) {
            if (!during(s, 20, 30))
                return;
            for (int i = 0; i < 100; ++i) {
                const IpAddress spoofed = v4(100, std::uint8_t(s), std::uint8_t(i), 7);
                binner.addPacket(packet(at(s + 0.005 * i), spoofed, std::uint16_t(1024 + i),
                                        kServer, 80, ipproto::Tcp, tcpflag::Syn, 60));
            }
        });
        const Explanation e = explain(traffic, 20, 30);
        QCOMPARE(e.kind, AnomalyKind::SynFlood);
        QCOMPARE(e.destination, QStringLiteral("192.0.2.1"));
        QCOMPARE(e.destinationPort, std::optional<int>(80));
        QVERIFY2(e.summary.english().startsWith(QStringLiteral(
                     "SYN flood → 192.0.2.1 (tcp/80) from 1,000 sources: 1,000 SYNs in 10.0 s")),
                 qPrintable(e.summary.english()));
    }

    void udpFloodFromOneSource()
    {
        const IpAddress flooder = v4(198, 51, 100, 50);
        const Traffic traffic = capture(60, [&](int s, TrafficBinner &binner) {
            if (!during(s, 20, 30))
                return;
            for (int i = 0; i < 200; ++i)
                binner.addPacket(
                    packet(at(s + 0.004 * i), flooder, 40000, kServer, 9999, ipproto::Udp, 0, 512));
        });
        const Explanation e = explain(traffic, 20, 30);
        QCOMPARE(e.kind, AnomalyKind::UdpFlood);
        QCOMPARE(e.source, QStringLiteral("198.51.100.50"));
        QCOMPARE(e.destination, QStringLiteral("192.0.2.1"));
        QCOMPARE(e.destinationPort, std::optional<int>(9999));
        QVERIFY2(e.summary.english().startsWith(QStringLiteral(
                     "UDP flood 198.51.100.50 → 192.0.2.1 (udp/9999): 2,000 packets in 10.0 s")),
                 qPrintable(e.summary.english()));
    }

    void dnsAmplificationNamesReflectorsAndVictim()
    {
        const IpAddress victim = v4(10, 0, 0, 25);
        const Traffic traffic = capture(60, [&](int s, TrafficBinner &binner) {
            if (!during(s, 20, 30))
                return;
            for (int i = 0; i < 50; ++i) {
                const IpAddress reflector = v4(45, 10, std::uint8_t(i), 1);
                binner.addPacket(packet(at(s + 0.01 * i), reflector, 53, victim,
                                        std::uint16_t(30000 + i), ipproto::Udp, 0, 1400));
            }
        });
        const Explanation e = explain(traffic, 20, 30);
        QCOMPARE(e.kind, AnomalyKind::Amplification);
        QCOMPARE(e.destination, QStringLiteral("10.0.0.25"));
        QCOMPARE(e.destinationPort, std::optional<int>(53));
        QVERIFY2(e.summary.english().startsWith(QStringLiteral(
                     "DNS amplification → 10.0.0.25 from 50 reflectors (udp/53): 500 packets")),
                 qPrintable(e.summary.english()));
    }

    void newHostUploadingSteadilyIsANewTalker()
    {
        const IpAddress outsider = v4(130, 193, 52, 59);
        const Traffic traffic = capture(240, [&](int s, TrafficBinner &binner) {
            if (!during(s, 120, 180))
                return;
            binner.addPacket(packet(at(s + 0.3), v4(10, 0, 0, 3), 45000, outsider, 443,
                                    ipproto::Tcp, tcpflag::Ack | tcpflag::Psh, 1500));
            binner.addPacket(packet(at(s + 0.35), outsider, 443, v4(10, 0, 0, 3), 45000));
        });
        const Explanation e = explain(traffic, 120, 180);
        QCOMPARE(e.kind, AnomalyKind::NewTalker);
        QCOMPARE(e.source, QStringLiteral("10.0.0.3"));
        QCOMPARE(e.destination, QStringLiteral("130.193.52.59"));
        QCOMPARE(e.destinationPort, std::optional<int>(443));
        QVERIFY2(e.summary.english().startsWith(QStringLiteral(
                     "New talker 130.193.52.59: 10.0.0.3 → 130.193.52.59 (tcp/443), first seen")),
                 qPrintable(e.summary.english()));
    }

    void busierKnownHostsAreAVolumeSpike()
    {
        const Traffic traffic = capture(60, [&](int s, TrafficBinner &binner) {
            if (!during(s, 20, 30))
                return;
            for (int i = 0; i < 30; ++i)
                binner.addPacket(packet(at(s + 0.02 * i), v4(10, 0, 0, 1), 40001, kServer, 443));
        });
        const Explanation e = explain(traffic, 20, 30);
        QCOMPARE(e.kind, AnomalyKind::VolumeSpike);
        QCOMPARE(e.source, QStringLiteral("10.0.0.1"));
        QVERIFY2(e.summary.english().startsWith(
                     QStringLiteral("Traffic spike: 40 packets/s against 10 in the baseline "
                                    "(4.0×), most change from 10.0.0.1")),
                 qPrintable(e.summary.english()));
    }

    // A heavy talker in the baseline that is silent in the interval changed most of all, but it
    // fell: the spike's actor is the host that rose (seen on a scan spliced into real traffic —
    // the bins before the scan named the scanner, which only the baseline held).
    void aSpikeNamesWhoRoseNotWhoFell()
    {
        const Traffic traffic = capture(60, [&](int s, TrafficBinner &binner) {
            // 10.0.0.2 sends five large packets a second more during the interval: a byte spike.
            if (during(s, 20, 30)) {
                for (int i = 0; i < 5; ++i)
                    binner.addPacket(packet(at(s + 0.15 * i), v4(10, 0, 0, 2), 40002, kServer, 443,
                                            ipproto::Tcp, tcpflag::Ack, 1400));
            }
            // 10.0.0.9 sends 300 small packets after it, inside the baseline only: its count
            // changes more than 10.0.0.2's, downwards.
            if (during(s, 33, 48)) {
                for (int i = 0; i < 20; ++i)
                    binner.addPacket(
                        packet(at(s + 0.04 * i), v4(10, 0, 0, 9), 50000, kServer, 8080));
            }
        });
        const Explanation e = explain(traffic, 20, 30);
        QCOMPARE(e.kind, AnomalyKind::VolumeSpike);
        QCOMPARE(e.source, QStringLiteral("10.0.0.2"));
        QCOMPARE(e.destinationPort, std::optional<int>(443));
        QVERIFY2(e.summary.english().endsWith(QStringLiteral("most change from 10.0.0.2")),
                 qPrintable(e.summary.english()));
    }

    void quieterTrafficIsAVolumeDrop()
    {
        const Traffic traffic = capture(
            60,
            [&](int s, TrafficBinner &binner) {
                if (during(s, 20, 30))
                    binner.addPacket(packet(at(s + 0.5), v4(10, 0, 0, 1), 40001, kServer, 443));
            },
            [](int s) { return during(s, 20, 30); });
        const Explanation e = explain(traffic, 20, 30);
        QCOMPARE(e.kind, AnomalyKind::VolumeDrop);
        QCOMPARE(e.summary.english(),
                 QStringLiteral("Traffic drop: 1.0 packets/s against 10 in the baseline"));
    }

    void emptyIntervalIsNoData()
    {
        const Traffic traffic = capture(600, {}, [](int s) { return during(s, 200, 400); });
        const Explanation e = explain(traffic, 250, 300);
        QCOMPARE(e.kind, AnomalyKind::NoData);
        QCOMPARE(e.summary.english(),
                 QStringLiteral("No packets for 50.0 s: a gap in the capture"));
        QCOMPARE(explain(Traffic(), 0, 10).kind, AnomalyKind::NoData);
    }

    void ordinaryTrafficMatchesNoRule()
    {
        const Traffic traffic = capture(60, {});
        const Explanation e = explain(traffic, 20, 30);
        QCOMPARE(e.kind, AnomalyKind::Unknown);
        QVERIFY(e.summary.english().startsWith(QStringLiteral("No rule matched")));
        // The whole capture: nothing to compare with, still a summary.
        const Explanation whole = explain(traffic, 0, 60);
        QCOMPARE(whole.kind, AnomalyKind::Unknown);
        QVERIFY(whole.summary.english().contains(QStringLiteral("no baseline")));
    }

    void generatedSampleIntervalsGetTheirKindsAndActors()
    {
        // The sample's four attacks, each inspected over its truth interval as an analyst who
        // marked it would, the others marked too.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("sample.pcap"));
        QProcess generate;
        generate.start(
            QStringLiteral(TIDELINE_EXE),
            {QStringLiteral("generate"), path, QStringLiteral("--seed"), QStringLiteral("7")});
        QVERIFY(generate.waitForFinished(120000) && generate.exitCode() == 0);
        const LoadedInput input = loadInput(path, {}, {});
        QVERIFY(input.ok() && input.traffic);
        Diagnostics diagnostics;
        const auto truth =
            readTruthCsv(dir.filePath(QStringLiteral("sample.truth.csv")), diagnostics);
        QVERIFY(truth && truth->size() == 4);
        std::vector<Anomaly> anomalies;
        for (const TruthInterval &interval : *truth) {
            Anomaly anomaly;
            anomaly.start = interval.start;
            anomaly.end = interval.end;
            anomalies.push_back(anomaly);
        }
        IntervalDescriber(*input.traffic, input.series.binWidth).describeAll(anomalies);
        QCOMPARE(anomalies[0].kind, QStringLiteral("port_scan"));
        QCOMPARE(anomalies[0].topSource, QStringLiteral("71.217.102.10"));
        QCOMPARE(anomalies[0].topDestination, QStringLiteral("10.0.10.22"));
        QCOMPARE(anomalies[1].kind, QStringLiteral("syn_flood"));
        QCOMPARE(anomalies[1].topDestination, QStringLiteral("10.0.10.5"));
        QCOMPARE(anomalies[1].topDestinationPort, std::optional<int>(443));
        // The slow exfiltration: one connection uploading 1.19 MB, where no connection of the
        // baseline passes a few kB (the same two hosts' second connection is the same upload).
        QCOMPARE(anomalies[2].kind, QStringLiteral("large_upload"));
        QCOMPARE(anomalies[2].topSource, QStringLiteral("10.0.3.25"));
        QCOMPARE(anomalies[2].topDestination, QStringLiteral("130.193.52.59"));
        QCOMPARE(anomalies[2].topDestinationPort, std::optional<int>(443));
        QVERIFY(anomalies[2].summary.contains(QStringLiteral("1,187 kB")));
        QCOMPARE(anomalies[3].kind, QStringLiteral("amplification"));
        QCOMPARE(anomalies[3].topDestination, QStringLiteral("10.0.10.25"));
        for (const Anomaly &anomaly : anomalies)
            qInfo().noquote() << anomaly.kind << anomaly.summary;
    }

    void describeAllLeavesTheOtherAnomaliesOutOfEachBaseline()
    {
        // A UDP flood right before a spike: the spike's baseline must not hold the flood.
        const IpAddress flooder = v4(198, 51, 100, 50);
        const Traffic traffic = capture(60, [&](int s, TrafficBinner &binner) {
            if (during(s, 15, 20)) {
                for (int i = 0; i < 200; ++i)
                    binner.addPacket(packet(at(s + 0.004 * i), flooder, 40000, kServer, 9999,
                                            ipproto::Udp, 0, 512));
            }
            if (during(s, 20, 30)) {
                for (int i = 0; i < 30; ++i)
                    binner.addPacket(
                        packet(at(s + 0.02 * i), v4(10, 0, 0, 1), 40001, kServer, 443));
            }
        });
        std::vector<Anomaly> anomalies(2);
        anomalies[0].start = at(15);
        anomalies[0].end = at(20);
        anomalies[1].start = at(20);
        anomalies[1].end = at(30);
        IntervalDescriber(traffic, kNsPerSecond).describeAll(anomalies);
        QCOMPARE(anomalies[0].kind, QStringLiteral("udp_flood"));
        QCOMPARE(anomalies[1].kind, QStringLiteral("volume_spike"));
        QVERIFY(anomalies[1].summary.contains(QStringLiteral("against 10 in the baseline")));
        QVERIFY(anomalies[1].evidence.front().contains(QStringLiteral("5.0 s flagged")));
        QCOMPARE(anomalies[1].topSource, QStringLiteral("10.0.0.1"));
        QCOMPARE(anomalies[1].distinctDestinations, std::optional<qint64>(6));
    }
};

QTEST_GUILESS_MAIN(TestIntervalDescriber)
#include "tst_intervaldescriber.moc"
