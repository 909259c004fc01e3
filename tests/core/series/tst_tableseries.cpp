#include "common/binwidth.h"
#include "series/flowbinner.h"
#include "series/tableloader.h"

#include <QTest>

using namespace tideline;

namespace {

TableLoadResult load(const QByteArray &data, const TableOptions &options = {})
{
    return loadTableData(data, QStringLiteral("fixture.csv"), options);
}

double at(const Series &s, qsizetype row, const char *feature)
{
    const int column = s.featureIndex(QLatin1String(feature));
    if (column < 0)
        qFatal("no feature %s", feature);
    return s.values(Eigen::Index(row), column);
}

TimeNs iso(const char *text)
{
    return *parseIsoUtc(QString::fromLatin1(text));
}

// An NFStream row: start (ms), packets, bytes, protocol, source, destination, port, syn, label.
QByteArray nfstreamRow(qint64 ms, int packets, int bytes, int protocol, const char *source,
                       const char *destination, int port, int syn, const char *label)
{
    return QStringLiteral("%1,%2,%3,%4,%5,%6,%7,%8,%9\n")
        .arg(ms)
        .arg(packets)
        .arg(bytes)
        .arg(protocol)
        .arg(QLatin1String(source), QLatin1String(destination))
        .arg(port)
        .arg(syn)
        .arg(QLatin1String(label))
        .toUtf8();
}

const QByteArray kNfstreamHeader("bidirectional_first_seen_ms,bidirectional_packets,"
                                 "bidirectional_bytes,protocol,src_ip,dst_ip,dst_port,"
                                 "bidirectional_syn_packets,label\n");

} // namespace

class TestTableSeries : public QObject
{
    Q_OBJECT

private slots:
    void rowsAreBinsInTimeOrder()
    {
        // Backward times: one series row per table row, sorted by time (rows at the same time
        // in file order), so no interval found on them can end before it starts.
        const QByteArray data("timestamp,value,label\n"
                              "2014-04-01 00:00:00,1,a\n"
                              "2014-04-01 00:05:00,2,b\n"
                              "2014-04-01 00:05:00,3,c\n"
                              "2014-04-01 00:02:00,4,d\n"
                              "2014-04-01 00:10:00,5,e\n");
        const TableLoadResult r = load(data);
        QVERIFY(!r.error);
        const Series &s = r.series;
        QCOMPARE(s.axis, Series::Axis::Time);
        QCOMPARE(s.rowCount(), 5);
        QCOMPARE(s.values.rows(), Eigen::Index(5));
        const QList<double> values{1, 4, 2, 3, 5};
        for (qsizetype i = 0; i < 5; ++i)
            QCOMPARE(at(s, i, "value"), values[i]);
        QCOMPARE(s.labels,
                 (QStringList{QStringLiteral("a"), QStringLiteral("d"), QStringLiteral("b"),
                              QStringLiteral("c"), QStringLiteral("e")}));
        QVERIFY(std::is_sorted(s.starts.begin(), s.starts.end()));
        QCOMPARE(s.starts[1], iso("2014-04-01T00:02:00Z"));
        QCOMPARE(s.binWidth, TimeNs(0));
        QVERIFY(std::all_of(s.hasData.begin(), s.hasData.end(), [](bool b) { return b; }));
        QCOMPARE(r.summary.warnings.size(), 2);
        QVERIFY(r.summary.warnings.first().contains(QStringLiteral("1 steps back")));
        QVERIFY(r.summary.warnings.last().contains(QStringLiteral("1 rows repeat")));
    }

    void farApartTimesAreRegular()
    {
        // Steps of more than 292 years overflowed a TimeNs when subtracted (UBSan, asan preset).
        const QByteArray data("timestamp,value\n"
                              "2014-01-01 00:00:00,1\n"
                              "1697-01-01 00:00:00,2\n"
                              "2014-01-01 00:00:00,3\n");
        const TableLoadResult r = load(data);
        QVERIFY(!r.error);
        QCOMPARE(r.series.rowCount(), 3);
        QCOMPARE(r.series.starts.front(), iso("1697-01-01T00:00:00Z"));
    }

