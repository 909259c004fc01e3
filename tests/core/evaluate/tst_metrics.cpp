#include "evaluate/evaluation.h"
#include "evaluate/metrics.h"

#include <QJsonArray>
#include <QTest>
#include <cmath>

using namespace tideline;

namespace {

Anomaly detected(TimeNs start, TimeNs end)
{
    Anomaly a;
    a.start = start;
    a.end = end;
    return a;
}

bool close(double a, double b)
{
    return std::fabs(a - b) < 1e-12;
}

} // namespace

class TestMetrics : public QObject
{
    Q_OBJECT

private slots:
    void eventLevel()
    {
        const std::vector<TruthInterval> truth{
            {10, 20, {}, {}}, {30, 40, {}, {}}, {50, 60, {}, {}}};
        // [40, 45) only touches [30, 40): intervals are half-open.
        const std::vector<Anomaly> found{detected(15, 16), detected(40, 45), detected(55, 70),
                                         detected(100, 110)};
        const EventMetrics m = eventMetrics(truth, found);
        QCOMPARE(m.truthFound, qint64(2));
        QCOMPARE(m.detectedTrue, qint64(2));
        QCOMPARE(m.found, (std::vector<bool>{true, false, true}));
        QVERIFY(close(m.precision, 0.5));
        QVERIFY(close(m.recall, 2.0 / 3.0));
        QVERIFY(close(m.f1, 2 * 0.5 * (2.0 / 3.0) / (0.5 + 2.0 / 3.0)));
    }

    void oneDetectionFindsSeveralAndEmptyIntervalsAreInstants()
    {
        const std::vector<TruthInterval> truth{
            {10, 20, {}, {}}, {25, 25, {}, {}}, {30, 40, {}, {}}};
        const EventMetrics m = eventMetrics(truth, {detected(15, 35)});
        QCOMPARE(m.truthFound, qint64(3));
        QVERIFY(close(m.precision, 1.0));
        QVERIFY(close(m.recall, 1.0));
    }

    void undefinedRatiosAreNaN()
    {
        const EventMetrics none = eventMetrics({{10, 20, {}, {}}}, {});
        QVERIFY(std::isnan(none.precision));
        QCOMPARE(none.recall, 0.0);
        QVERIFY(std::isnan(none.f1));
        const EventMetrics noTruth = eventMetrics({}, {detected(1, 2)});
        QCOMPARE(noTruth.precision, 0.0);
        QVERIFY(std::isnan(noTruth.recall));
    }

    void binLevel()
    {
        const BinaryMetrics m =
            binaryMetrics({true, true, false, false, true}, {true, false, true, false, true});
        QCOMPARE(m.truePositives, qint64(2));
        QCOMPARE(m.falsePositives, qint64(1));
        QCOMPARE(m.falseNegatives, qint64(1));
        QCOMPARE(m.trueNegatives, qint64(1));
        QVERIFY(close(m.precision, 2.0 / 3.0));
        QVERIFY(close(m.recall, 2.0 / 3.0));
        QVERIFY(close(m.f1, 2.0 / 3.0));
    }

    void ranking_data()
    {
        QTest::addColumn<std::vector<double>>("scores");
        QTest::addColumn<std::vector<bool>>("truth");
        QTest::addColumn<double>("auc");
        QTest::addColumn<double>("ap");
        // Expected values from scikit-learn 1.2.1 roc_auc_score / average_precision_score.
        QTest::newRow("no ties") << std::vector<double>{0.1, 0.4, 0.35, 0.8}
                                 << std::vector<bool>{false, false, true, true} << 0.75
                                 << 0.8333333333333333;
        QTest::newRow("ties") << std::vector<double>{1, 1, 2, 2, 3}
                              << std::vector<bool>{false, true, false, true, true}
                              << 0.6666666666666666 << 0.7555555555555555;
        QTest::newRow("all tied") << std::vector<double>{5, 5, 5, 5}
                                  << std::vector<bool>{false, true, false, true} << 0.5 << 0.5;
        QTest::newRow("interleaved")
            << std::vector<double>{0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3}
            << std::vector<bool>{true, false, true, true, false, false, true} << 0.5833333333333334
            << 0.7470238095238095;
        QTest::newRow("ties across classes")
            << std::vector<double>{3, 1, 2, 2, 0, 2}
            << std::vector<bool>{true, false, true, false, false, false} << 0.875 << 0.75;
    }
    void ranking()
    {
        QFETCH(std::vector<double>, scores);
        QFETCH(std::vector<bool>, truth);
        QFETCH(double, auc);
        QFETCH(double, ap);
        QVERIFY(close(rocAuc(scores, truth), auc));
        QVERIFY(close(averagePrecision(scores, truth), ap));
    }

    void rankingWithOneClassIsNaN()
    {
        QVERIFY(std::isnan(rocAuc({1, 2, 3}, {true, true, true})));
        QVERIFY(std::isnan(averagePrecision({1, 2, 3}, {false, false, false})));
    }

    void evaluationWithScores()
    {
        const std::vector<TruthInterval> truth{{10, 20, QStringLiteral("syn_flood"), {}}};
        ScoresTable scores;
        scores.times = {0, 5, 10, 15, 20, 25};
        scores.scores = {0.1, 0.2, 0.9, 0.3, 0.8, 0.1};
        scores.anomalous = {false, false, true, false, true, false};
        const Evaluation e = evaluate(truth, {detected(10, 15), detected(20, 25)}, &scores);
        QCOMPARE(e.positiveRows, qint64(2)); // 10 and 15; 20 is the end
        QCOMPARE(e.bins.truePositives, qint64(1));
        QCOMPARE(e.bins.falsePositives, qint64(1));
        QVERIFY(close(e.rocAuc, 0.875)); // 0.9 beats all four negatives, 0.3 beats three of them
        QVERIFY(close(e.events.precision, 0.5));

        const QJsonObject json = toJson(e);
        QCOMPARE(json[QStringLiteral("events")][QStringLiteral("recall")].toDouble(), 1.0);
        QCOMPARE(json[QStringLiteral("bins")][QStringLiteral("true_positives")].toInt(), 1);
        QCOMPARE(json[QStringLiteral("truth")][0][QStringLiteral("kind")].toString(),
                 QStringLiteral("syn_flood"));
        QVERIFY(json[QStringLiteral("truth")][0][QStringLiteral("found")].toBool());
    }

    void evaluationJsonHasNullForUndefined()
    {
        const QJsonObject json = toJson(evaluate({}, {}, nullptr));
        QVERIFY(json[QStringLiteral("events")][QStringLiteral("precision")].isNull());
        QVERIFY(!json.contains(QStringLiteral("bins")));
    }
};

QTEST_GUILESS_MAIN(TestMetrics)
#include "tst_metrics.moc"
