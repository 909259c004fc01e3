#include "cli.h"
#include "commands.h"
#include "evaluate/evaluation.h"
#include "evaluate/truth.h"
#include "export/anomaliescsv.h"
#include "export/scorescsv.h"
#include "series/tableloader.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLocale>
#include <cmath>

namespace tideline::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("tideline::cli", text);
}

QString ratio(double x)
{
    return std::isfinite(x) ? QLocale().toString(x, 'f', 3) : tr("n/a");
}

QString percent(double x)
{
    return std::isfinite(x) ? QStringLiteral("%1%").arg(QLocale().toString(x * 100.0, 'f', 0))
                            : tr("n/a");
}

// The first error among a reader's diagnostics, or an empty string.
QString firstError(const Diagnostics &diagnostics)
{
    for (const Diagnostic &d : diagnostics) {
        if (d.severity == Diagnostic::Severity::Error)
            return d.toString();
    }
    return {};
}

// The confusion matrix (rows: true class, columns: predicted) and each class's scores.
void printClasses(QTextStream &stream, const ConfusionMatrix &m)
{
    stream << tr("classes:   accuracy %1 over %2 rows (rows: true class, columns: predicted)\n")
                  .arg(ratio(m.accuracy))
                  .arg(m.rows);
    qsizetype width = 8;
    for (const QString &name : m.classes)
        width = std::max(width, name.size() + 1);
    stream << QString(width, QLatin1Char(' '));
    for (const QString &name : m.classes)
        stream << name.rightJustified(width);
    stream << '\n';
    for (std::size_t t = 0; t < m.counts.size(); ++t) {
        stream << m.classes[qsizetype(t)].leftJustified(width);
        for (qint64 count : m.counts[t])
            stream << QString::number(count).rightJustified(width);
        stream << '\n';
    }
    for (std::size_t c = 0; c < m.scores.size(); ++c) {
        const ConfusionMatrix::ClassScores &s = m.scores[c];
        stream << tr("%1 precision %2, recall %3, F1 %4 (%5 rows)\n")
                      .arg(m.classes[qsizetype(c)].leftJustified(width))
                      .arg(ratio(s.precision), ratio(s.recall), ratio(s.f1))
                      .arg(s.support);
    }
}

void printText(QTextStream &stream, const Evaluation &e, const QString &anomaliesPath,
               const QString &truthPath, const QString &scoresPath)
{
    const QString anomaliesName = QFileInfo(anomaliesPath).fileName();
    const QString truthName = QFileInfo(truthPath).fileName();
    stream << tr("truth:     %1 intervals (%2)\n").arg(e.events.truthIntervals).arg(truthName);
    stream
        << tr("detected:  %1 intervals (%2)\n").arg(e.events.detectedIntervals).arg(anomaliesName);
    stream << tr("events:    precision %1 (%2 of %3 detected intervals overlap the truth), "
                 "recall %4 (%5 of %6 truth intervals found), F1 %7\n")
                  .arg(ratio(e.events.precision))
                  .arg(e.events.detectedTrue)
                  .arg(e.events.detectedIntervals)
                  .arg(ratio(e.events.recall))
                  .arg(e.events.truthFound)
                  .arg(e.events.truthIntervals)
                  .arg(ratio(e.events.f1));
    QStringList missed;
    for (std::size_t i = 0; i < e.truth.size(); ++i) {
        if (!e.events.found[i])
            missed << QStringLiteral("%1 %2")
                          .arg(formatCsvTime(e.truth[i].start, e.times), e.truth[i].kind)
                          .trimmed();
    }
    // A label table can miss thousands of runs: name the first few and count the rest.
    constexpr qsizetype kMissedShown = 10;
    if (missed.size() > kMissedShown) {
        const qsizetype more = missed.size() - kMissedShown;
        missed.resize(kMissedShown);
        stream << tr("missed:    %1; … and %2 more\n")
                      .arg(missed.join(QStringLiteral("; ")))
                      .arg(more);
    } else if (!missed.isEmpty()) {
        stream << tr("missed:    %1\n").arg(missed.join(QStringLiteral("; ")));
    }
    for (std::size_t i = 0; i < e.truth.size(); ++i) {
        if (!e.events.found[i])
            continue;
        stream << tr("coverage:  %1 %2: %3 covered, %4 spill-over\n")
                      .arg(formatCsvTime(e.truth[i].start, e.times), e.truth[i].kind)
                      .arg(percent(e.events.coverage[i]), percent(e.events.spill[i]));
    }
    if (!e.hasRows)
        return;
    stream << tr("rows:      %1 in %2, %3 inside truth intervals\n")
                  .arg(e.rows)
                  .arg(QFileInfo(scoresPath).fileName())
                  .arg(e.positiveRows);
    if (e.hasFlags)
        stream << tr("bins:      precision %1, recall %2, F1 %3 (TP %4, FP %5, FN %6, TN %7)\n")
                      .arg(ratio(e.bins.precision), ratio(e.bins.recall), ratio(e.bins.f1))
                      .arg(e.bins.truePositives)
                      .arg(e.bins.falsePositives)
                      .arg(e.bins.falseNegatives)
                      .arg(e.bins.trueNegatives);
    stream << tr("ranking:   ROC AUC %1, PR AUC %2\n").arg(ratio(e.rocAuc), ratio(e.prAuc));
    if (e.classes)
        printClasses(stream, *e.classes);
}

