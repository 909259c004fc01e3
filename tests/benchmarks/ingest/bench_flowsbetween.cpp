// Finding the flows of an interval (the inspector's Flows tab): Traffic::flowsBetween, through
// its index by time, against a scan of every flow, on random intervals of a few widths.
// Printed per width: the flows found on average, microseconds per query both ways, the ratio.
//
//     bench_flowsbetween CAPTURE [--queries N]

#include "input/inputloader.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>
#include <random>

using namespace tideline;

namespace {

std::vector<std::uint32_t> scan(const FlowList &flows, TimeNs from, TimeNs to)
{
    std::vector<std::uint32_t> found;
    for (std::size_t i = 0; i < flows.size(); ++i) {
        if (flows[i].first < to && flows[i].last >= from)
            found.push_back(std::uint32_t(i));
    }
    return found;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const QStringList arguments = app.arguments();
    if (arguments.size() < 2) {
        QTextStream(stderr) << "usage: bench_flowsbetween CAPTURE [--queries N]\n";
        return 2;
    }
    const qsizetype at = arguments.indexOf(QStringLiteral("--queries"));
    const int queries = at > 0 && at + 1 < arguments.size() ? arguments[at + 1].toInt() : 200;

    QElapsedTimer timer;
    timer.start();
    const LoadedInput input = loadInput(arguments[1], {});
    if (!input.ok() || !input.traffic) {
        QTextStream(stderr) << "not a capture: " << arguments[1] << '\n';
        return 1;
    }
    const Traffic &traffic = *input.traffic;
    out << "loaded " << traffic.flows().size() << " flows in " << timer.elapsed() << " ms\n";

    // Building the index alone, as the Traffic constructor does.
    timer.restart();
    const FlowTimeIndex index(traffic.flows());
    out << "index built in " << double(timer.nsecsElapsed()) / 1e6 << " ms, "
        << index.memoryBytes() / 1024 << " KiB\n";

    const TimeNs span = std::max<TimeNs>(1, traffic.last() - traffic.first());
    std::mt19937_64 random(1);
    for (const double fraction : {0.0001, 0.001, 0.01, 0.1}) {
        const auto width = TimeNs(double(span) * fraction);
        std::uniform_int_distribution<TimeNs> start(traffic.first(), traffic.last() - width);
        std::vector<std::pair<TimeNs, TimeNs>> ranges;
        for (int q = 0; q < queries; ++q) {
            const TimeNs from = start(random);
            ranges.emplace_back(from, from + width);
        }
        std::size_t found = 0;
        timer.restart();
        for (const auto &[from, to] : ranges)
            found += traffic.flowsBetween(from, to).size();
        const double indexed = double(timer.nsecsElapsed()) / 1e3 / queries;
        std::size_t scanned = 0;
        timer.restart();
        for (const auto &[from, to] : ranges)
            scanned += scan(traffic.flows(), from, to).size();
        const double linear = double(timer.nsecsElapsed()) / 1e3 / queries;
        if (found != scanned) {
            QTextStream(stderr) << "index and scan disagree\n";
            return 1;
        }
        out << "width " << fraction * 100 << "% of the capture: " << found / queries
            << " flows per query, index " << indexed << " us, scan " << linear << " us, "
            << linear / indexed << "x\n";
    }
    return 0;
}
