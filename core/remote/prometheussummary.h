#pragma once

#include "common/timeutil.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <vector>

namespace tideline {

// What `tideline summarize` says about a Prometheus source: where it came from, what was asked
// and what each resulting feature holds.
struct PrometheusSummary
{
    struct Feature
    {
        QString name;   // the column: the query's name, with the labels that tell its series apart
        QString query;  // the query's name
        QString labels; // all the series' labels, {a="1",b="2"}
        qint64 points = 0; // finite samples
        qint64 gaps = 0;   // steps without a finite sample (missing, NaN, ±Inf)
    };

    QString url;         // prometheus+http(s)://host:port/prefix, no credentials
    QStringList queries; // NAME=PROMQL
    TimeNs start = 0;
    TimeNs end = 0;
    TimeNs step = 0;
    qint64 rows = 0;
    qint64 requests = 0;
    qint64 bytes = 0;     // of the answers' bodies
    double seconds = 0.0; // from the first request to the last answer
    std::vector<Feature> features;
    QStringList warnings;

    // For `summarize --json`: times as ISO 8601 UTC, the step in seconds.
    QJsonObject toJson() const;
};

} // namespace tideline
