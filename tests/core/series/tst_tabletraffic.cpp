#include "investigation/intervaldescriber.h"
#include "plantedflows.h"
#include "series/tableloader.h"

#include <QTest>

using namespace tideline;

namespace {

TableLoadResult loadText(const QByteArray &text)
{
    return loadTableData(QByteArrayView(text), QStringLiteral("flows.csv"));
}

} // namespace

// A flow table's rows become the flows and tallies a capture gives, so an interval of it is
// explained like one of a capture.
class TestTableTraffic : public QObject
{
    Q_OBJECT

private slots:
    void plantedScanIsExplainedWithItsScanner()
    {
        const TableLoadResult loaded = loadText(plantedflows::table());
        QVERIFY(!loaded.error);
        QCOMPARE(loaded.summary.flavour, TableFlavour::Flows);
        QVERIFY(loaded.drillDown.traffic);
        const Traffic &traffic = *loaded.drillDown.traffic;
        QCOMPARE(qsizetype(traffic.flows().size()),
                 qsizetype(plantedflows::kSeconds * 3 + plantedflows::kScanPorts));

        const TimeNs from = (plantedflows::kStart + plantedflows::kScanAt) * kNsPerSecond;
        const IntervalDescriber describer(traffic, loaded.series.binWidth);
        const Explanation scan = describer.explain(from, from + 5 * kNsPerSecond);
        QCOMPARE(kindId(scan.kind), QStringLiteral("port_scan"));
        QCOMPARE(scan.source, QLatin1String(plantedflows::kScanner));
        QCOMPARE(scan.destination, QLatin1String(plantedflows::kVictim));
        QVERIFY(scan.distinctDestinationPorts >= plantedflows::kScanPorts);

        const TimeNs quiet = (plantedflows::kStart + 100) * kNsPerSecond;
        QVERIFY(describer.explain(quiet, quiet + 5 * kNsPerSecond).kind != AnomalyKind::PortScan);
    }

    void directionsComeFromTheCounts()
    {
        const TableLoadResult loaded = loadText(plantedflows::table());
        const Traffic &traffic = *loaded.drillDown.traffic;
        const Flow &first = traffic.flows()[0];
        QCOMPARE(traffic.addressText(first.client), QStringLiteral("10.0.0.1"));
        QCOMPARE(first.serverPort, std::uint16_t(443));
        QCOMPARE(first.protocol, ipproto::Tcp);
        QCOMPARE(first.packetsFromClient, std::uint64_t(8 + 1 % 5));
        QCOMPARE(first.packets, first.packetsFromClient + std::uint64_t(10));
        // duration 0.41 s (in seconds in conn.log) gives the last packet.
        QCOMPARE(first.last - first.first, TimeNs(410) * kNsPerMs);
        // Per-bin totals hold both ways.
        const auto sums = traffic.totals(traffic.first(), traffic.last() + 1);
        QCOMPARE(sums[traffic::PacketsTcp], sums[traffic::Packets]);
    }

    void eachFlowKeepsItsRowAndLabel()
    {
        const TableLoadResult loaded = loadText(plantedflows::table());
        const Traffic &traffic = *loaded.drillDown.traffic;
        const RowRecords &records = *loaded.drillDown.records;
        QCOMPARE(records.size(), traffic.flows().size());
        QVERIFY(records.hasLabel());
        std::size_t scans = 0;
        for (std::size_t i = 0; i < traffic.flows().size(); ++i) {
            const QStringList fields = records.fields(i);
            QCOMPARE(fields.size(), records.names().size());
            const bool scanner = traffic.addressText(traffic.flows()[i].client) ==
                                 QLatin1String(plantedflows::kScanner);
            QCOMPARE(records.label(i),
                     scanner ? QStringLiteral("portscan") : QStringLiteral("benign"));
            QCOMPARE(fields[1], traffic.addressText(traffic.flows()[i].client));
            scans += scanner;
        }
        QCOMPARE(scans, std::size_t(plantedflows::kScanPorts));
    }

    void rowsWithoutAddressesAreLeftOutAndSaid()
    {
        const QByteArray text = "ts,src_ip,dst_ip,src_port,dst_port,protocol,packets\n"
                                "1700000000,10.0.0.1,10.0.0.2,1000,80,6,3\n"
                                "1700000001,10.0.0.1,10.0.0.2,1001,80,6,3\n"
                                "1700000002,-,10.0.0.2,1002,80,6,3\n";
        const TableLoadResult loaded = loadText(text);
        QVERIFY(!loaded.error);
        QVERIFY(loaded.drillDown.traffic);
        QCOMPARE(loaded.drillDown.traffic->flows().size(), std::size_t(2));
        QCOMPARE(loaded.drillDown.skippedRows, 1);
        QVERIFY(loaded.summary.warnings.join(QLatin1Char('\n')).contains(QLatin1Char('1')));
    }

