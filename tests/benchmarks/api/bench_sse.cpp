// bench_sse CAPTURE [--clients N] [--bin W]
//
// `tideline serve --replay CAPTURE --speed 0` with N stream clients (100 by default): the API
// server and a live pipeline in this process, as serve runs them, and N clients of
// GET /api/stream on their own thread, each reading as fast as it can. The replay starts once
// every client has its first event. Prints the replay's time with and without the clients,
// the events each client got against those the server published, the clients the server
// dropped, and the process's peak memory before and after the clients.

#include "api/apiserver.h"
#include "api/livepublisher.h"
#include "live/packetsource.h"

#include <QCoreApplication>
#include <QTcpSocket>
#include <QThread>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <sys/resource.h>
#include <thread>

using namespace tideline;

namespace {

using Clock = std::chrono::steady_clock;

double peakMegabytes()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024.0;
}

// N stream clients, counting the events each reads, until the stream says it has finished.
class Clients : public QObject
{
    Q_OBJECT

public:
    struct Counts
    {
        qint64 bins = 0;
        qint64 anomalies = 0;
        bool started = false;  // the first event (the server's status) arrived
        bool finished = false; // the last (status "finished") arrived
        bool lost = false;     // the server closed the connection first
        QByteArray pending;    // the text after the last whole event
    };

    void open(quint16 port, int count)
    {
        m_counts.resize(std::size_t(count));
        for (int i = 0; i < count; ++i) {
            auto *socket = new QTcpSocket(this);
            connect(socket, &QTcpSocket::readyRead, this, [this, socket, i] { read(socket, i); });
            connect(socket, &QTcpSocket::disconnected, this, [this, i] {
                if (!m_counts[std::size_t(i)].finished)
                    m_counts[std::size_t(i)].lost = true;
                check();
            });
            socket->connectToHost(QStringLiteral("127.0.0.1"), port);
            socket->write("GET /api/stream HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        }
    }

    const std::vector<Counts> &counts() const { return m_counts; }

signals:
    void allStarted();
    void allFinished();

private:
    void read(QTcpSocket *socket, int i)
    {
        Counts &c = m_counts[std::size_t(i)];
        c.pending += socket->readAll();
        // Events end with an empty line; the HTTP head (and chunk sizes) are not events.
        for (qsizetype end = c.pending.indexOf("\n\n"); end >= 0; end = c.pending.indexOf("\n\n")) {
            const QByteArray event = c.pending.left(end);
            c.pending.remove(0, end + 2);
            if (event.contains("event: bin"))
                ++c.bins;
            else if (event.contains("event: anomaly"))
                ++c.anomalies;
            else if (event.contains("event: status"))
                (c.started ? c.finished : c.started) = true; // on connecting, then at the end
        }
        check();
    }

    void check()
    {
        const auto all = [this](auto test) {
            return std::all_of(m_counts.begin(), m_counts.end(), test);
        };
        if (!m_allStarted && all([](const Counts &c) { return c.started; })) {
            m_allStarted = true;
            emit allStarted();
        }
        if (all([](const Counts &c) { return c.finished || c.lost; }))
            emit allFinished();
    }

    std::vector<Counts> m_counts;
    bool m_allStarted = false;
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStringList arguments = app.arguments().mid(1);
    if (arguments.isEmpty()) {
        std::fprintf(stderr, "usage: bench_sse CAPTURE [--clients N] [--bin W]\n");
        return 2;
    }
    const QString path = arguments.takeFirst();
    int clientCount = 100;
    LiveOptions live;
    live.detection.detector = QStringLiteral("windowed_gaussian");
    while (arguments.size() >= 2) {
        const QString name = arguments.takeFirst();
        const QString value = arguments.takeFirst();
        if (name == u"--clients")
            clientCount = value.toInt();
        else if (name == u"--bin")
            live.binWidth = parseDuration(value).value_or(kNsPerSecond);
    }

    // The reference: the same replay with nobody listening.
    std::atomic<bool> stop = false;
    CaptureStats stats;
    LivePipeline alone(live, nullptr);
    Clock::time_point start = Clock::now();
    if (const QString error = replayCapture({path, 0.0}, alone, stop, stats); !error.isEmpty()) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    alone.finish();
    const double aloneSeconds = std::chrono::duration<double>(Clock::now() - start).count();
    const double memoryBefore = peakMegabytes();

    ApiServer::Options options;
    options.port = 0;
    ApiServer server(options);
    const quint16 port = server.listen();
    if (port == 0) {
        std::fprintf(stderr, "%s\n", qPrintable(server.error()));
        return 1;
    }
    QThread clientThread;
    Clients clients;
    clients.moveToThread(&clientThread);
    clientThread.start();

    LivePublisher publisher(&server);
    LivePipeline pipeline(live, &publisher);
    std::thread replay;
    double servedSeconds = 0.0;
    QObject::connect(&clients, &Clients::allStarted, &server, [&] {
        start = Clock::now();
        replay = std::thread([&] {
            CaptureStats served;
            const QString error = replayCapture({path, 0.0}, pipeline, stop, served);
            pipeline.finish();
            servedSeconds = std::chrono::duration<double>(Clock::now() - start).count();
            publisher.finished(error);
        });
    });
    QObject::connect(&clients, &Clients::allFinished, &app, &QCoreApplication::quit,
                     Qt::QueuedConnection);
    QMetaObject::invokeMethod(&clients, [&] { clients.open(port, clientCount); });
    app.exec();
    if (replay.joinable())
        replay.join();
    clientThread.quit();
    clientThread.wait();

    qint64 fewestBins = std::numeric_limits<qint64>::max();
    qint64 mostBins = 0;
    qint64 fewestAnomalies = std::numeric_limits<qint64>::max();
    int lost = 0;
    for (const Clients::Counts &c : clients.counts()) {
        fewestBins = std::min(fewestBins, c.bins);
        mostBins = std::max(mostBins, c.bins);
        fewestAnomalies = std::min(fewestAnomalies, c.anomalies);
        lost += c.lost ? 1 : 0;
    }
    std::printf("%s: %lld packets, %lld bins, detector %s, %d stream clients\n", qPrintable(path),
                static_cast<long long>(stats.packets),
                static_cast<long long>(pipeline.binsClosed()), qPrintable(live.detection.detector),
                clientCount);
    std::printf("  replay alone                %6.2f s\n", aloneSeconds);
    std::printf("  replay with the clients     %6.2f s  (%.2f× alone)\n", servedSeconds,
                servedSeconds / aloneSeconds);
    std::printf("  bin events per client       %lld–%lld of %lld closed; anomaly events at least "
                "%lld\n",
                static_cast<long long>(fewestBins), static_cast<long long>(mostBins),
                static_cast<long long>(pipeline.binsClosed()),
                static_cast<long long>(fewestAnomalies));
    std::printf("  clients dropped by the server %lld, connections lost %d\n",
                static_cast<long long>(server.droppedClients()), lost);
    std::printf("  peak memory                 %.0f MB before the clients, %.0f MB after\n",
                memoryBefore, peakMegabytes());
    return 0;
}

#include "bench_sse.moc"
