#pragma once

#include "common/timeutil.h"

#include <QtGlobal>
#include <vector>

namespace tideline {

// One query_range request's share of the range: evaluation times start, start + step, …, end.
struct TimeSlice
{
    TimeNs start = 0;
    TimeNs end = 0;
    qint64 firstRow = 0; // the row of `start` in the whole range

    qint64 points(TimeNs step) const { return timeBetween(start, end) / step + 1; }
};

// [start, end] at `step` cut into consecutive slices of at most `maxPoints` evaluation times
// each, all on the grid of the whole range (so a slice's times are rows of the result, and no
// time is asked for twice). Empty when end < start or step or maxPoints is not positive.
std::vector<TimeSlice> splitRange(TimeNs start, TimeNs end, TimeNs step, qint64 maxPoints);

} // namespace tideline
