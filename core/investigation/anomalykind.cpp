#include "anomalykind.h"

#include <QCoreApplication>
#include <array>

namespace tideline {

namespace {

struct KindName
{
    AnomalyKind kind;
    const char *id;
    const char *text;
};

constexpr std::array<KindName, 11> kKinds = {{
    {AnomalyKind::PortScan, "port_scan", QT_TRANSLATE_NOOP("tideline::AnomalyKind", "Port scan")},
    {AnomalyKind::HostSweep, "host_sweep",
     QT_TRANSLATE_NOOP("tideline::AnomalyKind", "Host sweep")},
    {AnomalyKind::SynFlood, "syn_flood", QT_TRANSLATE_NOOP("tideline::AnomalyKind", "SYN flood")},
    {AnomalyKind::UdpFlood, "udp_flood", QT_TRANSLATE_NOOP("tideline::AnomalyKind", "UDP flood")},
    {AnomalyKind::Amplification, "amplification",
     QT_TRANSLATE_NOOP("tideline::AnomalyKind", "Amplification")},
    {AnomalyKind::LargeUpload, "large_upload",
     QT_TRANSLATE_NOOP("tideline::AnomalyKind", "Large upload")},
    {AnomalyKind::NewTalker, "new_talker",
     QT_TRANSLATE_NOOP("tideline::AnomalyKind", "New talker")},
    {AnomalyKind::VolumeSpike, "volume_spike",
     QT_TRANSLATE_NOOP("tideline::AnomalyKind", "Volume spike")},
    {AnomalyKind::VolumeDrop, "volume_drop",
     QT_TRANSLATE_NOOP("tideline::AnomalyKind", "Volume drop")},
    {AnomalyKind::NoData, "no_data", QT_TRANSLATE_NOOP("tideline::AnomalyKind", "No data")},
    {AnomalyKind::Unknown, "unknown", QT_TRANSLATE_NOOP("tideline::AnomalyKind", "Unknown")},
}};

const KindName &nameOf(AnomalyKind kind)
{
    return kKinds[std::size_t(kind)];
}

} // namespace

QString kindId(AnomalyKind kind)
{
    return QString::fromLatin1(nameOf(kind).id);
}

std::optional<AnomalyKind> kindFromId(QStringView id)
{
    for (const KindName &name : kKinds) {
        if (id == QLatin1StringView(name.id))
            return name.kind;
    }
    return std::nullopt;
}

QString kindText(AnomalyKind kind)
{
    return QCoreApplication::translate("tideline::AnomalyKind", nameOf(kind).text);
}

QString kindTextForId(const QString &id)
{
    const std::optional<AnomalyKind> kind = kindFromId(id);
    return kind ? kindText(*kind) : id;
}

} // namespace tideline
