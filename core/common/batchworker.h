#pragma once

#include "common/executor.h"

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <span>
#include <utility>
#include <vector>

namespace tideline {

// Hands items to a consumer that runs on a thread of computePool(), in batches, so the
// producing thread and the consumer use two cores. The consumer sees every item, in order, and only
// from the worker until finish(); items added after finish() go to it directly.
template <typename Item> class BatchWorker
{
public:
    using Consumer = std::function<void(std::span<const Item>)>;

    explicit BatchWorker(Consumer consume)
        : m_consume(std::move(consume))
    {
        m_filling.reserve(kBatchSize);
        m_worker.emplace([this] { work(); }, ComputeTask::IfNotStarted::Wait);
    }
    ~BatchWorker() { finish(); }
    BatchWorker(const BatchWorker &) = delete;
    BatchWorker &operator=(const BatchWorker &) = delete;

    void add(const Item &item)
    {
        if (!m_worker) {
            m_consume(std::span<const Item>(&item, 1));
            return;
        }
        m_filling.push_back(item);
        if (m_filling.size() == kBatchSize)
            hand();
    }

    // Returns once the consumer has every item added so far; what it fills is then safe to
    // use from the caller's thread.
    void finish()
    {
        if (!m_worker)
            return;
        if (!m_filling.empty())
            hand();
        {
            const std::lock_guard lock(m_mutex);
            m_closing = true;
        }
        m_queueChanged.notify_all();
        m_worker.reset(); // waits for the consumer
    }

private:
    using Batch = std::vector<Item>;
    static constexpr std::size_t kBatchSize = 4096;
    // Up to 64 batches wait between the threads: enough to cover the consumer's pauses (the
    // binner merging 100,000 bins when it coarsens) so the producer rarely stops (measured in
    // tests/benchmarks/README.md).
    static constexpr std::size_t kMaxQueued = 64;

    void hand()
    {
        std::unique_lock lock(m_mutex);
        m_queueChanged.wait(lock, [this] { return m_queue.size() < kMaxQueued; });
        m_queue.push_back(std::move(m_filling));
        if (!m_spare.empty()) {
            m_filling = std::move(m_spare.back());
            m_spare.pop_back();
        } else {
            m_filling = {};
            m_filling.reserve(kBatchSize);
        }
        lock.unlock();
        m_queueChanged.notify_all();
    }

    void work()
    {
        for (;;) {
            Batch batch;
            {
                std::unique_lock lock(m_mutex);
                m_queueChanged.wait(lock, [this] { return !m_queue.empty() || m_closing; });
                if (m_queue.empty())
                    return; // closing, and everything has been passed on
                batch = std::move(m_queue.front());
                m_queue.pop_front();
            }
            m_queueChanged.notify_all();
            m_consume(batch);
            batch.clear();
            const std::lock_guard lock(m_mutex);
            m_spare.push_back(std::move(batch)); // reused, so no batch is allocated twice
        }
    }

    Consumer m_consume;
    Batch m_filling;
    std::mutex m_mutex;
    std::condition_variable m_queueChanged;
    std::deque<Batch> m_queue;
    std::vector<Batch> m_spare;
    bool m_closing = false;
    std::optional<ComputeTask> m_worker; // last: starts once everything it uses is built
};

} // namespace tideline
