#include "detectrequest.h"

#include "common/csvtimes.h"
#include "detect/detectorregistry.h"
#include "records/jsonrecords.h"
#include "series/tableloader.h"
#include "threshold/detectionrun.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <cmath>

namespace tideline {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("tideline", text);
}

DetectReply failure(int status, const QString &message)
{
    return {status, QJsonObject{{QStringLiteral("error"), message}}};
}

// The detection options a query asks for; an error message when it cannot be used.
QString readQuery(const QUrlQuery &query, DetectionOptions &options)
{
    options.detector = query.hasQueryItem(QStringLiteral("detector"))
                           ? query.queryItemValue(QStringLiteral("detector"))
                           : QStringLiteral("robust_z");
    if (!findDetector(options.detector))
        return tr("unknown detector '%1' (GET /api/detectors lists them)").arg(options.detector);
    bool ok = true;
    const bool percentile = query.hasQueryItem(QStringLiteral("percentile"));
    const bool alarms = query.hasQueryItem(QStringLiteral("false_alarms_per_day"));
    if (percentile && alarms)
        return tr("give percentile or false_alarms_per_day, not both");
    if (percentile) {
        const double value = query.queryItemValue(QStringLiteral("percentile")).toDouble(&ok);
        if (!ok || !(value >= 0 && value <= 100))
            return tr("percentile needs a number from 0 to 100");
        options.threshold.rule = ThresholdRule::percentile(value);
    }
    if (alarms) {
        const double value =
            query.queryItemValue(QStringLiteral("false_alarms_per_day")).toDouble(&ok);
        if (!ok || !(value >= 0 && std::isfinite(value)))
            return tr("false_alarms_per_day needs a number of at least 0");
        options.threshold.rule = ThresholdRule::falseAlarmsPerDay(value);
    }
    const QString prefix = QStringLiteral("param.");
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (key.startsWith(prefix))
            options.parameters.insert(key.mid(prefix.size()), value);
    }
    const DetectorBuild build = createDetector(options.detector, options.parameters, options.seed);
    if (!build.ok())
        return build.errors.join(QStringLiteral("; "));
    if (findDetector(options.detector)->supervised)
        return tr("%1 needs labelled training rows; the API runs unsupervised detectors")
            .arg(options.detector);
    return {};
}

} // namespace

DetectReply detectRecords(const QByteArray &body, const QUrlQuery &query,
                          const DetectLimits &limits)
{
    if (body.size() > limits.maxBodyBytes)
        return failure(413, tr("the body has %1 bytes, more than the limit of %2")
                                .arg(body.size())
                                .arg(limits.maxBodyBytes));
    if (!looksLikeJson(std::string_view(body.constData(), std::size_t(body.size()))))
        return failure(400, tr("the body is not JSON: send {\"data\": [{\"timestamp\": …, …}]}"));
    DetectionOptions options;
    if (const QString problem = readQuery(query, options); !problem.isEmpty())
        return failure(400, problem);

    TableOptions table;
    table.badRows = BadRowPolicy::Stop;
    const TableLoadResult loaded = loadTableData(body, QStringLiteral("body"), table);
    if (loaded.error)
        return failure(400, loaded.error->toString());
    const Series &series = loaded.series;
    if (series.rowCount() == 0 || series.features.empty())
        return failure(422, tr("the records have no rows with numeric fields to score"));
    if (series.rowCount() > limits.maxRows)
        return failure(
            413,
            tr("%1 records, more than the limit of %2").arg(series.rowCount()).arg(limits.maxRows));

    const DetectionResult result = runDetection(series, options, {});
    if (!result.status.ok())
        return failure(422, result.status.message);

    const CsvTimes times = series.axis == Series::Axis::Row ? CsvTimes::RowNumbers : CsvTimes::Iso;
    const Eigen::VectorXd normalized = result.normalizedScores();
    QJsonArray rows;
    for (qsizetype r = 0; r < series.rowCount(); ++r) {
        const auto i = std::size_t(r);
        rows.append(
            QJsonObject{{QStringLiteral("timestamp"), formatCsvTime(series.starts[i], times)},
                        {QStringLiteral("score"), result.scores[r]},
                        {QStringLiteral("score_normalized"), normalized[r]},
                        {QStringLiteral("anomalous"), bool(result.flagged[i])}});
    }
    QJsonArray intervals;
    for (const ScoredInterval &interval : result.intervals) {
        intervals.append(QJsonObject{
            {QStringLiteral("start"),
             formatCsvTime(series.starts[std::size_t(interval.first)], times)},
            {QStringLiteral("end"), formatCsvTime(rowEnd(series, interval.last), times)},
            {QStringLiteral("first_row"), interval.first},
            {QStringLiteral("last_row"), interval.last},
            {QStringLiteral("peak_score"), interval.peak},
            {QStringLiteral("mean_score"), interval.mean}});
    }
    QJsonArray features;
    for (const QString &name : result.model.featureNames())
        features.append(name);
    QJsonArray warnings;
    for (const QString &warning : result.warnings)
        warnings.append(warning);
    for (const Diagnostic &diagnostic : loaded.diagnostics)
        warnings.append(diagnostic.toString());
    return {200, QJsonObject{{QStringLiteral("detector"), options.detector},
                             {QStringLiteral("features"), features},
                             {QStringLiteral("threshold"), result.threshold},
                             {QStringLiteral("hold"), result.hold},
                             {QStringLiteral("threshold_rule"), result.thresholdDescription()},
                             {QStringLiteral("rows"), rows},
                             {QStringLiteral("intervals"), intervals},
                             {QStringLiteral("warnings"), warnings}}};
}

} // namespace tideline
