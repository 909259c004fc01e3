#include "detect/robustz.h"
#include "detectorchecks.h"

#include <QTest>
#include <limits>

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

    // More than half equal: MAD 0. The scale is then the 99th percentile of |x - median|
    // (10 here) over 2.5758, not a tiny mean deviation that makes ordinary values huge.
    void zeroMadFallsBackToTheTail()
    {
        Eigen::MatrixXd train(6, 1);
        train << 0, 0, 0, 0, 0, 10;
        RobustZ detector({}, 0);
        QVERIFY(detector.fit(train, {}).ok());
        QVERIFY(qFuzzyCompare(detector.scales()[0], 10.0 / 2.5758));
    }

    // A short capture's attacks can take a seventh of its bins, all of them training rows: the
    // 99th percentile of the deviations is then the attack's own, and scaling by it would give
    // the attack a z of 2.6. The MAD is the normal rows' spread, so the attack stays far out.
    void anAttackInASeventhOfTheRowsDoesNotScaleItselfDown()
    {
        const Eigen::Index n = 600;
        Eigen::MatrixXd train(n, 1);
        PortableRandom rng(5);
        for (Eigen::Index r = 0; r < n; ++r)
            train(r, 0) = r >= 200 && r < 286 ? 20.0 + gaussian(rng) : gaussian(rng);
        RobustZ detector({}, 0);
        QVERIFY(detector.fit(train, {}).ok());
        const Eigen::VectorXd scores = detector.score(train);
        double attackMin = std::numeric_limits<double>::infinity();
        double normalMax = 0.0;
        for (Eigen::Index r = 0; r < n; ++r) {
            if (r >= 200 && r < 286)
                attackMin = std::min(attackMin, scores[r]);
            else
                normalMax = std::max(normalMax, scores[r]);
        }
        QVERIFY2(attackMin > 10.0 && attackMin > 2.0 * normalMax,
                 qPrintable(QStringLiteral("attack %1, normal %2").arg(attackMin).arg(normalMax)));
    }

    // Training rows: column 0 Gaussian (σ 1), column 1 0 in every row but a few — a count of
    // ICMP packets in a quiet network, log-scaled. One packet (log1p 1) is the smallest change
    // that column can show; it must score below a 6σ excursion of column 0, whose score must
    // be its own z.
    void mostlyEqualColumnDoesNotDominate_data()
    {
        QTest::addColumn<int>("nonZero"); // training rows of 2000 where column 1 is log1p(1)
        QTest::newRow("constant") << 0;
        QTest::newRow("0.5 % non-zero") << 10;
        QTest::newRow("5 % non-zero") << 100;
    }
    void mostlyEqualColumnDoesNotDominate()
    {
        QFETCH(int, nonZero);
        const Eigen::Index n = 2000;
        Eigen::MatrixXd train(n, 2);
        PortableRandom rng(3);
        for (Eigen::Index r = 0; r < n; ++r) {
            train(r, 0) = gaussian(rng);
            train(r, 1) =
                r % (n / std::max(nonZero, 1)) == 0 && nonZero > 0 ? std::log1p(1.0) : 0.0;
        }
        RobustZ detector({}, 0);
        QVERIFY(detector.fit(train, {}).ok());
        Eigen::MatrixXd rows(2, 2);
        rows << 6.0, 0.0,         // far out in column 0
            0.0, std::log1p(1.0); // one packet in column 1
        const Eigen::VectorXd scores = detector.score(rows);
        QVERIFY2(scores[0] > 4.5 && scores[0] < 7.5, qPrintable(QString::number(scores[0])));
        QVERIFY2(scores[1] < 4.0, qPrintable(QString::number(scores[1])));
    }
};

QTEST_GUILESS_MAIN(TestRobustZ)
#include "tst_robustz.moc"
