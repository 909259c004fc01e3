#include "binwidth.h"

#include "common/translate.h"

#include <algorithm>
#include <array>

namespace tideline::binwidth {

namespace {

constexpr TimeNs kMinute = 60 * kNsPerSecond;
constexpr TimeNs kHour = 60 * kMinute;
constexpr TimeNs kDay = 24 * kHour;

constexpr std::array<TimeNs, 31> kNice{100 * kNsPerUs,
                                       200 * kNsPerUs,
                                       500 * kNsPerUs, //
                                       kNsPerMs,
                                       2 * kNsPerMs,
                                       5 * kNsPerMs, //
                                       10 * kNsPerMs,
                                       20 * kNsPerMs,
                                       50 * kNsPerMs, //
                                       100 * kNsPerMs,
                                       200 * kNsPerMs,
                                       500 * kNsPerMs, //
                                       kNsPerSecond,
                                       2 * kNsPerSecond,
                                       5 * kNsPerSecond, //
                                       10 * kNsPerSecond,
                                       20 * kNsPerSecond,
                                       30 * kNsPerSecond, //
                                       kMinute,
                                       2 * kMinute,
                                       5 * kMinute, //
                                       10 * kMinute,
                                       20 * kMinute,
                                       30 * kMinute, //
                                       kHour,
                                       2 * kHour,
                                       6 * kHour, //
                                       12 * kHour,
                                       kDay,
                                       7 * kDay, //
                                       30 * kDay};

constexpr std::array<TimeNs, 10> kBase{
    100 * kNsPerUs,    kNsPerMs, 10 * kNsPerMs, 100 * kNsPerMs, kNsPerSecond,
    10 * kNsPerSecond, kMinute,  10 * kMinute,  kHour,          kDay};

// An empty stretch shorter than this is always "quiet", never "no data".
constexpr TimeNs kMinimumGap = kMinute;
constexpr int kGapBins = 64;

} // namespace

std::span<const TimeNs> niceWidths()
{
    return kNice;
}

std::span<const TimeNs> baseWidths()
{
    return kBase;
}

TimeNs finestBaseFor(TimeNs width)
{
    for (TimeNs base : kBase) {
        if (width > 0 && width % base == 0)
            return base;
    }
    return kBase.front();
}

TimeNs coarsestBaseFor(TimeNs width)
{
    TimeNs best = 0;
    for (TimeNs base : kBase) {
        if (width > 0 && width % base == 0)
            best = base;
    }
    return best;
}

TimeNs autoWidth(TimeNs activeTime, TimeNs base)
{
    for (TimeNs width : kNice) {
        if (width >= base && width % base == 0 && activeTime / width <= kTargetBins)
            return width;
    }
    return kNice.back();
}

TimeNs gapThreshold(TimeNs width)
{
    return std::max(kMinimumGap, kGapBins * width);
}

QString widthProblem(TimeNs width)
{
    const TimeNs finest = kBase.front();
    if (width < finest)
        return tr("a bin width must be at least %1 (the finest resolution Tideline keeps)")
            .arg(formatDuration(finest));
    if (width % finest != 0)
        return tr("a bin width must be a multiple of %1 (the finest resolution Tideline keeps): "
                  "%2 is not; %3 or %4 is")
            .arg(formatDuration(finest), formatDuration(width),
                 formatDuration(width / finest * finest),
                 formatDuration((width / finest + 1) * finest));
    if (width > kMaxWidth)
        return tr("a bin width can be at most %1").arg(formatDuration(kMaxWidth));
    return QString();
}

QString tooManyBins(TimeNs width)
{
    return tr("a bin width of %1 makes more than %2 bins here, the most a series may have: choose "
              "a wider bin")
        .arg(formatDuration(width))
        .arg(kMaxBins);
}

} // namespace tideline::binwidth
