#include "prometheusclient.h"

#include "common/translate.h"
#include "matrixresponse.h"
#include "prometheusseries.h"
#include "rangesplit.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTimer>
#include <climits>
#include <deque>

namespace tideline {

namespace {

// Enough to overlap the server's work on one request with the transfer of another, few enough
// not to load a shared server.
constexpr int kRequestsInFlight = 4;
constexpr int kProgressIntervalMs = 100;

// Seconds since the epoch as Prometheus reads them: 1700000000.25 (exact, no float rounding).
QByteArray secondsText(TimeNs t)
{
    const bool negative = t < 0;
    const quint64 magnitude = negative ? quint64(0) - quint64(t) : quint64(t);
    QByteArray text = QByteArray::number(magnitude / quint64(kNsPerSecond));
    if (const quint64 fraction = magnitude % quint64(kNsPerSecond); fraction != 0) {
        QByteArray digits = QByteArray::number(fraction).rightJustified(9, '0');
        while (digits.endsWith('0'))
            digits.chop(1);
        text += '.' + digits;
    }
    return negative ? '-' + text : text;
}

QUrl endpoint(const PrometheusSource &source, const QString &path)
{
    QUrl url = source.baseUrl;
    url.setPath(url.path() + path);
    return url;
}

// The TLS settings of every request to the source; nullopt with the reason when its CA file
// cannot be used.
std::optional<QSslConfiguration> tlsConfiguration(const PrometheusSource &source, QString &problem)
{
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    if (!source.tls.caFile.isEmpty()) {
        QFile file(source.tls.caFile);
        if (!file.open(QIODevice::ReadOnly)) {
            problem =
                tr("cannot read the CA file %1: %2").arg(source.tls.caFile, file.errorString());
            return std::nullopt;
        }
        const QList<QSslCertificate> authorities = QSslCertificate::fromDevice(&file, QSsl::Pem);
        if (authorities.isEmpty()) {
            problem = tr("the CA file %1 holds no PEM certificate").arg(source.tls.caFile);
            return std::nullopt;
        }
        tls.addCaCertificates(authorities);
    }
    if (source.tls.skipVerification)
        tls.setPeerVerifyMode(QSslSocket::VerifyNone);
    return tls;
}

QNetworkRequest request(const PrometheusSource &source, const QSslConfiguration &tls,
                        const QUrl &url)
{
    QNetworkRequest request(url);
    request.setSslConfiguration(tls);
    request.setRawHeader("Accept", "application/json");
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArray("Tideline/" TIDELINE_VERSION));
    request.setTransferTimeout(int(std::min<TimeNs>(source.timeout / kNsPerMs, INT_MAX)));
    // Credentials go to the server named, never to wherever it redirects.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::SameOriginRedirectPolicy);
    switch (source.auth.kind) {
    case PrometheusAuth::Kind::None:
        break;
    case PrometheusAuth::Kind::Basic:
        request.setRawHeader(
            "Authorization",
            "Basic " +
                (source.auth.user + QLatin1Char(':') + source.auth.secret).toUtf8().toBase64());
        break;
    case PrometheusAuth::Kind::Bearer:
        request.setRawHeader("Authorization", "Bearer " + source.auth.secret.toUtf8());
        break;
    }
    if (!source.tenant.isEmpty())
        request.setRawHeader(source.tenantHeader.toLatin1(), source.tenant.toUtf8());
    return request;
}

// What went wrong with a finished reply, or an empty string with the body in `body`. The
// server's own words come first: Prometheus explains a 400 or 422 in its JSON "error".
QString replyProblem(QNetworkReply *reply, const PrometheusSource &source, QByteArray &body,
                     MatrixResponse (*parse)(const QByteArray &), MatrixResponse &response)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 0) {
        // A transfer timeout aborts the reply: cancelled, when we did not cancel it.
        if (reply->error() == QNetworkReply::TimeoutError ||
            reply->error() == QNetworkReply::OperationCanceledError)
            return tr("no answer within %1").arg(formatDuration(source.timeout));
        return tr("cannot reach the server: %1").arg(reply->errorString());
    }
    body = reply->readAll();
    response = parse(body);
    const QString reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
    if (status != 200) {
        const QString detail =
            response.error.isEmpty() || response.errorType.isEmpty()
                ? response.error
                : QStringLiteral("%1: %2").arg(response.errorType, response.error);
        return tr("HTTP %1 %2: %3").arg(status).arg(reason, detail);
    }
    if (!response.ok())
        return response.errorType.isEmpty()
                   ? response.error
                   : QStringLiteral("%1: %2").arg(response.errorType, response.error);
    return {};
}

} // namespace

