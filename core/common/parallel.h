#pragma once

#include "common/progress.h"

#include <functional>

namespace tideline {

// How many threads detectors may use for fitting and scoring; 0 (the default) means one per
// core. Results never depend on it: every block of work writes only its own rows or trees.
void setDetectorThreads(int threads);
int detectorThreads();

// Runs work(begin, end) over [0, count) in blocks of `blockSize` on up to detectorThreads()
// threads. The calling thread takes part and is the only one that calls `progress` (items =
// finished items, throttled). Returns false when the callback asked to stop; blocks not yet
// started are then skipped.
bool parallelForBlocks(qint64 count, qint64 blockSize,
                       const std::function<void(qint64 begin, qint64 end)> &work,
                       const ProgressCallback &progress);

} // namespace tideline
