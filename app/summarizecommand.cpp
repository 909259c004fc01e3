// `tideline summarize FILE [--json]`: what is in a file before anything is binned or trained.
//
// The --json object is a contract for scripts. For captures its keys are: file, format
// ("pcap" | "pcapng"), timestamp_precision ("micro" | "nano" | "other" | "unknown"),
// link_types (object: libpcap link-type name → packets), packets, bytes (wire), captured_bytes,
// first and last (ISO 8601 UTC with ms, null without packets), duration_s, decoded, undecoded,
// malformed, backward_timestamps, warnings (list of strings). For tables: file, format
// ("table"), syntax ("csv" | "json" | "json lines" | "zeek" | "nfdump"), flavour ("aggregate" |
// "nfstream" | "cicflowmeter" | "wireshark" | "flows" | "packets" | "metrics" | "untimed"), rows,
// skipped_rows, columns, label_column and time_column (null when absent), first, last, duration_s,
// warnings (the file's problems with line and column). For a prometheus+http(s):// source (read
// with --query, --start, --end, --step): url, format
// ("prometheus"), queries (NAME=PROMQL), first, last, step_s, rows, requests, bytes, seconds,
// features (name, query, labels, points, gaps each), warnings.

#include "capture/captureformat.h"
#include "capture/capturereader.h"
#include "cli.h"
#include "commands.h"
#include "common/timeutil.h"
#include "input/inputloader.h"
#include "loadprogress.h"
#include "prometheusoptions.h"
#include "series/tableloader.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <sys/stat.h>

namespace tideline::cli {

namespace {

// lupdate cannot see what is passed here: callers mark each literal with
// QT_TRANSLATE_NOOP("tideline::cli", ...) so it is extracted under the context used at run time.
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
        linkTypes << translated(QT_TRANSLATE_NOOP("tideline::cli", "%1 (%2 packets)"))
                         .arg(linkType.name)
                         .arg(linkType.packets);
    const bool any = summary.packets > 0;

