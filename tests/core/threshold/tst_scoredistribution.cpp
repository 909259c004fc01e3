#include "threshold/scoredistribution.h"
#include "threshold/threshold.h"

#include <QTest>
#include <cmath>
#include <limits>
#include <numbers>
#include <random>

using namespace tideline;

namespace {

double uniform(std::mt19937_64 &random)
{
    return (double(random() >> 11) + 0.5) * 0x1.0p-53;
}

// Scores of n normal rows with a known exceedance: exponential (rate 1), so the score that
// a share q exceeds is −ln q.
std::vector<double> exponentialScores(int n, quint64 seed)
{
    std::mt19937_64 random(seed);
    std::vector<double> scores;
    for (int i = 0; i < n; ++i)
        scores.push_back(-std::log(uniform(random)));
    return scores;
}

std::vector<double> boundedScores(int n, quint64 seed)
{
    std::mt19937_64 random(seed);
    std::vector<double> scores;
    for (int i = 0; i < n; ++i)
        scores.push_back(0.3 + 0.4 * uniform(random)); // like isolation-forest scores
    return scores;
}

const double kInfinity = std::numeric_limits<double>::infinity();

} // namespace

class TestScoreDistribution : public QObject
{
    Q_OBJECT

private slots:
    void bodyIsNumpysPercentile()
    {
        std::vector<double> scores = exponentialScores(5000, 1);
        const ScoreDistribution d(scores);
        std::sort(scores.begin(), scores.end());
        // The tail starts at the top 2 %: below it, every percentile is numpy's, bit for bit.
        for (double p : {0.0, 10.0, 50.0, 90.0, 97.5})
            QCOMPARE(d.percentile(p), percentileOfSorted(scores.data(), 5000, p));
        QCOMPARE(d.tailStart(), scores[5000 - 100 - 1]);
    }

    void tailExtrapolatesPastTheRows()
    {
        // 20,000 rows resolve the 99.995th percentile at best; the tail goes on. Exponential
        // scores: the true threshold for risk q is −ln q.
        const ScoreDistribution d(exponentialScores(20000, 2));
        for (double q : {1e-3, 1e-4, 1e-5, 1e-6}) {
            const double threshold = d.thresholdForRisk(q);
            QVERIFY2(std::abs(threshold / -std::log(q) - 1.0) < 0.15,
                     qPrintable(
                         QStringLiteral("q %1: %2 vs %3").arg(q).arg(threshold).arg(-std::log(q))));
            // Calibration is the inverse of the threshold.
            QVERIFY(std::abs(d.logExceedance(threshold) - std::log(q)) < 1e-9);
        }
        QCOMPARE(d.percentile(99.999), d.thresholdForRisk(1e-5));
    }

    void thresholdIsMonotoneInThePercentile_data()
    {
        QTest::addColumn<std::vector<double>>("scores");
        QTest::newRow("exponential") << exponentialScores(3000, 3);
        QTest::newRow("bounded") << boundedScores(3000, 4);
        QTest::newRow("few rows") << exponentialScores(12, 5);
        QTest::newRow("two rows") << std::vector<double>{1.0, 2.0};
        QTest::newRow("one row") << std::vector<double>{5.0};
        QTest::newRow("constant") << std::vector<double>(100, 0.25);
        std::vector<double> mostlyEmpty(10000, 0.0); // empty bins that all score alike
        const std::vector<double> busy = exponentialScores(300, 6);
        std::copy(busy.begin(), busy.end(), mostlyEmpty.begin());
        QTest::newRow("mostly empty bins") << mostlyEmpty;
        std::vector<double> huge = exponentialScores(500, 7);
        for (double &x : huge)
            x *= 1e200;
        QTest::newRow("huge") << huge;
    }
    void thresholdIsMonotoneInThePercentile()
    {
        QFETCH(std::vector<double>, scores);
        const ScoreDistribution d(scores);
        double previous = -kInfinity;
        for (double p = 0.0; p < 99.9999999; p = p < 99 ? p + 0.5 : 100 - (100 - p) / 1.5) {
            const double threshold = d.percentile(p);
            QVERIFY2(std::isfinite(threshold), qPrintable(QString::number(p)));
            QVERIFY2(threshold >= previous,
                     qPrintable(QStringLiteral("%1: %2 < %3").arg(p).arg(threshold).arg(previous)));
            previous = threshold;
        }
        // And the calibrated score never falls as the raw score rises.
        double last = -1.0;
        const double lo = *std::min_element(scores.begin(), scores.end());
        const double hi = *std::max_element(scores.begin(), scores.end());
        for (int i = -10; i <= 110; ++i) {
            const double n = d.normalized(lo + (hi - lo) * i / 100.0);
            QVERIFY(n >= last && n >= 0.0 && n < 1.0);
            last = n;
        }
    }

