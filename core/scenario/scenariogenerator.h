#pragma once

#include "capture/capturewriter.h"
#include "capture/packet.h"
#include "common/diagnostic.h"
#include "common/progress.h"

#include <optional>
#include <vector>

namespace tideline {

// Every scenario starts at 2026-03-02T09:00:00Z whatever the seed, so files are reproducible.
constexpr TimeNs kScenarioStart = 1772442000 * kNsPerSecond;

struct ScenarioOptions
{
    static constexpr double kMinDurationSeconds = 1.0;
    static constexpr double kMaxDurationSeconds = 7 * 86400.0;
    static constexpr double kMaxRatePps = 1e6;
    static constexpr double kMaxAttackIntensity = 1000.0;

    quint64 seed = 1;
    double durationSeconds = 300.0;
    double ratePps = 500.0; // mean background packets per second; the anomalies scale with it
    // The scan, the flood and the amplification last this many seconds each (at most their
    // share of the capture) instead of a share of the capture: a day-long capture with
    // minute-long attacks. 0 = their share.
    double attackSeconds = 0.0;
    // Multiplies the attacks' rates (not the slow exfiltration's): 10 makes the flood 40 times
    // the background.
    double attackIntensity = 1.0;
    CaptureFormat format = CaptureFormat::Pcap;
};

// One scripted anomaly: when, what, who, and exactly what it put into the capture.
struct ScenarioAnomaly
{
    TimeNs start = 0; // [start, end) holds every packet of the anomaly; whole milliseconds
    TimeNs end = 0;
    QString kind; // syn_flood, port_scan, udp_amplification, exfiltration
    QString description;
    qint64 packets = 0;
    qint64 bytes = 0;
    IpAddress source;      // the scanner or the exfiltrating host; none when spoofed or many
    IpAddress destination; // the target, the victim or the exfiltration server
    quint16 port = 0;      // the flooded port; 0 when the anomaly has no single port
};

struct ScenarioResult
{
    qint64 packets = 0;
    qint64 bytes = 0;              // frame bytes, without the file's own headers
    TimeNs start = kScenarioStart; // the capture covers [start, end)
    TimeNs end = kScenarioStart;
    std::vector<ScenarioAnomaly> anomalies; // by start time, not overlapping
    std::optional<Diagnostic> error;
    bool cancelled = false;

    bool ok() const { return !error && !cancelled; }
};

// Why the options cannot be used, or nothing.
std::optional<QString> checkScenarioOptions(const ScenarioOptions &options);

// Writes the sample scenario, a realistic site's traffic with scripted attacks on top, to
// `path`. The same options give the same bytes on every machine. Memory stays flat however many
// packets are written. The file is removed when cancelled or when it could not be written.
ScenarioResult generateScenario(const QString &path, const ScenarioOptions &options,
                                const ProgressCallback &progress = {});

} // namespace tideline
