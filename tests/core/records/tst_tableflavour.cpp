#include "records/numberparse.h"
#include "records/tableflavour.h"

#include <QTest>

using namespace tideline;

namespace {

// Columns as the reader would sample them from a small comma-separated table (no quotes).
std::vector<ColumnSample> columnsOf(const QString &header, const QStringList &rows)
{
    std::vector<ColumnSample> columns;
    for (const QString &name : header.split(QLatin1Char(','))) {
        ColumnSample c;
        c.name = name.trimmed();
        c.key = normaliseHeader(name.toStdString());
        columns.push_back(c);
    }
    for (const QString &row : rows) {
        const QStringList fields = row.split(QLatin1Char(','));
        for (qsizetype i = 0; i < fields.size() && i < qsizetype(columns.size()); ++i)
            columns[std::size_t(i)].values.push_back(fields[i].toStdString());
    }
    for (ColumnSample &c : columns) {
        c.numeric = !c.values.empty() &&
                    std::all_of(c.values.begin(), c.values.end(),
                                [](const std::string &v) { return parseNumber(v).has_value(); });
    }
    return columns;
}

QString nameAt(const std::vector<ColumnSample> &columns, int index)
{
    return index < 0 ? QString() : columns[std::size_t(index)].name;
}

} // namespace

class TestTableFlavour : public QObject
{
    Q_OBJECT

private slots:
    void detect_data()
    {
        QTest::addColumn<QString>("header");
        QTest::addColumn<QStringList>("rows");
        QTest::addColumn<QString>("flavour");
        QTest::addColumn<int>("layout");
        QTest::addColumn<QString>("time");
        QTest::addColumn<int>("timeFormat");
        QTest::addColumn<QString>("label");

        QTest::newRow("aggregate")
            << QStringLiteral("timestamp,total,total_tcp,total_http,total_udp,size,size_tcp,"
                              "size_http,size_udp")
            << QStringList{QStringLiteral("1499255057,10,8,2,2,1000,800,200,200")}
            << QStringLiteral("aggregate") << int(TableLayout::TimedRows)
            << QStringLiteral("timestamp") << int(TimeFormat::UnixSeconds) << QString();
        QTest::newRow("nab metrics")
            << QStringLiteral("timestamp,value")
            << QStringList{QStringLiteral("2014-04-01 00:00:00,20.0")} << QStringLiteral("metrics")
            << int(TableLayout::TimedRows) << QStringLiteral("timestamp") << int(TimeFormat::Iso)
            << QString();
        QTest::newRow("metrics with is_anomaly")
            << QStringLiteral("timestamp,value,is_anomaly")
            << QStringList{QStringLiteral("1416722400,3.5,0")} << QStringLiteral("metrics")
            << int(TableLayout::TimedRows) << QStringLiteral("timestamp")
            << int(TimeFormat::UnixSeconds) << QStringLiteral("is_anomaly");
        QTest::newRow("metrics, time found by its values")
            << QStringLiteral("cpu,throughput,latency,memory,limit,when")
            << QStringList{QStringLiteral("0.5,100,20,300,1,2024-01-01T00:00:00Z")}
            << QStringLiteral("metrics") << int(TableLayout::TimedRows) << QStringLiteral("when")
            << int(TimeFormat::Iso) << QString();
        QTest::newRow("nfstream")
            << QStringLiteral("id,src_ip,dst_ip,dst_port,protocol,bidirectional_first_seen_ms,"
                              "bidirectional_packets,bidirectional_bytes,label")
            << QStringList{QStringLiteral("0,10.0.0.1,10.0.0.2,80,6,1499255057431,8,2939,BENIGN")}
            << QStringLiteral("nfstream") << int(TableLayout::Binned)
            << QStringLiteral("bidirectional_first_seen_ms") << int(TimeFormat::UnixMillis)
            << QStringLiteral("label");
        QTest::newRow("cicflowmeter with timestamp and stray spaces")
            << QStringLiteral("Flow ID, Source IP, Timestamp, Flow Duration, Total Fwd Packets, "
                              "Total Backward Packets, Label")
            << QStringList{QStringLiteral("a,10.0.0.1,3/7/2017 8:55,10,2,2,BENIGN")}
            << QStringLiteral("cicflowmeter") << int(TableLayout::Binned)
            << QStringLiteral("Timestamp") << int(TimeFormat::DayMonthYear)
            << QStringLiteral("Label");
        QTest::newRow("cicflowmeter without timestamp")
            << QStringLiteral("Flow Duration,Total Fwd Packets,Total Backward Packets,Label")
            << QStringList{QStringLiteral("191,2,2,BENIGN")} << QStringLiteral("cicflowmeter")
            << int(TableLayout::Rows) << QString() << int(TimeFormat::None)
            << QStringLiteral("Label");
        QTest::newRow("wireshark")
            << QStringLiteral("No.,Time,Source,Destination,Protocol,Length,Info")
            << QStringList{QStringLiteral("1,0.000000,10.0.0.1,10.0.0.2,TCP,60,80 > 1 [SYN]")}
            << QStringLiteral("wireshark") << int(TableLayout::Binned) << QStringLiteral("Time")
            << int(TimeFormat::RelativeSeconds) << QString();
        QTest::newRow("packets") << QStringLiteral("timestamp,src,dst,dst_port,proto,length")
                                 << QStringList{QStringLiteral(
                                        "1710160496.5,10.0.0.1,10.0.0.2,443,TCP,60")}
                                 << QStringLiteral("packets") << int(TableLayout::Binned)
                                 << QStringLiteral("timestamp") << int(TimeFormat::UnixSeconds)
                                 << QString();
        QTest::newRow("flows with a length are flows")
            << QStringLiteral("timestamp,src,dst,packets,bytes,length")
            << QStringList{QStringLiteral("1710160496.5,10.0.0.1,10.0.0.2,3,180,60")}
            << QStringLiteral("flows") << int(TableLayout::Binned) << QStringLiteral("timestamp")
            << int(TimeFormat::UnixSeconds) << QString();
        QTest::newRow("unsw-nb15")
            << QStringLiteral("id,dur,proto,service,state,spkts,attack_cat,label")
            << QStringList{QStringLiteral("1,0.000011,udp,-,INT,2,Normal,0")}
            << QStringLiteral("untimed") << int(TableLayout::Rows) << QString()
            << int(TimeFormat::None) << QStringLiteral("label");
        QTest::newRow("flow features without time")
            << QStringLiteral("duration,protocol,src_port,dst_port,fwd_tot_pkt")
            << QStringList{QStringLiteral("0.0,UDP,53,44947,1")} << QStringLiteral("untimed")
            << int(TableLayout::Rows) << QString() << int(TimeFormat::None) << QString();
        QTest::newRow("class label")
            << QStringLiteral("a,b,Class") << QStringList{QStringLiteral("1,2,attack")}
            << QStringLiteral("untimed") << int(TableLayout::Rows) << QString()
            << int(TimeFormat::None) << QStringLiteral("Class");
    }
    void detect()
    {
        QFETCH(QString, header);
        QFETCH(QStringList, rows);
        QFETCH(QString, flavour);
        QFETCH(int, layout);
        QFETCH(QString, time);
        QFETCH(int, timeFormat);
        QFETCH(QString, label);
        const std::vector<ColumnSample> columns = columnsOf(header, rows);
        const FlavourDetection d = detectFlavour(columns, TableFlavour::Auto);
        QVERIFY2(d.error.isEmpty(), qPrintable(d.error));
        QCOMPARE(flavourName(d.flavour), flavour);
        QCOMPARE(int(d.layout), layout);
        QCOMPARE(nameAt(columns, d.roles.time), time);
        QCOMPARE(int(d.roles.timeFormat), timeFormat);
        QCOMPARE(nameAt(columns, d.roles.label), label);
    }

