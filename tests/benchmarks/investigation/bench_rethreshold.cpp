// What moving the threshold costs the Investigation (the anomaly table's rows, their nearby rows
// and their descriptions) when the threshold is low enough to give thousands of intervals:
//
//   bench_rethreshold CAPTURE [--bin SECONDS] [--percentile P] [--low P] [--repeat N]
//
// Trains robust_z at the P-th percentile (default 99), then moves the threshold to the LOW-th
// (default 60) and prints, best of N (default 3):
//   first move    rows described for the first time (the new intervals read the traffic);
//   cached move   the same move again, every description known: what is left is building the
//                 rows and finding each row's nearby rows.
//   later move    the first move as the window makes it (Investigation::setDescribeLater): the
//                 new rows wait for their descriptions, which are then made off the GUI thread
//                 (the time that takes is printed too).

#include "investigation/investigation.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <cstdio>
#include <limits>

using namespace tideline;

namespace {

double argument(const QStringList &arguments, const QString &name, double fallback)
{
    const qsizetype i = arguments.indexOf(name);
    return i > 0 && i + 1 < arguments.size() ? arguments[i + 1].toDouble() : fallback;
}

ThresholdSettings atPercentile(double percentile)
{
    ThresholdSettings settings;
    settings.rule = ThresholdRule::percentile(percentile);
    return settings;
}

double seconds(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e9;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    if (arguments.size() < 2) {
        std::fprintf(stderr, "usage: bench_rethreshold CAPTURE [--bin SECONDS] [--percentile P] "
                             "[--low P] [--repeat N]\n");
        return 2;
    }
    LoadOptions load;
    load.binWidth = TimeNs(argument(arguments, QStringLiteral("--bin"), 1) * 1e9);
    const double high = argument(arguments, QStringLiteral("--percentile"), 99);
    const double low = argument(arguments, QStringLiteral("--low"), 60);
    const int repeat = std::max(1, int(argument(arguments, QStringLiteral("--repeat"), 3)));

    const auto input = std::make_shared<const LoadedInput>(loadInput(arguments[1], load));
    if (!input->ok()) {
        std::fprintf(
            stderr, "%s\n",
            qPrintable(input->error ? input->error->toString() : QStringLiteral("cancelled")));
        return 1;
    }
    DetectionOptions options;
    options.detector = QStringLiteral("robust_z");
    options.threshold = atPercentile(high);
    const DetectionResult trained = runDetection(input->series, options, {});
    if (!trained.status.ok()) {
        std::fprintf(stderr, "%s\n", qPrintable(trained.status.message));
        return 1;
    }

    double bestFirst = 1e300;
    double bestCached = 1e300;
    double bestLater = 1e300;
    double bestBackground = 1e300;
    std::size_t highRows = 0;
    std::size_t lowRows = 0;
    for (int r = 0; r < repeat; ++r) {
        Investigation investigation;
        investigation.setInput(input);
        investigation.addRun(options, std::make_shared<DetectionResult>(trained));
        highRows = investigation.rows().size();
        QElapsedTimer timer;
        timer.start();
        investigation.setThresholdSettings(atPercentile(low));
        bestFirst = std::min(bestFirst, seconds(timer));
        lowRows = investigation.rows().size();
        investigation.setThresholdSettings(atPercentile(high));
        timer.restart();
        investigation.setThresholdSettings(atPercentile(low));
        bestCached = std::min(bestCached, seconds(timer));

        Investigation later;
        later.setDescribeLater(true);
        later.setInput(input);
        later.addRun(options, std::make_shared<DetectionResult>(trained));
        later.describePending(false);
        timer.restart();
        later.setThresholdSettings(atPercentile(low));
        bestLater = std::min(bestLater, seconds(timer));
        const Investigation::DescriptionWork work = later.pendingDescriptions();
        timer.restart();
        const std::vector<Anomaly> described =
            work.describe({}, std::numeric_limits<qint64>::max());
        bestBackground = std::min(bestBackground, seconds(timer));
        later.takeDescriptions(work, described);
        if (later.isDescribing()) {
            std::fprintf(stderr, "rows left undescribed\n");
            return 1;
        }
    }
    std::printf("capture: %s, %lld bins of %.3g s\n", qPrintable(arguments[1]),
                static_cast<long long>(input->series.rowCount()),
                double(input->series.binWidth) / 1e9);
    std::printf("rows: %zu at the %gth percentile, %zu at the %gth\n", highRows, high, lowRows,
                low);
    std::printf("first move   %8.3f s (best of %d; new intervals described)\n", bestFirst, repeat);
    std::printf("cached move  %8.3f s (every description known)\n", bestCached);
    std::printf("later move   %8.3f s on the GUI thread, then %.3f s describing off it\n",
                bestLater, bestBackground);
    return 0;
}
