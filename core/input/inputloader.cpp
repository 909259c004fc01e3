#include "inputloader.h"

#include "capture/capturereader.h"
#include "common/binwidth.h"
#include "common/translate.h"
#include "remote/prometheusclient.h"
#include "series/tableloader.h"
#include "series/trafficbinner.h"

namespace tideline {

namespace {

Diagnostic failure(const QString &path, const QString &message)
{
    Diagnostic d;
    d.severity = Diagnostic::Severity::Error;
    d.file = path;
    d.message = message;
    return d;
}

LoadedInput loadCapture(const QString &path, const LoadOptions &options,
                        const ProgressCallback &progress)
{
    LoadedInput input;
    input.path = path;
    input.kind = LoadedInput::Kind::Capture;

    // Reading, decoding and flows on this thread, bins on a second one.
    TrafficBinner binner(options.binWidth, TrafficBinner::kDefaultBinBudget,
                         TrafficBinner::Threads::Two);
    CaptureSummary summary = readCapture(path, &binner, progress);
    input.warnings = summary.warnings;
    input.error = summary.error;
    input.cancelled = summary.cancelled;
    auto traffic = std::make_shared<Traffic>(binner.finish());
    if (input.ok()) {
        const TimeNs width = options.binWidth > 0 ? options.binWidth : traffic->autoWidth();
        if (traffic->rowsAt(width) > binwidth::kMaxBins) {
            input.error = failure(path, binwidth::tooManyBins(width));
        } else {
            input.series = traffic->series(width);
            input.series.source = path;
        }
    }
    input.capture = std::move(summary);
    input.traffic = std::move(traffic);
    return input;
}

LoadedInput loadPrometheus(const QString &url, const LoadOptions &options,
                           const ProgressCallback &progress)
{
    LoadedInput input;
    input.path = url;
    input.kind = LoadedInput::Kind::Prometheus;
    PrometheusSource source = options.prometheus;
    QString problem;
    const std::optional<QUrl> base = PrometheusSource::baseUrlOf(url, &problem);
    if (!base) {
        input.error = failure(url, problem);
        return input;
    }
    source.baseUrl = *base;
    if (options.binWidth != 0 && options.binWidth != source.step) {
        input.error = failure(url, tr("the rows of a Prometheus source are its query steps: ask "
                                      "for a step of %1 instead of bins")
                                       .arg(formatDuration(options.binWidth)));
        return input;
    }
    PrometheusResult result = PrometheusClient::read(source, progress);
    input.path = result.summary.url;
    // No file name in these: Diagnostic shows a file's name only, and the error names the
    // server already.
    for (const QString &warning : result.summary.warnings) {
        Diagnostic d;
        d.message = warning;
        input.warnings.push_back(d);
    }
    if (!result.error.isEmpty())
        input.error = failure({}, result.error);
    input.cancelled = result.cancelled;
    input.series = std::move(result.series);
    input.prometheus = std::move(result.summary);
    return input;
}

} // namespace

LoadedInput loadInput(const QString &path, const LoadOptions &options,
                      const ProgressCallback &progress)
{
    if (options.binWidth != 0) {
        if (const QString problem = binwidth::widthProblem(options.binWidth); !problem.isEmpty()) {
            LoadedInput input;
            input.path = path;
            input.error = failure(path, problem);
            return input;
        }
    }
    if (PrometheusSource::isSourceUrl(path))
        return loadPrometheus(path, options, progress);
    if (looksLikeCapture(path))
        return loadCapture(path, options, progress);

    LoadedInput input;
    input.path = path;
    input.kind = LoadedInput::Kind::Table;
    TableOptions table = options.table;
    table.binWidth = options.binWidth;
    TableLoadResult loaded = loadTable(path, table, progress);
    input.series = std::move(loaded.series);
    input.series.source = path;
    input.warnings = std::move(loaded.diagnostics);
    input.error = std::move(loaded.error);
    input.cancelled = loaded.cancelled;
    input.table = std::move(loaded.summary);
    input.traffic = std::move(loaded.drillDown.traffic);
    input.records = std::move(loaded.drillDown.records);
    return input;
}

bool hasChoosableBinWidth(const LoadedInput &input)
{
    const bool binnedHere =
        input.traffic || (input.table && (input.table->flavour == TableFlavour::Nfstream ||
                                          input.table->flavour == TableFlavour::CicFlowMeter ||
                                          input.table->flavour == TableFlavour::Wireshark ||
                                          input.table->flavour == TableFlavour::Flows ||
                                          input.table->flavour == TableFlavour::Packets));
    return binnedHere && input.series.axis == Series::Axis::Time && input.series.binWidth > 0;
}

bool canRebin(const LoadedInput &input, TimeNs width)
{
    return input.kind == LoadedInput::Kind::Capture && input.traffic &&
           input.traffic->canBinAt(width) && input.traffic->rowsAt(width) <= binwidth::kMaxBins;
}

std::optional<Series> rebin(const LoadedInput &input, TimeNs width)
{
    if (!canRebin(input, width))
        return std::nullopt;
    Series series = input.traffic->series(width);
    series.source = input.path;
    return series;
}

} // namespace tideline
