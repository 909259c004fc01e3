#include "series.h"

#include <algorithm>

namespace tideline {

int Series::featureIndex(const QString &name) const
{
    for (std::size_t i = 0; i < features.size(); ++i) {
        if (features[i].name == name)
            return int(i);
    }
    return -1;
}

qsizetype Series::rowsWithData() const
{
    return hasData.empty() ? rowCount()
                           : qsizetype(std::count(hasData.begin(), hasData.end(), true));
}

TimeNs rowDuration(const Series &series)
{
    if (series.axis == Series::Axis::Row)
        return 0;
    if (series.binWidth > 0)
        return series.binWidth;
    const std::vector<TimeNs> &starts = series.starts;
    std::vector<TimeNs> steps;
    for (std::size_t i = 1; i < starts.size(); ++i)
        steps.push_back(timeBetween(starts[i - 1], starts[i]));
    if (steps.empty())
        return 0;
    std::nth_element(steps.begin(), steps.begin() + std::ptrdiff_t(steps.size() / 2), steps.end());
    return std::max<TimeNs>(0, steps[steps.size() / 2]);
}

TimeNs rowEnd(const Series &series, qsizetype row)
{
    const std::vector<TimeNs> &starts = series.starts;
    const qsizetype n = qsizetype(starts.size());
    const TimeNs start = starts[std::size_t(row)];
    if (series.axis == Series::Axis::Row)
        return timeAfter(start, 1);
    if (series.binWidth > 0)
        return timeAfter(start, series.binWidth);
    // Rows are in time order; one at the same time as the next still lasts a nanosecond.
    if (row + 1 < n)
        return std::max(timeAfter(start, 1), starts[std::size_t(row + 1)]);
    return timeAfter(start, std::max<TimeNs>(1, rowDuration(series)));
}

} // namespace tideline
