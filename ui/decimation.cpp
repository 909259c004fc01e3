#include "decimation.h"

#include <QtNumeric>
#include <algorithm>
#include <cmath>
#include <limits>

namespace tideline {

QList<QPointF> decimateMinMax(std::span<const double> values, qsizetype first, qsizetype last,
                              int columns)
{
    first = std::clamp<qsizetype>(first, 0, qsizetype(values.size()));
    last = std::clamp<qsizetype>(last, first, qsizetype(values.size()));
    const qsizetype count = last - first;
    QList<QPointF> points;
    if (count <= 0)
        return points;
    columns = std::max(columns, 1);
    if (count <= 2 * qsizetype(columns)) {
        points.reserve(count);
        for (qsizetype i = first; i < last; ++i)
            points.append(QPointF(double(i) + 0.5, values[std::size_t(i)]));
        return points;
    }
    points.reserve(2 * columns);
    for (int c = 0; c < columns; ++c) {
        const qsizetype begin = first + count * c / columns;
        const qsizetype end = first + count * (c + 1) / columns;
        if (begin >= end)
            continue;
        // NaN compares false both ways, so rows without data never become an extreme.
        qsizetype lowest = -1, highest = -1;
        double low = std::numeric_limits<double>::infinity(), high = -low;
        for (qsizetype i = begin; i < end; ++i) {
            const double value = values[std::size_t(i)];
            if (value < low) {
                low = value;
                lowest = i;
            }
            if (value > high) {
                high = value;
                highest = i;
            }
        }
        if (lowest < 0) // all +inf
            lowest = highest;
        if (highest < 0) // all -inf
            highest = lowest;
        if (lowest < 0) {
            if (points.isEmpty() || !std::isnan(points.back().y()))
                points.append(QPointF(double(begin) + 0.5, qQNaN()));
            continue;
        }
        const qsizetype a = std::min(lowest, highest), b = std::max(lowest, highest);
        points.append(QPointF(double(a) + 0.5, values[std::size_t(a)]));
        if (b != a)
            points.append(QPointF(double(b) + 0.5, values[std::size_t(b)]));
    }
    return points;
}

} // namespace tideline
