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

TimeNs rowEnd(const Series &series, qsizetype row)
{
    const std::vector<TimeNs> &starts = series.starts;
    const qsizetype n = qsizetype(starts.size());
    if (series.axis == Series::Axis::Row)
        return starts[std::size_t(row)] + 1;
    if (series.binWidth > 0)
        return starts[std::size_t(row)] + series.binWidth;
    if (row + 1 < n)
        return starts[std::size_t(row + 1)];
    std::vector<TimeNs> steps;
    for (qsizetype i = 1; i < n; ++i)
        steps.push_back(starts[std::size_t(i)] - starts[std::size_t(i - 1)]);
    if (steps.empty())
        return starts[std::size_t(row)] + 1;
    std::nth_element(steps.begin(), steps.begin() + std::ptrdiff_t(steps.size() / 2), steps.end());
    return starts[std::size_t(row)] + std::max<TimeNs>(1, steps[steps.size() / 2]);
}

} // namespace tideline
