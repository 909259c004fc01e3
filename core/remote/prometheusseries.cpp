#include "prometheusseries.h"

#include "common/translate.h"

#include <QSet>
#include <algorithm>
#include <cmath>
#include <limits>

namespace tideline {

PrometheusSeries::PrometheusSeries(const PrometheusSource &source)
    : m_start(source.start)
    , m_step(source.step)
    , m_rows(source.rowCount())
    , m_queries(source.queries.size())
{
    for (const PrometheusQuery &query : source.queries)
        m_queryNames << query.name;
}

void PrometheusSeries::add(std::size_t query, const MatrixResponse &response)
{
    QueryColumns &target = m_queries[query];
    for (const MatrixSeries &series : response.series) {
        const QString key = series.key();
        auto found = target.byKey.constFind(key);
        if (found == target.byKey.cend()) {
            found = target.byKey.insert(key, target.columns.size());
            target.columns.push_back(
                {series.labels, std::vector<double>(std::size_t(m_rows),
                                                    std::numeric_limits<double>::quiet_NaN())});
        }
        Column &column = target.columns[*found];
        for (const auto &[time, value] : series.samples) {
            // Servers that align the range to the step themselves (VictoriaMetrics) answer
            // at times beside ours: each sample goes to the nearest step.
            const qint64 row = floorDiv(timeBetween(m_start, time) + m_step / 2, m_step);
            if (row < 0 || row >= m_rows) {
                ++m_offGrid;
                continue;
            }
            if (!std::isnan(value))
                column.values[std::size_t(row)] = value;
        }
    }
}

QStringList PrometheusSeries::featureNames(const QString &query,
                                           const std::vector<const Column *> &columns)
{
    if (columns.size() == 1)
        return {query};
    QSet<QString> names;
    for (const Column *column : columns) {
        for (auto it = column->labels.cbegin(); it != column->labels.cend(); ++it)
            names.insert(it.key());
    }
    QStringList differing;
    for (const QString &name : names) {
        const QString first = columns.front()->labels.value(name);
        const bool differs = std::any_of(columns.begin(), columns.end(), [&](const Column *c) {
            return c->labels.value(name) != first;
        });
        if (differs)
            differing << name;
    }
    std::sort(differing.begin(), differing.end());
    QStringList result;
    for (const Column *column : columns) {
        QStringList pairs;
        for (const QString &name : differing)
            pairs << name + QLatin1Char('=') + column->labels.value(name);
        result << query + QLatin1Char('{') + pairs.join(QLatin1Char(',')) + QLatin1Char('}');
    }
    return result;
}

Series PrometheusSeries::finish(PrometheusSummary &summary) const
{
    struct Picked
    {
        const Column *column;
        QString name;
        QString query;
    };
    std::vector<Picked> picked;
    for (std::size_t q = 0; q < m_queries.size(); ++q) {
        if (m_queries[q].columns.empty()) {
            summary.warnings << tr("query %1 matched no series in the range").arg(m_queryNames[q]);
            continue;
        }
        // Ordered by labels, not by which answer came first, so the columns are the same on
        // every read.
        std::vector<std::pair<QString, const Column *>> byKey;
        for (auto it = m_queries[q].byKey.cbegin(); it != m_queries[q].byKey.cend(); ++it)
            byKey.emplace_back(it.key(), &m_queries[q].columns[it.value()]);
        std::sort(byKey.begin(), byKey.end(),
                  [](const auto &a, const auto &b) { return a.first < b.first; });
        std::vector<const Column *> ordered;
        for (const auto &[key, column] : byKey)
            ordered.push_back(column);
        const QStringList names = featureNames(m_queryNames[q], ordered);
        for (std::size_t i = 0; i < ordered.size(); ++i)
            picked.push_back({ordered[i], names[qsizetype(i)], m_queryNames[q]});
    }
    if (m_offGrid > 0)
        summary.warnings
            << tr("%1 samples lay outside the range asked for and were left out").arg(m_offGrid);

    Series series;
    series.axis = Series::Axis::Time;
    series.binWidth = m_step;
    series.starts.resize(std::size_t(m_rows));
    for (qint64 r = 0; r < m_rows; ++r)
        series.starts[std::size_t(r)] = m_start + r * m_step;
    series.values.resize(Eigen::Index(m_rows), Eigen::Index(picked.size()));
    series.hasData.assign(std::size_t(m_rows), false);
    for (std::size_t c = 0; c < picked.size(); ++c) {
        const std::vector<double> &values = picked[c].column->values;
        PrometheusSummary::Feature feature;
        feature.name = picked[c].name;
        feature.query = picked[c].query;
        MatrixSeries labels;
        labels.labels = picked[c].column->labels;
        feature.labels = labels.key();
        // Like a metric table's columns: whole non-negative numbers are counts.
        bool counts = true;
        for (qint64 r = 0; r < m_rows; ++r) {
            const double v = values[std::size_t(r)];
            series.values(Eigen::Index(r), Eigen::Index(c)) = v;
            if (std::isnan(v)) {
                ++feature.gaps;
                continue;
            }
            ++feature.points;
            series.hasData[std::size_t(r)] = true;
            counts = counts && v >= 0.0 && v == std::floor(v);
        }
        series.features.push_back(
            {feature.name, counts && feature.points > 0 ? FeatureKind::Count : FeatureKind::Gauge});
        if (feature.gaps > 0)
            summary.warnings << tr("%1: %2 of %3 steps have no value (missing, NaN or ±Inf): "
                                   "left as gaps")
                                    .arg(feature.name)
                                    .arg(feature.gaps)
                                    .arg(m_rows);
        summary.features.push_back(std::move(feature));
    }
    return series;
}

} // namespace tideline
