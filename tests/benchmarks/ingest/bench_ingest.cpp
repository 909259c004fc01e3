// How close ingest comes to a plain libpcap read loop (the design's bar): each stage reads the
// same capture; the best of N runs is printed as packets/s, MB/s (file bytes) and its ratio to
// the plain loop, in wall time and in CPU time (steadier on a shared machine). Add a stage by
// writing one function and listing it in kStages.

#include "capture/capturereader.h"
#include "series/trafficbinner.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTextStream>
#include <ctime>
#include <pcap/pcap.h>
#include <sys/resource.h>

using namespace tideline;

namespace {

struct StageRun
{
    qint64 packets = 0;
    bool ok = false;
};

// (a) The bar: libpcap hands us every record and we only count it.
StageRun plainLoop(const QString &path)
{
    char errorBuffer[PCAP_ERRBUF_SIZE] = {};
    pcap_t *handle = pcap_open_offline_with_tstamp_precision(
        QFile::encodeName(path).constData(), PCAP_TSTAMP_PRECISION_NANO, errorBuffer);
    if (!handle)
        return {};
    StageRun run;
    pcap_pkthdr *header = nullptr;
    const u_char *data = nullptr;
    while (pcap_next_ex(handle, &header, &data) == 1)
        ++run.packets;
    pcap_close(handle);
    run.ok = true;
    return run;
}

// (b) The reader with every packet decoded and no consumer.
StageRun decodeOnly(const QString &path)
{
    const CaptureSummary summary = readCapture(path, nullptr);
    return {summary.packets, !summary.error};
}

// (c) Everything the workbench does on open: decode, per-bin features and tallies, flows.
Traffic g_traffic; // kept so the memory it holds can be reported

StageRun fullIngest(const QString &path)
{
    TrafficBinner binner;
    const CaptureSummary summary = readCapture(path, &binner);
    g_traffic = binner.finish();
    return {summary.packets, !summary.error};
}

struct Stage
{
    const char *name;
    StageRun (*run)(const QString &path);
};

const Stage kStages[] = {
    {"plain libpcap loop", &plainLoop},
    {"readCapture, null sink", &decodeOnly},
    {"features + flows", &fullIngest},
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const QStringList arguments = app.arguments();
    if (arguments.size() < 2) {
        QTextStream(stderr) << "usage: bench_ingest CAPTURE [--repeat N]\n";
        return 2;
    }
    const QString path = arguments.at(1);
    const int repeat = qMax(
        1, arguments.value(arguments.indexOf(QStringLiteral("--repeat")) + 1, QStringLiteral("3"))
               .toInt());
    const double megabytes = double(QFileInfo(path).size()) / 1e6;

    plainLoop(path); // warm the page cache so the first stage is not charged for the disk
    double baseline = 0, baselineCpu = 0;
    for (const Stage &stage : kStages) {
        double best = 1e300, bestCpu = 1e300;
        StageRun run;
        for (int i = 0; i < repeat; ++i) {
            QElapsedTimer clock;
            clock.start();
            const std::clock_t cpuStart = std::clock();
            run = stage.run(path);
            bestCpu = qMin(bestCpu, double(std::clock() - cpuStart) / CLOCKS_PER_SEC);
            best = qMin(best, double(clock.nsecsElapsed()) / 1e9);
        }
        if (!run.ok) {
            QTextStream(stderr) << "bench_ingest: cannot read " << path << '\n';
            return 1;
        }
        if (baseline == 0) {
            baseline = best;
            baselineCpu = bestCpu;
        }
        out << QStringLiteral("%1  %2 packets  %3 s  %4 Mpackets/s  %5 MB/s  ratio %6"
                              "  (CPU %7 s, ratio %8)\n")
                   .arg(QLatin1String(stage.name), -24)
                   .arg(run.packets)
                   .arg(best, 0, 'f', 3)
                   .arg(double(run.packets) / best / 1e6, 0, 'f', 2)
                   .arg(megabytes / best, 0, 'f', 0)
                   .arg(baseline / best, 0, 'f', 2)
                   .arg(bestCpu, 0, 'f', 3)
                   .arg(baselineCpu / bestCpu, 0, 'f', 2);
    }
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const double flows = double(g_traffic.flows().size());
    const double bins = double(g_traffic.binCount());
    out << QStringLiteral("peak RSS %1 MB; traffic holds %2 MB: %3 base bins of %4, %5 flows "
                          "(%6 bytes per flow as stored)\n")
               .arg(double(usage.ru_maxrss) / 1024.0, 0, 'f', 1)
               .arg(double(g_traffic.memoryBytes()) / 1e6, 0, 'f', 1)
               .arg(bins)
               .arg(formatDuration(g_traffic.baseWidth()))
               .arg(flows)
               .arg(double(sizeof(Flow)));
    return 0;
}
