// `tideline summarize FILE [--json]`: what is in a file before anything is binned or trained.
//
// The --json object is a contract for scripts. For captures its keys are: file, format
// ("pcap" | "pcapng"), timestamp_precision ("micro" | "nano" | "other" | "unknown"),
// link_types (object: libpcap link-type name → packets), packets, bytes (wire), captured_bytes,
// first and last (ISO 8601 UTC with ms, null without packets), duration_s, decoded, undecoded,
// malformed, backward_timestamps, warnings (list of strings).

#include "capture/captureformat.h"
#include "capture/capturereader.h"
#include "cli.h"
#include "commands.h"
#include "common/timeutil.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace tideline::cli {

namespace {

QString translated(const char *text)
{
    return QCoreApplication::translate("tideline::cli", text);
}

double seconds(TimeNs ns)
{
    return double(ns) / double(kNsPerSecond);
}

QJsonObject captureJson(const CaptureSummary &summary)
{
    QJsonObject linkTypes;
    for (const CaptureSummary::LinkType &linkType : summary.linkTypes)
        linkTypes.insert(linkType.name, linkType.packets);
    const bool any = summary.packets > 0;
    return {
        {QStringLiteral("file"), summary.file},
        {QStringLiteral("format"), formatName(summary.type.format)},
        {QStringLiteral("timestamp_precision"), precisionName(summary.type.precision)},
        {QStringLiteral("link_types"), linkTypes},
        {QStringLiteral("packets"), summary.packets},
        {QStringLiteral("bytes"), summary.bytes},
        {QStringLiteral("captured_bytes"), summary.capturedBytes},
        {QStringLiteral("first"), any ? QJsonValue(formatIsoUtc(summary.first)) : QJsonValue()},
        {QStringLiteral("last"), any ? QJsonValue(formatIsoUtc(summary.last)) : QJsonValue()},
        {QStringLiteral("duration_s"), seconds(summary.duration())},
        {QStringLiteral("decoded"), summary.decoded},
        {QStringLiteral("undecoded"), summary.undecoded},
        {QStringLiteral("malformed"), summary.malformed},
        {QStringLiteral("backward_timestamps"), summary.backwardTimestamps},
        {QStringLiteral("warnings"), QJsonArray::fromStringList(toStrings(summary.warnings))},
    };
}

void printCaptureText(const CaptureSummary &summary)
{
    const auto line = [](const char *label, const QString &value) {
        out() << QStringLiteral("%1 %2\n").arg(translated(label), -20).arg(value);
    };
    QStringList linkTypes;
    for (const CaptureSummary::LinkType &linkType : summary.linkTypes)
        linkTypes << translated("%1 (%2 packets)").arg(linkType.name).arg(linkType.packets);
    const bool any = summary.packets > 0;

    line(QT_TRANSLATE_NOOP("tideline::cli", "File:"), summary.file);
    line(QT_TRANSLATE_NOOP("tideline::cli", "Format:"),
         translated("%1, %2 timestamps")
             .arg(formatName(summary.type.format), precisionName(summary.type.precision)));
    line(QT_TRANSLATE_NOOP("tideline::cli", "Link types:"), linkTypes.join(QStringLiteral(", ")));
    line(QT_TRANSLATE_NOOP("tideline::cli", "Packets:"), QString::number(summary.packets));
    line(QT_TRANSLATE_NOOP("tideline::cli", "Bytes:"),
         translated("%1 (%2 captured)").arg(summary.bytes).arg(summary.capturedBytes));
    line(QT_TRANSLATE_NOOP("tideline::cli", "First:"),
         any ? formatIsoUtc(summary.first) : QStringLiteral("-"));
    line(QT_TRANSLATE_NOOP("tideline::cli", "Last:"),
         any ? formatIsoUtc(summary.last) : QStringLiteral("-"));
    line(QT_TRANSLATE_NOOP("tideline::cli", "Duration:"),
         translated("%1 s").arg(QString::number(seconds(summary.duration()), 'f', 3)));
    line(QT_TRANSLATE_NOOP("tideline::cli", "Decoded:"), QString::number(summary.decoded));
    line(QT_TRANSLATE_NOOP("tideline::cli", "Undecoded:"), QString::number(summary.undecoded));
    line(QT_TRANSLATE_NOOP("tideline::cli", "Malformed:"), QString::number(summary.malformed));
    line(QT_TRANSLATE_NOOP("tideline::cli", "Backward timestamps:"),
         QString::number(summary.backwardTimestamps));
    line(QT_TRANSLATE_NOOP("tideline::cli", "Warnings:"), QString::number(summary.warnings.size()));
    for (const QString &warning : toStrings(summary.warnings))
        out() << QStringLiteral("  ") << warning << QLatin1Char('\n');
}

int summarizeCapture(const QString &path, bool json)
{
    const CaptureSummary summary = readCapture(path, nullptr);
    if (summary.error)
        return inputError(summary.error->toString());
    if (json)
        out() << QJsonDocument(captureJson(summary)).toJson(QJsonDocument::Indented);
    else
        printCaptureText(summary);
    return Success;
}

// TODO(records reader): summarize tables once core/records can read them.
int summarizeTable(const QString &path, bool)
{
    return inputError(translated("%1: not a pcap or pcapng capture; tables (CSV) are handled by "
                                 "the records reader, which summarize does not use yet")
                          .arg(QFileInfo(path).fileName()));
}

} // namespace

int runSummarize(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        translated("Packets, bytes, time span, link types, undecoded packets and problems of a "
                   "capture (pcap or pcapng, recognised by content, not by name)."));
    parser.addPositionalArgument(QStringLiteral("FILE"), translated("The file to summarize."));
    const QCommandLineOption json(QStringLiteral("json"),
                                  translated("Print one JSON object instead of text."));
    parser.addOption(json);
    if (const std::optional<int> status = parse(parser, arguments))
        return *status;
    QString path;
    if (!takeOnePositional(parser, path, QStringLiteral("FILE")))
        return UsageError;

    const QFileInfo info(path);
    if (!info.isFile() || !info.isReadable())
        return inputError(translated("%1: no such file, or not readable").arg(path));
    // Captures are recognised by their magic number; everything else is a table.
    if (looksLikeCapture(path))
        return summarizeCapture(path, parser.isSet(json));
    return summarizeTable(path, parser.isSet(json));
}

} // namespace tideline::cli
