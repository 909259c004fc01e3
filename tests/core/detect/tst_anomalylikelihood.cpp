#include "detect/anomalylikelihood.h"

#include <QTest>
#include <algorithm>

using namespace tideline;

class TestAnomalyLikelihood : public QObject
{
    Q_OBJECT

private slots:
    // Quiet raw scores, then two bursts 40 rows apart: the first raises the alarm, and the
    // second, within the rest period after it, is yellow at most. With Numenta's rest of one
    // row, the second burst is red again.
    void restsAfterARedRow_data()
    {
        QTest::addColumn<qint64>("rest");
        QTest::addColumn<bool>("secondRed");
        QTest::newRow("a fifth of the probation") << qint64(0) << false;
        QTest::newRow("one row") << qint64(1) << true;
    }
    void restsAfterARedRow()
    {
        QFETCH(qint64, rest);
        QFETCH(bool, secondRed);
        AnomalyLikelihood::Parameters parameters;
        parameters.probation = 500; // a rest of 100 rows
        parameters.rest = rest;
        AnomalyLikelihood likelihood(parameters);
        QCOMPARE(likelihood.restRows(), rest > 0 ? rest : qint64(100));
        const double red = AnomalyLikelihood::logScore(1e-5);
        for (int row = 0; row < 1000; ++row)
            likelihood.update(row % 10 == 0 ? 0.1 : 0.0);
        std::vector<double> scores;
        for (int row = 0; row < 80; ++row)
            scores.push_back(likelihood.update(row < 12 || (row >= 40 && row < 52) ? 1.0 : 0.0));
        QVERIFY(*std::max_element(scores.begin(), scores.begin() + 12) >= red);
        QCOMPARE(*std::max_element(scores.begin() + 40, scores.end()) >= red, secondRed);
    }
};

QTEST_GUILESS_MAIN(TestAnomalyLikelihood)
#include "tst_anomalylikelihood.moc"
