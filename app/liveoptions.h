#pragma once

#include "live/livepipeline.h"
#include "thresholdoptions.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <optional>

namespace tideline::cli {

// The live pipeline's options that `watch` and `serve` share: the online detector, its
// parameters and seed, the bin width, the warm-up and the threshold.
class LiveCommandOptions
{
public:
    LiveCommandOptions();

    void addTo(QCommandLineParser &parser) const;

    // Fills `options` (problem() checked); nullopt to go on, or the status to exit with after
    // printing why.
    std::optional<int> read(const QCommandLineParser &parser, LiveOptions &options) const;

private:
    QCommandLineOption m_detector;
    QCommandLineOption m_param;
    QCommandLineOption m_seed;
    QCommandLineOption m_bin;
    QCommandLineOption m_warmUp;
    ThresholdOptions m_threshold;
};

} // namespace tideline::cli