    void groundTruthAndIdentifiersAreExcluded()
    {
        const std::vector<ColumnSample> columns = columnsOf(
            QStringLiteral("id,dur,attack_cat,label"), {QStringLiteral("1,0.5,Normal,0")});
        const FlavourDetection d = detectFlavour(columns, TableFlavour::Auto);
        QCOMPARE(d.roles.label, 3);
        QCOMPARE(d.roles.excluded, (std::vector<int>{0, 2, 3}));
    }

    void flowRolesFollowTheColumns()
    {
        const std::vector<ColumnSample> columns =
            columnsOf(QStringLiteral("src_ip,dst_ip,dst_port,protocol,bidirectional_first_seen_ms,"
                                     "bidirectional_packets,bidirectional_bytes,"
                                     "bidirectional_syn_packets"),
                      {QStringLiteral("10.0.0.1,10.0.0.2,80,6,1499255057431,8,2939,1")});
        const TableRoles roles = detectFlavour(columns, TableFlavour::Auto).roles;
        QCOMPARE(roles.source, 0);
        QCOMPARE(roles.destination, 1);
        QCOMPARE(roles.destinationPort, 2);
        QCOMPARE(roles.protocol, 3);
        QCOMPARE(roles.time, 4);
        QCOMPARE(roles.packets, 5);
        QCOMPARE(roles.bytes, 6);
        QCOMPARE(roles.syn, 7);
    }

