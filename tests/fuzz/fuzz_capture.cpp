// libFuzzer target: bytes as a capture file → libpcap → the packet decoder → the flow table and
// the binner on two threads (as the command line and the workbench load captures) → the series
// at the automatic width and re-binned, and every drill-down a selection makes.

#include "input/inputloader.h"
#include "investigation/intervaldescriber.h"
#include "series/intervalcomparison.h"

#include <QCoreApplication>
#include <cstdint>
#include <sys/mman.h>
#include <unistd.h>

using namespace tideline;

namespace {

// libpcap and the capture sniffer read a path: an in-memory file gives them one without disk.
int inputFile()
{
    static const int fd = memfd_create("fuzz_capture", 0);
    return fd;
}

void drillDown(const Traffic &traffic, TimeNs binWidth, TimeNs from, TimeNs to)
{
    for (auto dimension : {traffic::Dimension::Source, traffic::Dimension::Destination,
                           traffic::Dimension::DestinationPort, traffic::Dimension::Protocol}) {
        for (const traffic::Tally &tally : traffic.top(dimension, from, to, 5))
            (void)traffic.keyText(dimension, tally.key);
    }
    (void)traffic.totals(from, to);
    for (std::uint32_t flow : traffic.flowsBetween(from, to)) {
        (void)traffic.addressText(traffic.flows()[flow].client);
        (void)traffic.addressText(traffic.flows()[flow].server);
    }
    Anomaly anomaly;
    anomaly.start = from;
    anomaly.end = to;
    IntervalDescriber(traffic, binWidth).describe(anomaly);
    (void)compareInterval(traffic, from, to);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const int fd = inputFile();
    if (fd < 0 || ftruncate(fd, 0) != 0 || pwrite(fd, data, size, 0) != ssize_t(size))
        return 0;
    const QString path = QStringLiteral("/proc/self/fd/%1").arg(fd);
    if (!looksLikeCapture(path))
        return 0; // tables have their own target
    const LoadedInput input = loadInput(path, LoadOptions{});
    if (!input.ok() || !input.traffic || input.series.rowCount() == 0)
        return 0;

    const Traffic &traffic = *input.traffic;
    const Series &series = input.series;
    drillDown(traffic, series.binWidth, traffic.first(), timeAfter(traffic.last(), 1));
    // The middle third of the rows, as a selection in the timeline would be.
    const qsizetype rows = series.rowCount();
    drillDown(traffic, series.binWidth, series.starts[std::size_t(rows / 3)],
              timeAfter(series.starts[std::size_t(rows - 1 - rows / 3)], series.binWidth));
    // Re-binning from memory, coarser and finer, where the kept base allows it (finer only up to
    // a few thousand rows: a series of a hundred thousand zero rows teaches the fuzzer nothing
    // and takes it a second).
    for (TimeNs width : {series.binWidth * 10, traffic.baseWidth()}) {
        if (canRebin(input, width) && traffic.rowsAt(width) <= 5000)
            (void)rebin(input, width);
    }
    return 0;
}

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    static QCoreApplication app(*argc, *argv);
    return 0;
}
