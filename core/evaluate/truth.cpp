#include "truth.h"

#include "export/csv.h"
#include "export/csvtimes.h"

#include <QCoreApplication>
#include <QFile>
#include <algorithm>
#include <numeric>

namespace tideline {

namespace {

int firstColumn(const QStringList &header, std::initializer_list<const char16_t *> names)
{
    for (const char16_t *name : names) {
        const int column = csvColumn(header, name);
        if (column >= 0)
            return column;
    }
    return -1;
}

} // namespace

bool isPositiveLabel(QStringView label)
{
    label = label.trimmed();
    if (label.isEmpty() || label == u"-")
        return false;
    for (const char16_t *negative : {u"normal", u"benign", u"false"}) {
        if (label.compare(negative, Qt::CaseInsensitive) == 0)
            return false;
    }
    bool number = false;
    const double value = label.toDouble(&number);
    return !(number && value == 0.0);
}

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

std::optional<std::vector<TruthInterval>> readTruthCsv(const QString &path,
                                                       Diagnostics &diagnostics)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        diagnostics.push_back(csvError(path, 0, 0, file.errorString()));
        return std::nullopt;
    }
    CsvReader reader(&file);
    QStringList header;
    if (!reader.next(header)) {
        diagnostics.push_back(
            csvError(path, 1, 0, QCoreApplication::translate("tideline", "the file is empty")));
        return std::nullopt;
    }
    const int startColumn = csvColumn(header, u"start");
    const int endColumn = csvColumn(header, u"end");
    const int labelColumn =
        firstColumn(header, {u"label", u"is_anomaly", u"attack_cat", u"class", u"anomaly"});
    const int timeColumn = firstColumn(header, {u"timestamp", u"time", u"ts", u"datetime"});
    const bool asIntervals = startColumn >= 0 && endColumn >= 0;
    if (!asIntervals && labelColumn < 0) {
        diagnostics.push_back(csvError(
            path, 1, 0,
            QCoreApplication::translate("tideline", "the header has neither 'start' and 'end' "
                                                    "columns nor a label column")));
        return std::nullopt;
    }
    const int kindColumn = csvColumn(header, u"kind");
    const int descriptionColumn = csvColumn(header, u"description");

    std::vector<TruthInterval> intervals;
    std::vector<TimeNs> times;
    std::vector<bool> positive;
    QStringList fields;
    TimeNs rowNumber = 0;
    while (reader.next(fields)) {
        if (fields.size() == 1 && fields.front().isEmpty())
            continue;
        const auto text = [&](int c) {
            return c >= 0 && c < fields.size() ? QStringView(fields[c]).trimmed() : QStringView();
        };
        const auto fail = [&](int c, const QString &message) {
            diagnostics.push_back(csvError(path, reader.line(), c + 1, message));
        };
        const auto time = [&](int c) -> std::optional<TimeNs> {
            const std::optional<TimeNs> t = parseCsvTime(text(c));
            if (!t)
                fail(c, QCoreApplication::translate("tideline", "'%1' is not a time").arg(text(c)));
            return t;
        };
        if (asIntervals) {
            const std::optional<TimeNs> start = time(startColumn);
            const std::optional<TimeNs> end = start ? time(endColumn) : std::nullopt;
            if (!start || !end)
                continue;
            if (*end < *start) {
                fail(endColumn,
                     QCoreApplication::translate("tideline", "the end is before the start"));
                continue;
            }
            intervals.push_back(
                {*start, *end, text(kindColumn).toString(), text(descriptionColumn).toString()});
            continue;
        }
        std::optional<TimeNs> t = rowNumber++;
        if (timeColumn >= 0 && !(t = time(timeColumn)))
            continue;
        times.push_back(*t);
        positive.push_back(isPositiveLabel(text(labelColumn)));
    }
    if (!reader.error().isEmpty())
        diagnostics.push_back(csvError(path, reader.line(), 0, reader.error()));
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
