#include "featurepipeline.h"

#include "detect/modelstream.h"

#include <QCoreApplication>
#include <algorithm>
#include <cmath>
#include <numbers>

namespace tideline {

namespace {

// log1p that keeps the sign, so a stray negative "count" stays finite and ordered.
double signedLog1p(double x)
{
    return x < 0 ? -std::log1p(-x) : std::log1p(x);
}

double transformed(double raw, bool logged, double unit)
{
    return logged ? signedLog1p(raw / unit) : raw;
}

int findFeature(const std::vector<FeatureInfo> &features, const QString &name)
{
    for (std::size_t i = 0; i < features.size(); ++i) {
        if (features[i].name == name)
            return int(i);
    }
    return -1;
}

// percentileOfSorted() of `values` without sorting them all: the two order statistics it
// interpolates between, found by selection in O(n) (sorting every column was a tenth of
// `detect` on a large table), and the same arithmetic on them. Reorders `values`.
double percentileBySelection(std::vector<double> &values, double percentile)
{
    const qsizetype n = qsizetype(values.size());
    const double q = std::clamp(percentile, 0.0, 100.0) / 100.0;
    const double index = double(n) * q + (1.0 - q) - 1.0;
    const double below = std::floor(index);
    const double gamma = index - below;
    const qsizetype lo = std::clamp<qsizetype>(qsizetype(below), 0, n - 1);
    const auto at = values.begin() + lo;
    std::nth_element(values.begin(), at, values.end());
    const double a = *at;
    const double b = lo + 1 < n ? *std::min_element(at + 1, values.end()) : a;
    const double diff = b - a;
    return gamma >= 0.5 ? b - diff * (1.0 - gamma) : a + diff * gamma;
}

QStringList names(const std::vector<FeatureInfo> &features)
{
    QStringList list;
    for (const FeatureInfo &feature : features)
        list << feature.name;
    return list;
}

constexpr TimeNs kNsPerDay = 86400 * kNsPerSecond;

struct ClockColumn
{
    ClockFeature clock;
    const char *name;
};

constexpr ClockColumn kClockColumns[] = {
    {ClockFeature::TimeOfDaySin, "time_of_day_sin"},
    {ClockFeature::TimeOfDayCos, "time_of_day_cos"},
    {ClockFeature::DayOfWeekSin, "day_of_week_sin"},
    {ClockFeature::DayOfWeekCos, "day_of_week_cos"},
};

} // namespace

double FeaturePipeline::clockValue(ClockFeature clock, TimeNs t)
{
    const double dayFraction = double(t - floorDiv(t, kNsPerDay) * kNsPerDay) / double(kNsPerDay);
    // 1970-01-01 was a Thursday; counting from Monday puts the weekend together at 5 and 6.
    const qint64 day = floorDiv(t, kNsPerDay) + 3;
    const double weekFraction = (double(day - floorDiv(day, 7) * 7) + dayFraction) / 7.0;
    const double turn = 2.0 * std::numbers::pi;
    switch (clock) {
    case ClockFeature::TimeOfDaySin:
        return std::sin(turn * dayFraction);
    case ClockFeature::TimeOfDayCos:
        return std::cos(turn * dayFraction);
    case ClockFeature::DayOfWeekSin:
        return std::sin(turn * weekFraction);
    case ClockFeature::DayOfWeekCos:
        return std::cos(turn * weekFraction);
    case ClockFeature::None:
        break;
    }
    return 0.0;
}

qint64 FeaturePipeline::Output::replacedTotal() const
{
    qint64 total = 0;
    for (qint64 n : replaced)
        total += n;
    return total;
}

FitStatus FeaturePipeline::fit(const Eigen::Ref<const Eigen::MatrixXd> &values,
                               const std::vector<FeatureInfo> &features,
                               const std::vector<bool> &trainRows, const Options &options,
                               RowTimes times)
{
    m_options = options;
    m_columns.clear();
    m_warnings.clear();
    if (std::size_t(values.cols()) != features.size())
        return FitStatus::failed(
            QCoreApplication::translate("tideline", "the matrix has %1 columns but %2 features")
                .arg(values.cols())
                .arg(features.size()));
    const QStringList chosen = options.features.isEmpty() ? names(features) : options.features;
    if (chosen.isEmpty())
        return FitStatus::failed(
            QCoreApplication::translate("tideline", "there are no feature columns"));

    std::vector<Eigen::Index> training;
    for (Eigen::Index r = 0; r < values.rows(); ++r) {
        if (trainRows.empty() || (std::size_t(r) < trainRows.size() && trainRows[std::size_t(r)]))
            training.push_back(r);
    }
    if (training.empty())
        return FitStatus::failed(
            QCoreApplication::translate("tideline", "the training range has no rows"));

    std::vector<double> column;
    column.reserve(training.size());
    for (const QString &name : chosen) {
        const int source = findFeature(features, name);
        if (source < 0)
            return FitStatus::failed(
                QCoreApplication::translate("tideline", "unknown feature '%1' (features: %2)")
                    .arg(name, names(features).join(QStringLiteral(", "))));
        Column out;
        out.name = name;
        out.kind = features[std::size_t(source)].kind;
        out.logged = options.logCounts && out.kind == FeatureKind::Count;

        column.clear();
        if (out.logged) {
            for (Eigen::Index r : training) {
                if (std::isfinite(values(r, source)))
                    column.push_back(std::fabs(values(r, source)));
            }
            if (!column.empty())
                out.unit = std::max(1.0, percentileBySelection(column, 50.0));
            column.clear();
        }
        for (Eigen::Index r : training) {
            const double x = transformed(values(r, source), out.logged, out.unit);
            if (std::isfinite(x))
                column.push_back(x);
        }
        const qint64 replaced = qint64(training.size() - column.size());
        const auto at = [&](double p) { return percentileBySelection(column, p); };
        if (column.empty()) {
            m_warnings << QCoreApplication::translate(
                              "tideline", "%1: no finite value in the training rows; using 0")
                              .arg(name);
        } else {
            out.fill = at(50.0);
            if (replaced > 0)
                m_warnings << QCoreApplication::translate(
                                  "tideline",
                                  "%1: %2 training values were NaN or infinite and were "
                                  "replaced by the column's median")
                                  .arg(name)
                                  .arg(replaced);
            switch (options.scaling) {
            case FeatureScaling::Robust:
                out.centre = out.fill;
                out.scale = at(75.0) - at(25.0);
                break;
            case FeatureScaling::MinMax: {
                const auto [low, high] = std::minmax_element(column.begin(), column.end());
                out.centre = *low;
                out.scale = *high - *low;
                break;
            }
            case FeatureScaling::None:
                break;
            }
            if (!(out.scale > 0.0) || !std::isfinite(out.scale))
                out.scale = 1.0;
        }
        m_columns.push_back(out);
    }
    if (options.timeFeatures && times.size() != std::size_t(values.rows())) {
        m_warnings << QCoreApplication::translate(
            "tideline", "the rows have no times, so there are no time-of-day features");
    } else if (options.timeFeatures) {
        for (const ClockColumn &clock : kClockColumns) {
            Column out;
            out.name = QLatin1String(clock.name);
            out.kind = FeatureKind::Gauge;
            out.clock = clock.clock;
            // Values lie in [-1, 1]: min-max scaling maps that onto [0, 1] like the others.
            if (options.scaling == FeatureScaling::MinMax) {
                out.centre = -1.0;
                out.scale = 2.0;
            }
            m_columns.push_back(out);
        }
    }
    return {};
}

FeaturePipeline::Output FeaturePipeline::transform(const Eigen::Ref<const Eigen::MatrixXd> &values,
                                                   const std::vector<FeatureInfo> &features,
                                                   RowTimes times) const
{
    Output output;
    if (std::size_t(values.cols()) != features.size()) {
        output.error =
            QCoreApplication::translate("tideline", "the matrix has %1 columns but %2 features")
                .arg(values.cols())
                .arg(features.size());
        return output;
    }
    output.matrix.resize(values.rows(), Eigen::Index(m_columns.size()));
    output.replaced.assign(m_columns.size(), 0);
    for (std::size_t c = 0; c < m_columns.size(); ++c) {
        const Column &column = m_columns[c];
        if (column.clock != ClockFeature::None) {
            if (times.size() != std::size_t(values.rows())) {
                output.error = QCoreApplication::translate(
                                   "tideline", "the model needs the rows' times for '%1'")
                                   .arg(column.name);
                output.matrix.resize(0, 0);
                return output;
            }
            for (Eigen::Index r = 0; r < values.rows(); ++r)
                output.matrix(r, Eigen::Index(c)) =
                    (clockValue(column.clock, times[std::size_t(r)]) - column.centre) /
                    column.scale;
            continue;
        }
        const int source = findFeature(features, column.name);
        if (source < 0) {
            output.error = QCoreApplication::translate(
                               "tideline", "the model needs feature '%1', which is not here "
                                           "(features: %2)")
                               .arg(column.name, names(features).join(QStringLiteral(", ")));
            output.matrix.resize(0, 0);
            return output;
        }
        qint64 replaced = 0;
        for (Eigen::Index r = 0; r < values.rows(); ++r) {
            double x = transformed(values(r, source), column.logged, column.unit);
            if (!std::isfinite(x)) {
                x = column.fill;
                ++replaced;
            }
            output.matrix(r, Eigen::Index(c)) = (x - column.centre) / column.scale;
        }
        output.replaced[c] = replaced;
    }
    return output;
}

QStringList FeaturePipeline::columnNames() const
{
    QStringList list;
    for (const Column &column : m_columns)
        list << column.name;
    return list;
}

void FeaturePipeline::write(ModelWriter &writer) const
{
    writer.texts(m_options.features);
    writer.u8(m_options.logCounts ? 1 : 0);
    writer.u8(std::uint8_t(m_options.scaling));
    writer.u8(m_options.timeFeatures ? 1 : 0);
    writer.texts(m_warnings);
    writer.i64(qint64(m_columns.size()));
    for (const Column &column : m_columns) {
        writer.text(column.name);
        writer.u8(std::uint8_t(column.kind));
        writer.u8(column.logged ? 1 : 0);
        writer.f64(column.unit);
        writer.f64(column.fill);
        writer.f64(column.centre);
        writer.f64(column.scale);
        writer.u8(std::uint8_t(column.clock));
    }
}

void FeaturePipeline::read(ModelReader &reader)
{
    m_options.features = reader.texts();
    m_options.logCounts = reader.u8() != 0;
    const std::uint8_t scaling = reader.u8();
    m_options.timeFeatures = reader.u8() != 0;
    m_warnings = reader.texts();
    if (scaling > std::uint8_t(FeatureScaling::None))
        reader.fail(QCoreApplication::translate("tideline", "an unknown feature scaling"));
    m_options.scaling = FeatureScaling(scaling);
    const qint64 count = reader.i64();
    // A column takes 38 bytes at least; a count beyond that fails in the loop's first reads.
    m_columns.clear();
    for (qint64 c = 0; c < count && reader.ok(); ++c) {
        Column column;
        column.name = reader.text();
        const std::uint8_t kind = reader.u8();
        column.logged = reader.u8() != 0;
        column.unit = reader.f64();
        column.fill = reader.f64();
        column.centre = reader.f64();
        column.scale = reader.f64();
        const std::uint8_t clock = reader.u8();
        if (kind > std::uint8_t(FeatureKind::Gauge) ||
            clock > std::uint8_t(ClockFeature::DayOfWeekCos) || !(column.unit > 0.0) ||
            !std::isfinite(column.unit) || !std::isfinite(column.fill) ||
            !std::isfinite(column.centre) || !(column.scale > 0.0) || !std::isfinite(column.scale))
            reader.fail(QCoreApplication::translate("tideline", "feature column '%1' is damaged")
                            .arg(column.name));
        column.kind = FeatureKind(kind);
        column.clock = ClockFeature(clock);
        m_columns.push_back(std::move(column));
    }
    if (count < 0)
        reader.fail(QCoreApplication::translate("tideline", "a negative column count"));
}

} // namespace tideline
