#include "throttledprogress.h"

#include <utility>

namespace tideline {

namespace {
constexpr qint64 kIntervalMs = 100;
}

ThrottledProgress::ThrottledProgress(ProgressCallback callback, qint64 total, double from,
                                     double to)
    : m_callback(std::move(callback))
    , m_total(total)
    , m_from(from)
    , m_to(to)
{
    m_timer.start();
}

bool ThrottledProgress::update(qint64 items)
{
    return update(items, fractionOf(items));
}

bool ThrottledProgress::update(qint64 items, double fraction)
{
    if (m_stopped)
        return false;
    if (m_lastReport >= 0 && m_timer.elapsed() - m_lastReport < kIntervalMs)
        return true;
    return force(items, fraction);
}

bool ThrottledProgress::force(qint64 items)
{
    return force(items, fractionOf(items));
}

bool ThrottledProgress::force(qint64 items, double fraction)
{
    if (m_stopped)
        return false;
    const qint64 elapsed = m_timer.elapsed();
    m_lastReport = elapsed;
    if (!m_callback)
        return true;
    Progress progress;
    progress.items = items;
    if (fraction >= 0)
        progress.fraction = m_from + (m_to - m_from) * fraction;
    if (elapsed > 0)
        progress.itemsPerSecond = double(items) * 1000.0 / double(elapsed);
    m_stopped = !m_callback(progress);
    return !m_stopped;
}

double ThrottledProgress::fractionOf(qint64 items) const
{
    return m_total > 0 ? double(items) / double(m_total) : -1.0;
}

ProgressCallback scaledProgress(const ProgressCallback &parent, double from, double to)
{
    if (!parent)
        return {};
    return [parent, from, to](const Progress &progress) {
        Progress scaled = progress;
        if (progress.fraction >= 0)
            scaled.fraction = from + (to - from) * progress.fraction;
        return parent(scaled);
    };
}

} // namespace tideline
