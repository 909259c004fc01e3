#include "apiserver.h"

#include "common/csvtimes.h"
#include "detect/detectorjson.h"
#include "export/anomaliescsv.h"

#include <QCoreApplication>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpSocket>
#include <QUrlQuery>

namespace tideline {

namespace {

QHttpServerResponse jsonReply(const QJsonObject &body, int status)
{
    return QHttpServerResponse(body, QHttpServerResponder::StatusCode(status));
}

QHttpServerResponse errorReply(const QString &message, int status)
{
    return jsonReply(QJsonObject{{QStringLiteral("error"), message}}, status);
}

QByteArray sseEvent(const char *name, const QJsonObject &data)
{
    return QByteArray("event: ") + name +
           "\ndata: " + QJsonDocument(data).toJson(QJsonDocument::Compact) + "\n\n";
}

} // namespace

// A stream client: its responder is kept (it owns the response), its socket written to.
struct ApiServer::Client
{
    QHttpServerResponder responder;
    QTcpSocket *socket = nullptr;
};

ApiServer::ApiServer(const Options &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_finished(QStringLiteral("running"))
{
    addRoutes();
}

ApiServer::~ApiServer()
{
    // Closing a stream's socket reports its disconnection, which must not reach a server
    // that is going away.
    for (const std::unique_ptr<Client> &client : m_clients)
        disconnect(client->socket, nullptr, this, nullptr);
    m_clients.clear();
}

quint16 ApiServer::listen()
{
    const quint16 port = m_server.listen(m_options.address, m_options.port);
    if (port == 0)
        m_error =
            tr("cannot listen on %1 port %2").arg(m_options.address.toString()).arg(m_options.port);
    return port;
}

bool ApiServer::authorized(const QHttpServerRequest &request) const
{
    if (m_options.token.isEmpty())
        return true;
    return request.value("Authorization") == "Bearer " + m_options.token.toUtf8();
}

void ApiServer::addRoutes()
{
    const auto unauthorized = [] {
        QHttpServerResponse response = errorReply(
            tr("this server needs Authorization: Bearer TOKEN (the --token it was started with)"),
            401);
        response.addHeader("WWW-Authenticate", "Bearer");
        return response;
    };
    m_server.route(QStringLiteral("/api/detect"), QHttpServerRequest::Method::Post,
                   [this, unauthorized](const QHttpServerRequest &request) {
                       if (!authorized(request))
                           return unauthorized();
                       const DetectReply reply = detectRecords(
                           request.body(), QUrlQuery(request.url()), m_options.limits);
                       return jsonReply(reply.body, reply.status);
                   });
    m_server.route(QStringLiteral("/api/detectors"), QHttpServerRequest::Method::Get,
                   [this, unauthorized](const QHttpServerRequest &request) {
                       if (!authorized(request))
                           return unauthorized();
                       QJsonArray list;
                       for (const DetectorInfo &info : detectors())
                           list.append(detectorJson(info));
                       return jsonReply(QJsonObject{{QStringLiteral("detectors"), list}}, 200);
                   });
    m_server.route(QStringLiteral("/api/status"), QHttpServerRequest::Method::Get,
                   [this, unauthorized](const QHttpServerRequest &request) {
                       return authorized(request) ? jsonReply(status(), 200) : unauthorized();
                   });
    m_server.route(
        QStringLiteral("/api/stream"), QHttpServerRequest::Method::Get,
        [this, unauthorized](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
            if (!authorized(request)) {
                const QHttpServerResponse response = unauthorized();
                responder.write(
                    response.data(),
                    {{"Content-Type", "application/json"}, {"WWW-Authenticate", "Bearer"}},
                    QHttpServerResponder::StatusCode::Unauthorized);
                return;
            }
            openStream(std::move(responder));
        });
}

void ApiServer::openStream(QHttpServerResponder &&responder)
{
    if (int(m_clients.size()) >= m_options.maxStreamClients) {
        responder.write(QJsonDocument(QJsonObject{
                            {QStringLiteral("error"),
                             tr("too many stream clients (%1)").arg(m_options.maxStreamClients)}}),
                        QHttpServerResponder::StatusCode::ServiceUnavailable);
        return;
    }
    auto client = std::make_unique<Client>(Client{std::move(responder), nullptr});
    client->socket = client->responder.socket();
    client->responder.writeStatusLine(QHttpServerResponder::StatusCode::Ok);
    client->responder.writeHeader("Content-Type", "text/event-stream");
    client->responder.writeHeader("Cache-Control", "no-cache");
    client->responder.writeBody(sseEvent("status", status()));
    QTcpSocket *socket = client->socket;
    connect(socket, &QTcpSocket::disconnected, this, [this, socket] { removeClient(socket); });
    m_clients.push_back(std::move(client));
}

void ApiServer::removeClient(QTcpSocket *socket)
{
    std::erase_if(m_clients,
                  [socket](const std::unique_ptr<Client> &c) { return c->socket == socket; });
}

void ApiServer::broadcast(const QByteArray &event)
{
    std::vector<QTcpSocket *> slow;
    for (const std::unique_ptr<Client> &client : m_clients) {
        if (client->socket->bytesToWrite() > m_options.maxClientBacklog)
            slow.push_back(client->socket);
        else
            client->socket->write(event);
    }
    for (QTcpSocket *socket : slow) {
        ++m_droppedClients;
        socket->abort(); // emits disconnected(), which removes it
        removeClient(socket);
    }
}

void ApiServer::publishBin(const ScoredBin &scored)
{
    ++m_bins;
    if (m_clients.empty())
        return;
    const LiveBin &bin = scored.bin;
    const auto value = [&bin](QLatin1StringView name) {
        const std::vector<FeatureInfo> features = Traffic::featureInfos();
        for (std::size_t c = 0; c < features.size() && Eigen::Index(c) < bin.values.size(); ++c) {
            if (features[c].name == name)
                return bin.values[Eigen::Index(c)];
        }
        return 0.0;
    };
    broadcast(sseEvent(
        "bin", QJsonObject{{QStringLiteral("start"), formatCsvTime(bin.start, CsvTimes::Iso)},
                           {QStringLiteral("end"), formatCsvTime(bin.end, CsvTimes::Iso)},
                           {QStringLiteral("has_data"), bin.hasData},
                           {QStringLiteral("packets"), value(QLatin1StringView("packets"))},
                           {QStringLiteral("bytes"), value(QLatin1StringView("bytes"))},
                           {QStringLiteral("score"),
                            scored.score ? QJsonValue(*scored.score) : QJsonValue()},
                           {QStringLiteral("threshold"), scored.threshold},
                           {QStringLiteral("anomalous"), scored.anomalous}}));
}

void ApiServer::publishAnomaly(const Anomaly &anomaly)
{
    ++m_anomalies;
    broadcast(sseEvent("anomaly", anomalyJson(anomaly)));
}

void ApiServer::publishFinished(const QString &error)
{
    m_finished = error.isEmpty() ? QStringLiteral("finished") : error;
    broadcast(sseEvent("status", status()));
}

QJsonObject ApiServer::status() const
{
    return {{QStringLiteral("version"), QCoreApplication::applicationVersion()},
            {QStringLiteral("source"), m_source.isEmpty() ? QJsonValue() : QJsonValue(m_source)},
            {QStringLiteral("state"), m_source.isEmpty() ? QStringLiteral("idle") : m_finished},
            {QStringLiteral("packets"), m_stats.packets},
            {QStringLiteral("kernel_drops"), m_stats.kernelDrops},
            {QStringLiteral("interface_drops"), m_stats.interfaceDrops},
            {QStringLiteral("bins"), m_bins},
            {QStringLiteral("anomalies"), m_anomalies},
            {QStringLiteral("stream_clients"), int(m_clients.size())},
            {QStringLiteral("dropped_stream_clients"), m_droppedClients}};
}

} // namespace tideline
