#include "confusionmatrix.h"

#include "common/labels.h"

#include <QJsonArray>
#include <algorithm>
#include <cmath>
#include <limits>

namespace tideline {

namespace {

const QString &normalName()
{
    static const QString name = QStringLiteral("normal");
    return name;
}

QJsonValue number(double x)
{
    return std::isfinite(x) ? QJsonValue(x) : QJsonValue(QJsonValue::Null);
}

} // namespace

ConfusionMatrix ConfusionMatrix::of(const QStringList &truth, const QStringList &predicted)
{
    ConfusionMatrix m;
    m.classes = truth + predicted;
    std::sort(m.classes.begin(), m.classes.end());
    m.classes.erase(std::unique(m.classes.begin(), m.classes.end()), m.classes.end());
    const auto k = std::size_t(m.classes.size());
    m.counts.assign(k, std::vector<qint64>(k, 0));
    const auto index = [&](const QString &name) {
        return std::size_t(std::lower_bound(m.classes.begin(), m.classes.end(), name) -
                           m.classes.begin());
    };
    m.rows = std::min(truth.size(), predicted.size());
    qint64 right = 0;
    for (qsizetype r = 0; r < m.rows; ++r) {
        const std::size_t t = index(truth[r]);
        const std::size_t p = index(predicted[r]);
        ++m.counts[t][p];
        right += t == p ? 1 : 0;
    }
    const double nan = std::numeric_limits<double>::quiet_NaN();
    m.accuracy = m.rows > 0 ? double(right) / double(m.rows) : nan;
    for (std::size_t c = 0; c < k; ++c) {
        qint64 predictedAs = 0;
        qint64 support = 0;
        for (std::size_t o = 0; o < k; ++o) {
            predictedAs += m.counts[o][c];
            support += m.counts[c][o];
        }
        ClassScores s;
        s.support = support;
        const auto hit = double(m.counts[c][c]);
        s.precision = predictedAs > 0 ? hit / double(predictedAs) : nan;
        s.recall = support > 0 ? hit / double(support) : nan;
        s.f1 = s.precision + s.recall > 0.0 ? 2 * s.precision * s.recall / (s.precision + s.recall)
               : std::isnan(s.precision) || std::isnan(s.recall) ? nan
                                                                 : 0.0;
        m.scores.push_back(s);
    }
    return m;
}

QStringList ConfusionMatrix::trueClasses(const std::vector<TimeNs> &times,
                                         const std::vector<TruthInterval> &truth, bool binary)
{
    std::vector<const TruthInterval *> sorted;
    for (const TruthInterval &t : truth)
        sorted.push_back(&t);
    std::sort(sorted.begin(), sorted.end(),
              [](const TruthInterval *a, const TruthInterval *b) { return a->start < b->start; });
    const QString attack = QStringLiteral("attack");
    QStringList classes;
    classes.reserve(qsizetype(times.size()));
    for (TimeNs t : times) {
        // The last interval starting at or before t is the only one that can hold it, as
        // truth intervals do not overlap.
        const auto after =
            std::upper_bound(sorted.begin(), sorted.end(), t,
                             [](TimeNs x, const TruthInterval *i) { return x < i->start; });
        const TruthInterval *in =
            after != sorted.begin() && t < (*(after - 1))->end ? *(after - 1) : nullptr;
        classes << (!in ? normalName() : binary || in->kind.isEmpty() ? attack : in->kind);
    }
    return classes;
}

QStringList ConfusionMatrix::trueClasses(const QStringList &labels, bool binary)
{
    const QString attack = QStringLiteral("attack");
    QStringList classes;
    classes.reserve(labels.size());
    for (const QString &label : labels)
        classes << (!isAttackLabel(label) ? normalName() : binary ? attack : label);
    return classes;
}

QStringList ConfusionMatrix::comparable(const QStringList &predicted)
{
    QStringList out;
    out.reserve(predicted.size());
    for (const QString &name : predicted)
        out << (isAttackLabel(name) ? name : normalName());
    return out;
}

bool ConfusionMatrix::isBinary(const QStringList &predicted)
{
    return std::all_of(predicted.begin(), predicted.end(),
                       [](const QString &name) { return name == u"normal" || name == u"attack"; });
}

QJsonObject ConfusionMatrix::toJson() const
{
    QJsonArray matrix;
    for (const std::vector<qint64> &row : counts) {
        QJsonArray cells;
        for (qint64 count : row)
            cells.append(count);
        matrix.append(cells);
    }
    QJsonArray perClass;
    for (std::size_t c = 0; c < scores.size(); ++c) {
        perClass.append(QJsonObject{{QStringLiteral("class"), classes[qsizetype(c)]},
                                    {QStringLiteral("precision"), number(scores[c].precision)},
                                    {QStringLiteral("recall"), number(scores[c].recall)},
                                    {QStringLiteral("f1"), number(scores[c].f1)},
                                    {QStringLiteral("support"), scores[c].support}});
    }
    return {{QStringLiteral("classes"), QJsonArray::fromStringList(classes)},
            {QStringLiteral("matrix"), matrix},
            {QStringLiteral("per_class"), perClass},
            {QStringLiteral("rows"), rows},
            {QStringLiteral("accuracy"), number(accuracy)}};
}

} // namespace tideline