PrometheusResult PrometheusClient::read(const PrometheusSource &source,
                                        const ProgressCallback &progress)
{
    PrometheusResult result;
    PrometheusSummary &summary = result.summary;
    summary.url = source.displayUrl();
    for (const PrometheusQuery &query : source.queries)
        summary.queries << query.name + QLatin1Char('=') + query.promql;
    summary.start = source.start;
    summary.end = source.end;
    summary.step = source.step;
    summary.rows = source.rowCount();
    if (const QString problem = source.problem(); !problem.isEmpty()) {
        result.error = QStringLiteral("%1: %2").arg(summary.url, problem);
        return result;
    }
    QString tlsProblem;
    const std::optional<QSslConfiguration> tls = tlsConfiguration(source, tlsProblem);
    if (!tls) {
        result.error = QStringLiteral("%1: %2").arg(summary.url, tlsProblem);
        return result;
    }

    struct Job
    {
        std::size_t query;
        TimeSlice slice;
    };
    std::deque<Job> waiting;
    const std::vector<TimeSlice> slices =
        splitRange(source.start, source.end, source.step, source.maxPointsPerRequest);
    for (std::size_t q = 0; q < source.queries.size(); ++q) {
        for (const TimeSlice &slice : slices)
            waiting.push_back({q, slice});
    }
    const qint64 total = qint64(waiting.size());
    summary.requests = total;

    PrometheusSeries gathered(source);
    QNetworkAccessManager manager;
    QEventLoop loop;
    QElapsedTimer clock;
    clock.start();
    qint64 answered = 0;
    qint64 points = 0;
    int inFlight = 0;
    const QUrl url = endpoint(source, QStringLiteral("/api/v1/query_range"));
    const QByteArray step = secondsText(source.step);

    const auto stop = [&] {
        // Aborting emits finished() at once: the handler sees `stopping` and lets it go. A
        // reply that has failed already (the others to a server that is down) is left alone.
        for (QNetworkReply *reply : manager.findChildren<QNetworkReply *>()) {
            if (reply->isRunning() && reply->error() == QNetworkReply::NoError)
                reply->abort();
        }
        loop.quit();
    };
    bool stopping = false;
    const auto report = [&] {
        const double elapsed = double(clock.nsecsElapsed()) / double(kNsPerSecond);
        if (!reportProgress(progress, {double(answered) / double(total), points,
                                       elapsed > 0 ? double(points) / elapsed : 0.0}) &&
            !stopping) {
            result.cancelled = true;
            stopping = true;
            stop();
        }
    };

    std::function<void()> startNext;
    startNext = [&] {
        while (!stopping && inFlight < kRequestsInFlight && !waiting.empty()) {
            const Job job = waiting.front();
            waiting.pop_front();
            const PrometheusQuery &query = source.queries[job.query];
            const QByteArray form = "query=" + QUrl::toPercentEncoding(query.promql) +
                                    "&start=" + secondsText(job.slice.start) +
                                    "&end=" + secondsText(job.slice.end) + "&step=" + step;
            QNetworkRequest post = request(source, *tls, url);
            post.setHeader(QNetworkRequest::ContentTypeHeader,
                           QByteArray("application/x-www-form-urlencoded"));
            QNetworkReply *reply = manager.post(post, form);
            ++inFlight;
            QObject::connect(reply, &QNetworkReply::finished, &loop, [&, reply, job] {
                reply->deleteLater();
                --inFlight;
                if (stopping)
                    return;
                QByteArray body;
                MatrixResponse response;
                const QString problem =
                    replyProblem(reply, source, body, &MatrixResponse::parseMatrix, response);
                summary.bytes += body.size();
                if (!problem.isEmpty()) {
                    result.error = tr("%1: query %2 from %3 to %4: %5")
                                       .arg(summary.url, source.queries[job.query].name,
                                            formatIsoUtc(job.slice.start),
                                            formatIsoUtc(job.slice.end), problem);
                    stopping = true;
                    stop();
                    return;
                }
                for (const QString &warning : response.warnings) {
                    if (!summary.warnings.contains(warning))
                        summary.warnings << warning;
                }
                for (const MatrixSeries &series : response.series)
                    points += qint64(series.samples.size()) - series.nonFinite;
                gathered.add(job.query, response);
                ++answered;
                if (answered == total) {
                    loop.quit();
                    return;
                }
                startNext();
            });
        }
    };

    QTimer ticker;
    QObject::connect(&ticker, &QTimer::timeout, &loop, report);
    ticker.start(kProgressIntervalMs);
    report();
    startNext();
    if (!stopping && answered < total)
        loop.exec();
    ticker.stop();
    summary.seconds = double(clock.nsecsElapsed()) / double(kNsPerSecond);
    if (!result.ok())
        return result;
    report();
    result.series = gathered.finish(summary);
    result.series.source = summary.url;
    if (result.series.features.empty())
        result.error = tr("%1: no query matched any series from %2 to %3")
                           .arg(summary.url, formatIsoUtc(source.start), formatIsoUtc(source.end));
    return result;
}

std::optional<QStringList> PrometheusClient::metricNames(const PrometheusSource &source,
                                                         QString *error)
{
    QString tlsProblem;
    const std::optional<QSslConfiguration> tls = tlsConfiguration(source, tlsProblem);
    if (!tls) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(source.displayUrl(), tlsProblem);
        return std::nullopt;
    }
    QNetworkAccessManager manager;
    QEventLoop loop;
    QNetworkReply *reply = manager.get(
        request(source, *tls, endpoint(source, QStringLiteral("/api/v1/label/__name__/values"))));
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    reply->deleteLater();
    QByteArray body;
    MatrixResponse response;
    const QString problem =
        replyProblem(reply, source, body, &MatrixResponse::parseStrings, response);
    if (!problem.isEmpty()) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(source.displayUrl(), problem);
        return std::nullopt;
    }
    return response.strings;
}

} // namespace tideline
