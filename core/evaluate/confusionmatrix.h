#pragma once

#include "common/timeutil.h"
#include "evaluate/truth.h"

#include <QJsonObject>
#include <QStringList>
#include <vector>

namespace tideline {

// Predicted classes against true ones, row by row, for supervised detectors: the counts and
// each class's precision, recall and F1.
struct ConfusionMatrix
{
    struct ClassScores
    {
        double precision = 0.0; // NaN when nothing was predicted as the class
        double recall = 0.0;    // NaN when no row is of the class
        double f1 = 0.0;
        qint64 support = 0; // rows truly of the class
    };

    QStringList classes;                     // the true and predicted classes, by name
    std::vector<std::vector<qint64>> counts; // [true class][predicted class]
    std::vector<ClassScores> scores;         // one per class
    qint64 rows = 0;
    double accuracy = 0.0;

    // `truth` and `predicted` hold one class name per row.
    static ConfusionMatrix of(const QStringList &truth, const QStringList &predicted);

    // Each row's true class from truth intervals: outside them "normal"; inside, the interval's
    // kind, or "attack" when `binary` (or the kind is empty).
    static QStringList trueClasses(const std::vector<TimeNs> &times,
                                   const std::vector<TruthInterval> &truth, bool binary);
    // The same from each row's own label (a per-row label table): "normal" for labels that
    // are not attacks, else the label, or "attack" when `binary`.
    static QStringList trueClasses(const QStringList &labels, bool binary);
    // Predictions that are not attacks (isAttackLabel()) as "normal", to compare with
    // trueClasses(): a model trained on "Normal" or "benign" means the same.
    static QStringList comparable(const QStringList &predicted);
    // Whether every prediction is "normal" or "attack".
    static bool isBinary(const QStringList &predicted);

    // {"classes": [...], "matrix": [[...]], "per_class": [{class, precision, recall, f1,
    // support}], "accuracy": x}; undefined ratios are null.
    QJsonObject toJson() const;
};

} // namespace tideline
