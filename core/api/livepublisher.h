#pragma once

#include "api/apiserver.h"
#include "live/livepipeline.h"

namespace tideline {

// Hands a live pipeline's bins and anomalies, heard on the capture thread, to an ApiServer on
// its own thread (queued), for its stream.
class LivePublisher : public LivePipeline::Listener
{
public:
    explicit LivePublisher(ApiServer *server)
        : m_server(server)
    {}

    void binScored(const ScoredBin &bin) override;
    void anomalyFound(const Anomaly &anomaly) override;
    void modelFailed(const QString &why) override { finished(why); }
    // The source has ended: with an error, or normally when `error` is empty.
    void finished(const QString &error);

private:
    ApiServer *m_server;
};

} // namespace tideline
