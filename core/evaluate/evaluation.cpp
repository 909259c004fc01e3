#include "evaluation.h"

#include <QJsonArray>
#include <cmath>

namespace tideline {

namespace {

QJsonValue number(double x)
{
    return std::isfinite(x) ? QJsonValue(x) : QJsonValue(QJsonValue::Null);
}

QJsonValue position(TimeNs t, CsvTimes times)
{
    return times == CsvTimes::RowNumbers ? QJsonValue(qint64(t)) : QJsonValue(formatIsoUtc(t));
}

} // namespace

Evaluation evaluate(const std::vector<TruthInterval> &truth, const std::vector<Anomaly> &detected,
                    const ScoresTable *scores, const QStringList *rowLabels)
{
    Evaluation e;
    e.truth = truth;
    e.events = eventMetrics(truth, detected);
    if (!scores)
        return e;
    e.hasRows = true;
    const std::vector<bool> positive = rowsInIntervals(scores->times, truth);
    e.rows = qint64(positive.size());
    e.positiveRows = std::count(positive.begin(), positive.end(), true);
    e.hasFlags = scores->anomalous.size() == scores->times.size();
    if (e.hasFlags)
        e.bins = binaryMetrics(positive, scores->anomalous);
    e.rocAuc = rocAuc(scores->scores, positive);
    e.prAuc = averagePrecision(scores->scores, positive);
    if (!scores->predicted.isEmpty() &&
        scores->predicted.size() == qsizetype(scores->times.size())) {
        const bool binary = ConfusionMatrix::isBinary(scores->predicted);
        const QStringList trueClasses =
            rowLabels && rowLabels->size() == scores->predicted.size()
                ? ConfusionMatrix::trueClasses(*rowLabels, binary)
                : ConfusionMatrix::trueClasses(scores->times, truth, binary);
        e.classes =
            ConfusionMatrix::of(trueClasses, ConfusionMatrix::comparable(scores->predicted));
    }
    return e;
}

QJsonObject toJson(const Evaluation &e)
{
    QJsonObject events{
        {QStringLiteral("truth_intervals"), e.events.truthIntervals},
        {QStringLiteral("truth_found"), e.events.truthFound},
        {QStringLiteral("detected_intervals"), e.events.detectedIntervals},
        {QStringLiteral("detected_true"), e.events.detectedTrue},
        {QStringLiteral("precision"), number(e.events.precision)},
        {QStringLiteral("recall"), number(e.events.recall)},
        {QStringLiteral("f1"), number(e.events.f1)},
    };
    QJsonArray truth;
    for (std::size_t i = 0; i < e.truth.size(); ++i) {
        const TruthInterval &t = e.truth[i];
        truth.append(QJsonObject{{QStringLiteral("start"), position(t.start, e.times)},
                                 {QStringLiteral("end"), position(t.end, e.times)},
                                 {QStringLiteral("kind"), t.kind},
                                 {QStringLiteral("found"), bool(e.events.found[i])},
                                 {QStringLiteral("coverage"), number(e.events.coverage[i])},
                                 {QStringLiteral("spill"), number(e.events.spill[i])}});
    }
    QJsonObject json{{QStringLiteral("events"), events}, {QStringLiteral("truth"), truth}};
    if (e.hasRows) {
        QJsonObject bins{
            {QStringLiteral("rows"), e.rows},
            {QStringLiteral("positive_rows"), e.positiveRows},
            {QStringLiteral("roc_auc"), number(e.rocAuc)},
            {QStringLiteral("pr_auc"), number(e.prAuc)},
        };
        if (e.hasFlags) {
            bins.insert(QStringLiteral("true_positives"), e.bins.truePositives);
            bins.insert(QStringLiteral("false_positives"), e.bins.falsePositives);
            bins.insert(QStringLiteral("false_negatives"), e.bins.falseNegatives);
            bins.insert(QStringLiteral("true_negatives"), e.bins.trueNegatives);
            bins.insert(QStringLiteral("precision"), number(e.bins.precision));
            bins.insert(QStringLiteral("recall"), number(e.bins.recall));
            bins.insert(QStringLiteral("f1"), number(e.bins.f1));
        }
        json.insert(QStringLiteral("bins"), bins);
        if (e.classes)
            json.insert(QStringLiteral("classes"), e.classes->toJson());
    }
    return json;
}

} // namespace tideline
