#pragma once

#include "common/csvtimes.h"
#include "common/diagnostic.h"

#include <Eigen/Core>
#include <optional>
#include <vector>

namespace tideline {

// The per-row scores CSV: timestamp,score,threshold,anomalous,score_normalized — one row per
// bin (or per input row), scores and threshold at full double precision, anomalous 0/1,
// score_normalized in [0, 1], monotone in the score (the calibrated anomaly probability).
struct ScoreRows
{
    std::vector<TimeNs> times;
    Eigen::VectorXd scores;
    double threshold = 0.0;
    std::vector<bool> anomalous;
    Eigen::VectorXd normalized;
    // Supervised detectors: each row's predicted class and its probability, written as the
    // columns `predicted` and `probability` when given.
    QStringList predicted;
    Eigen::VectorXd probability;
    // Rows that are a capture's flows (FlowRows): each one's endpoints, as the last column
    // `flow` when given.
    QStringList flows;
};

// Atomic (QSaveFile): on failure `error` says why and an earlier file is left intact.
bool writeScoresCsv(const QString &path, const ScoreRows &rows, QString *error,
                    CsvTimes times = CsvTimes::Iso);

// What evaluate needs back: times and scores, and the anomalous column when present (else it
// is score > threshold, and empty when there is no threshold column either).
struct ScoresTable
{
    std::vector<TimeNs> times;
    std::vector<double> scores;
    std::vector<bool> anomalous;
    QStringList predicted; // the `predicted` column, when present
};

// `timeForm`, when given and still empty, is set to the form of the first time read.
std::optional<ScoresTable> readScoresCsv(const QString &path, Diagnostics &diagnostics,
                                         std::optional<CsvTimes> *timeForm = nullptr);

} // namespace tideline
