#include "jobrunner.h"

namespace tideline {

JobRunner::JobRunner(QObject *parent)
    : QObject(parent)
{}

JobRunner::~JobRunner()
{
    cancel();
    // Jobs capture `this`; let them finish before the runner goes away.
    jobPool().waitForDone();
}

void JobRunner::cancel()
{
    if (m_cancelCurrent)
        m_cancelCurrent();
    m_cancelCurrent = {};
}

void JobRunner::reportProgress(quint64 job, const Progress &progress)
{
    if (job == m_job)
        emit progressChanged(progress.fraction, progress.items, progress.itemsPerSecond);
}

void JobRunner::finish(quint64 job, bool cancelled)
{
    if (job != m_job)
        return; // superseded: the newer job reports for itself
    m_running = false;
    m_cancelCurrent = {};
    if (cancelled)
        emit jobCancelled();
    else
        emit jobFinished();
}

} // namespace tideline