    // Flow tables of no known exporter are recognised by the ordinary names of their columns.
    void flowColumnSynonyms_data()
    {
        QTest::addColumn<QString>("header");
        QTest::addColumn<QString>("row");
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("destination");
        QTest::addColumn<QString>("sourcePort");
        QTest::addColumn<QString>("destinationPort");
        QTest::addColumn<QString>("protocol");
        QTest::newRow("zeek conn.log")
            << QStringLiteral("ts,uid,id.orig_h,id.orig_p,id.resp_h,id.resp_p,proto,duration")
            << QStringLiteral("1700000000.5,C1,10.0.0.1,5000,10.0.0.2,80,tcp,0.5")
            << QStringLiteral("id.orig_h") << QStringLiteral("id.resp_h")
            << QStringLiteral("id.orig_p") << QStringLiteral("id.resp_p")
            << QStringLiteral("proto");
        QTest::newRow("aws vpc flow log")
            << QStringLiteral("version,srcaddr,dstaddr,srcport,dstport,protocol,packets,bytes,"
                              "start,end")
            << QStringLiteral("2,10.0.0.1,10.0.0.2,5000,443,6,10,840,1700000000,1700000060")
            << QStringLiteral("srcaddr") << QStringLiteral("dstaddr") << QStringLiteral("srcport")
            << QStringLiteral("dstport") << QStringLiteral("protocol");
        QTest::newRow("nfdump")
            << QStringLiteral("ts,te,td,sa,da,sp,dp,pr,ipkt,ibyt")
            << QStringLiteral("2017-07-05 11:44:17,2017-07-05 11:44:18,1.0,10.0.0.1,10.0.0.2,"
                              "5000,53,UDP,1,60")
            << QStringLiteral("sa") << QStringLiteral("da") << QStringLiteral("sp")
            << QStringLiteral("dp") << QStringLiteral("pr");
        QTest::newRow("plain src_ip")
            << QStringLiteral("timestamp,src_ip,dst_ip,src_port,dst_port,proto")
            << QStringLiteral("2024-01-01T00:00:00Z,2001:db8::1,2001:db8::2,5000,22,TCP")
            << QStringLiteral("src_ip") << QStringLiteral("dst_ip") << QStringLiteral("src_port")
            << QStringLiteral("dst_port") << QStringLiteral("proto");
        QTest::newRow("unsw-nb15 with addresses")
            << QStringLiteral("srcip,sport,dstip,dsport,proto,state,dur,sbytes,dbytes,stime,ltime")
            << QStringLiteral("59.166.0.0,1390,149.171.126.6,53,udp,CON,0.001,132,164,1421927414,"
                              "1421927414")
            << QStringLiteral("srcip") << QStringLiteral("dstip") << QStringLiteral("sport")
            << QStringLiteral("dsport") << QStringLiteral("proto");
    }
    void flowColumnSynonyms()
    {
        QFETCH(QString, header);
        QFETCH(QString, row);
        const std::vector<ColumnSample> columns = columnsOf(header, {row});
        const FlavourDetection d = detectFlavour(columns, TableFlavour::Auto);
        QVERIFY2(d.error.isEmpty(), qPrintable(d.error));
        QCOMPARE(flavourName(d.flavour), QStringLiteral("flows"));
        QCOMPARE(int(d.layout), int(TableLayout::Binned));
        QVERIFY(d.roles.hasEndpoints());
        QTEST(nameAt(columns, d.roles.source), "source");
        QTEST(nameAt(columns, d.roles.destination), "destination");
        QTEST(nameAt(columns, d.roles.sourcePort), "sourcePort");
        QTEST(nameAt(columns, d.roles.destinationPort), "destinationPort");
        QTEST(nameAt(columns, d.roles.protocol), "protocol");
    }

    void aSourceColumnWithoutAddressesIsNoFlowTable()
    {
        const FlavourDetection d =
            detectFlavour(columnsOf(QStringLiteral("timestamp,source,destination,value"),
                                    {QStringLiteral("1700000000,sensor-a,sensor-b,3.5")}),
                          TableFlavour::Auto);
        QCOMPARE(d.flavour, TableFlavour::Metrics);
        QVERIFY(!d.roles.hasEndpoints());
    }

