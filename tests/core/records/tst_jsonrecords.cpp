// JSON records are tables: the same flavours, series and messages as the CSV they amount to,
// with messages naming the JSON file's lines.

#include "records/jsonrecords.h"
#include "series/tableloader.h"

#include <QTest>

using namespace tideline;

namespace {

TableLoadResult load(const QByteArray &bytes, const TableOptions &options = {})
{
    return loadTableData(bytes, QStringLiteral("fixture.json"), options, {});
}

const QByteArray kAggregateCsv =
    "timestamp,total,total_tcp,total_http,total_udp,size,size_tcp,size_http,size_udp\n"
    "1331901000,17312,15000,2000,2312,9000000,8000000,700000,1000000\n"
    "1331901060.5,17000,14800,1900,2200,8900000,7900000,690000,1000000\n"
    "1331901120,90000,88000,1000,2000,9900000,8800000,100000,1000000\n";

} // namespace

class TestJsonRecords : public QObject
{
    Q_OBJECT

private slots:
    void aggregateRecordsGiveTheSeriesOfTheirCsv_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("syntax");
        const QByteArray records = R"([
  {"timestamp": 1331901000.0, "total": 17312, "total_tcp": 15000, "total_http": 2000,
   "total_udp": 2312, "size": 9000000, "size_tcp": 8000000, "size_http": 700000,
   "size_udp": 1000000},
  {"timestamp": 1331901060.5, "total": 17000, "total_tcp": 14800, "total_http": 1900,
   "total_udp": 2200, "size": 8900000, "size_tcp": 7900000, "size_http": 690000,
   "size_udp": 1000000},
  {"timestamp": 1331901120, "total": 90000, "total_tcp": 88000, "total_http": 1000,
   "total_udp": 2000, "size": 9900000, "size_tcp": 8800000, "size_http": 100000,
   "size_udp": 1000000}
])";
        QTest::newRow("data member")
            << QByteArray("{\"data\": " + records + "}") << QStringLiteral("json");
        QTest::newRow("array") << records << QStringLiteral("json");
        QTest::newRow("lines")
            << QByteArray(
                   R"({"timestamp": 1331901000.0, "total": 17312, "total_tcp": 15000, "total_http": 2000, "total_udp": 2312, "size": 9000000, "size_tcp": 8000000, "size_http": 700000, "size_udp": 1000000}
{"timestamp": 1331901060.5, "total": 17000, "total_tcp": 14800, "total_http": 1900, "total_udp": 2200, "size": 8900000, "size_tcp": 7900000, "size_http": 690000, "size_udp": 1000000}

{"timestamp": 1331901120, "total": 90000, "total_tcp": 88000, "total_http": 1000, "total_udp": 2000, "size": 9900000, "size_tcp": 8800000, "size_http": 100000, "size_udp": 1000000}
)") << QStringLiteral("json lines");
    }

    void aggregateRecordsGiveTheSeriesOfTheirCsv()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, syntax);
        const TableLoadResult fromJson = load(json);
        const TableLoadResult fromCsv =
            loadTableData(kAggregateCsv, QStringLiteral("fixture.csv"), {}, {});
        QVERIFY2(!fromJson.error,
                 qPrintable(fromJson.error ? fromJson.error->toString() : QString()));
        QVERIFY(!fromCsv.error);
        QCOMPARE(fromJson.summary.syntax, syntax);
        QCOMPARE(fromCsv.summary.syntax, QStringLiteral("csv"));
        QCOMPARE(fromJson.summary.flavour, TableFlavour::Aggregate);
        QCOMPARE(fromJson.summary.rows, 3);
        QCOMPARE(fromJson.summary.timeColumn, QStringLiteral("timestamp"));
        QCOMPARE(fromJson.series.starts, fromCsv.series.starts);
        QCOMPARE(fromJson.series.values, fromCsv.series.values);
    }

    void nestedObjectsGiveDottedColumns()
    {
        const TableLoadResult loaded = load(R"({"ts": 1700000000, "flow": {"pkts": 3, "bytes": 180}}
{"ts": 1700000001, "flow": {"pkts": 5, "bytes": 300}, "ok": true}
)");
        QVERIFY(!loaded.error);
        QCOMPARE(loaded.summary.columnNames,
                 (QStringList{QStringLiteral("ts"), QStringLiteral("flow.pkts"),
                              QStringLiteral("flow.bytes"), QStringLiteral("ok")}));
        const int bytes = loaded.series.featureIndex(QStringLiteral("flow.bytes"));
        QVERIFY(bytes >= 0);
        QCOMPARE(loaded.series.values(1, bytes), 300.0);
    }

    void malformedJsonNamesItsLineAndColumn()
    {
        const TableLoadResult loaded = load("{\"data\": [\n  {\"timestamp\": 1, \"total\": 2},\n"
                                            "  {\"timestamp\": 2 \"total\": 3}\n]}\n");
        QVERIFY(loaded.error);
        QCOMPARE(loaded.error->record, 3);
        QCOMPARE(loaded.error->column, 20);
        QVERIFY(loaded.error->toString().contains(QStringLiteral("fixture.json: line 3")));
    }

    void aBrokenJsonLineIsSkippedAndNamed()
    {
        const QByteArray lines = "{\"ts\": 1700000000, \"value\": 1}\n"
                                 "{\"ts\": 1700000001, \"value\": }\n"
                                 "{\"ts\": 1700000002, \"value\": 3}\n";
        const TableLoadResult skipped = load(lines);
        QVERIFY(!skipped.error);
        QCOMPARE(skipped.summary.rows, 3);
        QCOMPARE(skipped.summary.skippedRows, 1);
        QCOMPARE(skipped.series.rowCount(), 2);
        QCOMPARE(skipped.diagnostics.front().record, 2);
        QCOMPARE(skipped.diagnostics.front().column, 30);

        TableOptions stop;
        stop.badRows = BadRowPolicy::Stop;
        const TableLoadResult stopped = load(lines, stop);
        QVERIFY(stopped.error);
        QCOMPARE(stopped.error->record, 2);
    }

    void aRowProblemNamesTheRecordsLine()
    {
        // Text in a time column: the table reader's message, with the JSON file's line.
        const TableLoadResult loaded = load(R"({"data": [
  {"timestamp": "2024-03-11T12:00:00Z", "value": 1},
  {"timestamp": "2024-03-11T12:00:01Z", "value": 2},

  {"timestamp": "yesterday",
   "value": 3},
  {"timestamp": "2024-03-11T12:00:03Z", "value": 4}
]})");
        QVERIFY(!loaded.error);
        QCOMPARE(loaded.summary.skippedRows, 1);
        QVERIFY(!loaded.diagnostics.empty());
        QCOMPARE(loaded.diagnostics.front().record, 5);
    }

    void whatIsNotRecordsIsRefusedClearly_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("message");
        QTest::newRow("object without records") << QByteArray("{\"status\": \"ok\", \"count\": 2}")
                                                << QStringLiteral("no array of records");
        QTest::newRow("records without keys")
            << QByteArray("[{}, {}]") << QStringLiteral("no record has a key");
        QTest::newRow("array of numbers")
            << QByteArray("[1, 2, 3]") << QStringLiteral("record 1 is not a JSON object");
    }

    void whatIsNotRecordsIsRefusedClearly()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, message);
        const TableLoadResult loaded = load(json);
        QVERIFY(loaded.error);
        QVERIFY2(loaded.error->message.contains(message), qPrintable(loaded.error->message));
    }

    // {"packets": [...]}: each record a packet, binned and grouped into flows like a capture's.
    void packetRecordsAreAPacketSource_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("document") << QByteArray(R"({"packets": [
  {"timestamp": "2024-03-11 12:34:56", "src": "10.0.0.1", "dst": "10.0.0.2", "dst_port": 443,
   "proto": "TCP", "length": 60},
  {"timestamp": "2024-03-11 12:34:56.5", "src": "10.0.0.1", "dst": "10.0.0.2", "dst_port": 443,
   "proto": 6, "length": 1500},
  {"timestamp": "2024-03-11 12:34:57", "src": "10.0.0.9", "dst": "10.0.0.2", "dst_port": 53,
   "proto": "udp", "length": 80},
  {"timestamp": "2024-03-11 12:34:58", "src": "10.0.0.9", "dst": "10.0.0.3", "dst_port": 22,
   "proto": 6, "length": 40}
]})");
        QTest::newRow("json lines, Unix seconds") << QByteArray(
            R"({"timestamp": 1710160496, "src": "10.0.0.1", "dst": "10.0.0.2", "dst_port": 443, "proto": "TCP", "length": 60}
{"timestamp": 1710160496.5, "src": "10.0.0.1", "dst": "10.0.0.2", "dst_port": 443, "proto": 6, "length": 1500}
{"timestamp": 1710160497, "src": "10.0.0.9", "dst": "10.0.0.2", "dst_port": 53, "proto": "udp", "length": 80}
{"timestamp": 1710160498, "src": "10.0.0.9", "dst": "10.0.0.3", "dst_port": 22, "proto": 6, "length": 40}
)");
    }

    void packetRecordsAreAPacketSource()
    {
        QFETCH(QByteArray, json);
        TableOptions options;
        options.binWidth = kNsPerSecond;
        const TableLoadResult loaded = load(json, options);
        QVERIFY2(!loaded.error, qPrintable(loaded.error ? loaded.error->toString() : QString()));
        QCOMPARE(loaded.summary.flavour, TableFlavour::Packets);
        QCOMPARE(loaded.summary.rows, 4);
        const Series &series = loaded.series;
        QCOMPARE(formatIsoUtc(series.starts.front()), QStringLiteral("2024-03-11T12:34:56.000Z"));
        QCOMPARE(series.featureIndex(QStringLiteral("flows")), -1);
        const auto column = [&series](const char *name) {
            const int feature = series.featureIndex(QLatin1String(name));
            return feature < 0 ? Eigen::VectorXd() : Eigen::VectorXd(series.values.col(feature));
        };
        QCOMPARE(column("packets"), (Eigen::VectorXd(3) << 2, 1, 1).finished());
        QCOMPARE(column("bytes"), (Eigen::VectorXd(3) << 1560, 80, 40).finished());
        QCOMPARE(column("packets_tcp"), (Eigen::VectorXd(3) << 2, 0, 1).finished());
        QCOMPARE(column("packets_udp"), (Eigen::VectorXd(3) << 0, 1, 0).finished());
        QCOMPARE(column("packets_web"), (Eigen::VectorXd(3) << 2, 0, 0).finished());
        // Drill-down: the two packets to 10.0.0.2:443 are one flow, as in a capture.
        QVERIFY(loaded.drillDown.traffic);
        const FlowList &flows = loaded.drillDown.traffic->flows();
        QCOMPARE(qsizetype(flows.size()), 3);
        QCOMPARE(flows[0].packets, std::uint64_t(2));
        QCOMPARE(flows[0].bytes, std::uint64_t(1560));
        QCOMPARE(int(flows[0].serverPort), 443);
    }

    void onlyJsonLooksLikeJson()
    {
        QVERIFY(looksLikeJson("\xEF\xBB\xBF  \n[{}]"));
        QVERIFY(looksLikeJson("{\"a\": 1}"));
        QVERIFY(!looksLikeJson("timestamp,total\n1,2\n"));
        QVERIFY(!looksLikeJson(""));
    }
};

QTEST_GUILESS_MAIN(TestJsonRecords)
#include "tst_jsonrecords.moc"
