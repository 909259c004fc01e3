#include "thresholdoptions.h"

#include "cli.h"

#include <QCoreApplication>
#include <cmath>

namespace tideline::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("tideline::cli", text);
}

} // namespace

ThresholdOptions::ThresholdOptions()
    : m_percentile(QStringLiteral("percentile"),
                   tr("Threshold at this percentile of the training scores (may be 99.999)."),
                   QStringLiteral("P"))
    , m_alarms(QStringLiteral("false-alarms-per-day"),
               tr("Threshold allowing N false alarms per day of normal traffic (default 1; tables "
                  "without times: the 99th percentile)."),
               QStringLiteral("N"))
    , m_hold(QStringLiteral("hold"),
             tr("An interval holds while the score stays above this percentile of the training "
                "scores (95; 100: no hold)."),
             QStringLiteral("P"))
    , m_gap(QStringLiteral("gap"), tr("Merge flagged bins at most this many bins apart (1)."),
            QStringLiteral("BINS"))
{}

void ThresholdOptions::addTo(QCommandLineParser &parser) const
{
    parser.addOptions(options());
}

QList<QCommandLineOption> ThresholdOptions::options() const
{
    return {m_percentile, m_alarms, m_hold, m_gap};
}

std::optional<int> ThresholdOptions::read(const QCommandLineParser &parser,
                                          ThresholdSettings &threshold) const
{
    bool ok = true;
    if (parser.isSet(m_percentile) && parser.isSet(m_alarms))
        return usageError(tr("give --percentile or --false-alarms-per-day, not both"));
    if (parser.isSet(m_percentile)) {
        const double value = parser.value(m_percentile).toDouble(&ok);
        if (!ok || !(value >= 0 && value <= 100))
            return usageError(tr("--percentile needs a number from 0 to 100"));
        threshold.rule = ThresholdRule::percentile(value);
    }
    if (parser.isSet(m_alarms)) {
        const double value = parser.value(m_alarms).toDouble(&ok);
        if (!ok || !(value >= 0 && std::isfinite(value)))
            return usageError(tr("--false-alarms-per-day needs a number of at least 0"));
        threshold.rule = ThresholdRule::falseAlarmsPerDay(value);
    }
    if (parser.isSet(m_hold)) {
        threshold.holdPercentile = parser.value(m_hold).toDouble(&ok);
        if (!ok || !(threshold.holdPercentile >= 0 && threshold.holdPercentile <= 100))
            return usageError(tr("--hold needs a percentile from 0 to 100"));
    }
    if (parser.isSet(m_gap)) {
        threshold.gap = parser.value(m_gap).toInt(&ok);
        if (!ok || threshold.gap < 0)
            return usageError(tr("--gap needs a whole number of bins"));
    }
    return std::nullopt;
}

} // namespace tideline::cli
