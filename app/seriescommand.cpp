#include "cli.h"
#include "commands.h"
#include "common/binwidth.h"
#include "input/inputloader.h"
#include "loadprogress.h"
#include "prometheusoptions.h"
#include "series/seriescsv.h"

#include <QCoreApplication>

namespace tideline::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("tideline::cli", text);
}

} // namespace

// tideline series FILE [--bin W] [-o series.csv]
int runSeries(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Write one row per bin: its start time and every feature.") + QLatin1Char(' ') +
        PrometheusOptions::sourceHelp());
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 tr("A capture, a table or a prometheus+http(s):// URL."));
    const QCommandLineOption bin(QStringLiteral("bin"),
                                 tr("Bin width: 100ms, 1s, 10s, 1m, … (default: automatic)."),
                                 QStringLiteral("W"));
    const QCommandLineOption output({QStringLiteral("o"), QStringLiteral("output")},
                                    tr("Where to write the CSV (default: standard output)."),
                                    QStringLiteral("series.csv"));
    parser.addOption(bin);
    parser.addOption(output);
    const PrometheusOptions prometheus;
    prometheus.addTo(parser);
    if (const auto status = parse(parser, arguments))
        return *status;
    QString file;
    if (!takeOnePositional(parser, file, QStringLiteral("FILE")))
        return UsageError;

    LoadOptions options;
    if (const auto status = prometheus.read(parser, file, options.prometheus))
        return *status;
    if (parser.isSet(bin)) {
        const auto width = parseDuration(parser.value(bin));
        if (!width)
            return usageError(
                tr("--bin: '%1' is not a duration like 100ms, 1s or 1m").arg(parser.value(bin)));
        if (const QString problem = binwidth::widthProblem(*width); !problem.isEmpty())
            return usageError(tr("--bin: %1").arg(problem));
        options.binWidth = *width;
    }

    const LoadedInput input = loadInput(file, options, terminalProgress());
    if (input.error)
        return inputError(input.error->toString());
    for (const Diagnostic &warning : input.warnings)
        err() << tr("warning: ") << warning.toString() << Qt::endl;

    if (const auto failure = writeSeriesCsv(input.series, parser.value(output)))
        return inputError(*failure);
    return Success;
}

} // namespace tideline::cli
