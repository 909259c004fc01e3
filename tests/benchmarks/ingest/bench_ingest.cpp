// How close ingest comes to a plain libpcap read loop (the design's bar): each stage reads the
// same capture, once per round, the stages taking turns so that a machine's slow spell falls on
// all of them alike. Printed per stage: its best run as packets/s and MB/s (file bytes), its
// ratio to the plain loop (best against best, and the median and range of the per-round
// ratios), its best CPU time, and its first run (a fresh process faults its memory in). Add a
// stage by writing one function and listing it in kStages.

#include "capture/capturereader.h"
#include "series/trafficbinner.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTextStream>
#include <algorithm>
#include <ctime>
#include <pcap/pcap.h>
#include <sys/resource.h>
#include <vector>

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

    std::vector<const Stage *> stages;
    for (const Stage &stage : kStages) {
        if (only == 0 || &stage == &kStages[0] || &stage == &kStages[only - 1])
            stages.push_back(&stage);
    }
    struct Timings
    {
        std::vector<double> wall, cpu;
        StageRun run;
    };
    std::vector<Timings> timings(stages.size());

    plainLoop(path);        // warm the page cache so the first stage is not charged for the disk
    long peakKilobytes = 0; // through the reading stages, before (e) holds every packet
    for (int round = 0; round < repeat; ++round) {
        for (std::size_t s = 0; s < stages.size(); ++s) {
            if (round == 0 && stages[s]->untimedFirstRun) {
                rusage usage{};
                getrusage(RUSAGE_SELF, &usage);
                peakKilobytes = qMax(peakKilobytes, usage.ru_maxrss);
                stages[s]->run(path);
            }
            g_traffic = {}; // so one Traffic at a time counts towards the peak
            QElapsedTimer clock;
            clock.start();
            const std::clock_t cpuStart = std::clock();
            timings[s].run = stages[s]->run(path);
            timings[s].cpu.push_back(double(std::clock() - cpuStart) / CLOCKS_PER_SEC);
            timings[s].wall.push_back(double(clock.nsecsElapsed()) / 1e9);
            if (!timings[s].run.ok) {
                QTextStream(stderr) << "bench_ingest: cannot read " << path << '\n';
                return 1;
            }
        }
    }

    const std::vector<double> &plain = timings.front().wall;
    for (std::size_t s = 0; s < stages.size(); ++s) {
        const Timings &t = timings[s];
        std::vector<double> ratios;
        for (int round = 0; round < repeat; ++round)
            ratios.push_back(plain[std::size_t(round)] / t.wall[std::size_t(round)]);
        std::sort(ratios.begin(), ratios.end());
        const double best = *std::min_element(t.wall.begin(), t.wall.end());
        const double bestPlain = *std::min_element(plain.begin(), plain.end());
        out << QStringLiteral("%1  %2 packets  best %3 s  %4 Mpackets/s  %5 MB/s  ratio: best %6,"
                              " per round %7 (%8-%9)  CPU %10 s  first run %11 s\n")
                   .arg(QLatin1String(stages[s]->name), -28)
                   .arg(t.run.packets)
                   .arg(best, 0, 'f', 3)
                   .arg(double(t.run.packets) / best / 1e6, 0, 'f', 2)
                   .arg(megabytes / best, 0, 'f', 0)
                   .arg(bestPlain / best, 0, 'f', 2)
                   .arg(ratios[ratios.size() / 2], 0, 'f', 2)
                   .arg(ratios.front(), 0, 'f', 2)
                   .arg(ratios.back(), 0, 'f', 2)
                   .arg(*std::min_element(t.cpu.begin(), t.cpu.end()), 0, 'f', 3)
                   .arg(t.wall.front(), 0, 'f', 3);
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
