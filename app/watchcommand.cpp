#include "cli.h"
#include "commands.h"
#include "common/csvwriter.h"
#include "export/anomaliescsv.h"
#include "live/packetsource.h"
#include "liveoptions.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <atomic>
#include <csignal>

namespace tideline::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("tideline::cli", text);
}

std::atomic<bool> g_stop = false;

extern "C" void requestStop(int)
{
    g_stop = true;
}

// Ctrl-C and SIGTERM end the capture loop, which then flushes what it has.
void stopOnSignals()
{
    struct sigaction action = {};
    action.sa_handler = requestStop;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}

struct WatchOptions
{
    LiveOptions live;
    QString interface;
    InterfaceOptions capture;
    ReplayOptions replay;
    bool json = false;
    QString anomaliesPath;
};

std::optional<int> readOptions(const QStringList &arguments, WatchOptions &options)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Detect while it happens: bin the packets of IFACE (or of a capture file replayed at "
           "its own pace) as they arrive, fit the detector on the first bins, then score every "
           "bin as it closes and print each anomalous interval as soon as it starts, with its "
           "kind and summary. Ctrl-C stops."));
    parser.addPositionalArgument(QStringLiteral("IFACE"),
                                 tr("The interface to capture on (not with --replay)."),
                                 QStringLiteral("[IFACE]"));
    const QCommandLineOption replay(QStringLiteral("replay"),
                                    tr("Replay this capture file instead of an interface."),
                                    QStringLiteral("FILE"));
    const QCommandLineOption speed(
        QStringLiteral("speed"),
        tr("With --replay: times real time by the file's timestamps (1; 0: as fast as it can)."),
        QStringLiteral("X"));
    const QCommandLineOption json(QStringLiteral("json"),
                                  tr("One JSON object per anomaly and line, keyed by the "
                                     "anomalies CSV's column names."));
    const QCommandLineOption output({QStringLiteral("o"), QStringLiteral("output")},
                                    tr("Append each anomaly to this CSV as it is found."),
                                    QStringLiteral("anomalies.csv"));
    const QCommandLineOption filter(QStringLiteral("filter"),
                                    tr("A capture filter (BPF, as tcpdump takes it)."),
                                    QStringLiteral("BPF"));
    const QCommandLineOption ring(QStringLiteral("ring"),
                                  tr("Keep the captured packets in a ring of pcapng files here."),
                                  QStringLiteral("DIR"));
    const QCommandLineOption ringFiles(
        QStringLiteral("ring-files"), tr("How many ring files to keep (10)."), QStringLiteral("N"));
    const QCommandLineOption ringSize(QStringLiteral("ring-size"),
                                      tr("Megabytes per ring file (100)."), QStringLiteral("MB"));
    const QCommandLineOption snapLength(QStringLiteral("snaplen"),
                                        tr("Bytes kept of each packet (65535)."),
                                        QStringLiteral("BYTES"));
    parser.addOptions({replay, speed, json, output, filter, ring, ringFiles, ringSize, snapLength});
    const LiveCommandOptions liveOptions;
    liveOptions.addTo(parser);
    if (const auto status = parse(parser, arguments))
        return status;

    const QStringList positional = parser.positionalArguments();
    if (parser.isSet(replay) == !positional.isEmpty() || positional.size() > 1)
        return usageError(tr("give one interface, or --replay FILE"));
    if (parser.isSet(replay)) {
        for (const QCommandLineOption &liveOnly : {filter, ring, ringFiles, ringSize, snapLength})
            if (parser.isSet(liveOnly))
                return usageError(tr("--%1 is for capturing on an interface, not --replay")
                                      .arg(liveOnly.names().constFirst()));
    } else if (parser.isSet(speed)) {
        return usageError(tr("--speed is for --replay"));
    }
    options.replay.path = parser.value(replay);
    options.interface = positional.value(0);
    options.capture.interface = options.interface;
    bool ok = true;
    if (parser.isSet(speed)) {
        options.replay.speed = parser.value(speed).toDouble(&ok);
        if (!ok || !(options.replay.speed >= 0 && options.replay.speed < 1e9))
            return usageError(tr("--speed needs a number of at least 0"));
    }
    if (const auto status = liveOptions.read(parser, options.live))
        return status;
    options.json = parser.isSet(json);
    options.anomaliesPath = parser.value(output);

    InterfaceOptions &capture = options.capture;
    capture.filter = parser.value(filter);
    if (!capture.filter.isEmpty()) {
        if (const QString problem = filterProblem(capture.filter); !problem.isEmpty())
            return usageError(tr("--filter '%1': %2").arg(capture.filter, problem));
    }
    capture.ringDirectory = parser.value(ring);
    if (parser.isSet(ringFiles)) {
        capture.ringFiles = parser.value(ringFiles).toInt(&ok);
        if (!ok || capture.ringFiles < 1)
            return usageError(tr("--ring-files needs a whole number of at least 1"));
    }
    if (parser.isSet(ringSize)) {
        const qint64 megabytes = parser.value(ringSize).toLongLong(&ok);
        if (!ok || megabytes < 1 || megabytes > 1'000'000)
            return usageError(tr("--ring-size needs megabytes from 1 to 1000000"));
        capture.ringFileBytes = megabytes * 1'000'000;
    }
    if (parser.isSet(snapLength)) {
        capture.snapLength = parser.value(snapLength).toInt(&ok);
        if (!ok || capture.snapLength < 64 || capture.snapLength > 262144)
            return usageError(tr("--snaplen needs bytes from 64 to 262144"));
    }
    return std::nullopt;
}

