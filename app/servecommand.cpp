#include "api/apiserver.h"
#include "api/livepublisher.h"
#include "cli.h"
#include "commands.h"
#include "liveoptions.h"

#include <QCoreApplication>
#include <QSocketNotifier>
#include <atomic>
#include <csignal>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

namespace tideline::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("tideline::cli", text);
}

int g_signalPipe[2] = {-1, -1};

extern "C" void writeSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(g_signalPipe[1], &byte, 1);
}

struct ServeOptions
{
    ApiServer::Options server;
    LiveOptions live;
    ReplayOptions replay;
    InterfaceOptions capture;
};

std::optional<int> readOptions(const QStringList &arguments, ServeOptions &options)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Serve the detectors over HTTP: POST /api/detect scores posted records, GET "
           "/api/detectors lists the detectors, GET /api/status says how the server is, and GET "
           "/api/stream sends server-sent events, one per closed bin and one per anomaly, from a "
           "capture replayed with --replay or an interface watched with --watch. Ctrl-C stops."));
    const QCommandLineOption port(QStringLiteral("port"),
                                  tr("The port (8080; 0: any free one, printed on start)."),
                                  QStringLiteral("N"));
    const QCommandLineOption listen(
        QStringLiteral("listen"),
        tr("Listen on this address instead of 127.0.0.1 (needs --token)."), QStringLiteral("ADDR"));
    const QCommandLineOption token(
        QStringLiteral("token"),
        tr("Require Authorization: Bearer TOKEN on every request (TIDELINE_TOKEN in the "
           "environment does the same without showing it in the process list)."),
        QStringLiteral("TOKEN"));
    const QCommandLineOption replay(QStringLiteral("replay"),
                                    tr("Stream the detection of this capture file, replayed."),
                                    QStringLiteral("FILE"));
    const QCommandLineOption speed(
        QStringLiteral("speed"),
        tr("With --replay: times real time by the file's timestamps (1; 0: as fast as it can)."),
        QStringLiteral("X"));
    const QCommandLineOption watch(QStringLiteral("watch"),
                                   tr("Stream the detection of live traffic on this interface."),
                                   QStringLiteral("IFACE"));
    const QCommandLineOption filter(QStringLiteral("filter"),
                                    tr("With --watch: a capture filter (BPF)."),
                                    QStringLiteral("BPF"));
    const QCommandLineOption maxRows(QStringLiteral("max-rows"),
                                     tr("Most records one POST /api/detect may send (100000)."),
                                     QStringLiteral("N"));
    parser.addOptions({port, listen, token, replay, speed, watch, filter, maxRows});
    const LiveCommandOptions liveOptions;
    liveOptions.addTo(parser);
    if (const auto status = parse(parser, arguments))
        return status;
    if (!parser.positionalArguments().isEmpty())
        return usageError(tr("serve takes no FILE; give --replay FILE"));
    bool ok = true;
    ApiServer::Options &server = options.server;
    if (parser.isSet(port)) {
        const int value = parser.value(port).toInt(&ok);
        if (!ok || value < 0 || value > 65535)
            return usageError(tr("--port needs a number from 0 to 65535"));
        server.port = quint16(value);
    }
    server.token =
        parser.isSet(token) ? parser.value(token) : qEnvironmentVariable("TIDELINE_TOKEN");
    if (parser.isSet(listen)) {
        if (!server.address.setAddress(parser.value(listen)))
            return usageError(tr("--listen: '%1' is not an IP address").arg(parser.value(listen)));
        if (server.token.isEmpty() && !server.address.isLoopback())
            return usageError(tr("--listen on %1 needs --token: anyone who reaches the port "
                                 "could use the server")
                                  .arg(parser.value(listen)));
    }
    if (parser.isSet(maxRows)) {
        server.limits.maxRows = parser.value(maxRows).toLongLong(&ok);
        if (!ok || server.limits.maxRows < 1)
            return usageError(tr("--max-rows needs a whole number of at least 1"));
    }
    if (parser.isSet(replay) && parser.isSet(watch))
        return usageError(tr("give --replay or --watch, not both"));
    if (parser.isSet(speed) && !parser.isSet(replay))
        return usageError(tr("--speed is for --replay"));
    if (parser.isSet(filter) && !parser.isSet(watch))
        return usageError(tr("--filter is for --watch"));
    options.replay.path = parser.value(replay);
    if (parser.isSet(speed)) {
        options.replay.speed = parser.value(speed).toDouble(&ok);
        if (!ok || !(options.replay.speed >= 0 && options.replay.speed < 1e9))
            return usageError(tr("--speed needs a number of at least 0"));
    }
    options.capture.interface = parser.value(watch);
    options.capture.filter = parser.value(filter);
    if (!options.capture.filter.isEmpty()) {
        if (const QString problem = filterProblem(options.capture.filter); !problem.isEmpty())
            return usageError(tr("--filter '%1': %2").arg(options.capture.filter, problem));
    }
    return liveOptions.read(parser, options.live);
}

} // namespace

// tideline serve [--port N] [--listen ADDR --token T] [--replay FILE [--speed X] |
//     --watch IFACE [--filter BPF]] [--detector NAME] …
int runServe(const QStringList &arguments)
{
    ServeOptions options;
    if (const auto status = readOptions(arguments, options))
        return *status;
    ApiServer server(options.server);
    const quint16 port = server.listen();
    if (port == 0)
        return inputError(server.error());
    out() << tr("listening on http://%1:%2/")
                 .arg(options.server.address.protocol() == QAbstractSocket::IPv6Protocol
                          ? QLatin1Char('[') + options.server.address.toString() + QLatin1Char(']')
                          : options.server.address.toString())
                 .arg(port)
          << Qt::endl;

    // Ctrl-C and SIGTERM reach the event loop through a socket pair.
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe) != 0)
        return inputError(tr("cannot set up signal handling"));
    QSocketNotifier notifier(g_signalPipe[0], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &QCoreApplication::quit);
    struct sigaction action = {};
    action.sa_handler = writeSignal;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);

    std::atomic<bool> stop = false;
    std::thread capture;
    LivePublisher publisher(&server);
    LivePipeline pipeline(options.live, &publisher);
    if (!options.replay.path.isEmpty() || !options.capture.interface.isEmpty()) {
        const bool replaying = !options.replay.path.isEmpty();
        server.setSource(replaying ? tr("replay %1").arg(options.replay.path)
                                   : tr("interface %1").arg(options.capture.interface));
        options.capture.statsChanged = [&server](const CaptureStats &stats) {
            QMetaObject::invokeMethod(
                &server, [&server, stats] { server.publishStats(stats); }, Qt::QueuedConnection);
        };
        capture = std::thread([&, replaying] {
            CaptureStats stats;
            const QString error = replaying
                                      ? replayCapture(options.replay, pipeline, stop, stats)
                                      : captureInterface(options.capture, pipeline, stop, stats);
            pipeline.finish();
            options.capture.statsChanged(stats);
            publisher.finished(error);
            if (!error.isEmpty())
                err() << tr("tideline: ") << error << Qt::endl;
        });
    }
    const int status = QCoreApplication::exec();
    stop = true;
    if (capture.joinable())
        capture.join();
    ::close(g_signalPipe[0]);
    ::close(g_signalPipe[1]);
    return status == 0 ? Success : InputError;
}

} // namespace tideline::cli
