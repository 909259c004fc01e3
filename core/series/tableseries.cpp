#include "tableseries.h"

#include "common/translate.h"
#include "flowbinner.h"

#include <QCoreApplication>
#include <algorithm>
#include <cmath>

namespace tideline {

namespace {

// Numeric columns as features; empty or non-finite values become 0 (and are reported).
void addColumnFeatures(const Table &table, Series &series, QStringList &warnings)
{
    std::vector<const TableColumn *> columns;
    for (const TableColumn &column : table.columns) {
        if (column.storage == TableColumn::Storage::Number)
            columns.push_back(&column);
    }
    const auto rows = Eigen::Index(table.rowCount());
    series.values.resize(rows, Eigen::Index(columns.size()));
    for (std::size_t c = 0; c < columns.size(); ++c) {
        const std::vector<double> &numbers = columns[c]->numbers;
        bool counts = true;
        qint64 nonFinite = 0;
        for (Eigen::Index r = 0; r < rows; ++r) {
            double v = numbers[std::size_t(r)];
            if (!std::isfinite(v)) {
                ++nonFinite;
                v = 0.0;
            }
            counts = counts && v >= 0.0 && v == std::floor(v);
            series.values(r, Eigen::Index(c)) = v;
        }
        series.features.push_back(
            {columns[c]->name, counts ? FeatureKind::Count : FeatureKind::Gauge});
        if (nonFinite > 0)
            warnings << tr("column \"%1\": %2 missing or non-finite values (empty, NA, NaN, "
                           "Infinity) were read as 0")
                            .arg(columns[c]->name)
                            .arg(nonFinite);
    }
}

void addRowLabels(const Table &table, Series &series)
{
    if (table.roles.label < 0)
        return;
    const TableColumn &labels = table.columns[std::size_t(table.roles.label)];
    std::vector<QString> text;
    text.reserve(labels.dictionary.size());
    for (const std::string &label : labels.dictionary)
        text.push_back(QString::fromStdString(label));
    series.labels.reserve(qsizetype(labels.codes.size()));
    for (std::uint32_t code : labels.codes)
        series.labels << text[code];
}

// Text columns other than the label as categories; one of more distinct values than
// kMostCategories (addresses that the sample did not show as such) is left out.
void addCategories(const Table &table, Series &series)
{
    constexpr std::size_t kMostCategories = 1024;
    for (std::size_t i = 0; i < table.columns.size(); ++i) {
        const TableColumn &column = table.columns[i];
        if (column.storage != TableColumn::Storage::Text || int(i) == table.roles.label ||
            column.dictionary.size() > kMostCategories)
            continue;
        CategoryColumn category;
        category.name = column.name;
        category.codes = column.codes;
        for (const std::string &value : column.dictionary)
            category.values << QString::fromStdString(value);
        series.categories.push_back(std::move(category));
    }
}

// The spacing of rows in time order that are regular: no repeated time, and at least 90 % of
// the steps equal to the median one. 0 otherwise.
TimeNs regularSpacing(const std::vector<TimeNs> &times, QStringList &warnings)
{
    if (times.size() < 2)
        return 0;
    std::vector<TimeNs> steps;
    steps.reserve(times.size() - 1);
    for (std::size_t i = 1; i < times.size(); ++i)
        steps.push_back(timeBetween(times[i - 1], times[i]));
    if (const auto repeats = std::count(steps.begin(), steps.end(), TimeNs(0)); repeats > 0) {
        warnings << tr("%1 rows repeat the time of the row before them: the rows are not "
                       "regular bins")
                        .arg(repeats);
        return 0;
    }
    std::nth_element(steps.begin(), steps.begin() + std::ptrdiff_t(steps.size() / 2), steps.end());
    const TimeNs median = steps[steps.size() / 2];
    const auto regular = std::count(steps.begin(), steps.end(), median);
    return std::size_t(regular) * 10 >= steps.size() * 9 ? median : 0;
}

// Puts the rows of a series in time order (stable: rows at the same time keep file order), so
// an interval never ends before it starts. Returns how many steps went back in time.
qint64 sortByTime(Series &series)
{
    const std::vector<TimeNs> &starts = series.starts;
    qint64 backwards = 0;
    for (std::size_t i = 1; i < starts.size(); ++i)
        backwards += starts[i] < starts[i - 1] ? 1 : 0;
    if (backwards == 0)
        return 0;
    std::vector<std::size_t> order(starts.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return starts[a] < starts[b]; });
    Series sorted;
    sorted.starts.reserve(order.size());
    sorted.values.resize(series.values.rows(), series.values.cols());
    for (std::size_t r = 0; r < order.size(); ++r) {
        sorted.starts.push_back(starts[order[r]]);
        sorted.values.row(Eigen::Index(r)) = series.values.row(Eigen::Index(order[r]));
        if (!series.labels.isEmpty())
            sorted.labels << series.labels[qsizetype(order[r])];
    }
    series.starts = std::move(sorted.starts);
    series.values = std::move(sorted.values);
    series.labels = std::move(sorted.labels);
    for (CategoryColumn &category : series.categories) {
        std::vector<std::uint32_t> codes(order.size());
        for (std::size_t r = 0; r < order.size(); ++r)
            codes[r] = category.codes[order[r]];
        category.codes = std::move(codes);
    }
    return backwards;
}

} // namespace

Series tableToSeries(const Table &table, const TableOptions &options, QStringList &warnings,
                     QString &error)
{
    if (table.layout == TableLayout::Binned)
        return binRecords(table, std::max<TimeNs>(0, options.binWidth), warnings, error);

    Series series;
    series.source = table.source;
    if (table.layout == TableLayout::TimedRows) {
        series.axis = Series::Axis::Time;
        series.starts = table.columns[std::size_t(table.roles.time)].times;
    } else {
        series.axis = Series::Axis::Row;
        series.starts.resize(std::size_t(table.rowCount()));
        for (std::size_t i = 0; i < series.starts.size(); ++i)
            series.starts[i] = TimeNs(i);
    }
    series.hasData.assign(series.starts.size(), true);
    addColumnFeatures(table, series, warnings);
    addRowLabels(table, series);
    addCategories(table, series);
    if (table.layout == TableLayout::TimedRows) {
        if (const qint64 backwards = sortByTime(series); backwards > 0)
            warnings << tr("the times are not in increasing order (%1 steps back): the rows are "
                           "taken in time order, so series rows are not in file order")
                            .arg(backwards);
        series.binWidth = regularSpacing(series.starts, warnings);
    }
    return series;
}

} // namespace tideline
