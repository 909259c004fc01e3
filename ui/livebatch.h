#pragma once

#include "live/livepipeline.h"
#include "live/packetsource.h"

#include <optional>
#include <vector>

namespace tideline {

// What a capture thread handed to the GUI thread at once, in the order it happened.
struct LiveBatch
{
    struct Bin
    {
        ScoredBin scored;
        std::optional<Anomaly> found; // the anomaly whose first bin this is, described
    };
    // libpcap's counts (pcap_stats) when the capture reported them, and how many bins had
    // closed by then: the drops since the report before happened in the bins between.
    struct Stats
    {
        qint64 binsClosed = 0;
        CaptureStats counts;
    };

    std::vector<Bin> bins;
    std::vector<Stats> stats;
    QString modelFailure; // the warm-up's model could not be fitted: nothing will be scored
    // The warm-up's scores, once its model is fitted: what the threshold is a percentile of.
    std::optional<ScoreDistribution> trainingScores;
    // What the model scoring from now on was fitted on, when it is not the warm-up (a stretch
    // taken as normal: LiveCapture::useModel()).
    QString trainingDescription;
};

} // namespace tideline
