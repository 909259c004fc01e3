#include "api/apiserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

using namespace tideline;

namespace {

struct Reply
{
    int status = 0;
    QJsonObject body;
};

// 200 one-minute records, quiet but for a spike at row 150.
QByteArray records(int count = 200, int spike = 150)
{
    QJsonArray data;
    for (int r = 0; r < count; ++r) {
        const double wobble = (r * 37 % 11) * 3.0;
        data.append(
            QJsonObject{{QStringLiteral("timestamp"), 1331901000.0 + 60.0 * r},
                        {QStringLiteral("total"), r == spike ? 5000.0 : 100.0 + wobble},
                        {QStringLiteral("size"), r == spike ? 900000.0 : 20000.0 + wobble}});
    }
    return QJsonDocument(QJsonObject{{QStringLiteral("data"), data}}).toJson();
}

} // namespace

// The HTTP API on loopback: detection on posted records with the same options as `detect`,
// the registry, the status, the event stream, and a 4xx with a JSON error for hostile input.
class TestApiServer : public QObject
{
    Q_OBJECT

private:
    QNetworkAccessManager m_network;

    Reply send(quint16 port, const QString &path, const QByteArray &body = {},
               const QByteArray &token = {})
    {
        QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port).arg(path)));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
        if (!token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + token);
        QNetworkReply *reply =
            body.isNull() ? m_network.get(request) : m_network.post(request, body);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!finished.wait(60000))
            return {};
        Reply result;
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.body = QJsonDocument::fromJson(reply->readAll()).object();
        reply->deleteLater();
        return result;
    }

    static ApiServer::Options loopback()
    {
        ApiServer::Options options;
        options.port = 0;
        return options;
    }

