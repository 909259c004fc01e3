#include "truth.h"

#include "common/csvtable.h"
#include "common/csvtimes.h"
#include "common/labels.h"
#include "series/tableloader.h"

#include <QCoreApplication>
#include <algorithm>
#include <numeric>

namespace tideline {

namespace {

// Where a truth file keeps what the reader needs; -1 for a column it lacks.
struct TruthColumns
{
    int start = -1;
    int end = -1;
    int label = -1;
    int time = -1;
    int kind = -1;
    int description = -1;

    bool asIntervals() const { return start >= 0 && end >= 0; }
    bool usable() const { return asIntervals() || label >= 0; }
};

TruthColumns findColumns(const CsvTable &csv)
{
    TruthColumns c;
    c.start = csv.column(u"start");
    c.end = csv.column(u"end");
    c.label = csv.firstColumn({u"label", u"is_anomaly", u"attack_cat", u"class", u"anomaly"});
    c.time = csv.firstColumn({u"timestamp", u"time", u"ts", u"datetime"});
    c.kind = csv.column(u"kind");
    c.description = csv.column(u"description");
    return c;
}

} // namespace

std::vector<TruthInterval> intervalsFromLabels(const std::vector<TimeNs> &times,
                                               const std::vector<bool> &positive)
{
    std::vector<TruthInterval> intervals;
    const std::size_t n = std::min(times.size(), positive.size());
    for (std::size_t i = 0; i < n;) {
        if (!positive[i]) {
            ++i;
            continue;
        }
        std::size_t last = i;
        while (last + 1 < n && positive[last + 1])
            ++last;
        TruthInterval interval;
        interval.start = times[i];
        interval.end = last + 1 < n ? times[last + 1] : times[last] + 1;
        interval.end = std::max(interval.end, times[last] + 1);
        intervals.push_back(interval);
        i = last + 1;
    }
    return intervals;
}

std::vector<bool> rowsInIntervals(const std::vector<TimeNs> &times,
                                  const std::vector<TruthInterval> &intervals)
{
    std::vector<TruthInterval> sorted = intervals;
    std::sort(sorted.begin(), sorted.end(),
              [](const TruthInterval &a, const TruthInterval &b) { return a.start < b.start; });
    // The furthest end among intervals starting at or before each one, for binary search.
    std::vector<TimeNs> reach(sorted.size());
    TimeNs furthest = std::numeric_limits<TimeNs>::min();
    for (std::size_t i = 0; i < sorted.size(); ++i) {
        furthest = std::max(furthest, sorted[i].end);
        reach[i] = furthest;
    }
    std::vector<bool> inside(times.size(), false);
    for (std::size_t r = 0; r < times.size(); ++r) {
        const TimeNs t = times[r];
        // The last interval starting at or before t; an earlier one may still reach past t.
        const auto after = std::upper_bound(
            sorted.begin(), sorted.end(), t,
            [](TimeNs value, const TruthInterval &interval) { return value < interval.start; });
        if (after == sorted.begin())
            continue;
        inside[r] = reach[std::size_t(after - sorted.begin()) - 1] > t;
    }
    return inside;
}

std::optional<std::vector<TruthInterval>>
readTruthCsv(const QString &path, Diagnostics &diagnostics, std::optional<CsvTimes> *timeForm)
{
    CsvTable csv(path, diagnostics);
    if (!csv.isOpen())
        return std::nullopt;
    TruthColumns columns = findColumns(csv);
    // A table without a header (NSL-KDD) gets the names the table loader gives it.
    if (!columns.usable() && csv.nameColumns(knownHeaderlessNames(path)))
        columns = findColumns(csv);
    if (!columns.usable()) {
        csv.headerError(QCoreApplication::translate(
            "tideline", "the header has neither 'start' and 'end' columns nor a label column"));
        return std::nullopt;
    }
    const bool asIntervals = columns.asIntervals();
    if (timeForm && !*timeForm && !asIntervals && columns.time < 0)
        *timeForm = CsvTimes::RowNumbers;

    std::vector<TruthInterval> intervals;
    std::vector<TimeNs> times;
    std::vector<bool> positive;
    TimeNs rowNumber = 0;
    const auto time = [&](int c) -> std::optional<TimeNs> {
        CsvTimes form = CsvTimes::Iso;
        const std::optional<TimeNs> t = parseCsvTime(csv.text(c), &form);
        if (!t)
            csv.error(
                c, QCoreApplication::translate("tideline", "'%1' is not a time").arg(csv.text(c)));
        else if (timeForm && !*timeForm)
            *timeForm = form;
        return t;
    };
    while (csv.next()) {
        if (asIntervals) {
            const std::optional<TimeNs> start = time(columns.start);
            const std::optional<TimeNs> end = start ? time(columns.end) : std::nullopt;
            if (!start || !end)
                continue;
            if (*end < *start) {
                csv.error(columns.end,
                          QCoreApplication::translate("tideline", "the end is before the start"));
                continue;
            }
            intervals.push_back({*start, *end, csv.text(columns.kind).toString(),
                                 csv.text(columns.description).toString()});
            continue;
        }
        std::optional<TimeNs> t = rowNumber++;
        if (columns.time >= 0 && !(t = time(columns.time)))
            continue;
        times.push_back(*t);
        positive.push_back(isAttackLabel(csv.text(columns.label)));
    }
    if (asIntervals)
        return intervals;
    // Runs are runs in time, whatever order the file lists its rows in.
    std::vector<std::size_t> order(times.size());
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return times[a] < times[b]; });
    std::vector<TimeNs> sortedTimes;
    std::vector<bool> sortedPositive;
    for (std::size_t i : order) {
        sortedTimes.push_back(times[i]);
        sortedPositive.push_back(positive[i]);
    }
    std::vector<TruthInterval> fromLabels = intervalsFromLabels(sortedTimes, sortedPositive);
    for (TruthInterval &interval : fromLabels)
        interval.kind = QStringLiteral("label");
    return fromLabels;
}

} // namespace tideline
