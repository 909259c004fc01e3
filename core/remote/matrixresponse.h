#pragma once

#include "common/timeutil.h"

#include <QByteArray>
#include <QMap>
#include <QString>
#include <QStringList>
#include <vector>

namespace tideline {

// One series of a range query's answer: its labels and its (time, value) samples. Values that
// are not finite numbers ("NaN", "+Inf", "-Inf", anything unreadable) are NaN: gaps.
struct MatrixSeries
{
    QMap<QString, QString> labels; // sorted by label name, __name__ included when present
    std::vector<std::pair<TimeNs, double>> samples;
    qint64 nonFinite = 0; // samples whose value was not a finite number

    // {a="1",b="2"}: the identity of the series across requests.
    QString key() const;
};

// What a Prometheus-compatible /api/v1/query_range (or /api/v1/label/…/values) answered: the
// "status", "data" / "error" envelope shared by Prometheus, Thanos, Mimir and VictoriaMetrics.
struct MatrixResponse
{
    std::vector<MatrixSeries> series;
    QStringList strings; // the data of a label values answer
    QStringList warnings;
    QString errorType; // Prometheus's own ("bad_data", "execution", "timeout", …)
    QString error;     // empty: success

    bool ok() const { return error.isEmpty(); }

    // Reads a query_range body: resultType "matrix" only. Never throws; a body that is not the
    // envelope (an HTML error page from a proxy) is an error naming what it starts with.
    static MatrixResponse parseMatrix(const QByteArray &body);
    // Reads a label values body: "data" is a list of strings.
    static MatrixResponse parseStrings(const QByteArray &body);
};

} // namespace tideline