// How an input file wrote its positions: unknown until a row has been read.
struct InputTimes
{
    QString path;
    std::optional<CsvTimes> form;
};

// Row numbers and times cannot be compared: an error naming two files that disagree, or an
// empty string.
QString mixedTimes(const std::vector<InputTimes> &inputs)
{
    const InputTimes *rows = nullptr;
    const InputTimes *times = nullptr;
    for (const InputTimes &input : inputs) {
        if (input.form == CsvTimes::RowNumbers && !rows)
            rows = &input;
        if (input.form == CsvTimes::Iso && !times)
            times = &input;
    }
    if (!rows || !times)
        return {};
    return tr("%1 numbers rows but %2 has times: they cannot be compared")
        .arg(rows->path, times->path);
}

} // namespace

// tideline evaluate anomalies.csv --truth truth.csv [--series NAME] [--scores scores.csv] [--json]
int runEvaluate(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Compare detected intervals (and per-row scores) with ground truth: event-level "
           "precision, recall and F1; with --scores also bin-level ones and ROC / PR AUC. A "
           "truth interval is found when a detected interval overlaps it; a row is positive "
           "when its timestamp falls inside a truth interval."));
    parser.addPositionalArgument(QStringLiteral("anomalies.csv"),
                                 tr("Detected intervals, as written by tideline detect."));
    const QCommandLineOption truth(
        QStringLiteral("truth"),
        tr("Truth intervals (start,end[,kind]), a per-row label table, or NAB's "
           "combined_windows.json."),
        QStringLiteral("truth.csv"));
    const QCommandLineOption series(
        QStringLiteral("series"),
        tr("With a combined_windows.json: whose windows to read (\"realKnownCause/nyc_taxi.csv\" "
           "or \"nyc_taxi\"); by default the one anomalies.csv is named after."),
        QStringLiteral("NAME"));
    const QCommandLineOption scores(QStringLiteral("scores"),
                                    tr("Per-row scores, as written by tideline detect --scores."),
                                    QStringLiteral("scores.csv"));
    const QCommandLineOption labelColumn(
        QStringLiteral("label-column"),
        tr("With scores of a supervised detector and a per-row label table as the truth: the "
           "column whose classes the predictions are compared with (default: found by name)."),
        QStringLiteral("COLUMN"));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print JSON instead of text."));
    parser.addOptions({truth, series, scores, labelColumn, json});
    if (const auto status = parse(parser, arguments))
        return *status;
    QString anomaliesPath;
    if (!takeOnePositional(parser, anomaliesPath, QStringLiteral("anomalies.csv")))
        return UsageError;
    if (!parser.isSet(truth))
        return usageError(tr("--truth truth.csv is required"));

    Diagnostics diagnostics;
    std::vector<InputTimes> inputs{
        {anomaliesPath, {}}, {parser.value(truth), {}}, {parser.value(scores), {}}};
    const auto anomalies = readAnomaliesCsv(anomaliesPath, diagnostics, &inputs[0].form);
    if (const QString error = firstError(diagnostics); !error.isEmpty() || !anomalies)
        return inputError(error);
    const QString seriesName = parser.isSet(series) ? parser.value(series) : anomaliesPath;
    const auto truthIntervals =
        readTruthFile(parser.value(truth), seriesName, diagnostics, &inputs[1].form);
    if (const QString error = firstError(diagnostics); !error.isEmpty() || !truthIntervals) {
        // NAB's windows are per series: say how to choose one the file name did not.
        const bool windows =
            parser.value(truth).endsWith(QLatin1String(".json"), Qt::CaseInsensitive);
        return inputError(windows && !parser.isSet(series)
                              ? tr("%1 (choose one with --series NAME)").arg(error)
                              : error);
    }
    std::optional<ScoresTable> scoreTable;
    if (parser.isSet(scores)) {
        scoreTable = readScoresCsv(parser.value(scores), diagnostics, &inputs[2].form);
        if (const QString error = firstError(diagnostics); !error.isEmpty() || !scoreTable)
            return inputError(error);
    }
    if (const QString error = mixedTimes(inputs); !error.isEmpty())
        return inputError(error);

    // A supervised detector's classes are compared row by row with a label table's own labels.
    QStringList rowLabels;
    if (scoreTable && !scoreTable->predicted.isEmpty() &&
        !parser.value(truth).endsWith(QLatin1String(".json"), Qt::CaseInsensitive)) {
        TableOptions options;
        options.labelColumn = parser.value(labelColumn);
        const TableLoadResult table = loadTable(parser.value(truth), options);
        if (table.error && parser.isSet(labelColumn))
            return inputError(table.error->toString());
        if (!table.error)
            rowLabels = table.series.labels;
    }
    Evaluation evaluation =
        evaluate(*truthIntervals, *anomalies, scoreTable ? &*scoreTable : nullptr, &rowLabels);
    evaluation.times = inputs[1].form.value_or(inputs[0].form.value_or(CsvTimes::Iso));
    if (parser.isSet(json)) {
        out() << QJsonDocument(toJson(evaluation)).toJson(QJsonDocument::Indented);
        return Success;
    }
    printText(out(), evaluation, anomaliesPath, parser.value(truth), parser.value(scores));
    return Success;
}

} // namespace tideline::cli
