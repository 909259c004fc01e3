#pragma once

#include "common/series.h"
#include "detect/classifier.h"

#include <vector>

namespace tideline {

struct DetectionOptions;

// The classes a supervised detector learns from a labelled file and the training rows of each:
// what fitModel() counts, so that what the analyst is shown before training is what trains.
struct TrainingClasses
{
    ClassSet classes;
    std::vector<int> targets;   // each training row's class, in row order
    std::vector<qint64> counts; // training rows per class
    qint64 rows = 0;            // training rows in all

    // "normal 1,320 · attack 180"
    QString describe() const;
};

// The training rows `mask` flags, classed by the rule of `multiClass`: normal / attack by
// isAttackLabel(), or one class per label value.
TrainingClasses trainingClasses(const QStringList &labels, const std::vector<bool> &mask,
                                bool multiClass);

// The same for the rows `options` trains on in `series` (its training range, rows with data,
// options.multiClass); no classes when the series has no label column.
TrainingClasses trainingClasses(const Series &series, const DetectionOptions &options);

} // namespace tideline
