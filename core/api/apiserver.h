#pragma once

#include "api/detectrequest.h"
#include "investigation/anomaly.h"
#include "live/livepipeline.h"
#include "live/packetsource.h"

#include <QHostAddress>
#include <QHttpServer>
#include <QObject>
#include <memory>
#include <vector>

class QTcpSocket;

namespace tideline {

// `tideline serve`'s HTTP API on Qt HttpServer:
//   POST /api/detect     records → scores, flags and intervals (detectRecords)
//   GET  /api/detectors  the detector registry, as `detectors --json` lists it
//   GET  /api/status     the live source, its counts and the stream's clients
//   GET  /api/stream     server-sent events: `bin` for every closed bin and `anomaly` for every
//                        anomaly of the live source (publishBin(), publishAnomaly())
// With a token every request needs `Authorization: Bearer TOKEN` (401 otherwise). A stream
// client that falls more than `maxClientBacklog` bytes behind is dropped, so a slow or
// vanished client never holds the capture up or fills the memory.
class ApiServer : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        QHostAddress address = QHostAddress(QHostAddress::LocalHost);
        quint16 port = 8080; // 0: any free port
        QString token;       // empty: no authentication (loopback only)
        DetectLimits limits;
        qint64 maxClientBacklog = 4'000'000;
        int maxStreamClients = 1000;
    };

    explicit ApiServer(const Options &options, QObject *parent = nullptr);
    ~ApiServer() override;

    // Starts listening: the port (the one chosen, for 0), or 0 with error() saying why.
    quint16 listen();
    QString error() const { return m_error; }

    // What the stream comes from ("replay sample.pcap", "interface eth0"), for /api/status.
    void setSource(const QString &description) { m_source = description; }
    // On the server's thread.
    void publishBin(const ScoredBin &bin);
    void publishAnomaly(const Anomaly &anomaly);
    void publishStats(const CaptureStats &stats) { m_stats = stats; }
    void publishFinished(const QString &error);

    int streamClientCount() const { return int(m_clients.size()); }
    qint64 droppedClients() const { return m_droppedClients; }

private:
    struct Client;

    void addRoutes();
    bool authorized(const QHttpServerRequest &request) const;
    void openStream(QHttpServerResponder &&responder);
    void broadcast(const QByteArray &event);
    void removeClient(QTcpSocket *socket);
    QJsonObject status() const;

    Options m_options;
    QHttpServer m_server;
    QString m_error;
    QString m_source;
    CaptureStats m_stats;
    qint64 m_bins = 0;
    qint64 m_anomalies = 0;
    qint64 m_droppedClients = 0;
    QString m_finished; // "running", "finished" or the source's error
    std::vector<std::unique_ptr<Client>> m_clients;
};

} // namespace tideline
