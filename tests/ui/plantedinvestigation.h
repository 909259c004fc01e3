#pragma once

#include "investigation/investigation.h"
#include "thresholdsettings.h"

// An investigation of a one-column ("packets") table of `rowCount` one-second rows (or plain
// rows), with one detector run whose intervals are the planted ones: scores above the
// threshold (0.5) exactly there.
struct PlantedInterval
{
    int first = 0;
    int rows = 1;
    double score = 1.0;
    qint64 packets = 0; // over the whole interval
};

constexpr tideline::TimeNs kPlantedStart = 1'700'000'000 * tideline::kNsPerSecond;

inline void plantInvestigation(tideline::Investigation &investigation,
                               const std::vector<PlantedInterval> &intervals, int rowCount,
                               tideline::Series::Axis axis = tideline::Series::Axis::Time)
{
    using namespace tideline;
    auto input = std::make_shared<LoadedInput>();
    input->kind = LoadedInput::Kind::Table;
    Series &series = input->series;
    series.axis = axis;
    series.binWidth = axis == Series::Axis::Time ? kNsPerSecond : 0;
    series.features = {{QStringLiteral("packets"), FeatureKind::Count}};
    series.values = Eigen::MatrixXd::Zero(rowCount, 1);
    for (int r = 0; r < rowCount; ++r)
        series.starts.push_back(axis == Series::Axis::Time ? kPlantedStart + r * kNsPerSecond
                                                           : TimeNs(r));
    series.hasData.assign(std::size_t(rowCount), true);
    auto result = std::make_shared<DetectionResult>();
    result->model.detector = QStringLiteral("isolation_forest");
    result->scores = Eigen::VectorXd::Zero(rowCount);
    for (const PlantedInterval &interval : intervals) {
        series.values(interval.first, 0) = double(interval.packets);
        result->scores.segment(interval.first, interval.rows).setConstant(interval.score);
    }
    result->model.trainingScores = ScoreDistribution(Eigen::VectorXd::Constant(1, 0.5), {});
    result->training.assign(std::size_t(rowCount), true);
    result->eligible.assign(std::size_t(rowCount), true);
    result->rethreshold(test::percentileSettings(50, 0));
    investigation.setInput(input);
    DetectionOptions options;
    options.detector = result->model.detector;
    options.threshold = test::percentileSettings(50, 0);
    investigation.addRun(options, result);
}
