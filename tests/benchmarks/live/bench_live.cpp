// bench_live CAPTURE [--speed X] [--detector NAME] [--bin W]
//
// Prints, for one capture:
//   load      the capture loaded as `detect` loads it (all features and flows), packets/s;
//   replay    the live pipeline on it at full speed (--speed 0: decode, bin, score, describe),
//             packets/s and its ratio to load;
//   latency   in a paced replay at X times real time (10 by default): for each anomaly, how
//             long after the replay clock passed the end of its first bin it was reported,
//             and how long after the packet that closed that bin was handed over.

#include "input/inputloader.h"
#include "live/livepipeline.h"
#include "live/packetsource.h"

#include <QCoreApplication>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <sys/resource.h>

using namespace tideline;

namespace {

using Clock = std::chrono::steady_clock;

// CPU seconds of this process so far: on a shared machine, wall times also hold the waits.
double cpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

double seconds(Clock::duration d)
{
    return std::chrono::duration<double>(d).count();
}

// Hands packets and the clock on to the pipeline, timing every event against the packet that
// closed its bin and against the replay clock.
class Timing : public LiveSink, public LivePipeline::Listener
{
public:
    Timing(const LiveOptions &options, double speed)
        : m_pipeline(options, this)
        , m_speed(speed)
    {}

    void addPacket(const Packet &packet) override
    {
        if (m_first < 0) {
            m_first = packet.time;
            m_started = Clock::now();
        }
        m_handed = Clock::now();
        m_pipeline.addPacket(packet);
    }
    void advanceTo(TimeNs now) override { m_pipeline.advanceTo(now); }
    void finish() { m_pipeline.finish(); }

    void anomalyFound(const Anomaly &anomaly) override
    {
        const Clock::time_point now = Clock::now();
        // The replay clock passed the end of the anomaly's first bin at this wall time.
        const auto due = m_started + std::chrono::nanoseconds(qint64(double(anomaly.end - m_first) /
                                                                     std::max(m_speed, 1e-9)));
        afterBinEnd.push_back(seconds(now - due) * 1000.0);
        afterPacket.push_back(seconds(now - m_handed) * 1000.0);
    }

    std::vector<double> afterBinEnd; // ms
    std::vector<double> afterPacket; // ms

private:
    LivePipeline m_pipeline;
    double m_speed;
    TimeNs m_first = -1;
    Clock::time_point m_started;
    Clock::time_point m_handed;
};

void printSpread(const char *what, std::vector<double> values)
{
    if (values.empty()) {
        std::printf("  %-28s no anomalies\n", what);
        return;
    }
    std::sort(values.begin(), values.end());
    std::printf("  %-28s median %8.1f ms   max %8.1f ms   (%zu anomalies)\n", what,
                values[values.size() / 2], values.back(), values.size());
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStringList arguments = app.arguments().mid(1);
    if (arguments.isEmpty()) {
        std::fprintf(stderr, "usage: bench_live CAPTURE [--speed X] [--detector NAME] [--bin W]\n");
        return 2;
    }
    const QString path = arguments.takeFirst();
    double speed = 10.0;
    LiveOptions options;
    options.detection.detector = QStringLiteral("windowed_gaussian");
    while (arguments.size() >= 2) {
        const QString name = arguments.takeFirst();
        const QString value = arguments.takeFirst();
        if (name == u"--speed")
            speed = value.toDouble();
        else if (name == u"--detector")
            options.detection.detector = value;
        else if (name == u"--bin")
            options.binWidth = parseDuration(value).value_or(kNsPerSecond);
    }
    if (const QString problem = LivePipeline::problem(options); !problem.isEmpty()) {
        std::fprintf(stderr, "%s\n", qPrintable(problem));
        return 2;
    }

    LoadOptions load;
    load.binWidth = options.binWidth;
    Clock::time_point start = Clock::now();
    double cpu = cpuSeconds();
    const LoadedInput input = loadInput(path, load, {});
    const double loadSeconds = seconds(Clock::now() - start);
    const double loadCpu = cpuSeconds() - cpu;
    if (input.error) {
        std::fprintf(stderr, "%s\n", qPrintable(input.error->toString()));
        return 1;
    }

    std::atomic<bool> stop = false;
    CaptureStats stats;
    LivePipeline fast(options, nullptr);
    start = Clock::now();
    cpu = cpuSeconds();
    replayCapture({path, 0.0}, fast, stop, stats);
    fast.finish();
    const double replaySeconds = seconds(Clock::now() - start);
    const double replayCpu = cpuSeconds() - cpu;
    const double packets = double(stats.packets);
    std::printf("%s: %.0f packets, %lld bins of %s, detector %s\n", qPrintable(path), packets,
                static_cast<long long>(fast.binsClosed()),
                qPrintable(formatDuration(options.binWidth)),
                qPrintable(options.detection.detector));
    std::printf("  load (detect's loader)       %6.2f s  %10.0f packets/s   CPU %6.2f s  %10.0f "
                "packets/CPU s\n",
                loadSeconds, packets / loadSeconds, loadCpu, packets / loadCpu);
    std::printf("  replay --speed 0             %6.2f s  %10.0f packets/s   CPU %6.2f s  %10.0f "
                "packets/CPU s  (%.2f× load's CPU)\n",
                replaySeconds, packets / replaySeconds, replayCpu, packets / replayCpu,
                replayCpu / loadCpu);

    // Paced: the Timing sink sits between the file and the pipeline.
    Timing timing(options, speed);
    stats = {};
    start = Clock::now();
    replayCapture({path, speed}, timing, stop, stats);
    timing.finish();
    std::printf("  replay --speed %-5g         %6.2f s\n", speed, seconds(Clock::now() - start));
    printSpread("event after its bin's end", timing.afterBinEnd);
    printSpread("event after closing packet", timing.afterPacket);
    return 0;
}
