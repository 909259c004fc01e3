#pragma once

#include "common/series.h"
#include "detect/detector.h"

#include <Eigen/Core>
#include <QStringList>
#include <cstdint>
#include <vector>

namespace tideline {

class ModelReader;
class ModelWriter;

enum class FeatureScaling : std::uint8_t {
    Robust, // (x - median) / IQR; an IQR of 0 counts as 1
    MinMax, // (x - min) / (max - min); a range of 0 counts as 1
    None,
};

// A column computed from the row's time rather than read from the series: the time of day and
// the day of the week (UTC) as points on a circle, so 23:59 sits next to 00:00.
enum class ClockFeature : std::uint8_t {
    None,
    TimeOfDaySin,
    TimeOfDayCos,
    DayOfWeekSin,
    DayOfWeekCos,
};

// What stands between a Series' raw columns and a detector: the chosen columns, counts on a log
// scale relative to their typical level (ln(1 + x / unit), the unit the training median, at
// least 1), non-finite values replaced by the column's training median, and scaling fitted on the
// training rows only; optionally the clock features, so that a daily or weekly rhythm is part
// of normal. Once fitted it transforms any matrix that has the same columns by name (train on
// one file, apply to another).
class FeaturePipeline
{
public:
    struct Options
    {
        QStringList features; // columns to use, by name; empty = all
        bool logCounts = true;
        FeatureScaling scaling = FeatureScaling::Robust;
        // Adds time_of_day_sin/cos and day_of_week_sin/cos (needs the rows' times).
        bool timeFeatures = false;
    };

    // One output column: where it comes from and the fitted transform.
    struct Column
    {
        QString name;
        FeatureKind kind = FeatureKind::Count;
        bool logged = false;
        // A logged count is ln(1 + x / unit): with a unit of one packet or byte, a bin without
        // UDP lies as far below 800 bytes of it as 500 kB lies above, and the rare empty bins of
        // a busy protocol would be the most anomalous rows of all. With the training median as
        // the unit, a count's rise by a factor still counts in full, its fall to 0 as one
        // unit of ln 2.
        double unit = 1.0;
        double fill = 0.0;   // training median after the log: replaces NaN and ±inf
        double centre = 0.0; // median or min
        double scale = 1.0;  // IQR or max - min
        // Computed from the time; such columns have a fixed scale, not one fitted on training
        // rows that may cover only part of a day.
        ClockFeature clock = ClockFeature::None;
    };

    struct Output
    {
        Eigen::MatrixXd matrix;       // rows × columns()
        std::vector<qint64> replaced; // per column: non-finite values replaced by `fill`
        QString error;                // a column is missing or the row count is wrong

        bool ok() const { return error.isEmpty(); }
        qint64 replacedTotal() const;
    };

    // `trainRows` flags the rows to fit on (an empty vector means all rows). `times` (one per
    // row) feeds the clock features; without times there are none, and a warning says so.
    FitStatus fit(const Eigen::Ref<const Eigen::MatrixXd> &values,
                  const std::vector<FeatureInfo> &features, const std::vector<bool> &trainRows,
                  const Options &options, RowTimes times = {});

    // Columns are found by name in `features`, so another file's Series may order them
    // differently or have more.
    Output transform(const Eigen::Ref<const Eigen::MatrixXd> &values,
                     const std::vector<FeatureInfo> &features, RowTimes times = {}) const;

    // The value of a clock feature at time t, in [-1, 1].
    static double clockValue(ClockFeature clock, TimeNs t);

    // The fitted pipeline for a model file, and back; read() fails `reader` on what no fit
    // gives (an unknown kind, a scale of 0).
    void write(ModelWriter &writer) const;
    void read(ModelReader &reader);

    const std::vector<Column> &columns() const { return m_columns; }
    QStringList columnNames() const;
    const Options &options() const { return m_options; }
    // Notes from fit(): columns with no finite training value, and how many values it replaced.
    const QStringList &warnings() const { return m_warnings; }

private:
    Options m_options;
    std::vector<Column> m_columns;
    QStringList m_warnings;
};

} // namespace tideline
