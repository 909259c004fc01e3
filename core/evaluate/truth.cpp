#include "truth.h"

#include "common/csvtable.h"
#include "common/csvtimes.h"
#include "common/labels.h"
#include "evaluate/nabwindows.h"
#include "records/tableflavour.h"
#include "records/timeparse.h"
#include "series/tableloader.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <algorithm>
#include <array>
#include <numeric>
#include <string_view>

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
    int className = -1;   // the attack's name beside a 0/1 label (attack_cat), or the label itself
    std::string timeName; // normalised: it tells the unit of epoch numbers ("… ms")

    bool asIntervals() const { return start >= 0 && end >= 0; }
    bool usable() const { return asIntervals() || label >= 0; }
};

// The time columns a label table may have: the plain names, then the ones the table loader
// bins flow tables by.
constexpr std::array<std::u16string_view, 7> kTimeColumns = {
    u"timestamp",       u"time", u"ts", u"datetime", u"bidirectional_first_seen_ms", u"stime",
    u"frame.time_epoch"};

TruthColumns findColumns(const CsvTable &csv)
{
    TruthColumns c;
    c.start = csv.column(u"start");
    c.end = csv.column(u"end");
    c.label = csv.firstColumn({u"label", u"is_anomaly", u"attack_cat", u"class", u"anomaly"});
    for (const std::u16string_view name : kTimeColumns) {
        if (c.time < 0 && csv.column(name) >= 0) {
            c.time = csv.column(name);
            c.timeName = normaliseHeader(
                QString::fromUtf16(name.data(), qsizetype(name.size())).toStdString());
        }
    }
    c.kind = csv.column(u"kind");
    c.description = csv.column(u"description");
    c.className = csv.firstColumn({u"attack_cat", u"class", u"category"});
    if (c.className < 0)
        c.className = c.label;
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
    std::vector<QString> classes;
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
    // A label table's times in the format its first time has (epoch seconds or milliseconds,
    // CICFlowMeter's dates…), as the table loader reads them; ISO times and row numbers as
    // parseCsvTime() reads them.
    std::optional<TimeFormat> format;
    const auto labelTime = [&]() -> std::optional<TimeNs> {
        const std::string_view raw = csv.bytes(columns.time);
        if (!format)
            format = detectTimeFormat({raw}, columns.timeName);
        if (*format == TimeFormat::None || *format == TimeFormat::Iso)
            return time(columns.time);
        const std::optional<TimeNs> t = parseTime(raw, *format);
        if (!t)
            csv.error(columns.time, QCoreApplication::translate("tideline", "'%1' is not a time")
                                        .arg(csv.text(columns.time)));
        else if (timeForm && !*timeForm)
            *timeForm = CsvTimes::Iso;
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
            intervals.push_back(
                {*start, *end, csv.text(columns.kind), csv.text(columns.description)});
            continue;
        }
        std::optional<TimeNs> t = rowNumber++;
        if (columns.time >= 0 && !(t = labelTime()))
            continue;
        times.push_back(*t);
        positive.push_back(isAttackLabel(csv.bytes(columns.label)));
        classes.push_back(positive.back() ? csv.text(columns.className) : QString());
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
    std::vector<QString> sortedClasses;
    for (std::size_t i : order) {
        sortedTimes.push_back(times[i]);
        sortedPositive.push_back(positive[i]);
        sortedClasses.push_back(classes[i]);
    }
    std::vector<TruthInterval> fromLabels = intervalsFromLabels(sortedTimes, sortedPositive);
    // Each run is named by its rows' classes ("neptune"), first seen first; a 0/1 label with
    // no class beside it names nothing but itself.
    std::size_t row = 0;
    for (TruthInterval &interval : fromLabels) {
        while (row < sortedTimes.size() &&
               !(sortedPositive[row] && sortedTimes[row] >= interval.start))
            ++row;
        QStringList names;
        for (; row < sortedTimes.size() && sortedTimes[row] < interval.end; ++row) {
            const QString &name = sortedClasses[row];
            bool numeric = false;
            name.toDouble(&numeric);
            if (sortedPositive[row] && !numeric && !name.isEmpty() && !names.contains(name))
                names << name;
        }
        interval.kind = names.isEmpty() ? QStringLiteral("label") : names.join(QLatin1Char('+'));
    }
    return fromLabels;
}

std::optional<std::vector<TruthInterval>> readTruthFile(const QString &path, const QString &series,
                                                        Diagnostics &diagnostics,
                                                        std::optional<CsvTimes> *timeForm)
{
    if (!path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive))
        return readTruthCsv(path, diagnostics, timeForm);
    auto windows = readNabWindows(path, series, diagnostics);
    if (windows && timeForm && !*timeForm)
        *timeForm = CsvTimes::Iso;
    return windows;
}

QString truthFileBeside(const QString &inputPath)
{
    const QFileInfo input(inputPath);
    const QString suffix = input.suffix();
    QString base = inputPath;
    if (!suffix.isEmpty())
        base.chop(suffix.size() + 1);
    for (const QString &candidate :
         {base + QStringLiteral(".truth.csv"), inputPath + QStringLiteral(".truth.csv")}) {
        // Not the input itself (a truth file opened as a table has its own name as the base).
        if (candidate != inputPath && QFileInfo(candidate).isFile())
            return candidate;
    }
    return {};
}

std::vector<TruthInterval> truthFromLabels(const Series &series)
{
    std::vector<TruthInterval> truth;
    if (series.labels.size() != series.rowCount())
        return truth;
    const auto attack = [&](qsizetype row) {
        return series.rowHasData(row) && isAttackLabel(QStringView(series.labels[row]));
    };
    for (qsizetype row = 0; row < series.rowCount();) {
        if (!attack(row)) {
            ++row;
            continue;
        }
        const QString label = series.labels[row].trimmed();
        qsizetype last = row;
        while (last + 1 < series.rowCount() && attack(last + 1) &&
               series.labels[last + 1].trimmed() == label)
            ++last;
        bool numeric = false;
        label.toDouble(&numeric);
        truth.push_back({series.starts[std::size_t(row)], rowEnd(series, last),
                         numeric ? QStringLiteral("attack") : label, QString()});
        row = last + 1;
    }
    return truth;
}

bool overlaps(TimeNs aStart, TimeNs aEnd, TimeNs bStart, TimeNs bEnd)
{
    aEnd = std::max(aEnd, aStart + 1);
    bEnd = std::max(bEnd, bStart + 1);
    return aStart < bEnd && bStart < aEnd;
}

std::vector<std::size_t> overlappingTruth(const std::vector<TruthInterval> &truth, TimeNs start,
                                          TimeNs end)
{
    std::vector<std::size_t> overlapping;
    for (std::size_t i = 0; i < truth.size(); ++i) {
        if (overlaps(truth[i].start, truth[i].end, start, end))
            overlapping.push_back(i);
    }
    return overlapping;
}

} // namespace tideline