    void emptyTrainingBinsDoNotCollapseTheThreshold()
    {
        // 99 % of the training bins are empty and score 0: a rare risk still needs a score
        // beyond what the busy bins reach, not anything above 0.
        std::vector<double> scores(10000, 0.0);
        const std::vector<double> busy = exponentialScores(100, 8);
        std::copy(busy.begin(), busy.end(), scores.begin());
        const ScoreDistribution d(scores);
        QVERIFY(d.tailStart() == 0.0);
        QVERIFY(d.thresholdForRisk(1e-5) > *std::max_element(busy.begin(), busy.end()) * 0.5);
        QCOMPARE(d.logExceedance(0.0), std::log(100.0 / 9999.0));
    }

    void beyondTheLargestScoreEveryScoreRanks_data()
    {
        QTest::addColumn<std::vector<double>>("scores");
        QTest::newRow("heavy tail") << exponentialScores(2000, 9);
        QTest::newRow("bounded tail") << boundedScores(2000, 10);
        QTest::newRow("constant") << std::vector<double>(50, 3.0);
        QTest::newRow("one row") << std::vector<double>{3.0};
    }
    void beyondTheLargestScoreEveryScoreRanks()
    {
        QFETCH(std::vector<double>, scores);
        const ScoreDistribution d(scores);
        const double top = *std::max_element(scores.begin(), scores.end());
        double previous = d.normalized(top);
        double previousLog = d.logExceedance(top);
        for (double beyond : {1e-6, 0.1, 1.0, 10.0, 1e3, 1e6}) {
            const double n = d.normalized(top + beyond);
            const double log = d.logExceedance(top + beyond);
            QVERIFY2(n > previous && n < 1.0, qPrintable(QStringLiteral("+%1: %2 after %3")
                                                             .arg(beyond)
                                                             .arg(n, 0, 'g', 17)
                                                             .arg(previous, 0, 'g', 17)));
            QVERIFY(log < previousLog && std::isfinite(log));
            previous = n;
            previousLog = log;
        }
        QVERIFY(d.rarity(top + 1.0) > double(scores.size()));
    }

    void noThresholdPassesTheHighestScore()
    {
        // Scores that end at 1 (an isolation forest's) with a heavy top: a tail fitted without
        // the end put one false alarm in 100,000 rows at 16 (seen on a table of 100,000 rows).
        // Knowing the end, every risk's threshold lies below it, falling exceedance all the way.
        std::mt19937_64 random(12);
        std::vector<double> scores;
        while (scores.size() < 20000) {
            const double score = 0.45 + 0.02 * std::pow(uniform(random), -0.6);
            if (score < 1.0)
                scores.push_back(score);
        }
        const ScoreDistribution free(scores);
        const ScoreDistribution ending(scores, ScoreDistribution::Outliers::Keep, 1.0);
        QVERIFY(free.thresholdForRisk(1e-7) > 1.0);
        double previous = -kInfinity;
        for (double risk : {1e-3, 1e-5, 1e-7}) {
            const double threshold = ending.thresholdForRisk(risk);
            QVERIFY2(threshold > previous && threshold < 1.0,
                     qPrintable(QStringLiteral("%1: %2").arg(risk).arg(threshold)));
            QVERIFY(std::abs(ending.logExceedance(threshold) - std::log(risk)) < 1e-6);
            previous = threshold;
        }
        QVERIFY(ending.thresholdForRisk(1e-15) <= 1.0);
        // The body is the same; the highest score itself is rare, not impossible.
        QCOMPARE(ending.percentile(50.0), free.percentile(50.0));
        QVERIFY(std::isfinite(ending.logExceedance(1.0)));
        QVERIFY(ending.normalized(1.0) < 1.0 && ending.normalized(1.0) > ending.normalized(0.99));
    }