    void requestedFlavourMustFit_data()
    {
        QTest::addColumn<QString>("header");
        QTest::addColumn<QString>("row");
        QTest::addColumn<int>("flavour");
        QTest::addColumn<bool>("fits");
        QTest::newRow("metrics without time") << QStringLiteral("a,b") << QStringLiteral("1,2")
                                              << int(TableFlavour::Metrics) << false;
        QTest::newRow("nfstream without first_seen")
            << QStringLiteral("a,b") << QStringLiteral("1,2") << int(TableFlavour::Nfstream)
            << false;
        QTest::newRow("wireshark without Time") << QStringLiteral("a,b") << QStringLiteral("1,2")
                                                << int(TableFlavour::Wireshark) << false;
        QTest::newRow("packets without a length")
            << QStringLiteral("timestamp,src,dst") << QStringLiteral("1499255057,10.0.0.1,10.0.0.2")
            << int(TableFlavour::Packets) << false;
        QTest::newRow("untimed always fits")
            << QStringLiteral("timestamp,value") << QStringLiteral("1499255057,2")
            << int(TableFlavour::Untimed) << true;
        QTest::newRow("aggregate on a metrics table")
            << QStringLiteral("timestamp,value") << QStringLiteral("1499255057,2")
            << int(TableFlavour::Aggregate) << true;
    }
    void requestedFlavourMustFit()
    {
        QFETCH(QString, header);
        QFETCH(QString, row);
        QFETCH(int, flavour);
        QFETCH(bool, fits);
        const FlavourDetection d = detectFlavour(columnsOf(header, {row}), TableFlavour(flavour));
        QCOMPARE(d.error.isEmpty(), fits);
        QCOMPARE(int(d.flavour), flavour);
        if (!fits)
            QVERIFY(d.error.contains(flavourName(TableFlavour(flavour))));
    }

    void unreadableCicTimestampFallsBackToRows()
    {
        const FlavourDetection d =
            detectFlavour(columnsOf(QStringLiteral("Timestamp,Flow Duration,Total Fwd Packets"),
                                    {QStringLiteral("soon,1,2")}),
                          TableFlavour::Auto);
        QCOMPARE(d.flavour, TableFlavour::CicFlowMeter);
        QCOMPARE(d.layout, TableLayout::Rows);
        QCOMPARE(d.roles.time, -1);
        QCOMPARE(d.warnings.size(), 1);
    }

    void normalise_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("key");
        QTest::newRow("stray space")
            << QStringLiteral(" Flow Duration") << QStringLiteral("flow duration");
        QTest::newRow("underscores") << QStringLiteral("bidirectional_first_seen_ms")
                                     << QStringLiteral("bidirectional first seen ms");
        QTest::newRow("runs") << QStringLiteral("Total  Fwd__Packets ")
                              << QStringLiteral("total fwd packets");
        QTest::newRow("keeps punctuation") << QStringLiteral("No.") << QStringLiteral("no.");
    }
    void normalise()
    {
        QFETCH(QString, name);
        QFETCH(QString, key);
        QCOMPARE(QString::fromStdString(normaliseHeader(name.toStdString())), key);
    }

    void nslKddNames()
    {
        QString header;
        for (int i = 1; i <= 43; ++i)
            header += (i > 1 ? QStringLiteral(",") : QString()) + QStringLiteral("c%1").arg(i);
        const QString row = QStringLiteral(
            "0,tcp,ftp_data,SF,491,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,2,2,0.00,0.00,0.00,0.00,1.00,"
            "0.00,0.00,150,25,0.17,0.03,0.17,0.00,0.00,0.00,0.05,0.00,normal,20");
        const QStringList names = knownHeaderlessNames(columnsOf(header, {row}));
        QCOMPARE(names.size(), 43);
        QCOMPARE(names.at(1), QStringLiteral("protocol_type"));
        QCOMPARE(names.at(40), QStringLiteral("dst_host_srv_rerror_rate"));
        QCOMPARE(names.at(41), QStringLiteral("class"));
        QCOMPARE(names.at(42), QStringLiteral("difficulty"));

        // Not NSL-KDD: the second column is not a protocol.
        QString other = row;
        other.replace(QStringLiteral("tcp"), QStringLiteral("xyz"));
        QVERIFY(knownHeaderlessNames(columnsOf(header, {other})).isEmpty());
    }

    void machineNames()
    {
        for (TableFlavour f :
             {TableFlavour::Aggregate, TableFlavour::Nfstream, TableFlavour::CicFlowMeter,
              TableFlavour::Wireshark, TableFlavour::Metrics, TableFlavour::Untimed})
            QCOMPARE(flavourFromName(flavourName(f)), std::optional<TableFlavour>(f));
        QCOMPARE(flavourName(TableFlavour::CicFlowMeter), QStringLiteral("cicflowmeter"));
        QVERIFY(!flavourFromName(u"excel"));
    }
};

QTEST_GUILESS_MAIN(TestTableFlavour)
#include "tst_tableflavour.moc"
