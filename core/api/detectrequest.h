#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QUrlQuery>

namespace tideline {

// Limits on what one POST /api/detect may ask for.
struct DetectLimits
{
    qint64 maxBodyBytes = 8'000'000;
    qint64 maxRows = 100'000;
};

// The answer to one request: an HTTP status and its JSON body ({"error": …} for a 4xx).
struct DetectReply
{
    int status = 200;
    QJsonObject body;
};

// POST /api/detect: per-interval records as JSON (`{"data": [{"timestamp", …}, …]}`, read as
// `detect` reads a JSON table) scored with `?detector=NAME&percentile=P` (or
// `false_alarms_per_day=N`, and `param.KEY=VALUE` for detector parameters), trained on every
// row like `detect` without a range. Gives each row's score, normalised score and flag, the
// threshold and the anomalous intervals; bad input gives a 4xx naming what is wrong.
DetectReply detectRecords(const QByteArray &body, const QUrlQuery &query,
                          const DetectLimits &limits);

} // namespace tideline
