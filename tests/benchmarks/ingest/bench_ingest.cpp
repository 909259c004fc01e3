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

// (c) Everything the workbench does on open: decode, per-bin features and tallies, flows,
// all on one thread.
Traffic g_traffic; // kept so the memory it holds can be reported

StageRun oneThread(const QString &path)
{
    TrafficBinner binner;
    const CaptureSummary summary = readCapture(path, &binner);
    g_traffic = binner.finish();
    return {summary.packets, !summary.error};
}

// (d) The same as loadInput() runs it: reading, decoding and finding flows on one thread, the
// flow records and bins on another.
StageRun twoThreads(const QString &path)
{
    TrafficBinner binner(0, TrafficBinner::kDefaultBinBudget, TrafficBinner::Threads::Two);
    const CaptureSummary summary = readCapture(path, &binner);
    g_traffic = binner.finish();
    return {summary.packets, !summary.error};
}

// (e) Flows and bins alone, on one thread: the packets are decoded into memory by an untimed
// first run, so this is what (d) adds to reading and decoding, split over its two threads.
class Recorder : public PacketSink
{
public:
    void addPacket(const Packet &packet) override { packets.push_back(packet); }
    std::vector<Packet> packets;
};

StageRun binningOnly(const QString &path)
{
    static Recorder recorder;
    if (recorder.packets.empty() && readCapture(path, &recorder).error)
        return {};
    TrafficBinner binner;
    binner.addPackets(recorder.packets);
    g_traffic = binner.finish();
    return {qint64(recorder.packets.size()), true};
}

struct Stage
{
    const char *name;
    StageRun (*run)(const QString &path);
    bool untimedFirstRun = false;
};

const Stage kStages[] = {
    {"plain libpcap loop", &plainLoop},
    {"readCapture, null sink", &decodeOnly},
    {"features + flows, 1 thread", &oneThread},
    {"features + flows, 2 threads", &twoThreads},
    {"flows + bins, decoded", &binningOnly, true},
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const QStringList arguments = app.arguments();
    if (arguments.size() < 2) {
        QTextStream(stderr) << "usage: bench_ingest CAPTURE [--repeat N] [--only STAGE]\n";
        return 2;
    }
    const QString path = arguments.at(1);
    const int repeat = qMax(
        1, arguments.value(arguments.indexOf(QStringLiteral("--repeat")) + 1, QStringLiteral("3"))
               .toInt());
    const double megabytes = double(QFileInfo(path).size()) / 1e6;
    // --only N runs the plain loop and stage N alone (1-based), e.g. under perf.
    const int only = arguments.value(arguments.indexOf(QStringLiteral("--only")) + 1).toInt();

    plainLoop(path); // warm the page cache so the first stage is not charged for the disk
    double baseline = 0, baselineCpu = 0;
    long peakKilobytes = 0; // through the reading stages, before (e) holds every packet
    for (const Stage &stage : kStages) {
        if (only > 0 && &stage != &kStages[0] && &stage != &kStages[only - 1])
            continue;
        double best = 1e300, bestCpu = 1e300, first = 0;
        StageRun run;
        if (stage.untimedFirstRun) {
            rusage usage{};
            getrusage(RUSAGE_SELF, &usage);
            peakKilobytes = usage.ru_maxrss;
            stage.run(path);
        }
        for (int i = 0; i < repeat; ++i) {
            g_traffic = {}; // so one Traffic at a time counts towards the peak
            QElapsedTimer clock;
            clock.start();
            const std::clock_t cpuStart = std::clock();
            run = stage.run(path);
            bestCpu = qMin(bestCpu, double(std::clock() - cpuStart) / CLOCKS_PER_SEC);
            const double seconds = double(clock.nsecsElapsed()) / 1e9;
            best = qMin(best, seconds);
            if (i == 0)
                first = seconds;
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
                              "  (CPU %7 s, ratio %8; first run %9 s)\n")
                   .arg(QLatin1String(stage.name), -28)
                   .arg(run.packets)
                   .arg(best, 0, 'f', 3)
                   .arg(double(run.packets) / best / 1e6, 0, 'f', 2)
                   .arg(megabytes / best, 0, 'f', 0)
                   .arg(baseline / best, 0, 'f', 2)
                   .arg(bestCpu, 0, 'f', 3)
                   .arg(baselineCpu / bestCpu, 0, 'f', 2)
                   .arg(first, 0, 'f', 3);
    }
    if (peakKilobytes == 0) {
        rusage usage{};
        getrusage(RUSAGE_SELF, &usage);
        peakKilobytes = usage.ru_maxrss;
    }
    const std::size_t flows = g_traffic.flows().size();
    const std::size_t bins = g_traffic.binCount();
    const std::size_t flowBytes = flows * sizeof(Flow);
    out << QStringLiteral("peak RSS in the reading stages %1 MB; the traffic holds %2 MB: %3 flows "
                          "of %4 bytes, and %5 "
                          "base bins of %6 at %7 bytes each with their tallies\n")
               .arg(double(peakKilobytes) / 1024.0, 0, 'f', 1)
               .arg(double(g_traffic.memoryBytes()) / 1e6, 0, 'f', 1)
               .arg(flows)
               .arg(sizeof(Flow))
               .arg(bins)
               .arg(formatDuration(g_traffic.baseWidth()))
               .arg(bins > 0 ? (g_traffic.memoryBytes() - flowBytes) / bins : 0);
    return 0;
}
