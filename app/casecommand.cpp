#include "case/casefile.h"
#include "cli.h"
#include "commands.h"
#include "export/anomaliescsv.h"

#include <QCoreApplication>
#include <QDir>

namespace tideline::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("tideline::cli", text);
}

// `arguments` as parse() expects them: the program, then "case SUBCOMMAND" as the command.
QStringList subcommandArguments(const QStringList &arguments)
{
    QStringList result = arguments.mid(3);
    result.prepend(arguments.value(1) + QLatin1Char(' ') + arguments.value(2));
    result.prepend(arguments.value(0));
    return result;
}

std::optional<CaseContents> readCase(const QString &path)
{
    QString error;
    std::optional<CaseContents> contents = CaseFile::read(path, &error);
    if (!contents)
        inputError(error);
    return contents;
}

QString originText(InvestigationRow::Origin origin)
{
    switch (origin) {
    case InvestigationRow::Origin::Detected:
        return QString();
    case InvestigationRow::Origin::Manual:
        return tr(" (manual)");
    case InvestigationRow::Origin::Detached:
        return tr(" (detached: no interval of the current run overlaps it)");
    }
    return QString();
}

int show(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("What a case holds: its source, runs and annotations."));
    parser.addPositionalArgument(QStringLiteral("CASE"), tr("A case file (.tideline)."));
    if (const auto status = parse(parser, arguments))
        return *status;
    QString path;
    if (!takeOnePositional(parser, path, QStringLiteral("CASE")))
        return UsageError;
    const std::optional<CaseContents> contents = readCase(path);
    if (!contents)
        return InputError;
    Investigation investigation;
    investigation.restore(contents->input, contents->runs, contents->currentRun,
                          contents->annotations, contents->described);
    const Series &series = contents->input->series;
    QTextStream &stream = out();
    stream << tr("Case %1 (written by Tideline %2)")
                  .arg(QDir::toNativeSeparators(path), contents->writtenBy)
           << '\n';
    stream << tr("Source: %1\n  %2 bytes, SHA-256 %3%4")
                  .arg(QDir::toNativeSeparators(contents->source.path))
                  .arg(contents->source.size)
                  .arg(QString::fromLatin1(contents->source.sha256),
                       QFileInfo::exists(contents->source.path) ? QString()
                                                                : tr(" (not found there now)"))
           << '\n';
    stream << tr("Series: %1 rows × %2 features, bins of %3%4")
                  .arg(series.rowCount())
                  .arg(series.features.size())
                  .arg(series.binWidth > 0 ? formatDuration(series.binWidth)
                                           : tr("the file's rows"))
                  .arg(contents->input->traffic ? tr(", with drill-down tallies") : QString())
           << '\n';
    stream << tr("Runs: %1").arg(contents->runs.size()) << '\n';
    for (const DetectorRun &run : contents->runs) {
        const DetectionResult &result = *run.result;
        stream << QStringLiteral(
                      "  #%1%2 %3 seed %4, bins of %5, threshold %6 = %7, %8 interval(s)")
                      .arg(run.id)
                      .arg(run.id == contents->currentRun ? QStringLiteral(" (current)")
                                                          : QString())
                      .arg(result.model.detector)
                      .arg(run.options.seed)
                      .arg(formatDuration(run.binWidth))
                      .arg(result.thresholdDescription())
                      .arg(result.threshold, 0, 'g', 6)
                      .arg(result.intervals.size())
               << '\n';
    }
    stream << tr("Annotations: %1").arg(contents->annotations.size()) << '\n';
    stream << tr("Anomalies: %1 (%2 marked)")
                  .arg(investigation.rows().size())
                  .arg(investigation.markedAnomalies().size())
           << '\n';
    const bool time = series.axis == Series::Axis::Time;
    for (const InvestigationRow &row : investigation.rows()) {
        const Anomaly &a = row.anomaly;
        stream << QStringLiteral("  %1 %2 – %3 %4 peak %5%6%7%8")
                      .arg(a.marked ? QStringLiteral("[x]") : QStringLiteral("[ ]"))
                      .arg(time ? formatIsoUtc(a.start) : QString::number(a.start))
                      .arg(time ? formatIsoUtc(a.end) : QString::number(a.end))
                      .arg(a.detector)
                      .arg(a.peakScore, 0, 'g', 4)
                      .arg(a.label.isEmpty() ? QString() : QStringLiteral(" label: ") + a.label)
                      .arg(a.note.isEmpty() ? QString() : QStringLiteral(" note: ") + a.note)
                      .arg(originText(row.origin))
               << '\n';
    }
    return Success;
}

int exportCase(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Write a case's marked anomalies as the window's File ▸ Export does."));
    parser.addPositionalArgument(QStringLiteral("CASE"), tr("A case file (.tideline)."));
    const QCommandLineOption output({QStringLiteral("o"), QStringLiteral("output")},
                                    tr("Where to write the CSV (required)."),
                                    QStringLiteral("marked.csv"));
    const QCommandLineOption all(QStringLiteral("all"),
                                 tr("Every anomaly of the case, not only the marked ones."));
    parser.addOptions({output, all});
    if (const auto status = parse(parser, arguments))
        return *status;
    QString path;
    if (!takeOnePositional(parser, path, QStringLiteral("CASE")))
        return UsageError;
    if (!parser.isSet(output))
        return usageError(tr("-o marked.csv is required"));
    const std::optional<CaseContents> contents = readCase(path);
    if (!contents)
        return InputError;
    Investigation investigation;
    investigation.restore(contents->input, contents->runs, contents->currentRun,
                          contents->annotations, contents->described);
    const AnomalySelection which =
        parser.isSet(all) ? AnomalySelection::All : AnomalySelection::Marked;
    QString error;
    if (!writeInvestigationCsv(parser.value(output), investigation, which, &error))
        return inputError(error);
    const std::size_t written = which == AnomalySelection::All
                                    ? investigation.rows().size()
                                    : investigation.markedAnomalies().size();
    err() << QCoreApplication::translate("tideline::cli", "%n anomaly(s) written", nullptr,
                                         int(written))
          << Qt::endl;
    return Success;
}

} // namespace

// tideline case show CASE | tideline case export CASE -o marked.csv
int runCase(const QStringList &arguments)
{
    const QString subcommand = arguments.value(2);
    if (subcommand == u"show")
        return show(subcommandArguments(arguments));
    if (subcommand == u"export")
        return exportCase(subcommandArguments(arguments));
    const QString usage = tr("Usage: tideline case show CASE\n"
                             "       tideline case export CASE -o marked.csv [--all]\n");
    if (subcommand == u"-h" || subcommand == u"--help") {
        out() << usage;
        return Success;
    }
    err() << usage;
    return UsageError;
}

} // namespace tideline::cli
