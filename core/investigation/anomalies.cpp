#include "anomalies.h"

#include <algorithm>
#include <cmath>

namespace tideline {

namespace {

// What the bins know about [anomaly.start, anomaly.end).
void describeFromTraffic(const Traffic &traffic, Anomaly &anomaly)
{
    const auto sums = traffic.totals(anomaly.start, anomaly.end);
    anomaly.packets = qint64(sums[traffic::Packets]);
    anomaly.bytes = qint64(sums[traffic::Bytes]);
    const auto sources = traffic.top(traffic::Dimension::Source, anomaly.start, anomaly.end, 1);
    anomaly.topSource = sources.empty() ? QString() : traffic.addressText(sources.front().key);
    const auto ports =
        traffic.top(traffic::Dimension::DestinationPort, anomaly.start, anomaly.end, 1);
    if (ports.empty())
        anomaly.topDestinationPort.reset();
    else
        anomaly.topDestinationPort = int(ports.front().key & 0xffff);
}

} // namespace

Anomaly describeRows(const Series &series, const Traffic *traffic, qsizetype first, qsizetype last)
{
    Anomaly a;
    a.start = series.starts[std::size_t(first)];
    a.end = rowEnd(series, last);
    if (traffic) {
        describeFromTraffic(*traffic, a);
        return a;
    }
    const auto sum = [&](const QString &name) -> std::optional<qint64> {
        const int column = series.featureIndex(name);
        if (column < 0)
            return std::nullopt;
        double total = 0.0;
        for (qsizetype r = first; r <= last; ++r) {
            const double x = series.values(r, column);
            if (std::isfinite(x))
                total += x;
        }
        return qint64(std::llround(std::clamp(total, -9.0e18, 9.0e18)));
    };
    a.packets = sum(QStringLiteral("packets"));
    a.bytes = sum(QStringLiteral("bytes"));
    return a;
}

} // namespace tideline
