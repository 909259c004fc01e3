#include "featurecontribution.h"

#include <QCoreApplication>
#include <algorithm>
#include <cmath>
#include <limits>

namespace tideline {

namespace {

// numpy's linear percentile, by selection rather than a full sort: a click in the GUI runs
// this over every training row of every feature.
double quantile(std::vector<double> &values, double p)
{
    const double position = p / 100.0 * double(values.size() - 1);
    const auto below = std::size_t(std::floor(position));
    const auto nth = values.begin() + std::ptrdiff_t(below);
    std::nth_element(values.begin(), nth, values.end());
    const double low = *nth;
    if (below + 1 >= values.size())
        return low;
    const double high = *std::min_element(nth + 1, values.end());
    return low + (high - low) * (position - double(below));
}

// IQR scaled to σ for normal data; MAD when half the rows share one value; else 1, as the
// pipeline does for a column with no spread.
double spreadOf(std::vector<double> &values, double median)
{
    const double iqr = quantile(values, 75.0) - quantile(values, 25.0);
    if (iqr > 0.0)
        return iqr / 1.349;
    for (double &x : values)
        x = std::abs(x - median);
    const double mad = quantile(values, 50.0);
    return mad > 0.0 ? mad * 1.4826 : 1.0;
}

} // namespace

FeatureContributions featureContributions(const FeaturePipeline &pipeline, const Series &series,
                                          const std::vector<bool> &training, qsizetype first,
                                          qsizetype last)
{
    FeatureContributions result;
    if (first < 0 || last < first || last >= series.rowCount()) {
        result.error = QCoreApplication::translate("tideline", "rows %1 to %2 are not in the "
                                                               "series (%3 rows)")
                           .arg(first)
                           .arg(last)
                           .arg(series.rowCount());
        return result;
    }
    std::vector<qsizetype> intervalRows, baselineRows;
    for (qsizetype r = first; r <= last; ++r) {
        if (series.rowHasData(r))
            intervalRows.push_back(r);
    }
    for (qsizetype r = 0; r < qsizetype(training.size()) && r < series.rowCount(); ++r) {
        if (training[std::size_t(r)] && series.rowHasData(r))
            baselineRows.push_back(r);
    }
    if (baselineRows.empty()) {
        for (qsizetype r = 0; r < series.rowCount(); ++r) {
            if ((r < first || r > last) && series.rowHasData(r))
                baselineRows.push_back(r);
        }
    }
    if (intervalRows.empty() || baselineRows.empty()) {
        result.error = QCoreApplication::translate(
            "tideline", "there are no rows with data to compare the interval with");
        return result;
    }

    const FeaturePipeline::Output transformed = pipeline.transform(series.values, series.features);
    if (!transformed.ok()) {
        result.error = transformed.error;
        return result;
    }
    std::vector<double> column, raw;
    column.reserve(baselineRows.size());
    raw.reserve(baselineRows.size());
    for (std::size_t c = 0; c < pipeline.columns().size(); ++c) {
        const FeaturePipeline::Column &info = pipeline.columns()[c];
        const int source = series.featureIndex(info.name);
        FeatureContribution contribution;
        contribution.feature = info.name;

        double sum = 0.0, rawSum = 0.0;
        qsizetype rawCount = 0;
        for (qsizetype r : intervalRows) {
            sum += transformed.matrix(r, Eigen::Index(c));
            const double x = series.values(r, source);
            if (std::isfinite(x)) {
                rawSum += x;
                ++rawCount;
            }
        }
        contribution.intervalMean = sum / double(intervalRows.size());
        contribution.rawIntervalMean =
            rawCount > 0 ? rawSum / double(rawCount) : std::numeric_limits<double>::quiet_NaN();

        column.clear();
        raw.clear();
        for (qsizetype r : baselineRows) {
            column.push_back(transformed.matrix(r, Eigen::Index(c)));
            const double x = series.values(r, source);
            if (std::isfinite(x))
                raw.push_back(x);
        }
        contribution.baselineMedian = quantile(column, 50.0);
        contribution.baselineSpread = spreadOf(column, contribution.baselineMedian);
        contribution.rawBaselineMedian =
            raw.empty() ? std::numeric_limits<double>::quiet_NaN() : quantile(raw, 50.0);
        contribution.z =
            (contribution.intervalMean - contribution.baselineMedian) / contribution.baselineSpread;
        result.features.push_back(contribution);
    }
    std::stable_sort(result.features.begin(), result.features.end(),
                     [](const FeatureContribution &a, const FeatureContribution &b) {
                         return std::abs(a.z) > std::abs(b.z);
                     });
    return result;
}

} // namespace tideline
