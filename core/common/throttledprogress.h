#pragma once

#include "common/progress.h"

#include <QElapsedTimer>

namespace tideline {

// Calls a ProgressCallback at most every 100 ms (and always on the first update), so loops can
// ask "go on?" after every block without paying for the callback each time. The one throttle of
// core: readers, the generator, detectors and parallel loops all report through it.
class ThrottledProgress
{
public:
    // `total` items make fraction 1 (0 or less: fraction unknown). [from, to] maps the fraction
    // into a larger piece of work (fit then score, say).
    explicit ThrottledProgress(ProgressCallback callback, qint64 total, double from = 0.0,
                               double to = 1.0);

    // `items` done so far; false once the callback asked to stop (and from then on).
    bool update(qint64 items);
    // The same where the fraction done is known otherwise (bytes read of a file, time written
    // of a scenario): `fraction` in [0, 1].
    bool update(qint64 items, double fraction);
    // Reports now, whatever the time since the last report.
    bool force(qint64 items);
    bool force(qint64 items, double fraction);
    bool stopped() const { return m_stopped; }

private:
    double fractionOf(qint64 items) const;

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
