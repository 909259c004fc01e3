#include "truthfile.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSaveFile>

namespace tideline {

namespace {

QString csvField(const QString &text)
{
    const bool needsQuotes = text.contains(QLatin1Char(',')) || text.contains(QLatin1Char('"')) ||
                             text.contains(QLatin1Char('\n')) || text.contains(QLatin1Char('\r'));
    if (!needsQuotes)
        return text;
    QString quoted = text;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

} // namespace

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
    QString text = QStringLiteral("start,end,kind,description\n");
    for (const ScenarioAnomaly &a : anomalies) {
        text += formatIsoUtc(a.start) + QLatin1Char(',') + formatIsoUtc(a.end) + QLatin1Char(',') +
                csvField(a.kind) + QLatin1Char(',') + csvField(a.description) + QLatin1Char('\n');
    }
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly) && file.write(text.toUtf8()) >= 0 && file.commit())
        return std::nullopt;
    Diagnostic d;
    d.severity = Diagnostic::Severity::Error;
    d.file = path;
    d.message = QCoreApplication::translate("tideline", "cannot write the file: %1")
                    .arg(file.errorString());
    return d;
}

} // namespace tideline
