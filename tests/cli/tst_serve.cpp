// `tideline serve` as a client sees it: the free port it prints, the token it insists on for
// other addresses, and the event stream of a replayed sample with its anomalies.

#include "fixturedir.h"
#include "runtideline.h"

#include <QRegularExpression>
#include <QTcpSocket>
#include <QTest>

class TestServeCommand : public QObject
{
    Q_OBJECT

private:
    FixtureDir m_dir;

    // Starts `serve --port 0 …` and reads the port it prints; 0 when it did not start.
    static quint16 start(QProcess &process, const QStringList &arguments)
    {
        process.start(
            QStringLiteral(TIDELINE_EXE),
            QStringList{QStringLiteral("serve"), QStringLiteral("--port"), QStringLiteral("0")} +
                arguments);
        if (!process.waitForStarted() || !process.waitForReadyRead(30000))
            return 0;
        const QRegularExpressionMatch match =
            QRegularExpression(QStringLiteral("http://127\\.0\\.0\\.1:(\\d+)/"))
                .match(QString::fromUtf8(process.readLine()));
        return match.hasMatch() ? quint16(match.captured(1).toUInt()) : 0;
    }

private slots:
    void otherAddressesNeedAToken()
    {
        const TidelineRun run = runTideline(
            {QStringLiteral("serve"), QStringLiteral("--listen"), QStringLiteral("0.0.0.0")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.errText().contains(QLatin1String("--token")));
    }

    // The sample replayed at five times real time in 200 ms bins: its attacks come out as
    // `anomaly` events between `bin` events (the first the client sees may be the scan, or a
    // later attack when connecting took longer), and SIGTERM stops the server.
    void streamsAReplay()
    {
        const QString sample = m_dir.filePath(QStringLiteral("sample.pcap"));
        QCOMPARE(runTideline({QStringLiteral("generate"), sample, QStringLiteral("--duration"),
                              QStringLiteral("60")})
                     .exitCode,
                 0);
        QProcess process;
        const quint16 port =
            start(process, {QStringLiteral("--replay"), sample, QStringLiteral("--speed"),
                            QStringLiteral("5"), QStringLiteral("--bin"), QStringLiteral("200ms"),
                            QStringLiteral("--warm-up"), QStringLiteral("20")});
        QVERIFY(port != 0);
        QTcpSocket client;
        client.connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(client.waitForConnected());
        client.write("GET /api/stream HTTP/1.1\r\nHost: localhost\r\n\r\n");
        QByteArray received;
        const QRegularExpression attack(QStringLiteral(
            "event: anomaly\ndata: \\{[^\n]*\"kind\":\"(port_scan|syn_flood|amplification)\""));
        QTRY_VERIFY_WITH_TIMEOUT(
            attack.match(QString::fromUtf8(received += client.readAll())).hasMatch(), 30000);
        QVERIFY(received.contains("event: bin\ndata: {"));
        process.terminate();
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitCode(), 0);
    }
};

QTEST_GUILESS_MAIN(TestServeCommand)
#include "tst_serve.moc"
