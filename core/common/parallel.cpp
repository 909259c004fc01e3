#include "parallel.h"

#include "throttledprogress.h"
#include "vectorstate.h"

#include <algorithm>
#include <atomic>
#include <memory>
#include <vector>

namespace tideline {

bool parallelForBlocks(qint64 count, qint64 blockSize,
                       const std::function<void(qint64, qint64)> &work,
                       const ProgressCallback &progress)
{
    if (count <= 0)
        return reportProgress(progress, Progress{1.0, 0, 0.0});
    blockSize = std::max<qint64>(1, blockSize);
    const qint64 blocks = (count + blockSize - 1) / blockSize;
    std::atomic<qint64> nextBlock{0};
    std::atomic<qint64> doneItems{0};
    std::atomic<bool> stop{false};

    auto runBlocks = [&](ThrottledProgress *reporter) {
        for (;;) {
            if (stop.load(std::memory_order_relaxed))
                return;
            const qint64 block = nextBlock.fetch_add(1);
            if (block >= blocks)
                return;
            const qint64 begin = block * blockSize;
            const qint64 end = std::min(count, begin + blockSize);
            clearUpperVectorState(); // the work may follow Qt code on this thread
            work(begin, end);
            const qint64 done = doneItems.fetch_add(end - begin) + (end - begin);
            if (reporter && !reporter->update(done))
                stop = true;
        }
    };

    ThrottledProgress reporter(progress, count);
    if (!reporter.force(0))
        return false;
    const int threads = int(std::min<qint64>(detectorThreads(), blocks));
    std::vector<std::unique_ptr<ComputeTask>> helpers;
    helpers.reserve(std::size_t(std::max(0, threads - 1)));
    for (int i = 1; i < threads; ++i)
        helpers.push_back(std::make_unique<ComputeTask>([&runBlocks] { runBlocks(nullptr); }));
    runBlocks(&reporter);
    helpers.clear(); // waits for each; one no pool thread took finds no block left
    if (stop)
        return false;
    return reporter.force(count);
}

} // namespace tideline