    void attacksInTheTrainingRowsAreLeftOut()
    {
        // 1,000 normal rows (exponential) and an attack of 150 rows scoring 30-40: kept, the
        // attack is the tail and a rare risk's threshold lies above it; left out, the threshold
        // is the normal rows' own (−ln 1e-5 = 11.5) and far below the attack.
        std::vector<double> scores = exponentialScores(1000, 5);
        std::mt19937_64 random(6);
        for (int i = 0; i < 150; ++i)
            scores.push_back(30.0 + 10.0 * uniform(random));
        const ScoreDistribution kept(scores);
        const ScoreDistribution left(scores, ScoreDistribution::Outliers::LeaveOut);
        QCOMPARE(kept.outliers(), qsizetype(0));
        QCOMPARE(left.outliers(), qsizetype(150));
        QCOMPARE(left.size(), qsizetype(1000));
        QVERIFY(kept.thresholdForRisk(1e-5) > 40.0);
        const double threshold = left.thresholdForRisk(1e-5);
        QVERIFY2(threshold > 8.0 && threshold < 20.0, qPrintable(QString::number(threshold)));
        // The attack's scores are rare under the normal rows' tail.
        QVERIFY2(left.rarity(30.0) > 1e6, qPrintable(QString::number(left.rarity(30.0))));
    }

    void aFewExtremesAreLeftOutTheRowsOwnAreNot()
    {
        // Three attack bins among 1,000 (a minute's attack in a day would be six among 8,640)
        // fill a sixth of the tail's 20 rows, and a tail fitted to them would put a rare risk's
        // threshold above them: they go. The normal rows' own largest, near −ln(1/1000) = 6.9,
        // stay.
        std::vector<double> scores = exponentialScores(1000, 7);
        const double normalMax = *std::max_element(scores.begin(), scores.end());
        scores.insert(scores.end(), {50.0, 55.0, 60.0});
        const ScoreDistribution left(scores, ScoreDistribution::Outliers::LeaveOut);
        QCOMPARE(left.outliers(), qsizetype(3));
        QCOMPARE(left.sorted().back(), normalMax);
        QVERIFY(left.thresholdForRisk(1e-4) < 50.0);
        const ScoreDistribution clean(exponentialScores(1000, 7),
                                      ScoreDistribution::Outliers::LeaveOut);
        QCOMPARE(clean.outliers(), qsizetype(0));
    }

    void anAttacksRunIsLeftOutWithItsShoulders()
    {
        // An attack of 30 rows in 1,000 normal ones (exponential): 10 rows rising from 4 to 200,
        // 10 at 150-250, 10 falling back to 4. Row by row, its shoulders give the other rows a
        // tail as heavy as the attack's, and no top of it is too extreme for them; as a run
        // above the body it is, and the threshold for a rare risk is the normal rows' own.
        const std::vector<double> normal = exponentialScores(1000, 8);
        std::vector<double> ordered(normal.begin(), normal.begin() + 500);
        std::mt19937_64 random(9);
        for (int i = 0; i < 10; ++i)
            ordered.push_back(4.0 * std::pow(50.0, i / 9.0));
        for (int i = 0; i < 10; ++i)
            ordered.push_back(150.0 + 100.0 * uniform(random));
        for (int i = 0; i < 10; ++i)
            ordered.push_back(100.0 * std::pow(0.04, i / 9.0));
        ordered.insert(ordered.end(), normal.begin() + 500, normal.end());
        const Eigen::VectorXd scores =
            Eigen::Map<const Eigen::VectorXd>(ordered.data(), Eigen::Index(ordered.size()));
        const ScoreDistribution left(scores, {}, ScoreDistribution::Outliers::LeaveOut);
        QVERIFY2(left.outliers() >= 28, qPrintable(QString::number(left.outliers())));
        const double threshold = left.thresholdForRisk(1e-5);
        QVERIFY2(threshold < 20.0, qPrintable(QString::number(threshold)));
        // Rows without their order are tested one by one.
        const ScoreDistribution unordered(ordered, ScoreDistribution::Outliers::LeaveOut);
        QVERIFY2(unordered.thresholdForRisk(1e-5) > 100.0,
                 qPrintable(QString::number(unordered.thresholdForRisk(1e-5))));
    }

