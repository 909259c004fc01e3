#include "matrixresponse.h"

#include "common/translate.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cmath>
#include <limits>

namespace tideline {

namespace {

constexpr qsizetype kQuotedBodyLength = 120;

// The start of a body that is not what we expect, on one line, for the error message.
QString bodyStart(const QByteArray &body)
{
    QString text = QString::fromUtf8(body.left(kQuotedBodyLength)).simplified();
    if (body.size() > kQuotedBodyLength)
        text += QStringLiteral("…");
    return text;
}

// The envelope's status, error and warnings; the "data" member when it succeeded, else null.
QJsonValue readEnvelope(const QByteArray &body, MatrixResponse &response)
{
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (!document.isObject()) {
        response.error = body.trimmed().isEmpty()
                             ? tr("the answer is empty")
                             : tr("the answer is not Prometheus JSON (%1 at byte %2): %3")
                                   .arg(parseError.errorString())
                                   .arg(parseError.offset)
                                   .arg(bodyStart(body));
        return {};
    }
    const QJsonObject root = document.object();
    for (const QJsonValue &warning : root.value(QStringLiteral("warnings")).toArray())
        response.warnings << warning.toString();
    const QString status = root.value(QStringLiteral("status")).toString();
    if (status != QStringLiteral("success")) {
        response.errorType = root.value(QStringLiteral("errorType")).toString();
        response.error = root.value(QStringLiteral("error")).toString();
        if (response.error.isEmpty())
            response.error = tr("the answer's status is \"%1\", not \"success\"").arg(status);
        return {};
    }
    return root.value(QStringLiteral("data"));
}

// Prometheus writes sample values as strings so that NaN and ±Inf survive JSON; a value that is
// not a finite number is a gap, never a 0.
double sampleValue(const QJsonValue &value)
{
    bool ok = false;
    const double x = value.isString() ? value.toString().toDouble(&ok) : value.toDouble();
    ok = ok || value.isDouble();
    return ok && std::isfinite(x) ? x : std::numeric_limits<double>::quiet_NaN();
}

// Seconds since the epoch (a JSON number with up to millisecond fraction) to nanoseconds,
// rounded to the millisecond Prometheus keeps.
TimeNs sampleTime(double seconds)
{
    return TimeNs(std::llround(seconds * 1000.0)) * kNsPerMs;
}

} // namespace

QString MatrixSeries::key() const
{
    QStringList pairs;
    for (auto it = labels.cbegin(); it != labels.cend(); ++it)
        pairs << QStringLiteral("%1=\"%2\"").arg(it.key(), it.value());
    return QLatin1Char('{') + pairs.join(QLatin1Char(',')) + QLatin1Char('}');
}

MatrixResponse MatrixResponse::parseMatrix(const QByteArray &body)
{
    MatrixResponse response;
    const QJsonValue data = readEnvelope(body, response);
    if (!response.ok())
        return response;
    const QJsonObject object = data.toObject();
    const QString type = object.value(QStringLiteral("resultType")).toString();
    if (type != QStringLiteral("matrix")) {
        response.error = tr("the answer's resultType is \"%1\", not \"matrix\"").arg(type);
        return response;
    }
    qint64 histograms = 0;
    for (const QJsonValue &item : object.value(QStringLiteral("result")).toArray()) {
        const QJsonObject entry = item.toObject();
        MatrixSeries series;
        const QJsonObject metric = entry.value(QStringLiteral("metric")).toObject();
        for (auto it = metric.constBegin(); it != metric.constEnd(); ++it)
            series.labels.insert(it.key(), it.value().toString());
        const QJsonArray values = entry.value(QStringLiteral("values")).toArray();
        series.samples.reserve(std::size_t(values.size()));
        for (const QJsonValue &pair : values) {
            const QJsonArray sample = pair.toArray();
            if (sample.size() < 2 || !sample.at(0).isDouble())
                continue;
            const double value = sampleValue(sample.at(1));
            series.nonFinite += std::isnan(value) ? 1 : 0;
            series.samples.emplace_back(sampleTime(sample.at(0).toDouble()), value);
        }
        if (entry.contains(QStringLiteral("histograms")))
            ++histograms;
        response.series.push_back(std::move(series));
    }
    if (histograms > 0)
        response.warnings << tr("%1 series hold native histograms, which are not read: query "
                                "a quantile or a count of them instead")
                                 .arg(histograms);
    return response;
}

MatrixResponse MatrixResponse::parseStrings(const QByteArray &body)
{
    MatrixResponse response;
    const QJsonValue data = readEnvelope(body, response);
    if (!response.ok())
        return response;
    for (const QJsonValue &value : data.toArray())
        response.strings << value.toString();
    return response;
}

} // namespace tideline
