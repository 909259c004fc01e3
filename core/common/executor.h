#pragma once

#include <QThreadPool>
#include <functional>
#include <memory>

namespace tideline {

// The threads of the process, in one place. Long jobs (loading a file, training) run on
// jobPool(); the blocks of parallel loops and the ingest's counting thread run on computePool().
// They are two pools so that a job that fans out never waits for a thread of its own pool, and
// no thread pool is ever started from inside a pool thread.
QThreadPool &jobPool();
QThreadPool &computePool();

// How many threads parallel loops may use; 0 (the default) means one per core. Results never
// depend on it: every block of work writes only its own rows or trees.
void setDetectorThreads(int threads);
int detectorThreads();

// A function running on computePool(); wait() returns once it has run.
class ComputeTask
{
public:
    // What wait() does with a task no pool thread has taken yet: run it on the waiting thread
    // (for helpers of a loop the waiter could do alone, so waiting never depends on a free pool
    // thread), or wait for a pool thread (for work that must run beside the waiter).
    enum class IfNotStarted : bool { RunHere, Wait };

    explicit ComputeTask(std::function<void()> work,
                         IfNotStarted ifNotStarted = IfNotStarted::RunHere);
    ~ComputeTask(); // waits
    ComputeTask(const ComputeTask &) = delete;
    ComputeTask &operator=(const ComputeTask &) = delete;

    void wait();

private:
    struct State;
    std::shared_ptr<State> m_state;
    IfNotStarted m_ifNotStarted;
};

} // namespace tideline