    void unreadableDrillDownColumnsAreNoBadRows()
    {
        // Only drill-down reads the end time and the flag count: a row is not lost over them.
        const QByteArray text = "start,end,srcaddr,dstaddr,srcport,dstport,protocol,packets,"
                                "rst_flag_count\n"
                                "1700000000,1700000003,10.0.0.1,10.0.0.2,1000,80,6,3,1\n"
                                "1700000001,,10.0.0.1,10.0.0.2,1001,80,6,3,n/a?\n"
                                "1700000002,1700000002,10.0.0.1,10.0.0.2,1002,80,6,3,0\n";
        const TableLoadResult loaded = loadText(text);
        QVERIFY(!loaded.error);
        QCOMPARE(loaded.summary.skippedRows, 0);
        const Traffic &traffic = *loaded.drillDown.traffic;
        QCOMPARE(traffic.flows().size(), std::size_t(3));
        QCOMPARE(traffic.flows()[0].last - traffic.flows()[0].first, 3 * kNsPerSecond);
        QCOMPARE(traffic.flows()[0].tcpFlags, tcpflag::Rst);
        QCOMPARE(traffic.flows()[1].last, traffic.flows()[1].first);
        QCOMPARE(traffic.flows()[1].tcpFlags, std::uint8_t(0));
    }

    void tablesWithoutAddressesHaveNoDrillDown_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("metrics") << QByteArray("timestamp,value\n1700000000,1\n1700000060,2\n");
        QTest::newRow("cicflowmeter without addresses")
            << QByteArray("Timestamp,Flow Duration,Total Fwd Packets,Total Backward Packets\n"
                          "3/7/2017 8:55,10,2,2\n3/7/2017 8:56,10,2,2\n");
        QTest::newRow("untimed flows")
            << QByteArray("src_ip,dst_ip,packets\n10.0.0.1,10.0.0.2,3\n10.0.0.1,10.0.0.3,3\n");
        QTest::newRow("timed rows")
            << QByteArray("timestamp,src_ip,value\n2024-01-01 00:00:00,x,1\n"
                          "2024-01-01 00:01:00,y,2\n");
    }
    void tablesWithoutAddressesHaveNoDrillDown()
    {
        QFETCH(QByteArray, text);
        const TableLoadResult loaded = loadText(text);
        QVERIFY(!loaded.error);
        QVERIFY(!loaded.drillDown.traffic);
    }

    void rowsOfATableWithoutTimesAreKept()
    {
        const QByteArray text = "id,dur,proto,spkts,attack_cat,label\n"
                                "1,0.1,udp,2,Normal,0\n"
                                "2,0.2,tcp,\"4\",Exploits,1\n"
                                "3,0.3,tcp,6,Normal,0\n";
        const TableLoadResult loaded = loadText(text);
        QVERIFY(!loaded.error);
        QCOMPARE(loaded.series.axis, Series::Axis::Row);
        QVERIFY(!loaded.drillDown.traffic);
        QVERIFY(loaded.drillDown.records);
        const RowRecords &records = *loaded.drillDown.records;
        QCOMPARE(records.size(), std::size_t(3));
        QCOMPARE(records.fields(1), (QStringList{QStringLiteral("2"), QStringLiteral("0.2"),
                                                 QStringLiteral("tcp"), QStringLiteral("4"),
                                                 QStringLiteral("Exploits"), QStringLiteral("1")}));
        QCOMPARE(records.label(1), QStringLiteral("1"));
    }

    void jsonRecordsKeepTheirRowsToo()
    {
        // A JSON file is read as the CSV it amounts to; the flows' rows are that CSV's.
        const QByteArray text =
            "{\"ts\": 1700000000, \"src_ip\": \"10.0.0.1\", \"dst_ip\": \"10.0.0.2\", "
            "\"dst_port\": 80, \"proto\": \"tcp\", \"label\": \"benign\"}\n"
            "{\"ts\": 1700000001, \"src_ip\": \"10.0.0.3\", \"dst_ip\": \"10.0.0.2\", "
            "\"dst_port\": 22, \"proto\": \"tcp\", \"label\": \"brute force\"}\n";
        const TableLoadResult loaded = loadText(text);
        QVERIFY(!loaded.error);
        QVERIFY(loaded.drillDown.traffic);
        const RowRecords &records = *loaded.drillDown.records;
        QCOMPARE(records.size(), std::size_t(2));
        QCOMPARE(records.fields(1).value(1), QStringLiteral("10.0.0.3"));
        QCOMPARE(records.label(1), QStringLiteral("brute force"));
    }

    void wiresharkPacketsAreGroupedIntoFlows()
    {
        const QByteArray text = "No.,Time,Source,Destination,Protocol,Length,Info\n"
                                "1,0.000,10.0.0.1,10.0.0.2,TCP,60,1000 > 80 [SYN]\n"
                                "2,0.001,10.0.0.2,10.0.0.1,TCP,60,80 > 1000 [SYN ACK]\n"
                                "3,0.002,10.0.0.1,10.0.0.2,TCP,54,1000 > 80 [ACK]\n"
                                "4,0.500,10.0.0.3,10.0.0.2,UDP,80,53 > 53 Len=38\n";
        const TableLoadResult loaded = loadText(text);
        QVERIFY(!loaded.error);
        QVERIFY(loaded.drillDown.traffic);
        const Traffic &traffic = *loaded.drillDown.traffic;
        QCOMPARE(traffic.flows().size(), std::size_t(2));
        QCOMPARE(traffic.flows()[0].packets, std::uint64_t(3));
        QCOMPARE(traffic.flows()[0].packetsFromClient, std::uint64_t(2));
        QCOMPARE(traffic.flows()[0].bytes, std::uint64_t(174));
        QCOMPARE(loaded.drillDown.records->fields(0).value(0), QStringLiteral("1"));
    }
};

QTEST_GUILESS_MAIN(TestTableTraffic)
#include "tst_tabletraffic.moc"
