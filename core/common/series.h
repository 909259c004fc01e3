#pragma once

#include "common/timeutil.h"

#include <Eigen/Core>
#include <QString>
#include <QStringList>
#include <cstdint>
#include <vector>

namespace tideline {

// What one feature column means, so detectors know how to transform it.
enum class FeatureKind : std::uint8_t {
    Count, // non-negative counts or sums (packets, bytes, distinct hosts): log1p before scaling
    Gauge, // a level that can be anything (latency, CPU, a metric value, a mean)
};

struct FeatureInfo
{
    QString name; // machine name, also the CSV header: "packets", "bytes_tcp", "value"
    FeatureKind kind = FeatureKind::Count;
};

// A text column of few distinct values (a protocol, a service, a connection state), kept per
// row for the supervised detectors, which encode it; the unsupervised ones use numbers only.
struct CategoryColumn
{
    QString name;
    std::vector<std::uint32_t> codes; // one per series row, into `values`
    QStringList values;
};

// The binned view of an input: rows are bins (or the input's rows, for tables that are already
// one row per interval), columns are features. This is what detectors fit and score, what the
// charts draw and what `tideline series` writes.
struct Series
{
    enum class Axis : std::uint8_t {
        Time, // rows have start times; `binWidth` > 0 when bins are regular
        Row,  // no time column: rows are numbered 0..n-1 and `starts` holds that number
    };

    QString source; // the file it came from
    Axis axis = Axis::Time;
    TimeNs binWidth = 0;        // 0 for irregular rows or Axis::Row
    std::vector<TimeNs> starts; // one per row, ascending for Axis::Time
    std::vector<FeatureInfo> features;
    Eigen::MatrixXd values;    // rows() == starts.size(), cols() == features.size()
    std::vector<bool> hasData; // false: no data at all here (a capture gap), not zero traffic;
                               // empty: every row has data (ask rowHasData())
    QStringList labels;        // per-row ground-truth label from the input, or empty
    std::vector<CategoryColumn> categories; // tables read row by row only

    qsizetype rowCount() const { return qsizetype(starts.size()); }
    int featureIndex(const QString &name) const; // -1 when absent
    bool rowHasData(qsizetype row) const { return hasData.empty() || hasData[std::size_t(row)]; }
    qsizetype rowsWithData() const;
};

// Where row `row` ends: the next bin's start for regular bins, else the next row's start (the
// last row of an irregular series ends one typical step later).
TimeNs rowEnd(const Series &series, qsizetype row);

// What one row lasts: the bin width, or the median step of irregular times; 0 for rows of a
// table without times (and for a single irregular row).
TimeNs rowDuration(const Series &series);

} // namespace tideline
