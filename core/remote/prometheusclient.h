#pragma once

#include "common/progress.h"
#include "common/series.h"
#include "prometheussource.h"
#include "prometheussummary.h"

#include <QStringList>
#include <optional>

namespace tideline {

// A source read: the series (the grid start, start + step, …, one feature per series of each
// query, NaN where there is no value) and its description.
struct PrometheusResult
{
    Series series;
    PrometheusSummary summary;
    QString error; // empty: read; else what failed, naming the server and the query
    bool cancelled = false;

    bool ok() const { return error.isEmpty() && !cancelled; }
};

// Reads a Prometheus-compatible HTTP API through Qt Network, waiting in a local event loop (so
// any thread may call it, the GUI's workers included).
class PrometheusClient
{
public:
    // Runs every query over the source's range with /api/v1/query_range, each request covering
    // at most source.maxPointsPerRequest steps and a few requests in flight at once. Progress
    // counts requests answered; when it asks to stop, the requests in flight are aborted.
    static PrometheusResult read(const PrometheusSource &source,
                                 const ProgressCallback &progress = {});

    // The metric names the server knows (/api/v1/label/__name__/values), for offering them in a
    // query field; nullopt with the reason when it cannot say.
    static std::optional<QStringList> metricNames(const PrometheusSource &source, QString *error);
};

} // namespace tideline
