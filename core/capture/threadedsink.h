#pragma once

#include "capture/packet.h"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <vector>

namespace tideline {

// Passes packets on to another sink on a worker thread, in batches, so reading and decoding
// (the caller's thread) and what the sink does with them (the worker) use two cores. The
// downstream sink sees every packet, in order, and only from the worker until finish().
class ThreadedSink : public PacketSink
{
public:
    explicit ThreadedSink(PacketSink &downstream);
    ~ThreadedSink() override;

    ThreadedSink(const ThreadedSink &) = delete;
    ThreadedSink &operator=(const ThreadedSink &) = delete;

    void addPacket(const Packet &packet) override;
    // Returns once the downstream sink has every packet added so far; it is then safe to use
    // from the caller's thread again. Later packets are passed on directly.
    void finish();

private:
    using Batch = std::vector<Packet>;
    static constexpr std::size_t kBatchSize = 4096;
    // Up to 64 batches (16 MB of packets) wait between the threads: enough to cover the
    // binner's pauses (coarsening merges 100,000 bins in ~50 ms) so the reader never stops;
    // with 8 the two-thread ingest of 2.59M packets took 0.97 s, with 64 0.68 s.
    static constexpr std::size_t kMaxQueued = 64;

    void hand(Batch batch);
    void work();

    PacketSink &m_downstream;
    Batch m_filling;
    std::mutex m_mutex;
    std::condition_variable m_queueChanged;
    std::deque<Batch> m_queue;
    std::vector<Batch> m_spare; // emptied batches, reused so no batch is allocated twice
    bool m_closing = false;
    std::thread m_worker;
};

} // namespace tideline
