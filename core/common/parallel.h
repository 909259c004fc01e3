#pragma once

#include "common/executor.h"
#include "common/progress.h"

#include <functional>

namespace tideline {

// Runs work(begin, end) over [0, count) in blocks of `blockSize` on up to detectorThreads()
// threads (the caller and computePool()'s). The calling thread takes part and is the only one that
// calls `progress` (items = finished items, throttled). Returns false when the callback asked to
// stop; blocks not yet started are then skipped.
bool parallelForBlocks(qint64 count, qint64 blockSize,
                       const std::function<void(qint64 begin, qint64 end)> &work,
                       const ProgressCallback &progress);

} // namespace tideline
