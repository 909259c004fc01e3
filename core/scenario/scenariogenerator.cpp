#include "scenariogenerator.h"

#include "common/portablerandom.h"
#include "common/throttledprogress.h"
#include "scenario/backgroundtraffic.h"
#include "scenario/scenarionetwork.h"
#include "scenario/scenarioscript.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <algorithm>
#include <cmath>

namespace tideline {

namespace {

// Background flows start this long before the capture, so it opens on connections already
// under way instead of an empty network.
constexpr TimeNs kWarmUp = 20 * kNsPerSecond;
constexpr qint64 kProgressEvery = 1 << 16;

// Runs the flows in time order and writes what they emit. Flows wait in a min-heap keyed by
// (time of next event, insertion order), so ties resolve the same way on every machine.
class ScenarioRun : public FlowContext
{
public:
    ScenarioRun(PortableRandom &random, const ScenarioNetwork &network, CaptureWriter &writer,
                ScenarioResult &result, const ProgressCallback &progress)
        : m_random(random)
        , m_network(network)
        , m_writer(writer)
        , m_result(result)
        , m_throttle(progress, 0)
    {}

    PortableRandom &random() override { return m_random; }
    const ScenarioNetwork &network() const override { return m_network; }
    PacketBuilder &builder() override { return m_builder; }

    void emitFrame(TimeNs time, int owner, std::span<const std::uint8_t> frame) override
    {
        if (time < m_result.start)
            return; // warm-up
        m_writer.write(time, frame);
        ++m_result.packets;
        m_result.bytes += qint64(frame.size());
        if (owner >= 0) {
            ScenarioAnomaly &anomaly = m_result.anomalies[std::size_t(owner)];
            ++anomaly.packets;
            anomaly.bytes += qint64(frame.size());
        }
        if (m_result.packets % kProgressEvery == 0)
            checkpoint(time);
    }

    void spawn(std::unique_ptr<ScenarioFlow> flow) override
    {
        if (flow->finished())
            return;
        const TimeNs time = flow->time();
        m_heap.push_back({time, m_order++, std::move(flow)});
        std::push_heap(m_heap.begin(), m_heap.end(), later);
    }

    // False when stopped early (cancelled or a failed write).
    bool run()
    {
        while (!m_heap.empty() && !m_stop) {
            std::pop_heap(m_heap.begin(), m_heap.end(), later);
            Entry entry = std::move(m_heap.back());
            m_heap.pop_back();
            if (entry.time >= m_result.end)
                break;
            entry.flow->step(*this);
            spawn(std::move(entry.flow));
        }
        return !m_stop;
    }

private:
    struct Entry
    {
        TimeNs time;
        quint64 order;
        std::unique_ptr<ScenarioFlow> flow;
    };
    static bool later(const Entry &a, const Entry &b)
    {
        return a.time != b.time ? a.time > b.time : a.order > b.order;
    }

    void checkpoint(TimeNs time)
    {
        if (m_writer.failed()) {
            m_stop = true;
            return;
        }
        const double fraction =
            double(time - m_result.start) / double(m_result.end - m_result.start);
        if (!m_throttle.update(m_result.packets, fraction)) {
            m_result.cancelled = true;
            m_stop = true;
        }
    }

    PortableRandom &m_random;
    const ScenarioNetwork &m_network;
    CaptureWriter &m_writer;
    ScenarioResult &m_result;
    PacketBuilder m_builder;
    std::vector<Entry> m_heap;
    quint64 m_order = 0;
    bool m_stop = false;
    ThrottledProgress m_throttle;
};

Diagnostic writeFailure(const QString &path, const QString &message)
{
    Diagnostic d;
    d.severity = Diagnostic::Severity::Error;
    d.file = path;
    d.message = message;
    return d;
}

} // namespace

std::optional<QString> checkScenarioOptions(const ScenarioOptions &options)
{
    if (!std::isfinite(options.durationSeconds) ||
        options.durationSeconds < ScenarioOptions::kMinDurationSeconds ||
        options.durationSeconds > ScenarioOptions::kMaxDurationSeconds) {
        return QCoreApplication::translate("tideline", "the duration must be between %1 and %2 s")
            .arg(ScenarioOptions::kMinDurationSeconds)
            .arg(ScenarioOptions::kMaxDurationSeconds);
    }
    if (!std::isfinite(options.ratePps) || options.ratePps <= 0 ||
        options.ratePps > ScenarioOptions::kMaxRatePps) {
        return QCoreApplication::translate("tideline",
                                           "the rate must be above 0 and at most %1 packets/s")
            .arg(ScenarioOptions::kMaxRatePps);
    }
    if (!std::isfinite(options.attackSeconds) || options.attackSeconds < 0) {
        return QCoreApplication::translate("tideline",
                                           "the attack duration must be 0 (a share of the "
                                           "capture) or a number of seconds");
    }
    if (!std::isfinite(options.attackIntensity) || options.attackIntensity <= 0 ||
        options.attackIntensity > ScenarioOptions::kMaxAttackIntensity ||
        options.ratePps * options.attackIntensity > ScenarioOptions::kMaxRatePps) {
        return QCoreApplication::translate("tideline",
                                           "the attack intensity must be above 0 and at most %1, "
                                           "and the attacks at most %2 packets/s")
            .arg(ScenarioOptions::kMaxAttackIntensity)
            .arg(ScenarioOptions::kMaxRatePps);
    }
    return std::nullopt;
}

ScenarioResult generateScenario(const QString &path, const ScenarioOptions &options,
                                const ProgressCallback &progress)
{
    ScenarioResult result;
    if (const auto problem = checkScenarioOptions(options)) {
        result.error = writeFailure(path, *problem);
        return result;
    }
    const auto duration = TimeNs(std::llround(options.durationSeconds * 1e9));
    result.end = result.start + duration;

    QString reason;
    std::unique_ptr<CaptureWriter> writer = CaptureWriter::create(path, options.format, reason);
    if (!writer) {
        result.error = writeFailure(path, reason);
        return result;
    }

    PortableRandom random(options.seed);
    const ScenarioNetwork network(random);
    ScenarioRun run(random, network, *writer, result, progress);

    std::vector<ScriptedAnomaly> script =
        scriptAnomalies(random, network, result.start, duration, options.ratePps,
                        options.attackSeconds, options.attackIntensity);
    for (ScriptedAnomaly &anomaly : script) {
        result.anomalies.push_back(anomaly.truth);
        run.spawn(std::move(anomaly.flow));
    }
    const RateCurve curve(random, result.start, duration);
    run.spawn(std::make_unique<BackgroundSpawner>(
        curve, options.ratePps, meanActivityPackets(network), result.start - kWarmUp));

    const bool completed = run.run();
    const std::optional<QString> failure = writer->finish();
    if (failure || (!completed && !result.cancelled)) {
        result.error = writeFailure(path, failure.value_or(QCoreApplication::translate(
                                              "tideline", "cannot write the file")));
    }
    if (!result.ok()) {
        // Only a half-written regular file goes; never a device or whatever a link points to.
        if (QFileInfo(path).isFile() && !QFileInfo(path).isSymLink())
            QFile::remove(path);
        return result;
    }
    for (ScenarioAnomaly &anomaly : result.anomalies) {
        anomaly.description += QStringLiteral("; %1 packets, %2 MB")
                                   .arg(anomaly.packets)
                                   .arg(double(anomaly.bytes) / 1e6, 0, 'f', 1);
    }
    return result;
}

} // namespace tideline