// Prints each anomaly as it is found, and appends it to the CSV.
class Reporter : public LivePipeline::Listener
{
public:
    explicit Reporter(const WatchOptions &options)
        : m_json(options.json)
        , m_csv(options.anomaliesPath)
    {}

    // The CSV opened for appending, its header written when it is new; an error, or empty.
    QString open()
    {
        if (m_csv.fileName().isEmpty())
            return {};
        if (!m_csv.open(QIODevice::WriteOnly | QIODevice::Append))
            return QStringLiteral("%1: %2").arg(m_csv.fileName(), m_csv.errorString());
        if (m_csv.size() == 0)
            m_csv.write(csvRecord(anomaliesCsvHeader()));
        m_csv.flush();
        return {};
    }

    void anomalyFound(const Anomaly &anomaly) override
    {
        ++m_anomalies;
        if (m_json) {
            out() << QString::fromUtf8(
                         QJsonDocument(anomalyJson(anomaly)).toJson(QJsonDocument::Compact))
                  << Qt::endl;
        } else {
            out() << formatIsoUtc(anomaly.start) << QStringLiteral("  ")
                  << (anomaly.kind.isEmpty() ? QStringLiteral("unknown") : anomaly.kind)
                  << QStringLiteral("  ") << anomaly.shownSummary()
                  << tr("  (score %1, threshold %2)")
                         .arg(anomaly.peakScore, 0, 'g', 4)
                         .arg(anomaly.threshold, 0, 'g', 4)
                  << Qt::endl;
        }
        if (m_csv.isOpen()) {
            m_csv.write(csvRecord(anomalyCsvFields(anomaly)));
            m_csv.flush();
        }
    }

    void binScored(const ScoredBin &bin) override
    {
        if (bin.score && !m_scoring) {
            m_scoring = true;
            err() << tr("fitted on the warm-up; scoring bins from %1, threshold %2")
                         .arg(formatIsoUtc(bin.bin.start))
                         .arg(bin.threshold, 0, 'g', 6)
                  << Qt::endl;
        }
    }

    void modelFailed(const QString &why) override
    {
        m_failure = why;
        g_stop = true;
    }

    const QString &failure() const { return m_failure; }
    qint64 anomalies() const { return m_anomalies; }

private:
    bool m_json;
    QFile m_csv;
    bool m_scoring = false;
    qint64 m_anomalies = 0;
    QString m_failure;
};

} // namespace

// tideline watch IFACE [--filter BPF] [--ring DIR] | --replay FILE [--speed X]
//     [--detector NAME] [--json] [-o anomalies.csv]
int runWatch(const QStringList &arguments)
{
    WatchOptions options;
    if (const auto status = readOptions(arguments, options))
        return *status;
    Reporter reporter(options);
    if (const QString error = reporter.open(); !error.isEmpty())
        return inputError(error);
    LivePipeline pipeline(options.live, &reporter);
    g_stop = false;
    stopOnSignals();
    CaptureStats stats;
    QString error;
    if (!options.replay.path.isEmpty()) {
        error = replayCapture(options.replay, pipeline, g_stop, stats);
    } else {
        qint64 reportedDrops = 0;
        options.capture.statsChanged = [&reportedDrops](const CaptureStats &now) {
            const qint64 drops = now.kernelDrops + now.interfaceDrops;
            if (drops > reportedDrops) {
                reportedDrops = drops;
                err() << tr("warning: %1 packets dropped so far (kernel %2, interface %3)")
                             .arg(drops)
                             .arg(now.kernelDrops)
                             .arg(now.interfaceDrops)
                      << Qt::endl;
            }
        };
        err() << tr("capturing on %1; Ctrl-C stops").arg(options.interface) << Qt::endl;
        error = captureInterface(options.capture, pipeline, g_stop, stats);
    }
    pipeline.finish();
    out().flush();
    if (!reporter.failure().isEmpty())
        return inputError(reporter.failure());
    err() << tr("%1 packets, %2 bins, %3 anomalies; dropped: kernel %4, interface %5")
                 .arg(stats.packets)
                 .arg(pipeline.binsClosed())
                 .arg(reporter.anomalies())
                 .arg(stats.kernelDrops)
                 .arg(stats.interfaceDrops)
          << Qt::endl;
    if (!error.isEmpty())
        return inputError(error);
    if (!pipeline.isWarmedUp())
        err() << tr("warning: fewer than %1 bins with traffic: the detector never finished its "
                    "warm-up (--warm-up sets how many)")
                     .arg(options.live.warmUpBins)
              << Qt::endl;
    return Success;
}

} // namespace tideline::cli
