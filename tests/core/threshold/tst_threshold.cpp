#include "threshold/threshold.h"
#include "threshold/thresholdrule.h"

#include <QTest>
#include <algorithm>
#include <cmath>
#include <limits>

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
        QCOMPARE(d.percentile(100), std::numeric_limits<double>::infinity()); // nothing above
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

    void holdGrowsAPlantedPlateauToItsShoulders()
    {
        // Quiet rows at 1, a plateau at 6 (above the hold, 4) with one spike at 9 (above the
        // threshold, 8), and a second plateau that never crosses the threshold.
        Eigen::VectorXd scores = Eigen::VectorXd::Constant(40, 1.0);
        scores.segment(10, 12).setConstant(6.0);
        scores[15] = 9.0;
        scores.segment(30, 5).setConstant(6.0);
        const std::vector<bool> flags = flagWithHold(scores, 8.0, 4.0);
        for (Eigen::Index r = 0; r < scores.size(); ++r)
            QCOMPARE(bool(flags[std::size_t(r)]), r >= 10 && r < 22);
        const std::vector<ScoredInterval> intervals = mergeFlagged(scores, flags, 1);
        QCOMPARE(intervals.size(), std::size_t(1));
        QCOMPARE(intervals[0].first, qsizetype(10));
        QCOMPARE(intervals[0].last, qsizetype(21));
        QCOMPARE(intervals[0].peak, 9.0);

        // Without a hold only the spike is flagged; a hold above the threshold changes nothing.
        QCOMPARE(flagWithHold(scores, 8.0, 8.0), flagRows(scores, 8.0));
        QCOMPARE(flagWithHold(scores, 8.0, 20.0), flagRows(scores, 8.0));
        QCOMPARE(std::count(flags.begin(), flags.end(), true), 12);
    }

    void holdStopsAtRowsWithoutData()
    {
        Eigen::VectorXd scores = Eigen::VectorXd::Constant(10, 6.0);
        scores[5] = 9.0;
        std::vector<bool> eligible(10, true);
        eligible[2] = false;
        eligible[8] = false;
        const std::vector<bool> flags = flagWithHold(scores, 8.0, 4.0, eligible);
        QCOMPARE(flags, (std::vector<bool>{false, false, false, true, true, true, true, true, false,
                                           false}));
    }

    void falseAlarmsPerDayConvertToRisk_data()
    {
        QTest::addColumn<TimeNs>("rowDuration");
        QTest::addColumn<double>("alarms");
        QTest::addColumn<double>("percentile");
        QTest::newRow("1 s bins, 86.4 a day") << kNsPerSecond << 86.4 << 99.9;
        QTest::newRow("10 s bins, 1 a day") << 10 * kNsPerSecond << 1.0 << 100.0 - 100.0 / 8640;
        QTest::newRow("5 min rows, 2.88 a day") << 300 * kNsPerSecond << 2.88 << 99.0;
        QTest::newRow("100 ms bins, none") << 100 * kNsPerMs << 0.0 << 100.0;
    }
    void falseAlarmsPerDayConvertToRisk()
    {
        QFETCH(TimeNs, rowDuration);
        QFETCH(double, alarms);
        QFETCH(double, percentile);
        const ThresholdRule rule = ThresholdRule::falseAlarmsPerDay(alarms);
        QCOMPARE(rule.percentileFor(rowDuration), percentile);
        QCOMPARE(rule.falseAlarmsPerDayFor(rowDuration), alarms);
        // And back: the percentile rule shows the same alarms per day.
        QCOMPARE(ThresholdRule::percentile(percentile).falseAlarmsPerDayFor(rowDuration) + 1.0,
                 alarms + 1.0);
    }

    void withoutADurationAlarmsPerDayAreUndefined()
    {
        const ThresholdRule rule = ThresholdRule::falseAlarmsPerDay(1.0);
        QCOMPARE(rule.percentileFor(0), ThresholdRule::kPercentileWithoutDuration);
        QVERIFY(std::isnan(rule.falseAlarmsPerDayFor(0)));
        QVERIFY(std::isnan(falseAlarmsPerDay(0.01, 0)));
        QCOMPARE(ThresholdRule::percentile(97.5).percentileFor(0), 97.5);
        QCOMPARE(rule.describe(0), QStringLiteral("99th percentile"));
        QCOMPARE(rule.describe(10 * kNsPerSecond),
                 QStringLiteral("1 false alarm(s) per day (99.988426th percentile)"));
        QCOMPARE(ThresholdRule::percentile(99.9).describe(kNsPerSecond),
                 QStringLiteral("99.9th percentile (86.4 false alarm(s) per day)"));
        QCOMPARE(ordinalPercentile(99.0), QStringLiteral("99th"));
        QCOMPARE(ordinalPercentile(42.0), QStringLiteral("42nd"));
        QCOMPARE(ordinalPercentile(99.999), QStringLiteral("99.999th"));
    }

    void numbersFollowTheLocale()
    {
        // German writes "99,9" and groups thousands with '.': a decimal point there would read
        // as thousands. (No translator is loaded: the words stay English.)
        const QLocale saved;
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        const QString percentile = ThresholdRule::percentile(99.9).describe(kNsPerSecond / 20);
        const QString alarms = ThresholdRule::falseAlarmsPerDay(1.0).describe(kNsPerSecond / 2);
        const QString many = ThresholdRule::percentile(98.0).describe(kNsPerSecond / 100);
        QLocale::setDefault(saved);
        QCOMPARE(percentile, QStringLiteral("99,9th percentile (1.728 false alarm(s) per day)"));
        QCOMPARE(alarms, QStringLiteral("1 false alarm(s) per day (99,999421th percentile)"));
        QCOMPARE(many, QStringLiteral("98th percentile (172.800 false alarm(s) per day)"));
    }
};

QTEST_GUILESS_MAIN(TestThreshold)
#include "tst_threshold.moc"
