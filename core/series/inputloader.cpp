#include "inputloader.h"

#include "capture/capturereader.h"
#include "series/trafficbinner.h"

#include <QCoreApplication>

namespace tideline {

namespace {

LoadedInput loadCapture(const QString &path, const LoadOptions &options,
                        const ProgressCallback &progress)
{
    LoadedInput input;
    input.path = path;
    input.kind = LoadedInput::Kind::Capture;

    TrafficBinner binner(options.binWidth);
    CaptureSummary summary = readCapture(path, &binner, progress);
    input.warnings = summary.warnings;
    input.error = summary.error;
    input.cancelled = summary.cancelled;
    auto traffic = std::make_shared<Traffic>(binner.finish());
    if (input.ok()) {
        const TimeNs width = options.binWidth > 0 ? options.binWidth : traffic->autoWidth();
        input.series = traffic->series(width);
        input.series.source = path;
    }
    input.capture = std::move(summary);
    input.traffic = std::move(traffic);
    return input;
}

} // namespace

LoadedInput loadInput(const QString &path, const LoadOptions &options,
                      const ProgressCallback &progress)
{
    if (looksLikeCapture(path))
        return loadCapture(path, options, progress);

    LoadedInput input;
    input.path = path;
    input.kind = LoadedInput::Kind::Table;
    Diagnostic error;
    error.severity = Diagnostic::Severity::Error;
    error.file = path;
    error.message = QCoreApplication::translate("tideline", "not a pcap or pcapng capture");
    input.error = error;
    return input;
}

std::optional<Series> rebin(const LoadedInput &input, TimeNs width)
{
    if (!input.traffic || !input.traffic->canBinAt(width))
        return std::nullopt;
    Series series = input.traffic->series(width);
    series.source = input.path;
    return series;
}

} // namespace tideline