    void spacing_data()
    {
        QTest::addColumn<QList<int>>("minutes");
        QTest::addColumn<qint64>("width");
        QTest::newRow("regular") << QList<int>{0, 5, 10, 15, 20} << 5 * 60 * kNsPerSecond;
        QTest::newRow("one gap in many")
            << QList<int>{0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 60} << 5 * 60 * kNsPerSecond;
        QTest::newRow("irregular") << QList<int>{0, 1, 3, 7, 15} << qint64(0);
        QTest::newRow("one row") << QList<int>{0} << qint64(0);
    }
    void spacing()
    {
        QFETCH(QList<int>, minutes);
        QFETCH(qint64, width);
        QByteArray data("time,value\n");
        for (int m : minutes)
            data += QByteArray::number(1400000000 + m * 60) + ",1\n";
        const TableLoadResult r = load(data);
        QVERIFY(!r.error);
        QCOMPARE(r.series.rowCount(), minutes.size());
        QCOMPARE(r.series.binWidth, width);
    }

    void featureKindsAndLabels()
    {
        const TableLoadResult r = load("timestamp,packets,latency,is_anomaly\n"
                                       "1400000000,10,0.5,0\n"
                                       "1400000060,12,1.5,1\n"
                                       "1400000120,0,2,0\n");
        const Series &s = r.series;
        QCOMPARE(s.features.size(), std::size_t(2)); // the label is never a feature
        QCOMPARE(s.features[0].name, QStringLiteral("packets"));
        QCOMPARE(s.features[0].kind, FeatureKind::Count);
        QCOMPARE(s.features[1].kind, FeatureKind::Gauge);
        QCOMPARE(s.labels,
                 (QStringList{QStringLiteral("0"), QStringLiteral("1"), QStringLiteral("0")}));
        QCOMPARE(s.binWidth, 60 * kNsPerSecond);
    }

    void nonFiniteValuesBecomeZero()
    {
        const TableLoadResult r = load("a,b\n1,Infinity\n2,\n3,NaN\n4,5\n");
        QCOMPARE(r.series.rowCount(), 4);
        QCOMPARE(at(r.series, 0, "b"), 0.0);
        QCOMPARE(at(r.series, 1, "b"), 0.0);
        QCOMPARE(at(r.series, 3, "b"), 5.0);
        QCOMPARE(r.summary.warnings.size(), 1);
        QVERIFY(r.summary.warnings.first().contains(QStringLiteral("3 missing or non-finite")));
    }

    void untimedIsRowAxis()
    {
        const TableLoadResult r = load("id,dur,proto,spkts,attack_cat,label\n"
                                       "1,0.5,udp,2,Normal,0\n"
                                       "2,1.5,tcp,4,Exploits,1\n"
                                       "3,2.5,tcp,6,Exploits,1\n");
        const Series &s = r.series;
        QCOMPARE(s.axis, Series::Axis::Row);
        QCOMPARE(s.starts, (std::vector<TimeNs>{0, 1, 2}));
        QCOMPARE(s.binWidth, TimeNs(0));
        QCOMPARE(s.features.size(), std::size_t(2)); // dur, spkts: not id, proto or the labels
        QCOMPARE(s.features[0].name, QStringLiteral("dur"));
        QCOMPARE(s.features[1].name, QStringLiteral("spkts"));
        QCOMPARE(s.labels.size(), 3);
        QCOMPARE(r.summary.ignoredColumns,
                 (QStringList{QStringLiteral("id"), QStringLiteral("proto"),
                              QStringLiteral("attack_cat")}));
    }

    void textColumnsOfFewValuesAreCategories()
    {
        QByteArray text("dur,proto,host,attack_cat,label\n");
        for (int i = 0; i < 40; ++i)
            text += QByteArray::number(i) + (i % 3 ? ",tcp," : ",udp,") + "10.0.0." +
                    QByteArray::number(i) + (i % 5 ? ",Normal,0\n" : ",Exploits,1\n");
        const TableLoadResult r = load(text);
        QVERIFY(!r.error);
        // host has a value per row, attack_cat is ground truth: neither is a category.
        QCOMPARE(r.series.categories.size(), std::size_t(1));
        const CategoryColumn &proto = r.series.categories.front();
        QCOMPARE(proto.name, QStringLiteral("proto"));
        QCOMPARE(proto.codes.size(), std::size_t(40));
        QCOMPARE(proto.values[qsizetype(proto.codes[0])], QStringLiteral("udp"));
        QCOMPARE(proto.values[qsizetype(proto.codes[1])], QStringLiteral("tcp"));
        QCOMPARE(r.series.labels.value(5), QStringLiteral("1"));

        TableOptions options;
        options.labelColumn = QStringLiteral("ATTACK_CAT");
        const TableLoadResult named = load(text, options);
        QVERIFY(!named.error);
        QCOMPARE(named.series.labels.value(5), QStringLiteral("Exploits"));
        QCOMPARE(named.series.labels.value(6), QStringLiteral("Normal"));
        QCOMPARE(named.series.features.size(), std::size_t(1)); // dur; `label` stays out

        options.labelColumn = QStringLiteral("nosuch");
        const TableLoadResult missing = load(text, options);
        QVERIFY(missing.error);
        QVERIFY(missing.error->toString().contains(QStringLiteral("nosuch")));
    }

