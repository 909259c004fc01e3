#include "livepublisher.h"

namespace tideline {

void LivePublisher::binScored(const ScoredBin &bin)
{
    QMetaObject::invokeMethod(
        m_server, [server = m_server, bin] { server->publishBin(bin); }, Qt::QueuedConnection);
}

void LivePublisher::anomalyFound(const Anomaly &anomaly)
{
    QMetaObject::invokeMethod(
        m_server, [server = m_server, anomaly] { server->publishAnomaly(anomaly); },
        Qt::QueuedConnection);
}

void LivePublisher::finished(const QString &error)
{
    QMetaObject::invokeMethod(
        m_server, [server = m_server, error] { server->publishFinished(error); },
        Qt::QueuedConnection);
}

} // namespace tideline
