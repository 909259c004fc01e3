#pragma once

#include <QtGlobal>

namespace tideline {

// numpy's default ("linear") percentile of ascending values, bit for bit; p in [0, 100].
// NaN when there are no values.
double percentileOfSorted(const double *sorted, qsizetype count, double percentile);

} // namespace tideline
