#include "prometheusoptions.h"

#include "cli.h"

#include <QCoreApplication>
#include <QDateTime>

namespace tideline::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("tideline::cli", text);
}

} // namespace

PrometheusOptions::PrometheusOptions()
    : m_query(QStringLiteral("query"),
              tr("Prometheus source: a PromQL query and the feature it becomes (repeatable; "
                 "several series from one query become several features)."),
              QStringLiteral("NAME=PROMQL"))
    , m_start(QStringLiteral("start"),
              tr("Prometheus source: the first time (ISO 8601, UTC unless a zone is given; Unix "
                 "seconds; now, or a time before it: -7d, -3h, -15m)."),
              QStringLiteral("T"))
    , m_end(QStringLiteral("end"), tr("Prometheus source: the last time."), QStringLiteral("T"))
    , m_step(QStringLiteral("step"), tr("Prometheus source: the query step, one row each (15s)."),
             QStringLiteral("D"))
    , m_user(QStringLiteral("user"),
             tr("Prometheus source: basic authentication as this user, the password from "
                "TIDELINE_PROMETHEUS_PASSWORD (a Bearer token comes from "
                "TIDELINE_PROMETHEUS_TOKEN)."),
             QStringLiteral("NAME"))
    , m_tenant(QStringLiteral("tenant"),
               tr("Prometheus source: the tenant (default: TIDELINE_PROMETHEUS_TENANT)."),
               QStringLiteral("ID"))
    , m_tenantHeader(QStringLiteral("tenant-header"),
                     tr("Prometheus source: the header carrying the tenant (X-Scope-OrgID)."),
                     QStringLiteral("NAME"))
    , m_timeout(QStringLiteral("timeout"),
                tr("Prometheus source: give up on a request silent for this long (30s)."),
                QStringLiteral("D"))
    , m_caFile(QStringLiteral("ca-file"),
               tr("Prometheus source over https: trust the certificates in this PEM file "
                  "besides the system's (a private CA)."),
               QStringLiteral("FILE"))
    , m_skipVerification(QStringLiteral("insecure-skip-verify"),
                         tr("Prometheus source over https: accept any certificate (insecure: for "
                            "test servers with a self-signed one)."))
{}

void PrometheusOptions::addTo(QCommandLineParser &parser) const
{
    parser.addOptions({m_query, m_start, m_end, m_step, m_user, m_tenant, m_tenantHeader, m_timeout,
                       m_caFile, m_skipVerification});
}

std::optional<int> PrometheusOptions::read(const QCommandLineParser &parser, const QString &path,
                                           PrometheusSource &source) const
{
    const std::initializer_list<const QCommandLineOption *> all{
        &m_query,  &m_start,        &m_end,     &m_step,   &m_user,
        &m_tenant, &m_tenantHeader, &m_timeout, &m_caFile, &m_skipVerification};
    if (!PrometheusSource::isSourceUrl(path)) {
        for (const QCommandLineOption *option : all) {
            if (parser.isSet(*option))
                return usageError(tr("--%1 is for a prometheus+http(s):// source, not a file")
                                      .arg(option->names().constFirst()));
        }
        return std::nullopt;
    }
    QString why;
    for (const QString &text : parser.values(m_query)) {
        const std::optional<PrometheusQuery> query = PrometheusSource::parseQuery(text, &why);
        if (!query)
            return usageError(QStringLiteral("--query: ") + why);
        source.queries.push_back(*query);
    }
    if (source.queries.empty())
        return usageError(tr("a Prometheus source needs at least one --query NAME=PROMQL"));
    // One "now" for both ends: --start -1h --end now is exactly an hour.
    const TimeNs now = QDateTime::currentSecsSinceEpoch() * kNsPerSecond;
    for (const auto &[option, time] :
         {std::pair{&m_start, &source.start}, std::pair{&m_end, &source.end}}) {
        const QString name = option->names().constFirst();
        if (!parser.isSet(*option))
            return usageError(tr("a Prometheus source needs --start and --end"));
        const std::optional<TimeNs> parsed =
            PrometheusSource::parseTime(parser.value(*option), now);
        if (!parsed)
            return usageError(
                tr("--%1: '%2' is neither ISO 8601 (2024-03-11T12:00:00Z), Unix seconds, now "
                   "nor a time before it (-7d, -3h)")
                    .arg(name, parser.value(*option)));
        *time = *parsed;
    }
    for (const auto &[option, duration] :
         {std::pair{&m_step, &source.step}, std::pair{&m_timeout, &source.timeout}}) {
        if (!parser.isSet(*option))
            continue;
        const std::optional<TimeNs> parsed = parseDuration(parser.value(*option));
        if (!parsed || *parsed <= 0)
            return usageError(tr("--%1: '%2' is not a duration like 15s, 1m or 1h")
                                  .arg(option->names().constFirst(), parser.value(*option)));
        *duration = *parsed;
    }
    if (parser.isSet(m_user)) {
        source.auth.kind = PrometheusAuth::Kind::Basic;
        source.auth.user = parser.value(m_user);
        source.auth.secret = qEnvironmentVariable("TIDELINE_PROMETHEUS_PASSWORD");
    }
    source.tenant = parser.value(m_tenant);
    if (parser.isSet(m_tenantHeader))
        source.tenantHeader = parser.value(m_tenantHeader);
    source.tls.caFile = parser.value(m_caFile);
    source.tls.skipVerification = parser.isSet(m_skipVerification);
    source.takeEnvironment();
    if (const QString problem = source.problem(); !problem.isEmpty())
        return usageError(problem);
    return std::nullopt;
}

QString PrometheusOptions::sourceHelp()
{
    return tr("FILE may also be a Prometheus-compatible server, "
              "prometheus+http(s)://HOST:PORT[/PREFIX], read with --query, --start, --end "
              "and --step.");
}

} // namespace tideline::cli
