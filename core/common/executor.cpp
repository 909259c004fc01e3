#include "executor.h"

#include <QRunnable>
#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace tideline {

namespace {

std::atomic<int> g_threads{0};

int cores()
{
    return std::max(1, int(std::thread::hardware_concurrency()));
}

} // namespace

QThreadPool &jobPool()
{
    static QThreadPool pool;
    return pool;
}

QThreadPool &computePool()
{
    // Room for a parallel loop on every core beside the ingest's counting thread.
    static QThreadPool *pool = [] {
        auto *p = new QThreadPool;
        p->setMaxThreadCount(cores() + 1);
        return p;
    }();
    return *pool;
}

void setDetectorThreads(int threads)
{
    g_threads = std::max(0, threads);
}

int detectorThreads()
{
    const int chosen = g_threads;
    return chosen > 0 ? chosen : cores();
}

// Whoever comes first runs the work: a pool thread, or wait() when no pool thread has taken it.
struct ComputeTask::State
{
    std::function<void()> work;
    std::mutex mutex;
    std::condition_variable done;
    bool taken = false;
    bool finished = false;

    bool take()
    {
        const std::lock_guard lock(mutex);
        return !std::exchange(taken, true);
    }
    void run()
    {
        work();
        {
            const std::lock_guard lock(mutex);
            finished = true;
        }
        done.notify_all();
    }
};

ComputeTask::ComputeTask(std::function<void()> work, IfNotStarted ifNotStarted)
    : m_state(std::make_shared<State>())
    , m_ifNotStarted(ifNotStarted)
{
    m_state->work = std::move(work);
    computePool().start([state = m_state] {
        if (state->take())
            state->run();
    });
}

ComputeTask::~ComputeTask()
{
    wait();
}

void ComputeTask::wait()
{
    if (m_ifNotStarted == IfNotStarted::RunHere && m_state->take()) {
        m_state->run();
        return;
    }
    std::unique_lock lock(m_state->mutex);
    m_state->done.wait(lock, [this] { return m_state->finished; });
}

} // namespace tideline
