#include "detect/robustz.h"
#include "detectorchecks.h"

#include <QTest>

using namespace tideline;
using namespace tideline::testing;

class TestRobustZ : public QObject
{
    Q_OBJECT

private:
    static std::unique_ptr<Detector> make(quint64 seed)
    {
        return std::make_unique<RobustZ>(ParameterValues{}, seed);
    }

private slots:
    void findsPlantedOutliers() { checkPlanted(&TestRobustZ::make); }
    void degenerate_data() { degenerateData(); }
    void degenerate()
    {
        QFETCH(Eigen::MatrixXd, rows);
        checkDegenerate(&TestRobustZ::make, rows);
    }
    void deterministic() { checkDeterministic(&TestRobustZ::make); }
    void cancellation()
    {
        const Planted planted = plantedMatrix();
        RobustZ detector({}, 0);
        QCOMPARE(detector.fit(planted.rows, [](const Progress &) { return false; }).code,
                 FitStatus::Code::Cancelled);
    }

    void scoreIsLargestAbsoluteZ()
    {
        // Column 0: median 3, |deviations| 2 1 0 1 2 → MAD 1; column 1: median 10, MAD 2.
        Eigen::MatrixXd train(5, 2);
        train << 1, 6, 2, 8, 3, 10, 4, 12, 5, 14;
        RobustZ detector({}, 0);
        QVERIFY(detector.fit(train, {}).ok());
        QCOMPARE(detector.medians()[0], 3.0);
        QCOMPARE(detector.scales()[0], 1.4826);
        QCOMPARE(detector.scales()[1], 2 * 1.4826);
        Eigen::MatrixXd rows(2, 2);
        rows << 3 + 1.4826 * 4, 10, // z = 4 in column 0
            3, 10 - 2 * 1.4826 * 5; // |z| = 5 in column 1
        const Eigen::VectorXd scores = detector.score(rows);
        QVERIFY(qFuzzyCompare(scores[0], 4.0));
        QVERIFY(qFuzzyCompare(scores[1], 5.0));
    }

    void zeroMadFallsBackToMeanDeviation()
    {
        // More than half equal: MAD 0, mean absolute deviation 10/6.
        Eigen::MatrixXd train(6, 1);
        train << 0, 0, 0, 0, 0, 10;
        RobustZ detector({}, 0);
        QVERIFY(detector.fit(train, {}).ok());
        QVERIFY(qFuzzyCompare(detector.scales()[0], 1.2533 * 10.0 / 6.0));
    }
};

QTEST_GUILESS_MAIN(TestRobustZ)
#include "tst_robustz.moc"
