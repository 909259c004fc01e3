// nfcapd files: recognised by their header, read through the nfdump on PATH. A stand-in nfdump
// written here gives the JSON nfdump 1.7 prints (tst_nfdump runs the real one), so the
// reading of its members, IPv6, other record types and nfdump's failures are checked alone.

#include "records/nfdumpfile.h"
#include "records/nfdumpjson.h"
#include "series/tableloader.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace tideline;

namespace {

const QByteArray kFlows = R"([
{
	"type" : "FLOW",
	"first" : "2026-12-25T15:16:42.958",
	"last" : "2026-12-25T15:16:44.533",
	"in_packets" : 4,
	"in_bytes" : 443,
	"proto" : 6,
	"tcp_flags" : "...AP..F",
	"src_port" : 53016,
	"dst_port" : 443,
	"src4_addr" : "10.0.1.79",
	"dst4_addr" : "33.168.45.130",
	"label" : "{<none>}"
},
{
	"type" : "FLOW",
	"first" : "1970-01-01T00:00:00.000",
	"last" : "1970-01-01T00:00:00.000",
	"in_packets" : 7,
	"in_bytes" : 700,
	"proto" : 17,
	"src4_addr" : "10.0.0.53",
	"dst4_addr" : "10.0.1.202"
},
{
	"type" : "EVENT",
	"first" : "2026-12-25T15:16:43.000"
},
{
	"type" : "FLOW",
	"first" : "2026-12-25T15:16:45.100",
	"last" : "2026-12-25T15:16:45.100",
	"in_packets" : 1,
	"in_bytes" : 60,
	"out_packets" : 1,
	"out_bytes" : 40,
	"proto" : 6,
	"tcp_flags" : "....S.",
	"src_port" : 40000,
	"dst_port" : 22,
	"src6_addr" : "2001:db8::1",
	"dst6_addr" : "2001:db8::2"
}]
)";

} // namespace

