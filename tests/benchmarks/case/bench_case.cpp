// Reopening a case against loading its capture: the case keeps the binned series and the
// drill-down tallies, so reopening reads a few blobs instead of every packet. Reopening is what
// the window waits for: reading the file, then restoring the investigation (its anomaly table,
// kinds and summaries included), as `tideline case show` and File > Open Case do.
//
//   bench_case CAPTURE CASE [--repeat N]
//
// Prints the best of N (default 3) of each, and the ratio. Both are measured warm (the files in
// the page cache after the first round), as a user reopening their work would find them.

#include "case/casefile.h"
#include "investigation/investigation.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <cstdio>

using namespace tideline;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    if (arguments.size() < 3) {
        std::fprintf(stderr, "usage: bench_case CAPTURE CASE [--repeat N]\n");
        return 2;
    }
    const QString capture = arguments[1];
    const QString casePath = arguments[2];
    int repeat = 3;
    const qsizetype r = arguments.indexOf(QStringLiteral("--repeat"));
    if (r > 0 && r + 1 < arguments.size())
        repeat = std::max(1, arguments[r + 1].toInt());

    double bestLoad = 1e300;
    double bestReopen = 1e300;
    double bestRead = 1e300;
    double bestRestore = 1e300;
    double bestRecipe = 1e300;
    qint64 packets = 0;
    qsizetype rows = 0;
    std::size_t flows = 0;
    std::size_t anomalies = 0;
    for (int i = 0; i < repeat; ++i) {
        QElapsedTimer timer;
        timer.start();
        const LoadedInput input = loadInput(capture, {});
        const double load = double(timer.nsecsElapsed()) / 1e9;
        if (!input.ok()) {
            std::fprintf(
                stderr, "%s\n",
                qPrintable(input.error ? input.error->toString() : QStringLiteral("cancelled")));
            return 1;
        }
        packets = input.capture ? input.capture->packets : 0;
        bestLoad = std::min(bestLoad, load);

        timer.restart();
        QString error;
        std::optional<CaseContents> contents = CaseFile::read(casePath, &error);
        const double read = double(timer.nsecsElapsed()) / 1e9;
        if (!contents) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
        rows = contents->input->series.rowCount();
        flows = contents->input->traffic ? contents->input->traffic->flows().size() : 0;
        timer.restart();
        Investigation investigation;
        investigation.restore(contents->input, std::move(contents->runs), contents->currentRun,
                              std::move(contents->annotations), contents->described);
        const double restore = double(timer.nsecsElapsed()) / 1e9;
        anomalies = investigation.rows().size();
        bestRead = std::min(bestRead, read);
        bestRestore = std::min(bestRestore, restore);
        timer.restart();
        if (!CaseFile::readRecipe(casePath, &error)) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
        bestRecipe = std::min(bestRecipe, double(timer.nsecsElapsed()) / 1e9);
        bestReopen = std::min(bestReopen, read + restore);
    }
    std::printf("capture: %s, %lld packets, %.1f MB\n", qPrintable(capture),
                static_cast<long long>(packets), double(QFileInfo(capture).size()) / 1e6);
    std::printf("case:    %s, %.1f MB (%lld bins, %zu flows, %zu anomalies)\n",
                qPrintable(casePath), double(QFileInfo(casePath).size()) / 1e6,
                static_cast<long long>(rows), flows, anomalies);
    std::printf("load capture  %8.3f s (best of %d)\n", bestLoad, repeat);
    std::printf("  read case   %8.3f s\n", bestRead);
    std::printf("  restore     %8.3f s (the investigation and its anomaly table)\n", bestRestore);
    std::printf("reopen case   %8.3f s (best of %d)\n", bestReopen, repeat);
    std::printf("ratio         %8.1f x faster\n", bestLoad / bestReopen);
    std::printf("read its run  %8.3f s (what detect --case reads)\n", bestRecipe);
    return 0;
}