    line(QT_TRANSLATE_NOOP("tideline::cli", "File:"), summary.file);
    line(QT_TRANSLATE_NOOP("tideline::cli", "Format:"),
         translated(QT_TRANSLATE_NOOP("tideline::cli", "%1, %2 timestamps"))
             .arg(formatName(summary.type.format), precisionName(summary.type.precision)));
    line(QT_TRANSLATE_NOOP("tideline::cli", "Link types:"), linkTypes.join(QStringLiteral(", ")));
    line(QT_TRANSLATE_NOOP("tideline::cli", "Packets:"), QString::number(summary.packets));
    line(QT_TRANSLATE_NOOP("tideline::cli", "Bytes:"),
         translated(QT_TRANSLATE_NOOP("tideline::cli", "%1 (%2 captured)"))
             .arg(summary.bytes)
             .arg(summary.capturedBytes));
    line(QT_TRANSLATE_NOOP("tideline::cli", "First:"),
         any ? formatIsoUtc(summary.first) : QStringLiteral("-"));
    line(QT_TRANSLATE_NOOP("tideline::cli", "Last:"),
         any ? formatIsoUtc(summary.last) : QStringLiteral("-"));
    line(QT_TRANSLATE_NOOP("tideline::cli", "Duration:"),
         translated(QT_TRANSLATE_NOOP("tideline::cli", "%1 s"))
             .arg(QString::number(seconds(summary.duration()), 'f', 3)));
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

QJsonValue textOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

// The loader's diagnostics include the file-level warnings and each row problem.
QStringList tableWarnings(const TableLoadResult &loaded)
{
    return toStrings(loaded.diagnostics);
}

QJsonObject tableJson(const TableLoadResult &loaded)
{
    const TableSummary &summary = loaded.summary;
    const auto time = [](const std::optional<TimeNs> &t) {
        return t ? QJsonValue(formatIsoUtc(*t)) : QJsonValue();
    };
    const double duration = summary.firstTime && summary.lastTime
                                ? seconds(*summary.lastTime - *summary.firstTime)
                                : 0.0;
    return {
        {QStringLiteral("file"), summary.file},
        {QStringLiteral("format"), QStringLiteral("table")},
        {QStringLiteral("syntax"), summary.syntax},
        {QStringLiteral("flavour"), flavourName(summary.flavour)},
        {QStringLiteral("rows"), summary.rows},
        {QStringLiteral("skipped_rows"), summary.skippedRows},
        {QStringLiteral("columns"), summary.columns},
        {QStringLiteral("label_column"), textOrNull(summary.labelColumn)},
        {QStringLiteral("time_column"), textOrNull(summary.timeColumn)},
        {QStringLiteral("first"), time(summary.firstTime)},
        {QStringLiteral("last"), time(summary.lastTime)},
        {QStringLiteral("duration_s"), duration},
        {QStringLiteral("warnings"), QJsonArray::fromStringList(tableWarnings(loaded))},
    };
}

void printTableText(const TableLoadResult &loaded)
{
    const TableSummary &summary = loaded.summary;
    const auto line = [](const char *label, const QString &value) {
        out() << QStringLiteral("%1 %2\n").arg(translated(label), -20).arg(value);
    };
    const auto time = [](const std::optional<TimeNs> &t) {
        return t ? formatIsoUtc(*t) : QStringLiteral("-");
    };
    const QString none = QStringLiteral("-");
    line(QT_TRANSLATE_NOOP("tideline::cli", "File:"), summary.file);
    line(QT_TRANSLATE_NOOP("tideline::cli", "Format:"),
         summary.syntax == u"csv" ? translated(QT_TRANSLATE_NOOP("tideline::cli", "table, %1"))
                                        .arg(flavourName(summary.flavour))
                                  : translated(QT_TRANSLATE_NOOP("tideline::cli", "table (%1), %2"))
                                        .arg(summary.syntax, flavourName(summary.flavour)));
    line(QT_TRANSLATE_NOOP("tideline::cli", "Rows:"),
         translated(QT_TRANSLATE_NOOP("tideline::cli", "%1 (%2 skipped)"))
             .arg(summary.rows)
             .arg(summary.skippedRows));
    line(QT_TRANSLATE_NOOP("tideline::cli", "Columns:"), QString::number(summary.columns));
    line(QT_TRANSLATE_NOOP("tideline::cli", "Time column:"),
         summary.timeColumn.isEmpty() ? none : summary.timeColumn);
    line(QT_TRANSLATE_NOOP("tideline::cli", "Label column:"),
         summary.labelColumn.isEmpty() ? none : summary.labelColumn);
    line(QT_TRANSLATE_NOOP("tideline::cli", "First:"), time(summary.firstTime));
    line(QT_TRANSLATE_NOOP("tideline::cli", "Last:"), time(summary.lastTime));
    const QStringList warnings = tableWarnings(loaded);
    line(QT_TRANSLATE_NOOP("tideline::cli", "Warnings:"), QString::number(warnings.size()));
    for (const QString &warning : warnings)
        out() << QStringLiteral("  ") << warning << QLatin1Char('\n');
}

int summarizeTable(const QString &path, bool json)
{
    const TableLoadResult loaded = loadTable(path);
    if (loaded.error)
        return inputError(loaded.error->toString());
    if (json)
        out() << QJsonDocument(tableJson(loaded)).toJson(QJsonDocument::Indented);
    else
        printTableText(loaded);
    return Success;
}

void printPrometheusText(const PrometheusSummary &summary)
{
    const auto line = [](const char *label, const QString &value) {
        out() << QStringLiteral("%1 %2\n").arg(translated(label), -20).arg(value);
    };
    line(QT_TRANSLATE_NOOP("tideline::cli", "Source:"), summary.url);
    line(QT_TRANSLATE_NOOP("tideline::cli", "Format:"),
         translated(QT_TRANSLATE_NOOP("tideline::cli", "Prometheus HTTP API")));
    for (const QString &query : summary.queries)
        line(QT_TRANSLATE_NOOP("tideline::cli", "Query:"), query);
    line(QT_TRANSLATE_NOOP("tideline::cli", "First:"), formatIsoUtc(summary.start));
    line(QT_TRANSLATE_NOOP("tideline::cli", "Last:"), formatIsoUtc(summary.end));
    line(QT_TRANSLATE_NOOP("tideline::cli", "Step:"), formatDuration(summary.step));
    line(QT_TRANSLATE_NOOP("tideline::cli", "Rows:"), QString::number(summary.rows));
    line(QT_TRANSLATE_NOOP("tideline::cli", "Requests:"),
         translated(QT_TRANSLATE_NOOP("tideline::cli", "%1 (%2 bytes in %3 s)"))
             .arg(summary.requests)
             .arg(summary.bytes)
             .arg(QString::number(summary.seconds, 'f', 3)));
    line(QT_TRANSLATE_NOOP("tideline::cli", "Features:"), QString::number(summary.features.size()));
    for (const PrometheusSummary::Feature &feature : summary.features)
        out() << QStringLiteral("  %1  %2  ").arg(feature.name, feature.labels)
              << translated(QT_TRANSLATE_NOOP("tideline::cli", "%1 points, %2 gaps"))
                     .arg(feature.points)
                     .arg(feature.gaps)
              << QLatin1Char('\n');
    line(QT_TRANSLATE_NOOP("tideline::cli", "Warnings:"), QString::number(summary.warnings.size()));
    for (const QString &warning : summary.warnings)
        out() << QStringLiteral("  ") << warning << QLatin1Char('\n');
}

int summarizePrometheus(const QString &url, const LoadOptions &options, bool json)
{
    const LoadedInput input = loadInput(url, options, terminalProgress());
    if (input.error)
        return inputError(input.error->toString());
    if (json)
        out() << QJsonDocument(input.prometheus->toJson()).toJson(QJsonDocument::Indented);
    else
        printPrometheusText(*input.prometheus);
    return Success;
}

} // namespace

int runSummarize(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        translated(QT_TRANSLATE_NOOP(
            "tideline::cli",
            "Packets, bytes, time span, link types, undecoded packets and problems of a "
            "capture (pcap or pcapng, recognised by content, not by name), or the "
            "flavour, rows, time and label columns of a table.")) +
        QLatin1Char(' ') + PrometheusOptions::sourceHelp());
    parser.addPositionalArgument(
        QStringLiteral("FILE"),
        translated(QT_TRANSLATE_NOOP("tideline::cli", "The file to summarize.")));
    const QCommandLineOption json(
        QStringLiteral("json"),
        translated(QT_TRANSLATE_NOOP("tideline::cli", "Print one JSON object instead of text.")));
    parser.addOption(json);
    const PrometheusOptions prometheus;
    prometheus.addTo(parser);
    if (const std::optional<int> status = parse(parser, arguments))
        return *status;
    QString path;
    if (!takeOnePositional(parser, path, QStringLiteral("FILE")))
        return UsageError;
    LoadOptions options;
    if (const auto status = prometheus.read(parser, path, options.prometheus))
        return *status;
    if (PrometheusSource::isSourceUrl(path))
        return summarizePrometheus(path, options, parser.isSet(json));

    const QFileInfo info(path);
    if (!info.exists())
        return inputError(
            translated(QT_TRANSLATE_NOOP("tideline::cli", "%1: no such file")).arg(path));
    if (info.isDir())
        return inputError(translated(QT_TRANSLATE_NOOP("tideline::cli",
                                                       "%1: is a folder, not a capture or a table"))
                              .arg(path));
    // QFileInfo calls a device a file: ask the file system what it is.
    struct stat status = {};
    const bool regular =
        ::stat(QFile::encodeName(path).constData(), &status) == 0 && S_ISREG(status.st_mode);
    if (!info.isFile() || !regular)
        return inputError(translated(QT_TRANSLATE_NOOP("tideline::cli",
                                                       "%1: is not a regular file (a device, "
                                                       "pipe or socket), not a capture or a table"))
                              .arg(path));
    if (!info.isReadable())
        return inputError(
            translated(QT_TRANSLATE_NOOP("tideline::cli", "%1: cannot be read (permission denied)"))
                .arg(path));
    // Captures are recognised by their magic number; everything else is a table.
    if (looksLikeCapture(path))
        return summarizeCapture(path, parser.isSet(json));
    return summarizeTable(path, parser.isSet(json));
}

} // namespace tideline::cli
