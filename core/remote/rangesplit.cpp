#include "rangesplit.h"

namespace tideline {

std::vector<TimeSlice> splitRange(TimeNs start, TimeNs end, TimeNs step, qint64 maxPoints)
{
    std::vector<TimeSlice> slices;
    if (end < start || step <= 0 || maxPoints <= 0)
        return slices;
    const qint64 rows = timeBetween(start, end) / step + 1;
    for (qint64 first = 0; first < rows; first += maxPoints) {
        const qint64 last = std::min(rows, first + maxPoints) - 1;
        slices.push_back({start + first * step, start + last * step, first});
    }
    return slices;
}

} // namespace tideline
