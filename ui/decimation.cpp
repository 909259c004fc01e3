#include "decimation.h"

#include <algorithm>

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
        qsizetype lowest = begin, highest = begin;
        for (qsizetype i = begin + 1; i < end; ++i) {
            if (values[std::size_t(i)] < values[std::size_t(lowest)])
                lowest = i;
            if (values[std::size_t(i)] > values[std::size_t(highest)])
                highest = i;
        }
        const qsizetype a = std::min(lowest, highest), b = std::max(lowest, highest);
        points.append(QPointF(double(a) + 0.5, values[std::size_t(a)]));
        if (b != a)
            points.append(QPointF(double(b) + 0.5, values[std::size_t(b)]));
    }
    return points;
}

} // namespace tideline
