#pragma once

#include "common/timeutil.h"

#include <QString>
#include <QUrl>
#include <optional>
#include <vector>

namespace tideline {

// One PromQL expression and the feature name it becomes (`cpu=rate(container_cpu[1m])`).
struct PrometheusQuery
{
    QString name;
    QString promql;
};

// How to prove who we are. The secret is held in memory only: it comes from the environment or
// a dialog and is never written to settings, the case file or a command line.
struct PrometheusAuth
{
    enum class Kind : std::uint8_t { None, Basic, Bearer };

    Kind kind = Kind::None;
    QString user;   // Basic
    QString secret; // Basic: the password; Bearer: the token
};

// How an https:// server's certificate is checked: against the system's authorities plus those
// of a PEM file (a private CA), or not at all (a test server with a self-signed certificate).
struct PrometheusTls
{
    QString caFile;                // PEM certificates trusted besides the system's
    bool skipVerification = false; // accept any certificate: insecure, for tests and labs
};

// What to read from a Prometheus-compatible HTTP API: where, which queries, which range at
// which step, and the credentials.
struct PrometheusSource
{
    // The longest range one query_range request may cover: Prometheus refuses more than 11,000
    // points per series.
    static constexpr qint64 kMaxPointsPerRequest = 11'000;

    QUrl baseUrl; // http(s)://host:port[/prefix], the API below it at /api/v1/…
    std::vector<PrometheusQuery> queries;
    TimeNs start = 0;
    TimeNs end = 0;
    TimeNs step = 15 * kNsPerSecond;
    PrometheusAuth auth;
    PrometheusTls tls;
    QString tenant;                                         // sent in `tenantHeader` when not empty
    QString tenantHeader = QStringLiteral("X-Scope-OrgID"); // Cortex, Mimir, Loki
    TimeNs timeout = 30 * kNsPerSecond;                     // per request, without a byte received
    qint64 maxPointsPerRequest = kMaxPointsPerRequest;

    // Whether `text` names such a source: prometheus+http://… or prometheus+https://….
    static bool isSourceUrl(QStringView text);
    // The http(s) base URL of a prometheus+http(s):// source; nullopt with the reason when it is
    // not one, has no host, or carries a password (which belongs in the environment).
    static std::optional<QUrl> baseUrlOf(const QString &source, QString *error);
    // NAME=PROMQL; nullopt with the reason when the name is missing or the query empty.
    static std::optional<PrometheusQuery> parseQuery(const QString &text, QString *error);
    // A point in time as ISO 8601 (UTC unless a zone is given), Unix seconds (1700000000.5), or
    // relative to `now` (Unix nanoseconds): "now", or a duration before it ("-7d", "-3h", "-15m").
    static std::optional<TimeNs> parseTime(QStringView text, TimeNs now);

    // Fills what was not given from TIDELINE_PROMETHEUS_TOKEN (Bearer),
    // TIDELINE_PROMETHEUS_USER and TIDELINE_PROMETHEUS_PASSWORD (Basic) and
    // TIDELINE_PROMETHEUS_TENANT. A user given without a password takes the password from there.
    void takeEnvironment();

    // Why this cannot be read (no query, a duplicate name, end before start, no step, more rows
    // than a series may have); empty when it can.
    QString problem() const;
    // Rows of the result: one per step from start to end, both included.
    qint64 rowCount() const;
    // The source as the user gives it (prometheus+http://host:port/prefix), without the user.
    QString displayUrl() const;
};

} // namespace tideline
