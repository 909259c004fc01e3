// nfcapd files through a real NetFlow pipeline on 127.0.0.1: Debian's softflowd reads a capture
// `tideline generate` wrote and exports NetFlow v9 to Debian's nfcapd, started here on a free
// port; the flows, packets and bytes Tideline reads from what nfcapd wrote must equal nfdump's
// own summary of the same file.

#include "runtideline.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>

namespace {

quint16 freeUdpPort()
{
    QUdpSocket socket;
    socket.bind(QHostAddress::LocalHost, 0);
    return socket.localPort();
}

// nfdump -I's "Name: value" lines.
QMap<QString, qint64> nfdumpSummary(const QString &file)
{
    QProcess nfdump;
    nfdump.start(QStringLiteral("nfdump"), {QStringLiteral("-I"), QStringLiteral("-r"), file});
    nfdump.waitForFinished(60000);
    QMap<QString, qint64> values;
    static const QRegularExpression line(QStringLiteral("^(\\w+): (\\d+)$"),
                                         QRegularExpression::MultilineOption);
    auto matches = line.globalMatch(QString::fromLatin1(nfdump.readAllStandardOutput()));
    while (matches.hasNext()) {
        const QRegularExpressionMatch match = matches.next();
        values.insert(match.captured(1), match.captured(2).toLongLong());
    }
    return values;
}

} // namespace

