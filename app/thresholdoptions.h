#pragma once

#include "threshold/thresholdrule.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <optional>

namespace tideline::cli {

// The threshold options `detect` and `watch` share: --percentile or --false-alarms-per-day,
// --hold and --gap.
class ThresholdOptions
{
public:
    ThresholdOptions();

    void addTo(QCommandLineParser &parser) const;
    QList<QCommandLineOption> options() const;

    // Fills `settings` from what was given; nullopt to go on, or the status to exit with
    // after printing why.
    std::optional<int> read(const QCommandLineParser &parser, ThresholdSettings &settings) const;

private:
    QCommandLineOption m_percentile;
    QCommandLineOption m_alarms;
    QCommandLineOption m_hold;
    QCommandLineOption m_gap;
};

} // namespace tideline::cli
