#include "threshold/threshold.h"

#include <QTest>
#include <cmath>

using namespace tideline;

namespace {

Eigen::VectorXd vector(std::initializer_list<double> values)
{
    Eigen::VectorXd v(Eigen::Index(values.size()));
    Eigen::Index i = 0;
    for (double x : values)
        v[i++] = x;
    return v;
}

} // namespace

class TestThreshold : public QObject
{
    Q_OBJECT

private slots:
    void percentileMatchesNumpy_data()
    {
        QTest::addColumn<Eigen::VectorXd>("values");
        QTest::addColumn<double>("p");
        QTest::addColumn<double>("expected");
        // numpy 1.24.2: np.percentile(values, p), default method "linear".
        const Eigen::VectorXd a = vector({1, 2, 3, 4});
        QTest::newRow("a 0") << a << 0.0 << 1.0;
        QTest::newRow("a 10") << a << 10.0 << 1.3;
        QTest::newRow("a 25") << a << 25.0 << 1.75;
        QTest::newRow("a 33") << a << 33.0 << 1.99;
        QTest::newRow("a 50") << a << 50.0 << 2.5;
        QTest::newRow("a 95") << a << 95.0 << 3.8499999999999996;
        QTest::newRow("a 99") << a << 99.0 << 3.9699999999999998;
        QTest::newRow("a 100") << a << 100.0 << 4.0;
        const Eigen::VectorXd b = vector({3.5, -1, 10, 7, 7, 2.25});
        QTest::newRow("b 0") << b << 0.0 << -1.0;
        QTest::newRow("b 10") << b << 10.0 << 0.625;
        QTest::newRow("b 25") << b << 25.0 << 2.5625;
        QTest::newRow("b 33") << b << 33.0 << 3.0625;
        QTest::newRow("b 50") << b << 50.0 << 5.25;
        QTest::newRow("b 95") << b << 95.0 << 9.25;
        QTest::newRow("b 99") << b << 99.0 << 9.850000000000001;
        QTest::newRow("b 100") << b << 100.0 << 10.0;
        QTest::newRow("one value") << vector({42}) << 99.0 << 42.0;
    }
    void percentileMatchesNumpy()
    {
        QFETCH(Eigen::VectorXd, values);
        QFETCH(double, p);
        QFETCH(double, expected);
        QCOMPARE(percentileThreshold(values, {}, p), expected); // exact, not fuzzy
    }

    void percentileOfNothingIsNaN()
    {
        QVERIFY(std::isnan(percentileThreshold(Eigen::VectorXd(), {}, 99)));
        QVERIFY(std::isnan(percentileThreshold(vector({1, 2}), {false, false}, 99)));
    }

    void distributionUsesMaskedRowsOnly()
    {
        const Eigen::VectorXd scores = vector({100, 1, 2, 3, 4, -50});
        const ScoreDistribution d(scores, {false, true, true, true, true, false});
        QCOMPARE(d.size(), qsizetype(4));
        QCOMPARE(d.percentile(25), 1.75);
        QCOMPARE(d.percentile(100), 4.0);
    }

    void flagsStrictlyAboveAndOnlyEligible()
    {
        const Eigen::VectorXd scores = vector({1, 5, 5.0000001, 9, 9});
        QCOMPARE(flagRows(scores, 5.0), (std::vector<bool>{false, false, true, true, true}));
        QCOMPARE(flagRows(scores, 5.0, {true, true, true, false, true}),
                 (std::vector<bool>{false, false, true, false, true}));
    }

    void mergesAcrossGaps_data()
    {
        QTest::addColumn<std::vector<bool>>("flags");
        QTest::addColumn<int>("gap");
        QTest::addColumn<std::vector<qsizetype>>("bounds"); // first, last, first, last…
        const std::vector<bool> flags{true, false, true,  false, false, true,
                                      true, false, false, false, true};
        QTest::newRow("gap 0") << flags << 0 << std::vector<qsizetype>{0, 0, 2, 2, 5, 6, 10, 10};
        QTest::newRow("gap 1") << flags << 1 << std::vector<qsizetype>{0, 2, 5, 6, 10, 10};
        QTest::newRow("gap 2") << flags << 2 << std::vector<qsizetype>{0, 6, 10, 10};
        QTest::newRow("gap 3") << flags << 3 << std::vector<qsizetype>{0, 10};
        QTest::newRow("none") << std::vector<bool>(5, false) << 1 << std::vector<qsizetype>{};
        QTest::newRow("all") << std::vector<bool>(4, true) << 0 << std::vector<qsizetype>{0, 3};
    }
    void mergesAcrossGaps()
    {
        QFETCH(std::vector<bool>, flags);
        QFETCH(int, gap);
        QFETCH(std::vector<qsizetype>, bounds);
        const Eigen::VectorXd scores = Eigen::VectorXd::LinSpaced(Eigen::Index(flags.size()), 0, 1);
        std::vector<qsizetype> got;
        for (const ScoredInterval &interval : mergeFlagged(scores, flags, gap)) {
            got.push_back(interval.first);
            got.push_back(interval.last);
        }
        QCOMPARE(got, bounds);
    }

    void intervalPeakAndMean()
    {
        const Eigen::VectorXd scores = vector({0, 8, 1, 6, 0, 0});
        const std::vector<ScoredInterval> intervals =
            mergeFlagged(scores, flagRows(scores, 5.0), 1);
        QCOMPARE(intervals.size(), std::size_t(1));
        QCOMPARE(intervals[0].first, qsizetype(1));
        QCOMPARE(intervals[0].last, qsizetype(3));
        QCOMPARE(intervals[0].peak, 8.0);
        QCOMPARE(intervals[0].mean, 5.0); // (8 + 1 + 6) / 3, the bridged row included
        QCOMPARE(intervals[0].rowCount(), qsizetype(3));
    }

    void normalizedIsMonotoneInUnitInterval()
    {
        const Eigen::VectorXd scores = vector({3, -1, 7, 3, 1e6});
        const Eigen::VectorXd n = normalizedScores(scores);
        QCOMPARE(n[1], 0.0);
        QCOMPARE(n[4], 1.0);
        QCOMPARE(n[0], n[3]);
        QVERIFY(n[1] < n[0] && n[0] < n[2] && n[2] < n[4]);
        QCOMPARE(normalizedScores(vector({2, 2, 2})), Eigen::VectorXd(Eigen::VectorXd::Zero(3)));
    }
};

QTEST_GUILESS_MAIN(TestThreshold)
#include "tst_threshold.moc"