private slots:
    void detectsPostedRecords()
    {
        ApiServer server(loopback());
        const quint16 port = server.listen();
        QVERIFY(port != 0);
        const Reply reply =
            send(port, QStringLiteral("/api/detect?detector=robust_z&percentile=99"), records());
        QCOMPARE(reply.status, 200);
        const QJsonArray rows = reply.body.value(QStringLiteral("rows")).toArray();
        QCOMPARE(rows.size(), 200);
        QVERIFY(rows.at(150).toObject().value(QStringLiteral("anomalous")).toBool());
        QVERIFY(!rows.at(20).toObject().value(QStringLiteral("anomalous")).toBool());
        QCOMPARE(rows.at(0).toObject().value(QStringLiteral("timestamp")).toString(),
                 QStringLiteral("2012-03-16T12:30:00.000Z"));
        const QJsonArray intervals = reply.body.value(QStringLiteral("intervals")).toArray();
        QVERIFY(!intervals.isEmpty());
        QVERIFY(std::any_of(intervals.begin(), intervals.end(), [](const QJsonValue &interval) {
            return interval.toObject().value(QStringLiteral("first_row")).toInt() <= 150 &&
                   interval.toObject().value(QStringLiteral("last_row")).toInt() >= 150;
        }));
        QCOMPARE(reply.body.value(QStringLiteral("detector")).toString(),
                 QStringLiteral("robust_z"));
    }

    void listsDetectorsAndStatus()
    {
        ApiServer server(loopback());
        const quint16 port = server.listen();
        const Reply detectors = send(port, QStringLiteral("/api/detectors"));
        QCOMPARE(detectors.status, 200);
        QStringList names;
        for (const QJsonValue &detector :
             detectors.body.value(QStringLiteral("detectors")).toArray())
            names << detector.toObject().value(QStringLiteral("name")).toString();
        QVERIFY(names.contains(QStringLiteral("htm")));
        const Reply status = send(port, QStringLiteral("/api/status"));
        QCOMPARE(status.status, 200);
        QCOMPARE(status.body.value(QStringLiteral("state")).toString(), QStringLiteral("idle"));
    }

    void refusesHostileInput_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("message");
        const QString detect = QStringLiteral("/api/detect");
        QTest::newRow("not json") << detect << QByteArray("hello") << 400 << QStringLiteral("JSON");
        QTest::newRow("unterminated")
            << detect << QByteArray("{\"data\": [{\"total\": 1}") << 400 << QStringLiteral("line");
        QTest::newRow("empty object") << detect << QByteArray("{}") << 400 << QString();
        QTest::newRow("text for a number")
            << detect
            << QByteArray("{\"data\": [{\"timestamp\": 1, \"total\": 1}, {\"timestamp\": 2, "
                          "\"total\": \"many\"}]}")
            << 400 << QStringLiteral("numeric");
        QTest::newRow("too big") << detect << QByteArray(300000, ' ') + records() << 413
                                 << QStringLiteral("bytes");
        QTest::newRow("too many rows")
            << detect << records(300, 10) << 413 << QStringLiteral("records");
        QTest::newRow("unknown detector") << QStringLiteral("/api/detect?detector=nonesuch")
                                          << records() << 400 << QStringLiteral("nonesuch");
        QTest::newRow("bad percentile") << QStringLiteral("/api/detect?percentile=200") << records()
                                        << 400 << QStringLiteral("percentile");
        QTest::newRow("bad parameter") << QStringLiteral("/api/detect?detector=knn&param.k=-3")
                                       << records() << 400 << QStringLiteral("k");
        QTest::newRow("nested garbage") << detect << QByteArray(100000, '[') << 400 << QString();
    }
    void refusesHostileInput()
    {
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, message);
        ApiServer::Options options = loopback();
        options.limits.maxBodyBytes = 200'000;
        options.limits.maxRows = 250;
        ApiServer server(options);
        const quint16 port = server.listen();
        const Reply reply = send(port, path, body);
        QCOMPARE(reply.status, status);
        const QString error = reply.body.value(QStringLiteral("error")).toString();
        QVERIFY(!error.isEmpty());
        QVERIFY2(error.contains(message), qPrintable(error));
    }

    void tokenIsRequired()
    {
        ApiServer::Options options = loopback();
        options.token = QStringLiteral("s3cret");
        ApiServer server(options);
        const quint16 port = server.listen();
        QCOMPARE(send(port, QStringLiteral("/api/status")).status, 401);
        QCOMPARE(send(port, QStringLiteral("/api/status"), {}, "wrong").status, 401);
        QCOMPARE(send(port, QStringLiteral("/api/status"), {}, "s3cret").status, 200);
    }

    void streamsEvents()
    {
        ApiServer server(loopback());
        const quint16 port = server.listen();
        QTcpSocket client;
        client.connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(client.waitForConnected());
        client.write("GET /api/stream HTTP/1.1\r\nHost: localhost\r\n\r\n");
        QByteArray received;
        QTRY_VERIFY((received += client.readAll()).contains("event: status"));
        QVERIFY(received.contains("text/event-stream"));
        QCOMPARE(server.streamClientCount(), 1);
        Anomaly anomaly;
        anomaly.start = 1772442000 * kNsPerSecond;
        anomaly.end = anomaly.start + kNsPerSecond;
        anomaly.kind = QStringLiteral("port_scan");
        server.publishAnomaly(anomaly);
        ScoredBin bin;
        bin.bin.start = anomaly.start;
        bin.bin.end = anomaly.end;
        bin.bin.values = Eigen::RowVectorXd::Constant(17, 3.0);
        bin.score = 2.5;
        server.publishBin(bin);
        QTRY_VERIFY((received += client.readAll()).contains("event: bin"));
        QVERIFY(received.contains("event: anomaly\ndata: {"));
        QVERIFY(received.contains("\"kind\":\"port_scan\""));
        QVERIFY(received.contains("\"score\":2.5"));
        client.disconnectFromHost();
        QTRY_COMPARE(server.streamClientCount(), 0);
    }

    // A client that stops reading is dropped once it falls behind, without holding anyone up.
    void dropsSlowClients()
    {
        ApiServer::Options options = loopback();
        options.maxClientBacklog = 100'000;
        ApiServer server(options);
        const quint16 port = server.listen();
        QTcpSocket client;
        client.setReadBufferSize(1024);
        client.connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(client.waitForConnected());
        client.write("GET /api/stream HTTP/1.1\r\nHost: localhost\r\n\r\n");
        QTRY_COMPARE(server.streamClientCount(), 1);
        Anomaly anomaly;
        anomaly.summary = QString(2000, QLatin1Char('x'));
        for (int i = 0; i < 20000 && server.streamClientCount() > 0; ++i) {
            server.publishAnomaly(anomaly);
            if (i % 100 == 0)
                QCoreApplication::processEvents();
        }
        QCOMPARE(server.streamClientCount(), 0);
        QCOMPARE(server.droppedClients(), 1);
    }
};

QTEST_GUILESS_MAIN(TestApiServer)
#include "tst_apiserver.moc"
