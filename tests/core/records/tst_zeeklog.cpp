// Zeek's tab-separated logs and Suricata's eve.json are tables: their flows, with messages
// naming the file's own lines.

#include "records/zeeklog.h"
#include "series/tableloader.h"

#include <QTest>

using namespace tideline;

namespace {

TableLoadResult load(const QByteArray &bytes)
{
    return loadTableData(bytes, QStringLiteral("conn.log"), {}, {});
}

const QByteArray kConnLog =
    "#separator \\x09\n"
    "#set_separator\t,\n"
    "#empty_field\t(empty)\n"
    "#unset_field\t-\n"
    "#path\tconn\n"
    "#open\t2012-03-16-12-30-00\n"
    "#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tproto\tservice\tduration\t"
    "orig_bytes\tresp_bytes\tconn_state\torig_pkts\torig_ip_bytes\tresp_pkts\tresp_ip_bytes\n"
    "#types\ttime\tstring\taddr\tport\taddr\tport\tenum\tstring\tinterval\tcount\tcount\tstring\t"
    "count\tcount\tcount\tcount\n"
    "1331901000.000000\tC1\t192.168.202.79\t50465\t192.168.229.251\t80\ttcp\thttp\t0.004\t166\t"
    "214\tSF\t3\t290\t3\t382\n"
    "1331901001.500000\tC2\t192.168.202.79\t50466\t192.168.229.251\t81\ttcp\t-\t-\t-\t-\tS0\t1\t"
    "60\t0\t0\n"
    "1331901002.250000\tC3\t192.168.202.80\t53\t192.168.229.1\t53\tudp\tdns\t0.1\t40\t(empty)\t"
    "SF\t1\t68\t1\t120\n"
    "#close\t2012-03-16-12-31-00\n";

} // namespace

class TestZeekLog : public QObject
{
    Q_OBJECT

private slots:
    void aConnLogIsATable()
    {
        QVERIFY(looksLikeZeekLog(kConnLog.constData()));
        const TableLoadResult loaded = load(kConnLog);
        QVERIFY2(!loaded.error, qPrintable(loaded.error ? loaded.error->toString() : QString()));
        QCOMPARE(loaded.summary.syntax, QStringLiteral("zeek"));
        QCOMPARE(loaded.summary.rows, 3);
        QCOMPARE(loaded.summary.skippedRows, 0);
        QCOMPARE(loaded.summary.columnNames.first(), QStringLiteral("ts"));
        QCOMPARE(loaded.summary.columnNames.size(), 16);
        QCOMPARE(loaded.summary.timeColumn, QStringLiteral("ts"));
        QCOMPARE(loaded.summary.flavour, TableFlavour::Flows);
        QCOMPARE(formatIsoUtc(*loaded.summary.firstTime),
                 QStringLiteral("2012-03-16T12:30:00.000Z"));
    }

    void aRowOfTheWrongWidthNamesItsLine()
    {
        QByteArray log = kConnLog;
        log.replace("\tSF\t1\t68\t1\t120\n", "\tSF\t1\n");
        const TableLoadResult loaded = load(log);
        QVERIFY(!loaded.error);
        QCOMPARE(loaded.summary.skippedRows, 1);
        QCOMPARE(loaded.diagnostics.front().record, 11);
    }

    void rowsBeforeTheFieldsAreRefused()
    {
        const TableLoadResult loaded = load("#separator \\x09\n1331901000.0\tC1\n");
        QVERIFY(loaded.error);
        QCOMPARE(loaded.error->record, 2);
        QVERIFY(loaded.error->message.contains(QStringLiteral("#fields")));
    }

    void eveJsonGivesItsFlows()
    {
        const QByteArray eve =
            R"({"timestamp":"2024-03-11T12:00:05.000000+0000","event_type":"alert","src_ip":"10.0.0.9","dest_ip":"10.0.0.1","alert":{"signature":"ET SCAN"}}
{"timestamp":"2024-03-11T12:00:06.000000+0000","flow_id":1,"event_type":"flow","src_ip":"10.0.0.9","src_port":40000,"dest_ip":"10.0.0.1","dest_port":22,"proto":"TCP","flow":{"pkts_toserver":1,"pkts_toclient":1,"bytes_toserver":60,"bytes_toclient":54,"start":"2024-03-11T12:00:00.000000+0000","end":"2024-03-11T12:00:00.001000+0000","state":"closed"}}
{"timestamp":"2024-03-11T12:00:07.000000+0000","event_type":"dns","src_ip":"10.0.0.2","dest_ip":"10.0.0.53"}
{"timestamp":"2024-03-11T12:00:08.000000+0000","event_type":"dns","src_ip":"10.0.0.2","dest_ip":"10.0.0.53"}
{"timestamp":"2024-03-11T12:00:09.000000+0000","flow_id":2,"event_type":"flow","src_ip":"10.0.0.9","src_port":40001,"dest_ip":"10.0.0.1","dest_port":23,"proto":"TCP","flow":{"pkts_toserver":1,"pkts_toclient":1,"bytes_toserver":60,"bytes_toclient":54,"start":"2024-03-11T12:00:01.000000+0000","end":"2024-03-11T12:00:01.001000+0000","state":"closed"}}
)";
        const TableLoadResult loaded = loadTableData(eve, QStringLiteral("eve.json"), {}, {});
        QVERIFY2(!loaded.error, qPrintable(loaded.error ? loaded.error->toString() : QString()));
        QCOMPARE(loaded.summary.rows, 2);
        QCOMPARE(loaded.summary.flavour, TableFlavour::Flows);
        QCOMPARE(loaded.summary.timeColumn, QStringLiteral("flow.start"));
        QVERIFY(loaded.summary.columnNames.contains(QStringLiteral("flow.pkts_toserver")));
        QVERIFY(!loaded.summary.columnNames.contains(QStringLiteral("alert.signature")));
        QVERIFY(std::any_of(loaded.diagnostics.begin(), loaded.diagnostics.end(),
                            [](const Diagnostic &d) {
                                return d.message.contains(QStringLiteral("alert 1, dns 2"));
                            }));

        const TableLoadResult alerts =
            loadTableData(R"({"timestamp":"2024-03-11T12:00:05.000000+0000","event_type":"alert"})",
                          QStringLiteral("eve.json"), {}, {});
        QVERIFY(alerts.error);
        QVERIFY(alerts.error->message.contains(QStringLiteral("no flow events")));
    }
};

QTEST_GUILESS_MAIN(TestZeekLog)
#include "tst_zeeklog.moc"
