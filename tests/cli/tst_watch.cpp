// `tideline watch` as a script sees it: a replayed sample's attacks come out one line (or one
// JSON object) each as they happen and are appended to the CSV; usage mistakes are refused;
// SIGTERM stops cleanly; and on `lo`, a burst the test sends itself is seen live.

#include "fixturedir.h"
#include "runtideline.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>
#include <QUdpSocket>

namespace {

QStringList csvHeader()
{
    return QStringLiteral("start,end,duration_s,peak_score,mean_score,threshold,detector,packets,"
                          "bytes,top_source,top_destination_port,label,note,kind,summary,"
                          "top_destination,distinct_sources,distinct_destinations,"
                          "distinct_destination_ports")
        .split(QLatin1Char(','));
}

} // namespace

class TestWatchCommand : public QObject
{
    Q_OBJECT

private:
    FixtureDir m_dir;
    QString m_sample;

    QString path(const char *name) const { return m_dir.filePath(QLatin1String(name)); }

private slots:
    void initTestCase()
    {
        m_sample = path("sample.pcap");
        const TidelineRun run = runTideline({QStringLiteral("generate"), m_sample});
        QCOMPARE(run.exitCode, 0);
    }

    void replayFindsTheAttacks()
    {
        const QString csv = path("anomalies.csv");
        const TidelineRun run = runTideline(
            {QStringLiteral("watch"), QStringLiteral("--replay"), m_sample,
             QStringLiteral("--speed"), QStringLiteral("0"), QStringLiteral("--warm-up"),
             QStringLiteral("30"), QStringLiteral("--json"), QStringLiteral("-o"), csv});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QList<QByteArray> lines = run.out.trimmed().split('\n');
        QStringList kinds;
        for (const QByteArray &line : lines) {
            const QJsonObject object = QJsonDocument::fromJson(line).object();
            QCOMPARE(object.keys().size(), csvHeader().size());
            for (const QString &key : csvHeader())
                QVERIFY2(object.contains(key), qPrintable(key));
            QCOMPARE(object.value(QStringLiteral("detector")).toString(),
                     QStringLiteral("windowed_counts"));
            kinds << object.value(QStringLiteral("kind")).toString();
        }
        for (const char *attack : {"port_scan", "syn_flood"})
            QVERIFY2(kinds.contains(QLatin1String(attack)), qPrintable(kinds.join(u' ')));

        // The CSV: the header, then the same anomalies; a second run appends to it.
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> rows = file.readAll().trimmed().split('\n');
        QCOMPARE(QString::fromUtf8(rows.first().trimmed()), csvHeader().join(u','));
        QCOMPARE(rows.size(), lines.size() + 1);
        file.close();
        const TidelineRun again = runTideline({QStringLiteral("watch"), QStringLiteral("--replay"),
                                               m_sample, QStringLiteral("--speed"),
                                               QStringLiteral("0"), QStringLiteral("--warm-up"),
                                               QStringLiteral("30"), QStringLiteral("-o"), csv});
        QCOMPARE(again.exitCode, 0);
        QCOMPARE(again.out.trimmed().split('\n').size(), lines.size());
        QVERIFY(again.out.contains("port_scan"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll().trimmed().split('\n').size(), 2 * lines.size() + 1);
    }

    void refusesMistakes_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        const QString sample = path("sample.pcap");
        QTest::newRow("nothing to watch") << QStringList{} << QStringLiteral("--replay");
        QTest::newRow("both") << QStringList{QStringLiteral("lo"), QStringLiteral("--replay"),
                                             sample}
                              << QStringLiteral("--replay");
        QTest::newRow("supervised detector")
            << QStringList{QStringLiteral("--replay"), sample, QStringLiteral("--detector"),
                           QStringLiteral("random_forest")}
            << QStringLiteral("labelled");
        QTest::newRow("bad filter") << QStringList{QStringLiteral("lo"), QStringLiteral("--filter"),
                                                   QStringLiteral("udp and prot 53")}
                                    << QStringLiteral("--filter");
        QTest::newRow("filter on a replay")
            << QStringList{QStringLiteral("--replay"), sample, QStringLiteral("--filter"),
                           QStringLiteral("udp")}
            << QStringLiteral("--filter");
        QTest::newRow("speed") << QStringList{QStringLiteral("--replay"), sample,
                                              QStringLiteral("--speed"), QStringLiteral("-1")}
                               << QStringLiteral("--speed");
    }
    void refusesMistakes()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const TidelineRun run = runTideline(QStringList{QStringLiteral("watch")} + arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.errText().contains(message), run.err.constData());
    }

    void missingFileIsAnInputError()
    {
        const TidelineRun run = runTideline(
            {QStringLiteral("watch"), QStringLiteral("--replay"), path("missing.pcap")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.errText().contains(QLatin1String("missing.pcap")));
    }

    // SIGTERM ends a paced replay at once, flushing and summing up.
    void stopsOnSigterm()
    {
        QProcess process;
        process.start(QStringLiteral(TIDELINE_EXE),
                      {QStringLiteral("watch"), QStringLiteral("--replay"), m_sample,
                       QStringLiteral("--bin"), QStringLiteral("100ms"),
                       QStringLiteral("--warm-up"), QStringLiteral("10")});
        QVERIFY(process.waitForStarted());
        QByteArray errors;
        QTRY_VERIFY_WITH_TIMEOUT(
            (errors += process.readAllStandardError()).contains("scoring bins"), 30000);
        process.terminate();
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 0);
        QVERIFY(process.readAllStandardError().contains("packets,"));
    }

    // Live on the loopback interface: a steady trickle of UDP, then a burst, to a port of our
    // own; the burst is an anomaly.
    void seesABurstOnLoopback()
    {
        QUdpSocket receiver;
        QVERIFY(receiver.bind(QHostAddress::LocalHost, 0));
        const quint16 port = receiver.localPort();
        QProcess process;
        process.start(QStringLiteral(TIDELINE_EXE),
                      {QStringLiteral("watch"), QStringLiteral("lo"), QStringLiteral("--filter"),
                       QStringLiteral("udp and dst port %1").arg(port), QStringLiteral("--bin"),
                       QStringLiteral("100ms"), QStringLiteral("--warm-up"), QStringLiteral("20"),
                       QStringLiteral("--json"), QStringLiteral("--ring"), path("ring")});
        QVERIFY(process.waitForStarted());
        QByteArray errors;
        QUdpSocket sender;
        const QByteArray payload(64, 'x');
        bool scoring = false;
        for (int tick = 0; tick < 150 && process.state() == QProcess::Running && !scoring; ++tick) {
            sender.writeDatagram(payload, QHostAddress::LocalHost, port);
            QTest::qWait(50);
            errors += process.readAllStandardError();
            scoring = errors.contains("scoring bins");
        }
        if (!scoring) {
            process.kill();
            process.waitForFinished();
            errors += process.readAllStandardError();
            if (errors.contains("not permitted"))
                QSKIP("capturing on lo is not permitted here (setcap cap_net_raw on the binary)");
            QFAIL(errors.constData());
        }
        for (int i = 0; i < 3000; ++i)
            sender.writeDatagram(payload, QHostAddress::LocalHost, port);
        for (int tick = 0; tick < 20; ++tick) {
            sender.writeDatagram(payload, QHostAddress::LocalHost, port);
            QTest::qWait(50);
        }
        // The burst is an anomaly, a UDP flood to our port. It is reported when its first bin
        // closes, with that bin's packets; on a loaded machine a stalled trickle can be an
        // anomaly too (a drop), and the burst's interval can take in a bin it left empty.
        QByteArray output;
        const auto burstReported = [&] {
            output += process.readAllStandardOutput();
            const QList<QByteArray> lines = output.split('\n');
            return std::any_of(lines.begin(), lines.end(), [port](const QByteArray &line) {
                const QJsonObject anomaly = QJsonDocument::fromJson(line).object();
                return anomaly.value(QStringLiteral("kind")).toString() == u"udp_flood" &&
                       anomaly.value(QStringLiteral("top_destination_port")).toInt() == int(port);
            });
        };
        QTRY_VERIFY2_WITH_TIMEOUT(burstReported(), output.constData(), 5000);
        process.terminate();
        QVERIFY(process.waitForFinished(10000));
        // The ring kept every packet the capture counted (a loaded machine may drop some of the
        // burst, which the last line says), as pcapng that reads back whole.
        errors += process.readAllStandardError();
        const QRegularExpressionMatch counts =
            QRegularExpression(QStringLiteral("(\\d+) packets, \\d+ bins, \\d+ anomalies; dropped: "
                                              "kernel (\\d+), interface (\\d+)"))
                .match(QString::fromUtf8(errors));
        QVERIFY2(counts.hasMatch(), errors.constData());
        const qint64 packets = counts.captured(1).toLongLong();
        QVERIFY(packets > 200);
        const TidelineRun ring = runTideline({QStringLiteral("summarize"), QStringLiteral("--json"),
                                              path("ring/tideline-000001.pcapng")});
        QCOMPARE(ring.exitCode, 0);
        const QJsonObject summary = QJsonDocument::fromJson(ring.out).object();
        QCOMPARE(summary.value(QStringLiteral("format")).toString(), QStringLiteral("pcapng"));
        QCOMPARE(summary.value(QStringLiteral("packets")).toInteger(), packets);
        QCOMPARE(summary.value(QStringLiteral("malformed")).toInteger(), 0);
    }
};

QTEST_GUILESS_MAIN(TestWatchCommand)
#include "tst_watch.moc"
