#include "capture/capturereader.h"
#include "fixturedir.h"
#include "live/livebinner.h"
#include "scenario/scenariogenerator.h"
#include "series/trafficbinner.h"
#include "series/trafficfeature.h"

#include <QTest>

using namespace tideline;

namespace {

Packet udpPacket(TimeNs time, std::uint32_t length = 100)
{
    Packet packet;
    packet.time = time;
    packet.wireLength = packet.capturedLength = length;
    packet.decode = Packet::Decode::Ok;
    packet.network = Packet::Network::IPv4;
    packet.source.version = packet.destination.version = 4;
    packet.source.bytes = {10, 0, 0, 1};
    packet.destination.bytes = {10, 0, 0, 2};
    packet.protocol = ipproto::Udp;
    packet.hasPorts = true;
    packet.sourcePort = 40000;
    packet.destinationPort = 53;
    return packet;
}

} // namespace

// Live bins: closed by packet time or the clock, counted by the file binner, bounded memory.
class TestLiveBinner : public QObject
{
    Q_OBJECT

private slots:
    // Bins built packet by packet are the rows a file's Series has for the same packets, but for
    // a feature that looks ahead (a live bin knows only its own packets).
    void binsAreTheFileSeries()
    {
        FixtureDir dir;
        const QString path = dir.filePath(QStringLiteral("sample.pcap"));
        ScenarioOptions scenario;
        scenario.durationSeconds = 40;
        QVERIFY(generateScenario(path, scenario).ok());

        TrafficBinner fileBinner(kNsPerSecond);
        QVERIFY(!readCapture(path, &fileBinner).error);
        const Series series = fileBinner.finish().series(kNsPerSecond);

        std::vector<LiveBin> bins;
        LiveBinner binner(kNsPerSecond, 5, 100'000,
                          [&](const LiveBin &bin) { bins.push_back(bin); });
        QVERIFY(!readCapture(path, &binner).error);
        binner.finish();

        QCOMPARE(qsizetype(bins.size()), series.rowCount());
        for (std::size_t r = 0; r < bins.size(); ++r) {
            QCOMPARE(bins[r].start, series.starts[r]);
            QVERIFY(bins[r].hasData);
            for (std::size_t c = 0; c < series.features.size(); ++c) {
                if (!looksAhead(series.features[c].name))
                    QCOMPARE(bins[r].values[Eigen::Index(c)],
                             series.values(Eigen::Index(r), Eigen::Index(c)));
            }
        }
    }

    void clockClosesBins()
    {
        std::vector<LiveBin> bins;
        LiveBinner binner(kNsPerSecond, 5, 1000, [&](const LiveBin &bin) { bins.push_back(bin); });
        binner.addPacket(udpPacket(kNsPerSecond / 2));
        binner.advanceTo(kNsPerSecond - 1);
        QVERIFY(bins.empty());
        binner.advanceTo(3 * kNsPerSecond);
        QCOMPARE(bins.size(), 3u); // the packet's bin, then two bins without a packet
        QCOMPARE(bins[0].values[0], 1.0);
        QCOMPARE(bins[2].start, 2 * kNsPerSecond);
        QCOMPARE(bins[2].values.sum(), 0.0);
        // A packet stamped before the open bin counts in it.
        binner.addPacket(udpPacket(kNsPerSecond));
        binner.finish();
        QCOMPARE(bins.size(), 4u);
        QCOMPARE(bins[3].start, 3 * kNsPerSecond);
        QCOMPARE(bins[3].values[0], 1.0);
    }

    void longSilenceIsNoData()
    {
        std::vector<LiveBin> bins;
        LiveBinner binner(kNsPerSecond, 5, 1000, [&](const LiveBin &bin) { bins.push_back(bin); });
        binner.addPacket(udpPacket(0));
        binner.addPacket(udpPacket(3600 * kNsPerSecond));
        binner.finish();
        QCOMPARE(bins.size(), 3u);
        QVERIFY(!bins[1].hasData);
        QCOMPARE(bins[1].start, kNsPerSecond);
        QCOMPARE(bins[1].end, 3600 * kNsPerSecond);
        QVERIFY(bins[2].hasData);
    }

    void keepsBoundedPackets()
    {
        LiveBinner binner(kNsPerSecond, 3, 250, [](const LiveBin &) {});
        for (int i = 0; i < 10'000; ++i)
            binner.addPacket(udpPacket(TimeNs(i) * kNsPerSecond / 100));
        // 100 packets a bin: the open bin's, and two closed bins (a third would pass 250).
        QCOMPARE(binner.keptPacketCount(), 300u);
        QCOMPARE(binner.recentTraffic().series(kNsPerSecond).rowCount(), 3);
    }
};

QTEST_GUILESS_MAIN(TestLiveBinner)
#include "tst_livebinner.moc"