    void flowsAreSummedIntoBins()
    {
        const qint64 t0 = 1499255057000; // ms, on a whole second
        QByteArray data = kNfstreamHeader;
        data += nfstreamRow(t0 + 100, 10, 1000, 6, "10.0.0.1", "10.0.0.9", 80, 1, "BENIGN");
        data += nfstreamRow(t0 + 900, 5, 500, 17, "10.0.0.2", "10.0.0.9", 53, 0, "BENIGN");
        data += nfstreamRow(t0 + 2500, 3, 180, 1, "10.0.0.3", "10.0.0.8", 0, 0, "DoS Hulk");
        data += nfstreamRow(t0 + 2000, 4, 240, 6, "10.0.0.3", "10.0.0.9", 443, 2, "BENIGN");
        data += nfstreamRow(t0 + 2999, 1, 60, 6, "10.0.0.3", "10.0.0.9", 443, 1, "DoS Hulk");
        data += nfstreamRow(t0 + 500, 2, 100, 47, "10.0.0.1", "10.0.0.7", 0, 0, "BENIGN");
        TableOptions options;
        options.binWidth = kNsPerSecond;
        const TableLoadResult r = load(data, options);
        QVERIFY2(!r.error, r.error ? qPrintable(r.error->toString()) : "");
        const Series &s = r.series;
        QCOMPARE(flavourName(r.summary.flavour), QStringLiteral("nfstream"));
        QCOMPARE(s.binWidth, kNsPerSecond);
        QCOMPARE(s.rowCount(), 3); // seconds 0, 1 (empty) and 2
        QCOMPARE(s.starts[0], t0 * kNsPerMs);
        QCOMPARE(s.starts[2], (t0 + 2000) * kNsPerMs);

        QCOMPARE(at(s, 0, "flows"), 3.0);
        QCOMPARE(at(s, 0, "packets"), 17.0);
        QCOMPARE(at(s, 0, "bytes"), 1600.0);
        QCOMPARE(at(s, 0, "packets_tcp"), 10.0);
        QCOMPARE(at(s, 0, "bytes_udp"), 500.0);
        QCOMPARE(at(s, 0, "packets_other"), 2.0);
        QCOMPARE(at(s, 0, "syn_packets"), 1.0);
        QCOMPARE(at(s, 0, "packets_web"), 10.0);
        QCOMPARE(at(s, 0, "bytes_web"), 1000.0);
        QCOMPARE(at(s, 0, "distinct_sources"), 2.0);
        QCOMPARE(at(s, 0, "distinct_destinations"), 2.0);
        QCOMPARE(at(s, 0, "distinct_destination_ports"), 3.0);
        QCOMPARE(at(s, 0, "mean_packet_size"), 1600.0 / 17.0);

        QVERIFY(s.hasData[1]); // an empty bin inside the span is zero traffic, not a gap
        QCOMPARE(at(s, 1, "packets"), 0.0);

        QCOMPARE(at(s, 2, "flows"), 3.0);
        QCOMPARE(at(s, 2, "packets"), 8.0);
        QCOMPARE(at(s, 2, "bytes"), 480.0);
        QCOMPARE(at(s, 2, "packets_icmp"), 3.0);
        QCOMPARE(at(s, 2, "packets_tcp"), 5.0);
        QCOMPARE(at(s, 2, "syn_packets"), 3.0);
        QCOMPARE(at(s, 2, "packets_web"), 5.0);
        QCOMPARE(at(s, 2, "distinct_sources"), 1.0);

        // The attack label wins over the more common benign one.
        QCOMPARE(s.labels,
                 (QStringList{QStringLiteral("BENIGN"), QString(), QStringLiteral("DoS Hulk")}));
    }

