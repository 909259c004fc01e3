#include "truthfile.h"

#include "common/csvwriter.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace tideline {

QString truthPathFor(const QString &capturePath)
{
    QString base = capturePath;
    const QString suffix = QFileInfo(capturePath).suffix();
    if (!suffix.isEmpty())
        base.chop(suffix.size() + 1);
    return base + QStringLiteral(".truth.csv");
}

std::optional<Diagnostic> writeTruthFile(const QString &path,
                                         const std::vector<ScenarioAnomaly> &anomalies)
{
    CsvWriter writer(path);
    writer.writeRow({QStringLiteral("start"), QStringLiteral("end"), QStringLiteral("kind"),
                     QStringLiteral("description")});
    for (const ScenarioAnomaly &a : anomalies)
        writer.writeRow({formatIsoUtc(a.start), formatIsoUtc(a.end), a.kind, a.description});
    const std::optional<QString> failure = writer.commit();
    if (!failure)
        return std::nullopt;
    Diagnostic d;
    d.severity = Diagnostic::Severity::Error;
    d.file = path;
    d.message = *failure;
    return d;
}

} // namespace tideline
