// bench_api [--records N] [--requests N] [--parallel N] [--detector NAME]
//
// Starts the API server in this process on a free loopback port and POSTs the same body of N
// per-interval records (1,000 by default) to /api/detect, `parallel` requests in flight at a
// time (1 by default), and prints requests per second and the time per request.

#include "api/apiserver.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <cstdio>

using namespace tideline;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int records = 1000;
    int requests = 200;
    int parallel = 1;
    QString detector = QStringLiteral("robust_z");
    const QStringList arguments = app.arguments();
    for (qsizetype i = 1; i + 1 < arguments.size(); i += 2) {
        if (arguments[i] == u"--records")
            records = arguments[i + 1].toInt();
        else if (arguments[i] == u"--requests")
            requests = arguments[i + 1].toInt();
        else if (arguments[i] == u"--parallel")
            parallel = std::max(1, arguments[i + 1].toInt());
        else if (arguments[i] == u"--detector")
            detector = arguments[i + 1];
    }

    QJsonArray data;
    for (int r = 0; r < records; ++r)
        data.append(QJsonObject{{QStringLiteral("timestamp"), 1331901000.0 + 60.0 * r},
                                {QStringLiteral("total"), 17000 + (r * 7919) % 1000},
                                {QStringLiteral("total_tcp"), 12000 + (r * 104729) % 800},
                                {QStringLiteral("total_udp"), 4000 + (r * 1299709) % 300},
                                {QStringLiteral("size"), 1.5e6 + (r * 15485863) % 100000}});
    const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("data"), data}}).toJson();

    ApiServer::Options options;
    options.port = 0;
    ApiServer server(options);
    const quint16 port = server.listen();
    if (port == 0)
        return 1;
    QNetworkAccessManager network;
    QNetworkRequest request(
        QUrl(QStringLiteral("http://127.0.0.1:%1/api/detect?detector=%2").arg(port).arg(detector)));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));

    int sent = 0;
    int done = 0;
    int failed = 0;
    QElapsedTimer timer;
    std::function<void()> sendOne = [&] {
        ++sent;
        QNetworkReply *reply = network.post(request, body);
        QObject::connect(reply, &QNetworkReply::finished, &app, [&, reply] {
            if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 200)
                ++failed;
            reply->deleteLater();
            if (++done == requests)
                app.quit();
            else if (sent < requests)
                sendOne();
        });
    };
    timer.start();
    for (int i = 0; i < std::min(parallel, requests); ++i)
        sendOne();
    app.exec();
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    std::printf("POST /api/detect, %d records (%lld bytes), %s, %d in flight: %d requests in "
                "%.2f s = %.1f requests/s, %.1f ms each%s\n",
                records, static_cast<long long>(body.size()), qPrintable(detector), parallel,
                requests, seconds, requests / seconds, 1000.0 * seconds / requests,
                failed ? " (some failed!)" : "");
    return failed ? 1 : 0;
}