    void cicFlowsAddBothDirections()
    {
        const TableLoadResult r =
            load("Timestamp,Flow Duration,Total Fwd Packets,Total Backward Packets,"
                 "Total Length of Fwd Packets,Total Length of Bwd Packets,Label\n"
                 "3/7/2017 8:55,10,3,2,300,200,BENIGN\n"
                 "3/7/2017 8:55,10,1,1,60,40,BENIGN\n"
                 "3/7/2017 8:57,10,4,0,240,0,PortScan\n");
        const Series &s = r.series;
        QCOMPARE(s.binWidth, 60 * kNsPerSecond); // minute resolution: no finer bins
        QCOMPARE(s.rowCount(), 3);
        QCOMPARE(at(s, 0, "packets"), 7.0);
        QCOMPARE(at(s, 0, "bytes"), 600.0);
        QCOMPARE(at(s, 2, "flows"), 1.0);
        QCOMPARE(s.labels.at(2), QStringLiteral("PortScan"));
    }

    void wiresharkPacketsAreBinned()
    {
        const QByteArray data(
            "\"No.\",\"Time\",\"Source\",\"Destination\",\"Protocol\",\"Length\",\"Info\"\n"
            "\"1\",\"0.000000\",\"10.0.0.1\",\"10.0.0.2\",\"TCP\",\"74\",\"1 > 80 [SYN] Seq=0\"\n"
            "\"2\",\"0.000100\",\"10.0.0.2\",\"10.0.0.1\",\"TCP\",\"74\",\"80 > 1 [SYN, ACK]\"\n"
            "\"3\",\"0.000200\",\"10.0.0.1\",\"10.0.0.2\",\"TLSv1.3\",\"600\",\"Client Hello\"\n"
            "\"4\",\"0.000300\",\"10.0.0.1\",\"10.0.0.53\",\"DNS\",\"80\",\"Standard query\"\n"
            "\"5\",\"0.000400\",\"10.0.0.1\",\"10.0.0.3\",\"ICMP\",\"98\",\"Echo request\"\n"
            "\"6\",\"0.000500\",\"aa:bb\",\"Broadcast\",\"ARP\",\"42\",\"Who has 10.0.0.1?\"\n"
            "\"7\",\"2.000000\",\"10.0.0.1\",\"10.0.0.2\",\"TCP\",\"66\",\"1 > 80 [ACK]\"\n");
        TableOptions options;
        options.binWidth = kNsPerSecond;
        const TableLoadResult r = load(data, options);
        QVERIFY(!r.error);
        const Series &s = r.series;
        QCOMPARE(s.featureIndex(QStringLiteral("flows")), -1); // packets are not flows
        QCOMPARE(s.rowCount(), 3);
        QCOMPARE(at(s, 0, "packets"), 6.0);
        QCOMPARE(at(s, 0, "bytes"), 968.0);
        QCOMPARE(at(s, 0, "packets_tcp"), 3.0);
        QCOMPARE(at(s, 0, "bytes_tcp"), 748.0);
        QCOMPARE(at(s, 0, "packets_udp"), 1.0);
        QCOMPARE(at(s, 0, "packets_icmp"), 1.0);
        QCOMPARE(at(s, 0, "packets_other"), 1.0);
        QCOMPARE(at(s, 0, "syn_no_ack"), 1.0); // [SYN] only, not [SYN, ACK]
        QCOMPARE(at(s, 0, "distinct_sources"), 3.0);
        QCOMPARE(at(s, 1, "packets"), 0.0);
        QCOMPARE(at(s, 2, "packets"), 1.0);
        QVERIFY(s.labels.isEmpty());
    }

