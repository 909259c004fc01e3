#pragma once

#include <QtGlobal>
#include <functional>

namespace tideline {

// How far a long piece of work has come. `fraction` is in [0, 1] (or negative when unknown);
// `items` counts what has been processed so far (packets, rows, epochs…), `itemsPerSecond` is
// the recent rate.
struct Progress
{
    double fraction = -1.0;
    qint64 items = 0;
    double itemsPerSecond = 0.0;
};

// Called now and then (throttled by the caller, never per item) during long work. Returning
// false asks the work to stop as soon as it can; it then returns what it has with `cancelled`.
using ProgressCallback = std::function<bool(const Progress &)>;

// Calls a possibly empty callback; true means "go on".
inline bool reportProgress(const ProgressCallback &callback, const Progress &progress)
{
    return !callback || callback(progress);
}

} // namespace tideline