    void benignRunsAreRarelyOutliers()
    {
        // Benign scores, heavy-tailed (lognormal) and in runs (each row 0.8 like the one
        // before): a run must lie far beyond the other rows' tail (kRunOutlierExpectation), so
        // runs add few series in which normal rows are left out to those where single rows are
        // (the row test's own share on such tails is about one in six, 16 of these 100).
        int added = 0;
        for (quint64 seed = 1; seed <= 100; ++seed) {
            std::mt19937_64 random(seed);
            Eigen::VectorXd scores(3000);
            double level = 0.0;
            for (Eigen::Index i = 0; i < scores.size(); ++i) {
                const double radius = std::sqrt(-2.0 * std::log(uniform(random)));
                level =
                    0.8 * level + 0.6 * radius * std::cos(2.0 * std::numbers::pi * uniform(random));
                scores[i] = std::exp(level);
            }
            const ScoreDistribution byRuns(scores, {}, ScoreDistribution::Outliers::LeaveOut);
            const ScoreDistribution byRows(std::vector<double>(scores.begin(), scores.end()),
                                           ScoreDistribution::Outliers::LeaveOut);
            if (byRuns.outliers() > byRows.outliers())
                ++added;
        }
        QVERIFY2(added <= 5, qPrintable(QString::number(added)));
    }

    void tiedScoresAreNoOutliers()
    {
        // A series without noise: most rows score 0, a fifth exactly 1. Equal top scores give no
        // tail to judge by, so nothing is left out.
        std::vector<double> scores(800, 0.0);
        scores.insert(scores.end(), 200, 1.0);
        const ScoreDistribution left(scores, ScoreDistribution::Outliers::LeaveOut);
        QCOMPARE(left.outliers(), qsizetype(0));
    }

    void logTailsAreTheirOwnCalibration()
    {
        // htm's likelihood score s is a tail probability of 1e-10^s, whatever the training rows
        // scored (here all of them the probation's placeholder).
        const Eigen::VectorXd scores = Eigen::VectorXd::Constant(100, 0.03);
        const ScoreDistribution d = ScoreDistribution::ofLogTails(scores, {}, std::log(1e-10));
        QVERIFY(std::abs(d.thresholdForRisk(1e-5) - 0.5) < 1e-12);
        QVERIFY(std::abs(d.percentile(99.0) - 0.2) < 1e-12);
        QVERIFY(std::abs(d.logExceedance(0.5) - std::log(1e-5)) < 1e-9);
        QVERIFY(d.normalized(0.6) > d.normalized(0.5));
        QVERIFY(d.normalized(1.0) < 1.0);
        QCOMPARE(d.thresholdForRisk(0.0), kInfinity);
        QCOMPARE(d.size(), qsizetype(100));
    }

    void nothingToCalibrateIsNaN()
    {
        const ScoreDistribution empty;
        QVERIFY(std::isnan(empty.percentile(99)));
        QVERIFY(std::isnan(empty.thresholdForRisk(0.01)));
        QVERIFY(std::isnan(empty.normalized(1.0)));
        const ScoreDistribution nonFinite(std::vector<double>{std::nan(""), kInfinity});
        QCOMPARE(nonFinite.size(), qsizetype(0));
    }

    void extremesOfTheRisk()
    {
        const ScoreDistribution d(std::vector<double>{1, 2, 3, 4});
        QCOMPARE(d.thresholdForRisk(1.0), 1.0);
        QCOMPARE(d.thresholdForRisk(0.0), kInfinity);
        QCOMPARE(d.normalized(0.0), 0.0);
    }
};

QTEST_GUILESS_MAIN(TestScoreDistribution)
#include "tst_scoredistribution.moc"
