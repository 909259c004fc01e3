#pragma once

#include <QList>
#include <QPointF>
#include <span>

namespace tideline {

// Reduces values[first, last) to about two points per pixel column, keeping each column's
// minimum and maximum in the order they occur, so spikes survive any zoom level. Point x is
// the row index + 0.5 (the middle of the bin); every row is kept when there are fewer rows
// than 2 × columns. NaN marks a row without data: it is passed through when every row is kept,
// skipped otherwise, and a column with nothing else becomes one NaN point (a break).
QList<QPointF> decimateMinMax(std::span<const double> values, qsizetype first, qsizetype last,
                              int columns);

} // namespace tideline
