#include "threadedsink.h"

namespace tideline {

ThreadedSink::ThreadedSink(PacketSink &downstream)
    : m_downstream(downstream)
    , m_worker(&ThreadedSink::work, this)
{
    m_filling.reserve(kBatchSize);
}

ThreadedSink::~ThreadedSink()
{
    finish();
}

void ThreadedSink::addPacket(const Packet &packet)
{
    if (!m_worker.joinable()) {
        m_downstream.addPacket(packet);
        return;
    }
    m_filling.push_back(packet);
    if (m_filling.size() == kBatchSize)
        hand(std::move(m_filling));
}

void ThreadedSink::hand(Batch batch)
{
    std::unique_lock lock(m_mutex);
    m_queueChanged.wait(lock, [this] { return m_queue.size() < kMaxQueued; });
    m_queue.push_back(std::move(batch));
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

void ThreadedSink::finish()
{
    if (!m_worker.joinable())
        return;
    if (!m_filling.empty())
        hand(std::move(m_filling));
    {
        const std::lock_guard lock(m_mutex);
        m_closing = true;
    }
    m_queueChanged.notify_all();
    m_worker.join();
}

void ThreadedSink::work()
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
        m_downstream.addPackets(batch);
        batch.clear();
        const std::lock_guard lock(m_mutex);
        m_spare.push_back(std::move(batch));
    }
}

} // namespace tideline
