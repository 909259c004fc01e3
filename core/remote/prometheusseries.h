#pragma once

#include "common/series.h"
#include "matrixresponse.h"
#include "prometheussource.h"
#include "prometheussummary.h"

#include <QHash>
#include <vector>

namespace tideline {

// Gathers the answers of a source's requests, in any order, into one Series on the grid
// start, start + step, …: each series of each query a feature, a step without a finite sample
// a NaN (a gap, never a 0), and a row where every feature is a gap a row without data.
class PrometheusSeries
{
public:
    explicit PrometheusSeries(const PrometheusSource &source);

    // The answer to query `query` (an index into the source's queries) for one slice.
    void add(std::size_t query, const MatrixResponse &response);

    // The series, and each feature's description in `summary` (url, range and counts of
    // requests are the caller's). A query that matched nothing leaves a warning and no
    // feature.
    Series finish(PrometheusSummary &summary) const;

private:
    struct Column
    {
        QMap<QString, QString> labels;
        std::vector<double> values; // one per row, NaN until a sample lands there
    };
    struct QueryColumns
    {
        QHash<QString, std::size_t> byKey; // MatrixSeries::key() → index in `columns`
        std::vector<Column> columns;
    };

    // The names of a query's columns: the query's name alone for one series, else with the
    // labels whose values differ between its series ({container=web}).
    static QStringList featureNames(const QString &query,
                                    const std::vector<const Column *> &columns);

    TimeNs m_start = 0;
    TimeNs m_step = 0;
    qint64 m_rows = 0;
    QStringList m_queryNames;
    std::vector<QueryColumns> m_queries;
    qint64 m_offGrid = 0; // samples outside the range
};

} // namespace tideline