class TestNfdump : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        for (const char *tool : {"nfdump", "nfcapd", "softflowd"}) {
            if (QStandardPaths::findExecutable(QLatin1String(tool)).isEmpty())
                QSKIP(qPrintable(QStringLiteral("Debian's %1 is not installed "
                                                "(packaging/install-dependencies.sh)")
                                     .arg(QLatin1String(tool))));
        }
        QVERIFY(m_dir.isValid());
        const QString capture = m_dir.filePath(QStringLiteral("site.pcap"));
        const TidelineRun generated =
            runTideline({QStringLiteral("generate"), capture, QStringLiteral("--duration"),
                         QStringLiteral("120"), QStringLiteral("--rate"), QStringLiteral("100")});
        QVERIFY2(generated.exitCode == 0, generated.err.constData());

        const QString flows = m_dir.filePath(QStringLiteral("flows"));
        QVERIFY(QDir().mkpath(flows));
        const quint16 port = freeUdpPort();
        QProcess collector;
        collector.setProcessChannelMode(QProcess::MergedChannels);
        collector.setStandardOutputFile(m_dir.filePath(QStringLiteral("nfcapd.log")));
        // A socket buffer large enough for softflowd's burst; files rotate hourly.
        collector.start(QStringLiteral("nfcapd"),
                        {QStringLiteral("-b"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
                         QString::number(port), QStringLiteral("-w"), flows, QStringLiteral("-t"),
                         QStringLiteral("3600"), QStringLiteral("-B"), QStringLiteral("4194304")});
        QVERIFY(collector.waitForStarted());
        QTest::qWait(500); // nfcapd binds its socket after it starts

        // -c none: with a control socket, softflowd 1.1.0 reading a file waits in accept();
        // -a: flows are stamped with the capture's times, not the export's.
        QProcess exporter;
        exporter.setProcessChannelMode(QProcess::MergedChannels);
        exporter.start(QStringLiteral("softflowd"),
                       {QStringLiteral("-a"), QStringLiteral("-d"), QStringLiteral("-r"), capture,
                        QStringLiteral("-n"), QStringLiteral("127.0.0.1:%1").arg(port),
                        QStringLiteral("-v"), QStringLiteral("9"), QStringLiteral("-c"),
                        QStringLiteral("none"), QStringLiteral("-p"),
                        m_dir.filePath(QStringLiteral("softflowd.pid"))});
        QVERIFY(exporter.waitForFinished(120000));
        const QByteArray exported = exporter.readAll();
        QVERIFY2(exporter.exitCode() == 0, exported.constData());
        QVERIFY2(exported.contains("Flows exported"), exported.constData());

        // nfcapd writes its last file when it stops.
        QTest::qWait(500);
        collector.terminate();
        QVERIFY(collector.waitForFinished(30000));
        for (const QFileInfo &file :
             QDir(flows).entryInfoList({QStringLiteral("nfcapd.*")}, QDir::Files)) {
            if (nfdumpSummary(file.filePath()).value(QStringLiteral("Flows")) > 0)
                m_files << file.filePath();
        }
        QVERIFY2(!m_files.isEmpty(), "nfcapd wrote no flows");
    }

    void flowsAndPacketsEqualNfdumps()
    {
        for (const QString &file : std::as_const(m_files)) {
            const QMap<QString, qint64> expected = nfdumpSummary(file);
            const TidelineRun summary =
                runTideline({QStringLiteral("summarize"), file, QStringLiteral("--json")});
            QVERIFY2(summary.exitCode == 0, summary.err.constData());
            const QJsonObject json = QJsonDocument::fromJson(summary.out).object();
            QCOMPARE(json.value(QStringLiteral("syntax")).toString(), QStringLiteral("nfdump"));
            QCOMPARE(json.value(QStringLiteral("flavour")).toString(), QStringLiteral("flows"));
            QCOMPARE(json.value(QStringLiteral("rows")).toInteger(),
                     expected.value(QStringLiteral("Flows")));
            QCOMPARE(json.value(QStringLiteral("skipped_rows")).toInteger(), 0);

            const QString series = m_dir.filePath(QStringLiteral("series.csv"));
            const TidelineRun binned =
                runTideline({QStringLiteral("series"), file, QStringLiteral("--bin"),
                             QStringLiteral("1s"), QStringLiteral("-o"), series});
            QVERIFY2(binned.exitCode == 0, binned.err.constData());
            QFile csv(series);
            QVERIFY(csv.open(QIODevice::ReadOnly));
            const QList<QByteArray> header = csv.readLine().trimmed().split(',');
            const qsizetype packetsColumn = header.indexOf("packets");
            const qsizetype bytesColumn = header.indexOf("bytes");
            QVERIFY(packetsColumn >= 0 && bytesColumn >= 0);
            qint64 packets = 0;
            qint64 bytes = 0;
            while (!csv.atEnd()) {
                const QList<QByteArray> cells = csv.readLine().trimmed().split(',');
                packets += cells.value(packetsColumn).toLongLong();
                bytes += cells.value(bytesColumn).toLongLong();
            }
            QCOMPARE(packets, expected.value(QStringLiteral("Packets")));
            QCOMPARE(bytes, expected.value(QStringLiteral("Bytes")));
        }
    }

    void recognisedByContentWhateverTheName()
    {
        const QString renamed = m_dir.filePath(QStringLiteral("export.csv"));
        QVERIFY(QFile::copy(m_files.first(), renamed));
        const TidelineRun summary =
            runTideline({QStringLiteral("summarize"), renamed, QStringLiteral("--json")});
        QVERIFY2(summary.exitCode == 0, summary.err.constData());
        QCOMPARE(QJsonDocument::fromJson(summary.out).object().value(QStringLiteral("syntax")),
                 QStringLiteral("nfdump"));
    }

    void aMissingNfdumpIsNamed()
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("PATH"), m_dir.filePath(QStringLiteral("nowhere")));
        const TidelineRun run =
            runTideline({QStringLiteral("summarize"), m_files.first()}, environment);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.errText().contains(QStringLiteral("cannot run nfdump")), run.err.constData());
    }

    void aDamagedFileGivesNfdumpsMessage()
    {
        QFile source(m_files.first());
        QVERIFY(source.open(QIODevice::ReadOnly));
        const QString damaged = m_dir.filePath(QStringLiteral("damaged"));
        QFile target(damaged);
        QVERIFY(target.open(QIODevice::WriteOnly));
        target.write(source.read(1000));
        target.close();
        const TidelineRun run = runTideline({QStringLiteral("summarize"), damaged});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.errText().contains(damaged), run.err.constData());
        QVERIFY2(run.errText().contains(QStringLiteral("nfdump failed")), run.err.constData());
        QVERIFY2(run.errText().contains(QStringLiteral("appendix")), run.err.constData());
    }

private:
    QTemporaryDir m_dir;
    QStringList m_files;
};

QTEST_GUILESS_MAIN(TestNfdump)
#include "tst_nfdump.moc"
