// bench_live CAPTURE [--speed X] [--detector NAME] [--bin W]
// bench_live --loopback [--detector NAME] [--bin W]
//
// Prints, for one capture:
//   load      the capture loaded as `detect` loads it (all features and flows), packets/s;
//   replay    the live pipeline on it at full speed (--speed 0: decode, bin, score, describe),
//             packets/s and its ratio to load;
//   latency   in a paced replay at X times real time (10 by default): for each anomaly, how
//             long after the replay clock passed the end of its first bin it was reported,
//             and how long after the packet that closed that bin was handed over.
// With --loopback it captures live on `lo` instead, while it sends itself UDP to a port of its
// own on 127.0.0.1: a trickle, and bursts once the warm-up is over; for each burst's anomaly,
// how long after the end of its bin and after the burst's first packet was sent it was
// reported (the target: under one bin width plus 100 ms), and the kernel's drops.

#include "input/inputloader.h"
#include "live/livepipeline.h"
#include "live/packetsource.h"

#include <QCoreApplication>
#include <QUdpSocket>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <mutex>
#include <sys/resource.h>
#include <thread>

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

// Live on lo: every anomaly timed against the wall clock (the kernel stamps packets with it).
class LoopbackTiming : public LivePipeline::Listener
{
public:
    void anomalyFound(const Anomaly &anomaly) override
    {
        const TimeNs now = wallClock();
        const std::lock_guard lock(m_mutex);
        afterBinEnd.push_back(double(now - anomaly.end) / 1e6);
        if (m_burstSent >= 0)
            afterFirstPacket.push_back(double(now - m_burstSent) / 1e6);
        m_burstSent = -1;
    }
    void burstStarts()
    {
        const std::lock_guard lock(m_mutex);
        m_burstSent = wallClock();
    }
    std::vector<double> results(std::vector<double> &values)
    {
        const std::lock_guard lock(m_mutex);
        return values;
    }

    std::vector<double> afterBinEnd;      // ms
    std::vector<double> afterFirstPacket; // ms

private:
    std::mutex m_mutex;
    TimeNs m_burstSent = -1;
};

// `rate` datagrams a second for two seconds to `port`, captured on lo into a pipeline: how many
// were sent, captured and dropped by the kernel.
struct RateResult
{
    qint64 sent = 0;
    CaptureStats stats;
    QString error;
};

RateResult sendAtRate(const LiveOptions &options, const InterfaceOptions &capture, quint16 port,
                      int rate)
{
    RateResult result;
    LivePipeline pipeline(options, nullptr);
    std::atomic<bool> stop = false;
    std::thread capturing(
        [&] { result.error = captureInterface(capture, pipeline, stop, result.stats); });
    std::this_thread::sleep_for(std::chrono::milliseconds(200)); // the capture is open
    QUdpSocket sender;
    const QByteArray payload(64, 'x');
    const TimeNs start = wallClock();
    for (TimeNs now = start; now - start < 2 * kNsPerSecond; now = wallClock()) {
        const auto due = qint64(double(now - start) / 1e9 * rate);
        for (; result.sent < due; ++result.sent)
            sender.writeDatagram(payload, QHostAddress::LocalHost, port);
        std::this_thread::sleep_for(std::chrono::microseconds(500));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(300)); // the last ones arrive
    stop = true;
    capturing.join();
    pipeline.finish();
    return result;
}

int runLoopback(LiveOptions options)
{
    QUdpSocket receiver; // something listens, so the kernel sends no "port unreachable"
    if (!receiver.bind(QHostAddress::LocalHost, 0))
        return 1;
    const quint16 port = receiver.localPort();
    options.warmUpBins = 20;
    // Bursts further apart than windowed Gaussian's window, so that each one is news to it.
    constexpr int kWindow = 20;
    options.detection.parameters.insert(QStringLiteral("window"), kWindow);
    LoopbackTiming timing;
    LivePipeline pipeline(options, &timing);
    InterfaceOptions capture;
    capture.interface = QStringLiteral("lo");
    capture.filter = QStringLiteral("udp and dst port %1").arg(port);
    std::atomic<bool> stop = false;
    CaptureStats stats;
    QString error;
    std::thread capturing([&] { error = captureInterface(capture, pipeline, stop, stats); });

    QUdpSocket sender;
    const QByteArray payload(64, 'x');
    const auto trickle = [&](TimeNs length) {
        for (const TimeNs end = wallClock() + length; wallClock() < end && !stop;) {
            sender.writeDatagram(payload, QHostAddress::LocalHost, port);
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
    };
    trickle(options.binWidth * (options.warmUpBins + 5));
    constexpr int kBursts = 8;
    for (int burst = 0; burst < kBursts && !stop; ++burst) {
        timing.burstStarts();
        for (int i = 0; i < 2000; ++i)
            sender.writeDatagram(payload, QHostAddress::LocalHost, port);
        // Every other burst is followed by silence: its bin closes on the clock, not on a
        // later packet.
        if (burst % 2 == 1)
            std::this_thread::sleep_for(std::chrono::nanoseconds(options.binWidth * 3));
        trickle(options.binWidth * (kWindow + 5));
    }
    stop = true;
    capturing.join();
    pipeline.finish();
    if (!error.isEmpty()) {
        std::fprintf(stderr, "skipped: %s\n", qPrintable(error));
        return 0;
    }
    std::printf(
        "live on lo: %lld packets, %lld bins of %s, detector %s, %d bursts of 2000 "
        "datagrams; dropped: kernel %lld, interface %lld\n",
        static_cast<long long>(stats.packets), static_cast<long long>(pipeline.binsClosed()),
        qPrintable(formatDuration(options.binWidth)), qPrintable(options.detection.detector),
        kBursts, static_cast<long long>(stats.kernelDrops),
        static_cast<long long>(stats.interfaceDrops));
    printSpread("event after its bin's end", timing.results(timing.afterBinEnd));
    printSpread("event after burst's 1st packet", timing.results(timing.afterFirstPacket));
    std::printf("  (target: under one bin width plus 100 ms = %.0f ms)\n",
                double(options.binWidth) / 1e6 + 100.0);
    std::printf("  sustained, 2 s at each rate (106-byte frames):\n");
    for (const int rate : {20'000, 50'000, 100'000, 200'000, 400'000}) {
        const RateResult r = sendAtRate(options, capture, port, rate);
        std::printf("    %7d datagrams/s: sent %8lld, captured %8lld, dropped by the kernel %lld\n",
                    rate, static_cast<long long>(r.sent), static_cast<long long>(r.stats.packets),
                    static_cast<long long>(r.stats.kernelDrops));
    }
    return 0;
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
    const bool loopback = path == u"--loopback";
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

    if (loopback)
        return runLoopback(options);

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
