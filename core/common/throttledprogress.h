#pragma once

#include "common/progress.h"

#include <QElapsedTimer>

namespace tideline {

// Calls a ProgressCallback at most every 100 ms (and always on the first update), so loops can
// ask "go on?" after every block without paying for the callback each time.
class ThrottledProgress
{
public:
    // `total` items make fraction 1 (0 or less: fraction unknown). [from, to] maps the fraction
    // into a larger piece of work (fit then score, say).
    explicit ThrottledProgress(ProgressCallback callback, qint64 total, double from = 0.0,
                               double to = 1.0);

    // `items` done so far; false once the callback asked to stop (and from then on).
    bool update(qint64 items);
    // Reports now, whatever the time since the last report.
    bool force(qint64 items);
    bool stopped() const { return m_stopped; }

private:
    ProgressCallback m_callback;
    qint64 m_total;
    double m_from;
    double m_to;
    QElapsedTimer m_timer;
    qint64 m_lastReport = -1;
    bool m_stopped = false;
};

// A callback that maps fractions from [0, 1] into [from, to] of `parent`.
ProgressCallback scaledProgress(const ProgressCallback &parent, double from, double to);

} // namespace tideline
