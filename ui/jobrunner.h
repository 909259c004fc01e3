#pragma once

#include "common/executor.h"
#include "common/progress.h"

#include <QFutureWatcher>
#include <QObject>
#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>
#include <functional>

namespace tideline {

// Runs one kind of long work (loading, re-binning, training) off the GUI thread. Starting a
// job cancels the one before it; a superseded job's result is dropped, never delivered.
// Progress arrives throttled by the core; cancel() asks the work to stop through its
// ProgressCallback.
class JobRunner : public QObject
{
    Q_OBJECT

public:
    explicit JobRunner(QObject *parent = nullptr);
    ~JobRunner() override;

    // `work(progress)` runs in the thread pool and returns a Result; `done(result)` runs on
    // this object's thread if the job was neither cancelled nor superseded.
    template <typename Result>
    void start(std::function<Result(const ProgressCallback &)> work,
               std::function<void(Result)> done);

    void cancel();
    bool isRunning() const { return m_running; }

signals:
    void jobStarted();
    void progressChanged(double fraction, qint64 items, double itemsPerSecond);
    void jobFinished();
    void jobCancelled();

private:
    void reportProgress(quint64 job, const Progress &progress);
    void finish(quint64 job, bool cancelled);

    quint64 m_job = 0;
    bool m_running = false;
    std::function<void()> m_cancelCurrent;
};

template <typename Result>
void JobRunner::start(std::function<Result(const ProgressCallback &)> work,
                      std::function<void(Result)> done)
{
    cancel();
    const quint64 job = ++m_job;
    m_running = true;
    emit jobStarted();

    auto *watcher = new QFutureWatcher<Result>(this);
    m_cancelCurrent = [watcher] { watcher->cancel(); };
    connect(watcher, &QFutureWatcherBase::finished, this, [this, job, watcher, done] {
        watcher->deleteLater();
        const QFuture<Result> future = watcher->future();
        const bool cancelled = future.isCanceled() || future.resultCount() == 0;
        if (job == m_job && !cancelled)
            done(future.result());
        finish(job, cancelled);
    });
    watcher->setFuture(QtConcurrent::run(&jobPool(), [this, job, work](QPromise<Result> &promise) {
        const ProgressCallback progress = [this, job, &promise](const Progress &p) {
            QMetaObject::invokeMethod(
                this, [this, job, p] { reportProgress(job, p); }, Qt::QueuedConnection);
            return !promise.isCanceled();
        };
        Result result = work(progress);
        if (!promise.isCanceled())
            promise.addResult(std::move(result));
    }));
}

} // namespace tideline
