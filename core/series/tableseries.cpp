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

// The spacing of rows that are regular: no step back or repeat, and at least 90 % of the steps
// equal to the median one. 0 otherwise.
TimeNs regularSpacing(const std::vector<TimeNs> &times, QStringList &warnings)
{
    if (times.size() < 2)
        return 0;
    std::vector<TimeNs> steps;
    steps.reserve(times.size() - 1);
    qint64 backwards = 0, repeats = 0;
    for (std::size_t i = 1; i < times.size(); ++i) {
        const TimeNs step = times[i] - times[i - 1];
        backwards += step < 0 ? 1 : 0;
        repeats += step == 0 ? 1 : 0;
        steps.push_back(step);
    }
    if (backwards > 0 || repeats > 0) {
        warnings << tr("the times are not in increasing order (%1 steps back, %2 repeated "
                       "times): rows are kept in file order, one series row per table row")
                        .arg(backwards)
                        .arg(repeats);
        return 0;
    }
    std::nth_element(steps.begin(), steps.begin() + std::ptrdiff_t(steps.size() / 2), steps.end());
    const TimeNs median = steps[steps.size() / 2];
    const auto regular = std::count(steps.begin(), steps.end(), median);
    return std::size_t(regular) * 10 >= steps.size() * 9 ? median : 0;
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
        series.binWidth = regularSpacing(series.starts, warnings);
    } else {
        series.axis = Series::Axis::Row;
        series.starts.resize(std::size_t(table.rowCount()));
        for (std::size_t i = 0; i < series.starts.size(); ++i)
            series.starts[i] = TimeNs(i);
    }
    series.hasData.assign(series.starts.size(), true);
    addColumnFeatures(table, series, warnings);
    addRowLabels(table, series);
    return series;
}

} // namespace tideline