    void spanOfYearsStaysSmall()
    {
        // Two bursts five years apart at 1 s bins: 158 million bins if materialised. The years
        // are one gap row; the 30 s pause (under binwidth::gapThreshold) stays zero traffic.
        const qint64 early = iso("2015-01-01T00:00:00Z") / kNsPerMs;
        const qint64 late = iso("2020-01-01T00:00:00Z") / kNsPerMs;
        QByteArray data = kNfstreamHeader;
        for (int i = 0; i < 100; ++i) {
            data += nfstreamRow(early + i * 1000, 2, 100, 6, "a", "b", 80, 0, "BENIGN");
            data += nfstreamRow(late + i * 1000, 3, 150, 6, "a", "b", 80, 0, "BENIGN");
        }
        data += nfstreamRow(late + 130 * 1000, 1, 50, 6, "a", "b", 80, 0, "BENIGN");
        TableOptions options;
        options.binWidth = kNsPerSecond;
        const TableLoadResult r = load(data, options);
        const Series &s = r.series;
        QCOMPARE(s.rowCount(), 100 + 1 + 100 + 30 + 1);
        QVERIFY(std::is_sorted(s.starts.begin(), s.starts.end()));
        QCOMPARE(std::count(s.hasData.begin(), s.hasData.end(), false), 1);
        QVERIFY(!s.hasData[100]);
        QCOMPARE(s.starts[100], (early + 100 * 1000) * kNsPerMs);
        QCOMPARE(s.starts[101], late * kNsPerMs);
        QCOMPARE(at(s, 100, "packets"), 0.0);
        double packets = 0;
        for (qsizetype i = 0; i < s.rowCount(); ++i)
            packets += at(s, i, "packets");
        QCOMPARE(packets, 100 * 2.0 + 100 * 3.0 + 1.0);

        // Auto width: the bursts decide the width, the years become gaps.
        const TableLoadResult automatic = load(data);
        QVERIFY(automatic.series.rowCount() < 5000);
        QVERIFY(automatic.series.binWidth <= 10 * kNsPerSecond);
    }

    void tooFineWidthIsRefused()
    {
        // An hour at 1 µs would be 3.6 billion bins: an error, not an allocation.
        QByteArray data = kNfstreamHeader;
        data += nfstreamRow(1499255057000, 2, 100, 6, "a", "b", 80, 0, "BENIGN");
        data += nfstreamRow(1499255057000 + 30 * 1000, 2, 100, 6, "a", "b", 80, 0, "BENIGN");
        data += nfstreamRow(1499255057000 + 3600 * 1000, 2, 100, 6, "a", "b", 80, 0, "BENIGN");
        TableOptions options;
        options.binWidth = kNsPerUs;
        const TableLoadResult r = load(data, options);
        QVERIFY(r.error);
        QVERIFY2(r.error->message.contains(QStringLiteral("wider bin")),
                 qPrintable(r.error->message));
        QCOMPARE(r.series.rowCount(), 0);
    }

    void flowsCenturiesApart_data()
    {
        QTest::addColumn<qint64>("width");
        QTest::newRow("automatic") << qint64(0);
        QTest::newRow("30d") << 30 * 86400 * kNsPerSecond;
    }
    void flowsCenturiesApart()
    {
        // 1680 to 2260: the steps between the times, and the width chosen from them,
        // overflowed a TimeNs (UBSan, asan preset).
        QFETCH(qint64, width);
        const qint64 early = iso("1680-01-01T00:00:00Z") / kNsPerMs;
        const qint64 late = iso("2260-01-01T00:00:00Z") / kNsPerMs;
        QByteArray data = kNfstreamHeader;
        data += nfstreamRow(early, 2, 100, 6, "a", "b", 80, 0, "BENIGN");
        data += nfstreamRow(late, 3, 100, 6, "a", "b", 80, 0, "BENIGN");
        TableOptions options;
        options.binWidth = width;
        const TableLoadResult r = load(data, options);
        QVERIFY(!r.error);
        QCOMPARE(r.series.rowCount(), 3); // two bins and the gap between them
        QCOMPARE(r.series.hasData, (std::vector<bool>{true, false, true}));
        QVERIFY(r.series.starts.front() <= early * kNsPerMs);
        QVERIFY(r.series.starts.back() <= late * kNsPerMs);
    }

    void timeColumnNamedLikeALabel_data()
    {
        QTest::addColumn<QByteArray>("name");
        QTest::newRow("label") << QByteArray("label");
        QTest::newRow("Label") << QByteArray("Label");
        QTest::newRow("class") << QByteArray("class");
    }
    void timeColumnNamedLikeALabel()
    {
        // The only column holding dates is the time, even when its name says label: it was
        // taken as both, stored as text and every row was lost.
        QFETCH(QByteArray, name);
        const QByteArray data = name + ",value\n2024-01-01 00:00:00,1\n2024-01-01 00:01:00,2\n" +
                                "2024-01-01 00:02:00,3\n";
        const TableLoadResult r = load(data);
        QVERIFY(!r.error);
        QCOMPARE(r.series.rowCount(), 3);
        QCOMPARE(r.summary.timeColumn, QString::fromLatin1(name));
        QVERIFY(r.summary.labelColumn.isEmpty());
        QVERIFY(r.series.labels.isEmpty());
        QCOMPARE(r.series.binWidth, 60 * kNsPerSecond);
    }

