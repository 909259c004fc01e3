#pragma once

#include "remote/prometheussource.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <optional>

namespace tideline::cli {

// The options that make a prometheus+http(s):// source readable, shared by series, detect and
// summarize: the queries, the range and step, the tenant and the user. Secrets (password,
// token) come from the environment only, so no process list or shell history shows them.
class PrometheusOptions
{
public:
    PrometheusOptions();

    void addTo(QCommandLineParser &parser) const;

    // For a source URL, fills `source` (environment included); for a file, refuses these
    // options. nullopt to go on, or the status to exit with after printing why.
    std::optional<int> read(const QCommandLineParser &parser, const QString &path,
                            PrometheusSource &source) const;

    // A line for the commands' help: what FILE may also be.
    static QString sourceHelp();

private:
    QCommandLineOption m_query;
    QCommandLineOption m_start;
    QCommandLineOption m_end;
    QCommandLineOption m_step;
    QCommandLineOption m_user;
    QCommandLineOption m_tenant;
    QCommandLineOption m_tenantHeader;
    QCommandLineOption m_timeout;
    QCommandLineOption m_caFile;
    QCommandLineOption m_skipVerification;
};

} // namespace tideline::cli
