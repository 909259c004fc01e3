#include "livecapture.h"

#include <QFileInfo>
#include <QMutexLocker>
#include <QThread>

namespace tideline {

QString CaptureRequest::sourceName() const
{
    return isReplay() ? QFileInfo(replay.path).fileName() : capture.interface;
}

// The pipeline's listener, on the capture thread.
class LiveCapture::Collector : public LivePipeline::Listener
{
public:
    explicit Collector(LiveCapture *capture)
        : m_capture(capture)
    {}

    void setPipeline(const LivePipeline *pipeline) { m_pipeline = pipeline; }

    void binScored(const ScoredBin &bin) override
    {
        const bool first = bin.score && !m_scoring;
        m_scoring = m_scoring || first;
        m_capture->gather([&](LiveBatch &batch) {
            batch.bins.push_back({bin, {}});
            if (first) // the model was fitted just now
                batch.trainingScores = m_pipeline->model().trainingScores;
        });
    }

    // Always right after binScored() of its first bin.
    void anomalyFound(const Anomaly &anomaly) override
    {
        m_capture->gather([&anomaly](LiveBatch &batch) {
            if (!batch.bins.empty())
                batch.bins.back().found = anomaly;
        });
    }

    void modelFailed(const QString &why) override
    {
        m_capture->gather([&why](LiveBatch &batch) { batch.modelFailure = why; });
        m_capture->m_stop = true;
    }

private:
    LiveCapture *m_capture;
    const LivePipeline *m_pipeline = nullptr;
    bool m_scoring = false;
};

// Between the packets and the pipeline, on the capture thread: hands the pipeline a model
// useModel() left waiting before the next packet or tick reaches it.
class LiveCapture::ModelSwitch : public LiveSink
{
public:
    ModelSwitch(LiveCapture *capture, LivePipeline &pipeline)
        : m_capture(capture)
        , m_pipeline(pipeline)
    {}

    void addPacket(const Packet &packet) override
    {
        switchIfAsked();
        m_pipeline.addPacket(packet);
    }
    void advanceTo(TimeNs now) override
    {
        switchIfAsked();
        m_pipeline.advanceTo(now);
    }

private:
    void switchIfAsked()
    {
        if (!m_capture->m_modelWaiting.load(std::memory_order_acquire))
            return;
        std::optional<DetectionModel> model;
        {
            QMutexLocker locker(&m_capture->m_mutex);
            std::swap(model, m_capture->m_nextModel);
            m_capture->m_modelWaiting = false;
        }
        if (!model)
            return;
        m_capture->gather([&model](LiveBatch &batch) {
            batch.trainingScores = model->trainingScores;
            batch.trainingDescription = model->trainingDescription;
        });
        m_pipeline.useModel(std::move(*model));
    }

    LiveCapture *m_capture;
    LivePipeline &m_pipeline;
};

LiveCapture::LiveCapture(QObject *parent)
    : QObject(parent)
{}

LiveCapture::~LiveCapture()
{
    if (!m_thread)
        return;
    m_stop = true;
    m_thread->wait();
    delete m_thread;
}

bool LiveCapture::start(const CaptureRequest &request, const LiveOptions &options)
{
    if (m_thread)
        return false;
    m_stop = false;
    {
        QMutexLocker locker(&m_mutex);
        m_nextModel.reset(); // one left from the capture before
    }
    m_modelWaiting = false;
    m_error.clear();
    m_counts = {};
    m_thread = QThread::create([this, request, options] {
        Collector collector(this);
        LivePipeline pipeline(options, &collector);
        collector.setPipeline(&pipeline);
        ModelSwitch sink(this, pipeline);
        if (request.isReplay()) {
            m_error = replayCapture(request.replay, sink, m_stop, m_counts);
        } else {
            InterfaceOptions capture = request.capture;
            capture.statsChanged = [this, &pipeline](const CaptureStats &counts) {
                gather([&](LiveBatch &batch) {
                    batch.stats.push_back({pipeline.binsClosed(), counts});
                });
            };
            m_error = captureInterface(capture, sink, m_stop, m_counts);
        }
        // Asked to stop, the open bin is cut short: scored, its few packets would read as a
        // sudden drop in traffic. The end of a replay or an error closes it, as `watch` does.
        if (!m_stop)
            pipeline.finish();
        gather([this, &pipeline](LiveBatch &batch) {
            batch.stats.push_back({pipeline.binsClosed(), m_counts});
        });
    });
    m_thread->setObjectName(QStringLiteral("capture"));
    connect(m_thread, &QThread::finished, this, &LiveCapture::threadFinished);
    m_thread->start();
    return true;
}

void LiveCapture::stop()
{
    m_stop = true;
}

void LiveCapture::useModel(const DetectionModel &model)
{
    QMutexLocker locker(&m_mutex);
    m_nextModel = model;
    m_modelWaiting.store(true, std::memory_order_release);
}

void LiveCapture::gather(const std::function<void(LiveBatch &)> &add)
{
    QMutexLocker locker(&m_mutex);
    add(m_pending);
    if (m_posted)
        return;
    m_posted = true;
    QMetaObject::invokeMethod(this, &LiveCapture::deliver, Qt::QueuedConnection);
}

void LiveCapture::deliver()
{
    LiveBatch batch;
    {
        QMutexLocker locker(&m_mutex);
        std::swap(batch, m_pending);
        m_posted = false;
    }
    if (!batch.bins.empty() || !batch.stats.empty() || !batch.modelFailure.isEmpty() ||
        batch.trainingScores)
        emit batchArrived(batch);
}

void LiveCapture::threadFinished()
{
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
    deliver(); // what came after the last delivery was posted
    emit stopped(m_error, m_counts);
}

} // namespace tideline