    void timesOutsideTheRangeAreRefused_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::newRow("iso before 1678")
            << QByteArray("timestamp,value\n1500-01-01 00:00:00,1\n1500-01-01 00:01:00,2\n");
        QTest::newRow("iso after 2262")
            << QByteArray("time,value\n2300-01-01T00:00:00Z,1\n2300-01-01T00:01:00Z,2\n");
        QTest::newRow("dates in an unnamed column")
            << QByteArray("when,value\n1/2/1600 10:00,1\n1/2/1600 10:01,2\n");
        // Milliseconds by name (NFStream) from 1e14: the year 5138.
        QTest::newRow("epoch ms from 1e14")
            << (kNfstreamHeader +
                nfstreamRow(100'000'000'000'000, 2, 100, 6, "a", "b", 80, 0, "x") +
                nfstreamRow(100'000'000'060'000, 2, 100, 6, "a", "b", 80, 0, "x"));
    }
    void timesOutsideTheRangeAreRefused()
    {
        // These became row-numbered tables without a word, or were read in another unit.
        QFETCH(QByteArray, data);
        const TableLoadResult r = load(data);
        QVERIFY(r.error);
        QVERIFY2(r.error->message.contains(QStringLiteral("outside the years 1678 to 2262")),
                 qPrintable(r.error->message));
    }

    void autoWidth_data()
    {
        // Widths as captures get them: a few hundred bins over the active time.
        QTest::addColumn<qint64>("span");
        QTest::addColumn<qint64>("step");
        QTest::addColumn<qint64>("width");
        QTest::newRow("8 hours in ms")
            << 8 * 3600 * kNsPerSecond << 97 * kNsPerMs << 60 * kNsPerSecond;
        QTest::newRow("400 ms in us") << 400 * kNsPerMs << 3 * kNsPerUs << kNsPerMs;
        QTest::newRow("a week in minutes")
            << 7 * 86400 * kNsPerSecond << 60 * kNsPerSecond << 20 * 60 * kNsPerSecond;
        QTest::newRow("an hour at minute resolution")
            << 3600 * kNsPerSecond << 60 * kNsPerSecond << 60 * kNsPerSecond;
    }
    void autoWidth()
    {
        QFETCH(qint64, span);
        QFETCH(qint64, step);
        QFETCH(qint64, width);
        std::vector<TimeNs> times;
        const TimeNs start = iso("2017-07-03T08:00:00Z");
        for (TimeNs t = 0; t <= span; t += step)
            times.push_back(start + t);
        const TimeNs chosen = chooseBinWidth(times);
        QCOMPARE(chosen, width);
        QVERIFY(span / chosen <= binwidth::kTargetBins);
    }

    void oneInstantGetsOneBin()
    {
        QCOMPARE(chooseBinWidth({5 * kNsPerSecond, 5 * kNsPerSecond}), kNsPerSecond);
        QByteArray data = kNfstreamHeader;
        data += nfstreamRow(1499255057000, 2, 100, 6, "a", "b", 80, 0, "BENIGN");
        QCOMPARE(load(data).series.rowCount(), 1);
    }

    void perRowKeepsFlowsAsRows()
    {
        QByteArray data = kNfstreamHeader;
        data += nfstreamRow(1499255057000, 2, 100, 6, "a", "b", 80, 0, "BENIGN");
        data += nfstreamRow(1499255057001, 3, 150, 6, "a", "b", 80, 0, "DoS");
        TableOptions options;
        options.perRow = true;
        const TableLoadResult r = load(data, options);
        QCOMPARE(r.series.axis, Series::Axis::Row);
        QCOMPARE(r.series.rowCount(), 2);
        QCOMPARE(at(r.series, 1, "bidirectional_packets"), 3.0);
        QCOMPARE(r.series.labels.at(1), QStringLiteral("DoS"));
    }
};

QTEST_GUILESS_MAIN(TestTableSeries)
#include "tst_tableseries.moc"
