#pragma once

#include "livebatch.h"

#include <QMutex>
#include <QObject>
#include <atomic>

class QThread;

namespace tideline {

// What to capture: an interface (its filter, snap length and ring of files), or a capture file
// replayed at its own pace through the identical path — for tests, demos and going over an
// incident again.
struct CaptureRequest
{
    InterfaceOptions capture; // capture.interface empty: replay instead
    ReplayOptions replay;
    // How the bins are cut, and how many with traffic fit the detector before it scores.
    TimeNs binWidth = kNsPerSecond;
    int warmUpBins = 60;

    bool isReplay() const { return capture.interface.isEmpty(); }
    // The interface, or the replayed file's name.
    QString sourceName() const;
};

// Runs a LivePipeline on a capture thread, never the GUI thread, and hands its bins, anomalies
// and drop counts over in batches: at most one delivery waits in the GUI's event queue however
// fast bins close, and each takes everything gathered since the last.
class LiveCapture : public QObject
{
    Q_OBJECT

public:
    explicit LiveCapture(QObject *parent = nullptr);
    // Stops the capture and waits for its thread.
    ~LiveCapture() override;

    // `options` must have passed LivePipeline::problem(); false while a capture runs.
    bool start(const CaptureRequest &request, const LiveOptions &options);
    // Asks the capture to stop; stopped() says when it has.
    void stop();
    // Scores the bins from the next one on with `model`, fitted on a stretch taken as normal
    // (LivePipeline::useModel), once the capture thread reaches its next packet or tick.
    void useModel(const DetectionModel &model);
    bool isRunning() const { return m_thread != nullptr; }

signals:
    void batchArrived(const tideline::LiveBatch &batch);
    // The thread ended (asked to, the replay was over, or it failed: `error`, else empty)
    // after its last batch.
    void stopped(const QString &error, const tideline::CaptureStats &counts);

private:
    class Collector;
    class ModelSwitch;

    // On the capture thread: what the pipeline gave, for the next delivery.
    void gather(const std::function<void(LiveBatch &)> &add);
    void deliver();
    void threadFinished();

    QThread *m_thread = nullptr;
    std::atomic<bool> m_stop = false;
    QMutex m_mutex;
    LiveBatch m_pending;   // guarded by m_mutex
    bool m_posted = false; // guarded by m_mutex: a delivery waits in the event queue
    std::optional<DetectionModel> m_nextModel; // guarded by m_mutex: for useModel()
    std::atomic<bool> m_modelWaiting = false;
    // Written by the thread before it ends, read after.
    QString m_error;
    CaptureStats m_counts;
};

} // namespace tideline