class TestNfdumpFile : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QFile flows(m_dir.filePath(QStringLiteral("flows.json")));
        QVERIFY(flows.open(QIODevice::WriteOnly));
        flows.write(kFlows);
        flows.close();
        // The stand-in: -I counts, -o json prints the flows, a file named "bad" fails.
        QFile script(m_dir.filePath(QStringLiteral("nfdump")));
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write("#!/bin/sh\n"
                     "for last; do :; done\n"
                     "case \"$last\" in *bad) echo 'Open file: appendix offset error' >&2; "
                     "exit 250;; esac\n"
                     "case \"$1\" in -I) echo 'Flows: 4';; *) cat '" +
                     flows.fileName().toUtf8() + "';; esac\n");
        script.close();
        QVERIFY(script.setPermissions(script.permissions() | QFileDevice::ExeOwner));
        qputenv("PATH", m_dir.path().toUtf8() + ':' + qgetenv("PATH"));
        m_file = nfcapd(QStringLiteral("nfcapd.202612251515"));
    }

    void theHeaderIsRecognised_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<bool>("nfcapd");
        QTest::newRow("1.7, little-endian") << QByteArray("\x0c\xa5\x02\x00\x00\x01", 6) << true;
        QTest::newRow("1.6, little-endian") << QByteArray("\x0c\xa5\x01\x00\x00\x01", 6) << true;
        QTest::newRow("1.7, big-endian") << QByteArray("\xa5\x0c\x00\x02\x00\x01", 6) << true;
        QTest::newRow("unknown layout") << QByteArray("\x0c\xa5\x07\x00\x00\x01", 6) << false;
        QTest::newRow("pcap") << QByteArray("\xd4\xc3\xb2\xa1\x02\x00", 6) << false;
        QTest::newRow("too short") << QByteArray("\x0c\xa5", 2) << false;
        QTest::newRow("csv") << QByteArray("ts,sa,da\n") << false;
    }

    void theHeaderIsRecognised()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(bool, nfcapd);
        QCOMPARE(looksLikeNfcapd(std::string_view(bytes.constData(), std::size_t(bytes.size()))),
                 nfcapd);
    }

    // nfdump's output arrives in pieces of any size: a record cut anywhere, a brace inside a
    // string, reads the same.
    void piecesReadAsTheWhole()
    {
        NfdumpJson whole;
        QVERIFY(whole.feed(kFlows));
        const TableText expected = whole.finish(QStringLiteral("f"));
        QVERIFY(!expected.error);
        QCOMPARE(expected.lines, (std::vector<qint64>{1, 4}));
        for (const qsizetype piece : {1, 2, 7, 64}) {
            NfdumpJson pieces;
            for (qsizetype at = 0; at < kFlows.size(); at += piece)
                QVERIFY(pieces.feed(
                    QByteArrayView(kFlows).sliced(at, std::min(piece, kFlows.size() - at))));
            const TableText text = pieces.finish(QStringLiteral("f"));
            QCOMPARE(text.csv, expected.csv);
            QCOMPARE(text.lines, expected.lines);
        }
        NfdumpJson quoted;
        QVERIFY(quoted.feed("[{\"type\" : \"NOTE\", \"text\" : \"a \\\"}\\\" {\"}, "));
        QCOMPARE(quoted.records(), 1);
        NfdumpJson cut;
        QVERIFY(cut.feed(kFlows.left(kFlows.size() / 2)));
        const TableText ended = cut.finish(QStringLiteral("f"));
        QVERIFY(ended.error);
        QVERIFY(ended.error->message.contains(QStringLiteral("ends inside a record")));
    }

    void flowsBecomeAFlowTable()
    {
        const TableLoadResult loaded = loadTable(m_file);
        QVERIFY2(!loaded.error, qPrintable(loaded.error ? loaded.error->toString() : QString()));
        QCOMPARE(loaded.summary.syntax, QStringLiteral("nfdump"));
        QCOMPARE(loaded.summary.flavour, TableFlavour::Flows);
        QCOMPARE(loaded.summary.rows, 3);
        QCOMPARE(loaded.summary.skippedRows, 1);
        QCOMPARE(loaded.summary.timeColumn, QStringLiteral("first_seen"));
        QCOMPARE(formatIsoUtc(*loaded.summary.firstTime),
                 QStringLiteral("2026-12-25T15:16:42.958Z"));
        // The flow without a time and the event record are left out, and said so.
        for (const QString &expected :
             {QStringLiteral("EVENT 1"), QStringLiteral("1 flows without a time (first seen 0), "
                                                        "7 packets, were left out")}) {
            QVERIFY2(std::any_of(loaded.diagnostics.begin(), loaded.diagnostics.end(),
                                 [&](const Diagnostic &d) { return d.message.contains(expected); }),
                     qPrintable(expected));
        }
        QVERIFY(loaded.drillDown.traffic);
        QCOMPARE(loaded.drillDown.traffic->flows().size(), 2);
        const Series &series = loaded.series;
        const int packets = series.featureIndex(QStringLiteral("packets"));
        const int syn = series.featureIndex(QStringLiteral("syn_no_ack"));
        QVERIFY(packets >= 0 && syn >= 0);
        QCOMPARE(series.values.col(packets).sum(), 6.0); // both ways of the IPv6 flow
        QCOMPARE(series.values.col(syn).sum(), 1.0);     // its SYN without ACK
    }

    void nfdumpsFailureIsQuoted()
    {
        const TableLoadResult loaded = loadTable(nfcapd(QStringLiteral("bad")));
        QVERIFY(loaded.error);
        QVERIFY2(loaded.error->toString().contains(QStringLiteral("exit status 250")),
                 qPrintable(loaded.error->toString()));
        QVERIFY2(loaded.error->toString().contains(QStringLiteral("appendix offset error")),
                 qPrintable(loaded.error->toString()));
    }

    void aStopIsACancel()
    {
        const TableLoadResult loaded =
            loadTable(m_file, {}, [](const Progress &) { return false; });
        QVERIFY(loaded.cancelled);
        QVERIFY(!loaded.error);
    }

private:
    // A file with an nfcapd header: the stand-in nfdump never reads it.
    QString nfcapd(const QString &name)
    {
        QFile file(m_dir.filePath(name));
        file.open(QIODevice::WriteOnly);
        file.write(QByteArray("\x0c\xa5\x02\x00\x00\x01\x07\x01", 8));
        return file.fileName();
    }

    QTemporaryDir m_dir;
    QString m_file;
};

QTEST_GUILESS_MAIN(TestNfdumpFile)
#include "tst_nfdumpfile.moc"
