#pragma once

#include "common/csvtimes.h"
#include "evaluate/confusionmatrix.h"
#include "evaluate/metrics.h"
#include "export/scorescsv.h"

#include <QJsonObject>
#include <optional>

namespace tideline {

// Everything `tideline evaluate` reports, and what the GUI's threshold studio shows when
// labels exist: event-level metrics always, bin-level and ranking metrics when per-row scores
// are given. A row is positive when its timestamp falls inside a truth interval.
struct Evaluation
{
    std::vector<TruthInterval> truth;
    CsvTimes times = CsvTimes::Iso; // how to show positions: row numbers for tables without time
    EventMetrics events;
    bool hasRows = false;
    qint64 rows = 0;
    qint64 positiveRows = 0;
    BinaryMetrics bins; // the scores file's anomalous column against the truth
    bool hasFlags = false;
    double rocAuc = 0.0;
    double prAuc = 0.0; // average precision
    // Scores of a supervised detector (a `predicted` column): predicted against true classes,
    // normal / attack when the predictions are, else by the truth's kinds.
    std::optional<ConfusionMatrix> classes;
};

// `rowLabels`, when given, holds the truth's label of each scores row (a per-row label table
// read again): the classes are compared with them rather than with the intervals, whose
// adjacent attacks of different kinds merge.
Evaluation evaluate(const std::vector<TruthInterval> &truth, const std::vector<Anomaly> &detected,
                    const ScoresTable *scores, const QStringList *rowLabels = nullptr);

// Keys in snake_case; undefined ratios are null; truth positions are ISO 8601 strings, or
// numbers when they are row numbers.
QJsonObject toJson(const Evaluation &evaluation);

} // namespace tideline
