#include "anomalies.h"

#include <algorithm>
#include <cmath>

namespace tideline {

Anomaly describeRows(const Series &series, qsizetype first, qsizetype last)
{
    Anomaly a;
    a.start = series.starts[std::size_t(first)];
    a.end = rowEnd(series, last);
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
