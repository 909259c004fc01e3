#include "common/csvtokenizer.h"
#include "records/tablereader.h"
#include "series/tableloader.h"

#include <QJsonObject>
#include <QRandomGenerator>
#include <QSet>
#include <QTest>

using namespace tideline;

namespace {

TableReadResult read(const QByteArray &data, const TableOptions &options = {},
                     const ProgressCallback &progress = {})
{
    return readTable(std::string_view(data.constData(), std::size_t(data.size())),
                     QStringLiteral("fixture.csv"), options, progress);
}

const TableColumn &column(const TableReadResult &r, const QString &name)
{
    for (const TableColumn &c : r.table.columns) {
        if (c.name == name)
            return c;
    }
    qFatal("no column %s", qPrintable(name));
}

TimeNs iso(const char *text)
{
    return *parseIsoUtc(QString::fromLatin1(text));
}

} // namespace

class TestTableReader : public QObject
{
    Q_OBJECT

private slots:
    void flavours_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("flavour");
        QTest::addColumn<qint64>("rows");
        QTest::addColumn<QString>("label");
        QTest::addColumn<QString>("time");
        QTest::addColumn<QString>("firstTime");
        QTest::addColumn<QString>("lastTime");

        QTest::newRow("aggregate, epoch seconds")
            << QByteArray("timestamp,total,total_tcp,total_http,total_udp,size,size_tcp,"
                          "size_http,size_udp\n"
                          "1499255057,10,8,2,2,1000,800,200,200\n"
                          "1499255058,12,9,3,3,1200,900,300,300\n"
                          "1499255059,11,8,3,3,1100,800,300,300\n")
            << QStringLiteral("aggregate") << qint64(3) << QString() << QStringLiteral("timestamp")
            << QStringLiteral("2017-07-05T11:44:17.000Z")
            << QStringLiteral("2017-07-05T11:44:19.000Z");
        QTest::newRow("nab metrics, ISO with a space")
            << QByteArray("timestamp,value\n2014-04-01 00:00:00,20.0\n2014-04-01 00:05:00,21.5\n")
            << QStringLiteral("metrics") << qint64(2) << QString() << QStringLiteral("timestamp")
            << QStringLiteral("2014-04-01T00:00:00.000Z")
            << QStringLiteral("2014-04-01T00:05:00.000Z");
        QTest::newRow("metrics, milliseconds, is_anomaly")
            << QByteArray("timestamp,value,is_anomaly\n1416722400000,3.5,0\n1416726000000,9,1\n")
            << QStringLiteral("metrics") << qint64(2) << QStringLiteral("is_anomaly")
            << QStringLiteral("timestamp") << QStringLiteral("2014-11-23T06:00:00.000Z")
            << QStringLiteral("2014-11-23T07:00:00.000Z");
        QTest::newRow("metrics, microseconds, semicolons, decimal commas")
            << QByteArray("time;cpu;latency\n1416722400000000;0,5;20\n1416722400500000;0,7;25\n")
            << QStringLiteral("metrics") << qint64(2) << QString() << QStringLiteral("time")
            << QStringLiteral("2014-11-23T06:00:00.000Z")
            << QStringLiteral("2014-11-23T06:00:00.500Z");
        QTest::newRow("nfstream, quoted lists, CRLF")
            << QByteArray("id,src_ip,dst_ip,dst_port,protocol,bidirectional_first_seen_ms,"
                          "bidirectional_packets,bidirectional_bytes,splt_ps,label\r\n"
                          "0,\"10.0.0.1\",\"10.0.0.2\",80,6,1499255057431,8,2939,"
                          "\"[52, 52, 40]\",BENIGN\r\n"
                          "1,\"10.0.0.3\",\"10.0.0.2\",53,17,1499255058431,2,180,"
                          "\"[60, 120]\",DoS Hulk\r\n")
            << QStringLiteral("nfstream") << qint64(2) << QStringLiteral("label")
            << QStringLiteral("bidirectional_first_seen_ms")
            << QStringLiteral("2017-07-05T11:44:17.431Z")
            << QStringLiteral("2017-07-05T11:44:18.431Z");
        QTest::newRow("cicflowmeter, day/month/year, stray header spaces")
            << QByteArray("Flow ID, Source IP, Destination IP, Destination Port, Protocol, "
                          "Timestamp, Flow Duration, Total Fwd Packets, Total Backward Packets,"
                          "Total Length of Fwd Packets, Total Length of Bwd Packets, Label\n"
                          "f1,10.0.0.1,10.0.0.2,80,6,3/7/2017 8:55,100,3,2,300,200,BENIGN\n"
                          "f2,10.0.0.9,10.0.0.2,22,6,4/7/2017 9:01,100,1,0,60,0,SSH-Patator\n")
            << QStringLiteral("cicflowmeter") << qint64(2) << QStringLiteral("Label")
            << QStringLiteral("Timestamp") << QStringLiteral("2017-07-03T08:55:00.000Z")
            << QStringLiteral("2017-07-04T09:01:00.000Z");
        QTest::newRow("cicflowmeter, no timestamp")
            << QByteArray("Flow Duration,Total Fwd Packets,Total Backward Packets,Label\n"
                          "191,2,2,BENIGN\n42,1,0,PortScan\n")
            << QStringLiteral("cicflowmeter") << qint64(2) << QStringLiteral("Label") << QString()
            << QString() << QString();
        QTest::newRow("wireshark, relative time, all quoted")
            << QByteArray("\"No.\",\"Time\",\"Source\",\"Destination\",\"Protocol\",\"Length\","
                          "\"Info\"\n"
                          "\"1\",\"0.000000\",\"10.0.0.1\",\"10.0.0.2\",\"TCP\",\"74\","
                          "\"50000 > 80 [SYN] Seq=0\"\n"
                          "\"2\",\"0.000120\",\"10.0.0.2\",\"10.0.0.1\",\"TCP\",\"74\","
                          "\"80 > 50000 [SYN, ACK] Seq=0 Ack=1\"\n")
            << QStringLiteral("wireshark") << qint64(2) << QString() << QStringLiteral("Time")
            << QStringLiteral("1970-01-01T00:00:00.000Z")
            << QStringLiteral("1970-01-01T00:00:00.000Z");
        QTest::newRow("wireshark, absolute ISO time")
            << QByteArray("No.,Time,Source,Destination,Protocol,Length,Info\n"
                          "1,2023-01-05 10:11:12.250000,10.0.0.1,10.0.0.2,DNS,80,Standard query\n"
                          "2,2023-01-05 10:11:13.500000,10.0.0.2,10.0.0.1,DNS,120,Standard "
                          "query response\n")
            << QStringLiteral("wireshark") << qint64(2) << QString() << QStringLiteral("Time")
            << QStringLiteral("2023-01-05T10:11:12.250Z")
            << QStringLiteral("2023-01-05T10:11:13.500Z");
        QTest::newRow("unsw-nb15 with BOM and CRLF")
            << QByteArray("\xEF\xBB\xBFid,dur,proto,spkts,attack_cat,label\r\n"
                          "1,0.000011,udp,2,Normal,0\r\n2,0.5,tcp,10,Exploits,1\r\n")
            << QStringLiteral("untimed") << qint64(2) << QStringLiteral("label") << QString()
            << QString() << QString();
        QTest::newRow("nsl-kdd, no header")
            << QByteArray("0,tcp,ftp_data,SF,491,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,2,2,0.00,0.00,"
                          "0.00,0.00,1.00,0.00,0.00,150,25,0.17,0.03,0.17,0.00,0.00,0.00,0.05,"
                          "0.00,normal,20\n"
                          "0,tcp,private,S0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,123,6,1.00,1.00,"
                          "0.00,0.00,0.05,0.07,0.00,255,26,0.10,0.05,0.00,0.00,1.00,1.00,0.00,"
                          "0.00,neptune,19\n")
            << QStringLiteral("untimed") << qint64(2) << QStringLiteral("class") << QString()
            << QString() << QString();
    }
    void flavours()
    {
        QFETCH(QByteArray, data);
        QFETCH(QString, flavour);
        QFETCH(qint64, rows);
        QFETCH(QString, label);
        QFETCH(QString, time);
        QFETCH(QString, firstTime);
        QFETCH(QString, lastTime);
        const TableReadResult r = read(data);
        QVERIFY2(!r.error, r.error ? qPrintable(r.error->toString()) : "");
        QCOMPARE(flavourName(r.summary.flavour), flavour);
        QCOMPARE(r.summary.rows, rows);
        QCOMPARE(r.summary.loadedRows, rows);
        QCOMPARE(r.table.rowCount(), rows);
        QCOMPARE(r.summary.labelColumn, label);
        QCOMPARE(r.summary.timeColumn, time);
        QCOMPARE(r.summary.firstTime ? formatIsoUtc(*r.summary.firstTime) : QString(), firstTime);
        QCOMPARE(r.summary.lastTime ? formatIsoUtc(*r.summary.lastTime) : QString(), lastTime);
        QCOMPARE(r.summary.skippedRows, qint64(0));
    }

    void headerlessNslKddKeepsTextColumnsOut()
    {
        const TableReadResult r =
            read("0,tcp,http,SF,232,8153,0,0,0,0,0,1,0,0,0,0,0,0,0,0,0,0,5,5,0.20,0.20,0.00,0.00,"
                 "1.00,0.00,0.00,30,255,1.00,0.00,0.03,0.04,0.03,0.01,0.00,0.01,normal,21\n"
                 "0,udp,private,SF,105,146,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,1,0.00,0.00,0.00,"
                 "0.00,1.00,0.00,0.00,255,254,1.00,0.01,0.00,0.00,0.00,0.00,0.00,0.00,normal,21\n");
        QVERIFY(!r.summary.header);
        QCOMPARE(r.summary.columns, 43);
        QCOMPARE(r.summary.ignoredColumns,
                 (QStringList{QStringLiteral("protocol_type"), QStringLiteral("service"),
                              QStringLiteral("flag"), QStringLiteral("difficulty")}));
        const TableColumn &label = column(r, QStringLiteral("class"));
        QCOMPARE(label.storage, TableColumn::Storage::Text);
        QCOMPARE(label.dictionary, std::vector<std::string>{"normal"});
        QCOMPARE(column(r, QStringLiteral("src_bytes")).numbers, (std::vector<double>{232, 105}));
    }

    void valuesAreRead()
    {
        const TableReadResult r = read("timestamp,value\n"
                                       "2014-04-01 00:00:00,20.5\n"
                                       "2014-04-01 00:05:00,-3e2\n"
                                       "2014-04-01 00:10:00,\n"
                                       "2014-04-01 00:15:00,N/A\n"
                                       "2014-04-01 00:20:00, +7 \n");
        const TableColumn &value = column(r, QStringLiteral("value"));
        QCOMPARE(value.numbers.size(), std::size_t(5));
        QCOMPARE(value.numbers[0], 20.5);
        QCOMPARE(value.numbers[1], -300.0);
        QVERIFY(std::isnan(value.numbers[2])); // missing: no value, not a bad row
        QVERIFY(std::isnan(value.numbers[3]));
        QCOMPARE(value.numbers[4], 7.0);
        QCOMPARE(r.summary.skippedRows, qint64(0));
        QCOMPARE(column(r, QStringLiteral("timestamp")).times[1], iso("2014-04-01T00:05:00Z"));
        QCOMPARE(r.table.lines, (std::vector<qint64>{2, 3, 4, 5, 6}));
    }

    void badRowsSkipped()
    {
        const QByteArray data("timestamp,value,other\n"     // line 1
                              "2014-04-01 00:00:00,1,2\n"   // 2
                              "2014-04-01 00:05:00,x,2\n"   // 3: text in a number column
                              "2014-04-01 00:10:00,3\n"     // 4: a field short
                              "\n"                          // 5: blank, ignored
                              "yesterday,4,2\n"             // 6: not a time
                              "2014-04-01 00:20:00,5,2,9\n" // 7: a field too many
                              "2014-04-01 00:25:00,6,2\n"); // 8
        const TableReadResult r = read(data);
        QVERIFY(!r.error);
        QCOMPARE(r.summary.rows, qint64(6));
        QCOMPARE(r.summary.skippedRows, qint64(4));
        QCOMPARE(r.summary.loadedRows, qint64(2));
        QCOMPARE(column(r, QStringLiteral("value")).numbers, (std::vector<double>{1, 6}));
        QCOMPARE(r.diagnostics.size(), std::size_t(4));
        const std::vector<std::pair<qint64, int>> where{{3, 2}, {4, 3}, {6, 1}, {7, 4}};
        for (std::size_t i = 0; i < where.size(); ++i) {
            QCOMPARE(r.diagnostics[i].record, where[i].first);
            QCOMPARE(r.diagnostics[i].column, where[i].second);
            QCOMPARE(r.diagnostics[i].file, QStringLiteral("fixture.csv"));
        }
        QVERIFY(r.diagnostics[0].message.contains(QStringLiteral("\"x\"")));
        QVERIFY(r.diagnostics[1].message.contains(QStringLiteral("expected 3 fields, found 2")));
        QVERIFY(r.diagnostics[0].toString().startsWith(
            QStringLiteral("fixture.csv: line 3, column 2: ")));
    }

    void badRowStops()
    {
        TableOptions options;
        options.badRows = BadRowPolicy::Stop;
        const TableReadResult r = read("timestamp,value,note\n"
                                       "2014-04-01 00:00:00,1,ok\n"
                                       "2014-04-01 00:05:00,2,\"two\nlines\"\n"
                                       "2014-04-01 00:10:00,three,ok\n"
                                       "2014-04-01 00:15:00,4,ok\n",
                                       options);
        QVERIFY(r.error);
        QCOMPARE(r.error->record, qint64(5)); // the quoted line break moved it down a line
        QCOMPARE(r.error->column, 2);
        QCOMPARE(r.error->severity, Diagnostic::Severity::Error);
        QCOMPARE(r.summary.rows, qint64(3)); // it stopped there: row 4 was never read
    }

    void diagnosticsAreCapped()
    {
        QByteArray data("a,b\n");
        for (int i = 0; i < 250; ++i)
            data += "1,x\n";
        for (int i = 0; i < 600; ++i)
            data += "1,2\n";
        TableOptions options;
        options.maxDiagnostics = 100;
        const TableReadResult r = read(data, options);
        QVERIFY(!r.error);
        QCOMPARE(r.diagnostics.size(), std::size_t(100));
        QCOMPARE(r.summary.problems, qint64(250));
        QCOMPARE(r.summary.skippedRows, qint64(250));
        QCOMPARE(r.summary.loadedRows, qint64(600));
    }

    void unusableFiles_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("empty");
        QTest::newRow("only a BOM") << QByteArray("\xEF\xBB\xBF") << QStringLiteral("empty");
        QTest::newRow("blank lines") << QByteArray("\n\n  \n") << QStringLiteral("blank");
        QTest::newRow("header only")
            << QByteArray("timestamp,value\n") << QStringLiteral("no data rows");
        QTest::newRow("binary") << QByteArray("ab\0\1\2\3cd", 8) << QStringLiteral("binary");
        QTest::newRow("pcap") << QByteArray("\xD4\xC3\xB2\xA1\x02\x00\x04\x00", 8)
                              << QStringLiteral("capture");
        QTest::newRow("utf-16") << QByteArray("\xFF\xFEt\0i\0", 6) << QStringLiteral("UTF-16");
        QTest::newRow("prose") << QByteArray("Dear team,\nthe report is attached.\nRegards\n")
                               << QStringLiteral("numeric");
        QTest::newRow("every row bad")
            << QByteArray("a,b\n1\n2\n") << QStringLiteral("no data row could be read");
        QTest::newRow("forced flavour that does not fit")
            << QByteArray("a,b\n1,2\n") << QStringLiteral("not a nfstream table");
    }
    void unusableFiles()
    {
        QFETCH(QByteArray, data);
        QFETCH(QString, message);
        TableOptions options;
        if (QByteArray(QTest::currentDataTag()).startsWith("forced"))
            options.flavour = TableFlavour::Nfstream;
        const TableReadResult r = read(data, options);
        QVERIFY(r.error);
        QVERIFY2(r.error->message.contains(message), qPrintable(r.error->message));
        QVERIFY(r.error->toString().startsWith(QStringLiteral("fixture.csv: ")));
    }

    void summaryAsJson()
    {
        const TableReadResult r = read("timestamp,value,is_anomaly\n"
                                       "1416722400000,3.5,0\n"
                                       "1416726000000,x,1\n"
                                       "1416729600000,4,0\n");
        const QJsonObject json = r.summary.toJson();
        QCOMPARE(json.value(u"flavour").toString(), QStringLiteral("metrics"));
        QCOMPARE(json.value(u"rows").toInteger(), 3);
        QCOMPARE(json.value(u"loaded_rows").toInteger(), 2);
        QCOMPARE(json.value(u"skipped_rows").toInteger(), 1);
        QCOMPARE(json.value(u"columns").toInt(), 3);
        QCOMPARE(json.value(u"label_column").toString(), QStringLiteral("is_anomaly"));
        QCOMPARE(json.value(u"time_column").toString(), QStringLiteral("timestamp"));
        QCOMPARE(json.value(u"time_format").toString(), QStringLiteral("unix_ms"));
        QCOMPARE(json.value(u"first_time").toString(), QStringLiteral("2014-11-23T06:00:00.000Z"));
        QCOMPARE(json.value(u"last_time").toString(), QStringLiteral("2014-11-23T08:00:00.000Z"));
    }

    void excelSeparatorHint()
    {
        const TableReadResult r = read("sep=;\ntimestamp;value\n2014-04-01 00:00:00;1,5\n");
        QVERIFY(!r.error);
        QCOMPARE(r.summary.delimiter, ';');
        QCOMPARE(column(r, QStringLiteral("value")).numbers, std::vector<double>{1.5});
        QCOMPARE(r.table.lines, std::vector<qint64>{3});
    }

    void duplicateAndEmptyHeaderNames()
    {
        const TableReadResult r = read("a,a,,label\n1,2,3,x\n");
        QCOMPARE(r.summary.columnNames,
                 (QStringList{QStringLiteral("a"), QStringLiteral("a.1"), QStringLiteral("column3"),
                              QStringLiteral("label")}));
        QCOMPARE(r.summary.warnings.size(), 1);
    }

    void manyRepeatedHeaderNames()
    {
        // 10,000 columns all named "a": a list search per name made this cubic (4,000 took
        // 55 s). Names as pandas gives them; the warnings name the first ten and count the rest.
        constexpr int kColumns = 10'000;
        QByteArray header("a");
        QByteArray row("1");
        for (int i = 1; i < kColumns; ++i) {
            header += ",a";
            row += ",1";
        }
        const TableReadResult r = read(header + "\n" + row + "\n");
        QVERIFY(!r.error);
        QCOMPARE(r.summary.columnNames.size(), kColumns);
        QCOMPARE(r.summary.columnNames.at(1), QStringLiteral("a.1"));
        QCOMPARE(r.summary.columnNames.last(), QStringLiteral("a.9999"));
        QCOMPARE(r.summary.columnNames.size(),
                 QSet<QString>(r.summary.columnNames.begin(), r.summary.columnNames.end()).size());
        QCOMPARE(r.summary.warnings.size(), 11);
        QVERIFY(r.summary.warnings.last().startsWith(QStringLiteral("9989 more")));
    }

    void repeatedNamesMeetingTheirSuffixes()
    {
        const TableReadResult r = read("a,a.1,a,a,b\n1,2,3,4,5\n");
        QCOMPARE(r.summary.columnNames,
                 (QStringList{QStringLiteral("a"), QStringLiteral("a.1"), QStringLiteral("a.2"),
                              QStringLiteral("a.3"), QStringLiteral("b")}));
    }

    void oversizedRecordsAreRefused_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("message");
        const QByteArray wide = "a" + QByteArray(CsvTokenizer::kMaxFields, ',') + "\n";
        QTest::newRow("header of commas")
            << wide << QStringLiteral("line 1: a row (or header) with more than 10000 fields");
        QTest::newRow("row of commas")
            << QByteArray("a,b\n1,2\n" + wide)
            << QStringLiteral("line 3: a row (or header) with more than 10000 fields");
        QTest::newRow("long field")
            << QByteArray("a,b\n1,2\n3," + QByteArray(CsvTokenizer::kMaxRecordBytes, '7') + "\n")
            << QStringLiteral("line 3: a row (or header) longer than 4 MB");
        QTest::newRow("long quoted header")
            << QByteArray("\"" + QByteArray(CsvTokenizer::kMaxRecordBytes, 'x') + "\"\n1\n")
            << QStringLiteral("line 1: a row (or header) longer than 4 MB");
    }
    void oversizedRecordsAreRefused()
    {
        // A 100 MB row of commas took 4 GB in the tokenizer before its error; a header of
        // commas was still being named after two minutes.
        QFETCH(QByteArray, data);
        QFETCH(QString, message);
        const TableReadResult r = read(data);
        QVERIFY(r.error);
        QVERIFY2(r.error->message.startsWith(message), qPrintable(r.error->message));
    }

    void trailingDelimiterIsTolerated()
    {
        const TableReadResult r = read("a,b\n1,2,\n3,4,\n");
        QCOMPARE(r.summary.skippedRows, qint64(0));
        QCOMPARE(column(r, QStringLiteral("b")).numbers, (std::vector<double>{2, 4}));
    }

    void mutatedInputsNeverBreakTheSeries()
    {
        // Damaged copies of small tables of each kind: every load ends in an error or in a
        // consistent series, never in a crash or an out-of-bounds read (run under ASan too).
        const QList<QByteArray> tables{
            "timestamp,value,is_anomaly\n2014-04-01 00:00:00,1,0\n2014-04-01 00:05:00,2,1\n"
            "2014-04-01 00:10:00,3,0\n",
            "src_ip,dst_ip,dst_port,protocol,bidirectional_first_seen_ms,bidirectional_packets,"
            "bidirectional_bytes,label\n\"a\",\"b\",80,6,1499255057431,8,2939,BENIGN\n"
            "\"c\",\"b\",53,17,1499255058431,2,180,DoS\n",
            "No.,Time,Source,Destination,Protocol,Length,Info\n1,0.0,a,b,TCP,60,\"[SYN]\"\n"
            "2,0.5,b,a,UDP,70,x\n",
            "Timestamp,Flow Duration,Total Fwd Packets,Label\n3/7/2017 8:55,1,2,BENIGN\n"
            "3/7/2017 9:55,1,2,DoS\n",
            "0,tcp,http,SF,1,2,normal\n0,udp,dns,SF,3,4,neptune\n"};
        const QByteArray alphabet(",;\t\"\r\n 0123456789.-:/eE[]\xEF\xBB\xBF\x00\xFF", 30);
        QRandomGenerator random(20240131);
        for (const QByteArray &table : tables) {
            for (int round = 0; round < 300; ++round) {
                QByteArray damaged = table;
                const int edits = 1 + int(random.bounded(6));
                for (int e = 0; e < edits && !damaged.isEmpty(); ++e) {
                    const auto at = qsizetype(random.bounded(int(damaged.size())));
                    const char c = alphabet.at(qsizetype(random.bounded(int(alphabet.size()))));
                    switch (random.bounded(4)) {
                    case 0:
                        damaged[at] = c;
                        break;
                    case 1:
                        damaged.insert(at, c);
                        break;
                    case 2:
                        damaged.remove(at, 1);
                        break;
                    default:
                        damaged.truncate(at);
                        break;
                    }
                }
                const TableLoadResult r = loadTableData(damaged, QStringLiteral("damaged.csv"));
                if (r.error)
                    continue;
                const Series &s = r.series;
                QCOMPARE(qsizetype(s.values.rows()), s.rowCount());
                QCOMPARE(qsizetype(s.hasData.size()), s.rowCount());
                QVERIFY(s.labels.isEmpty() || s.labels.size() == s.rowCount());
                QVERIFY(s.values.allFinite());
            }
        }
    }

    void progressAndCancel()
    {
        QByteArray data("a,b\n");
        for (int i = 0; i < 200000; ++i)
            data += "1,2\n";
        int calls = 0;
        double last = -1;
        bool monotonic = true;
        const TableReadResult all = read(data, {}, [&](const Progress &p) {
            ++calls;
            monotonic = monotonic && p.fraction >= last && p.fraction <= 1.0;
            last = p.fraction;
            return true;
        });
        QCOMPARE(all.summary.loadedRows, qint64(200000));
        QVERIFY(monotonic);
        QVERIFY(calls < 200000 / 4096 + 2); // throttled, never per row

        const TableReadResult stopped = read(data, {}, [](const Progress &) { return false; });
        QVERIFY(stopped.cancelled);
        QCOMPARE(stopped.summary.loadedRows, qint64(4096)); // the first report comes there
    }
};

QTEST_GUILESS_MAIN(TestTableReader)
#include "tst_tablereader.moc"
