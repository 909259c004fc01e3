#pragma once

#include <QString>
#include <cstdint>
#include <optional>

namespace tideline {

// What an anomalous interval was, by the rules of IntervalDescriber (see the README).
enum class AnomalyKind : std::uint8_t {
    PortScan,
    HostSweep,
    SynFlood,
    UdpFlood,
    Amplification,
    LargeUpload,
    NewTalker,
    VolumeSpike,
    VolumeDrop,
    NoData,
    Unknown,
};

// The kind's identifier in the anomalies CSV: "port_scan", "host_sweep", …
QString kindId(AnomalyKind kind);
std::optional<AnomalyKind> kindFromId(QStringView id);
// The kind in the user's language ("Port scan"); an identifier no kind has is shown as is.
QString kindText(AnomalyKind kind);
QString kindTextForId(const QString &id);

} // namespace tideline
