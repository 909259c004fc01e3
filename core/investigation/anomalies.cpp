#include "anomalies.h"

#include <algorithm>
#include <cmath>

namespace tideline {

std::vector<Anomaly> toAnomalies(const Series &series, const DetectionResult &result)
{
    const int packetsColumn = series.featureIndex(QStringLiteral("packets"));
    const int bytesColumn = series.featureIndex(QStringLiteral("bytes"));
    const auto sum = [&](int column, const ScoredInterval &interval) -> std::optional<qint64> {
        if (column < 0)
            return std::nullopt;
        double total = 0.0;
        for (qsizetype r = interval.first; r <= interval.last; ++r) {
            const double x = series.values(r, column);
            if (std::isfinite(x))
                total += x;
        }
        return qint64(std::llround(std::clamp(total, -9.0e18, 9.0e18)));
    };
    std::vector<Anomaly> anomalies;
    anomalies.reserve(result.intervals.size());
    for (const ScoredInterval &interval : result.intervals) {
        Anomaly a;
        a.start = series.starts[std::size_t(interval.first)];
        a.end = rowEnd(series, interval.last);
        a.peakScore = interval.peak;
        a.meanScore = interval.mean;
        a.threshold = result.threshold;
        a.detector = result.model.detector;
        a.packets = sum(packetsColumn, interval);
        a.bytes = sum(bytesColumn, interval);
        anomalies.push_back(a);
    }
    return anomalies;
}

} // namespace tideline
