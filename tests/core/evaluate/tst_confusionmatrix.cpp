#include "evaluate/confusionmatrix.h"

#include <QJsonArray>
#include <QTest>
#include <cmath>

using namespace tideline;

namespace {

QStringList words(const char *text)
{
    return QString::fromLatin1(text).split(QLatin1Char(' '));
}

} // namespace

class TestConfusionMatrix : public QObject
{
    Q_OBJECT

private slots:
    void countsAndScores()
    {
        const ConfusionMatrix m = ConfusionMatrix::of(words("normal normal scan scan scan flood"),
                                                      words("normal scan scan scan normal flood"));
        QCOMPARE(m.classes, words("flood normal scan"));
        QCOMPARE(m.counts, (std::vector<std::vector<qint64>>{{1, 0, 0}, {0, 1, 1}, {0, 1, 2}}));
        QCOMPARE(m.rows, qint64(6));
        QCOMPARE(m.accuracy, 4.0 / 6.0);
        // scan: 2 of the 3 predicted right, 2 of the 3 scans found.
        QCOMPARE(m.scores[2].precision, 2.0 / 3.0);
        QCOMPARE(m.scores[2].recall, 2.0 / 3.0);
        QCOMPARE(m.scores[2].f1, 2.0 / 3.0);
        QCOMPARE(m.scores[2].support, qint64(3));
        QCOMPARE(m.scores[0].f1, 1.0);
    }

    void undefinedRatiosAreNaN()
    {
        // Nothing is predicted as an attack, and no row is one.
        const ConfusionMatrix m =
            ConfusionMatrix::of(words("normal attack"), words("normal normal"));
        QVERIFY(std::isnan(m.scores[0].precision)); // attack: never predicted
        QCOMPARE(m.scores[0].recall, 0.0);
        const QJsonObject json = m.toJson();
        QVERIFY(json[QStringLiteral("per_class")]
                    .toArray()[0]
                    .toObject()[QStringLiteral("precision")]
                    .isNull());
        const ConfusionMatrix empty = ConfusionMatrix::of({}, {});
        QCOMPARE(empty.rows, qint64(0));
        QVERIFY(std::isnan(empty.accuracy));
    }

    void trueClassesFromIntervalsAndLabels()
    {
        const std::vector<TruthInterval> truth{{2, 4, QStringLiteral("scan"), {}},
                                               {5, 6, QString(), {}}};
        const std::vector<TimeNs> rows{0, 1, 2, 3, 4, 5, 6};
        QCOMPARE(ConfusionMatrix::trueClasses(rows, truth, false),
                 words("normal normal scan scan normal attack normal"));
        QCOMPARE(ConfusionMatrix::trueClasses(rows, truth, true),
                 words("normal normal attack attack normal attack normal"));
        QCOMPARE(ConfusionMatrix::trueClasses(words("Normal neptune 0 1 BENIGN"), false),
                 words("normal neptune normal 1 normal"));
        QCOMPARE(ConfusionMatrix::trueClasses(words("Normal neptune 0 1 BENIGN"), true),
                 words("normal attack normal attack normal"));
    }

    void predictionsThatAreNotAttacksAreNormal()
    {
        QCOMPARE(ConfusionMatrix::comparable(words("Normal smurf benign")),
                 words("normal smurf normal"));
        QVERIFY(ConfusionMatrix::isBinary(words("normal attack attack")));
        QVERIFY(!ConfusionMatrix::isBinary(words("normal smurf")));
    }
};

QTEST_GUILESS_MAIN(TestConfusionMatrix)
#include "tst_confusionmatrix.moc"
