#include "prometheussource.h"

#include "common/binwidth.h"
#include "common/translate.h"

#include <QRegularExpression>
#include <QSet>
#include <QtGlobal>
#include <cmath>

namespace tideline {

namespace {

const QString kHttpScheme = QStringLiteral("prometheus+http");
const QString kHttpsScheme = QStringLiteral("prometheus+https");

QString environment(const char *name)
{
    return qEnvironmentVariable(name);
}

} // namespace

bool PrometheusSource::isSourceUrl(QStringView text)
{
    return text.startsWith(QString(kHttpScheme + QStringLiteral("://")), Qt::CaseInsensitive) ||
           text.startsWith(QString(kHttpsScheme + QStringLiteral("://")), Qt::CaseInsensitive);
}

std::optional<QUrl> PrometheusSource::baseUrlOf(const QString &source, QString *error)
{
    const auto fail = [&](const QString &why) -> std::optional<QUrl> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    if (!isSourceUrl(source))
        return fail(tr("%1: not a prometheus+http:// or prometheus+https:// URL").arg(source));
    QUrl url(source, QUrl::StrictMode);
    if (!url.isValid())
        return fail(tr("%1: not a valid URL (%2)").arg(source, url.errorString()));
    if (url.host().isEmpty())
        return fail(tr("%1: the URL names no host").arg(source));
    if (!url.password().isEmpty())
        return fail(tr("%1: a password does not belong in the URL, where every process list shows "
                       "it: set TIDELINE_PROMETHEUS_PASSWORD (or TIDELINE_PROMETHEUS_TOKEN)")
                        .arg(url.toDisplayString(QUrl::RemovePassword)));
    if (url.hasQuery() || url.hasFragment())
        return fail(tr("%1: the URL takes a path prefix only, no ?query or #fragment")
                        .arg(url.toDisplayString()));
    url.setScheme(url.scheme().compare(kHttpsScheme, Qt::CaseInsensitive) == 0
                      ? QStringLiteral("https")
                      : QStringLiteral("http"));
    // The API lives below the prefix: a trailing slash would double the one we add.
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path);
    return url;
}

std::optional<PrometheusQuery> PrometheusSource::parseQuery(const QString &text, QString *error)
{
    const qsizetype equals = text.indexOf(QLatin1Char('='));
    PrometheusQuery query;
    if (equals > 0) {
        query.name = text.left(equals).trimmed();
        query.promql = text.mid(equals + 1).trimmed();
    }
    // A name must be a plain word: `rate(x[1m])==0` is a query without a name, not one named
    // "rate(x[1m])".
    static const QRegularExpression word(QStringLiteral("^[A-Za-z_][A-Za-z0-9_.:-]*$"));
    if (query.name.isEmpty() || !word.match(query.name).hasMatch()) {
        if (error)
            *error = tr("'%1' is not NAME=PROMQL (a feature name, '=', then the query)").arg(text);
        return std::nullopt;
    }
    if (query.promql.isEmpty()) {
        if (error)
            *error = tr("'%1': the query after '=' is empty").arg(text);
        return std::nullopt;
    }
    return query;
}

std::optional<TimeNs> PrometheusSource::parseTime(QStringView text, TimeNs now)
{
    static const QRegularExpression unixSeconds(QStringLiteral("^-?[0-9]+(\\.[0-9]+)?$"));
    if (unixSeconds.match(text.toString()).hasMatch()) {
        const qsizetype dot = text.indexOf(QLatin1Char('.'));
        bool ok = false;
        const qint64 seconds = text.left(dot < 0 ? text.size() : dot).toLongLong(&ok);
        if (!ok || seconds < kEarliestTime / kNsPerSecond || seconds > kLatestTime / kNsPerSecond)
            return std::nullopt;
        TimeNs fraction = 0;
        if (dot >= 0) {
            const QStringView digits = text.mid(dot + 1).left(9);
            fraction = digits.toLongLong();
            for (qsizetype i = digits.size(); i < 9; ++i)
                fraction *= 10;
        }
        return seconds * kNsPerSecond + (text.startsWith(QLatin1Char('-')) ? -fraction : fraction);
    }
    if (text == u"now")
        return now;
    if (text.startsWith(QLatin1Char('-'))) {
        if (const std::optional<TimeNs> ago = parseDuration(text.mid(1)); ago && *ago > 0)
            return now - *ago;
        return std::nullopt;
    }
    return parseIsoUtc(text);
}

void PrometheusSource::takeEnvironment()
{
    if (tenant.isEmpty())
        tenant = environment("TIDELINE_PROMETHEUS_TENANT");
    if (auth.kind != PrometheusAuth::Kind::None)
        return;
    const QString token = environment("TIDELINE_PROMETHEUS_TOKEN");
    const QString user = auth.user.isEmpty() ? environment("TIDELINE_PROMETHEUS_USER") : auth.user;
    if (!user.isEmpty()) {
        auth.kind = PrometheusAuth::Kind::Basic;
        auth.user = user;
        auth.secret = environment("TIDELINE_PROMETHEUS_PASSWORD");
    } else if (!token.isEmpty()) {
        auth.kind = PrometheusAuth::Kind::Bearer;
        auth.secret = token;
    }
}

QString PrometheusSource::problem() const
{
    if (queries.empty())
        return tr("a Prometheus source needs at least one query (NAME=PROMQL)");
    QSet<QString> names;
    for (const PrometheusQuery &query : queries) {
        if (names.contains(query.name))
            return tr("two queries are named '%1': each query's name must be its own")
                .arg(query.name);
        names.insert(query.name);
    }
    if (step < kNsPerMs)
        return tr("the step must be at least 1 ms");
    if (end < start)
        return tr("the range ends (%1) before it starts (%2)")
            .arg(formatIsoUtc(end), formatIsoUtc(start));
    if (maxPointsPerRequest < 1)
        return tr("at least one point per request is needed");
    if (rowCount() > binwidth::kMaxBins)
        return tr("%1 steps of %2 from %3 to %4 are more than the %5 rows a series may have: "
                  "choose a longer step or a shorter range")
            .arg(rowCount())
            .arg(formatDuration(step), formatIsoUtc(start), formatIsoUtc(end))
            .arg(binwidth::kMaxBins);
    return {};
}

qint64 PrometheusSource::rowCount() const
{
    if (step <= 0 || end < start)
        return 0;
    return timeBetween(start, end) / step + 1;
}

QString PrometheusSource::displayUrl() const
{
    // The form the command line takes, so it can be pasted back.
    return QStringLiteral("prometheus+") + baseUrl.toDisplayString(QUrl::RemoveUserInfo);
}

} // namespace tideline
