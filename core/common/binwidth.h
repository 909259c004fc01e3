#pragma once

#include "common/timeutil.h"

#include <QString>
#include <span>

namespace tideline {

// Bin widths: the "nice" widths a user picks from, the base resolutions kept while ingesting,
// and the rule that tells an empty stretch ("no data") from zero traffic.
namespace binwidth {

// Widths offered to users and chosen automatically: 100µs … 7d in 1-2-5 steps.
std::span<const TimeNs> niceWidths();

// Base resolutions the binner may keep, finest first. Each divides the next, so coarsening
// merges whole bins, and each nice width is a multiple of every base not larger than it.
std::span<const TimeNs> baseWidths();

// The finest base that divides `width` (for a user-requested width), or the finest base.
TimeNs finestBaseFor(TimeNs width);

// The coarsest base that divides `width`: how far the binner may coarsen without losing it.
TimeNs coarsestBaseFor(TimeNs width);

// The width an automatic choice aims for: a few hundred bins over the active time.
constexpr int kTargetBins = 600;

// The smallest nice width, multiple of `base`, giving at most kTargetBins over `activeTime`.
TimeNs autoWidth(TimeNs activeTime, TimeNs base);

// An empty stretch at least this long is a gap ("no data"), not zero traffic.
TimeNs gapThreshold(TimeNs width);

// The most rows a series may have (bins with data, zero bins between them and one row per
// gap): about 300 MB of features. A width that would make more is refused, so memory follows
// what a file holds, never what a fine width asks for.
constexpr qint64 kMaxBins = 2'000'000;

// The widest bin a user may ask for, the widest nice width: a bin starting at the earliest or
// latest time a reader accepts (timeutil.h) still ends inside the range of TimeNs.
constexpr TimeNs kMaxWidth = 30 * 86400 * kNsPerSecond;

// Why a requested width cannot be used (finer than the finest base, not a multiple of it, or
// wider than kMaxWidth), or empty when it can.
QString widthProblem(TimeNs width);

// The message for a width that would make more than kMaxBins rows (counting stops there).
QString tooManyBins(TimeNs width);

} // namespace binwidth
} // namespace tideline
