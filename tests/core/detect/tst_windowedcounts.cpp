#include "common/portablerandom.h"
#include "detect/windowedgaussian.h"
#include "detectorchecks.h"

#include <QTest>
#include <cmath>
#include <numbers>

using namespace tideline;
using namespace tideline::testing;

namespace {

std::unique_ptr<Detector> make(quint64 seed)
{
    return WindowedGaussian::makeCounting(ParameterValues{}, seed);
}

// `rows` bins of a bursty count: Poisson(2) with, one bin in twenty, a burst of 40 to 120.
Eigen::MatrixXd burstyCounts(Eigen::Index rows, quint64 seed)
{
    PortableRandom random(seed);
    Eigen::MatrixXd m(rows, 1);
    for (Eigen::Index r = 0; r < rows; ++r)
        m(r, 0) =
            double(random.chance(0.05) ? 40 + random.poisson(80.0) % 80 : random.poisson(2.0));
    return m;
}

} // namespace

class TestWindowedCounts : public QObject
{
    Q_OBJECT

private slots:
    void findsPlantedOutliers() { checkPlanted(&make); }
    void degenerate_data() { degenerateData(); }
    void degenerate()
    {
        QFETCH(Eigen::MatrixXd, rows);
        checkDegenerate(&make, rows);
    }
    void deterministic() { checkDeterministic(&make); }
    void cancellation() { checkCancellation(&make); }

    void countScore_data()
    {
        QTest::addColumn<double>("x");
        QTest::addColumn<double>("mean");
        QTest::addColumn<double>("variance");
        QTest::addColumn<double>("low");
        QTest::addColumn<double>("high");
        QTest::newRow("at the mean") << 10.0 << 10.0 << 30.0 << 0.0 << 0.0;
        // Poisson(4): P(X >= 20) = 8.3e-8, the bound 2·exp(20·ln(4/20) + 16) = 2.1e-7.
        QTest::newRow("poisson") << 20.0 << 4.0 << 4.0 << 6.5 << 7.1;
        // A scan's SYNs among bins of 0 to 16 (mean 1.2, variance 9), and the same window's
        // busiest ordinary bin.
        QTest::newRow("scan") << 232.0 << 1.2 << 9.0 << 12.0 << 15.0;
        QTest::newRow("burst") << 16.0 << 1.2 << 9.0 << 0.0 << 2.0;
        // A streaming second of 138 packets among seconds of mean 10, deviation 30.
        QTest::newRow("bursty traffic") << 138.0 << 10.0 << 900.0 << 0.0 << 0.5;
        // Traffic that stops: 0 where 200 ± 20 is usual, P(X = 0) = 0.5^200.
        QTest::newRow("drop") << 0.0 << 200.0 << 400.0 << 59.0 << 61.0;
        // A feature never seen: the mean is half a count, so a first packet is no alarm.
        QTest::newRow("first packet") << 1.0 << 0.0 << 0.0 << 0.0 << 1.0;
    }
    void countScore()
    {
        QFETCH(double, x);
        QFETCH(double, mean);
        QFETCH(double, variance);
        QFETCH(double, low);
        QFETCH(double, high);
        const double score = WindowedGaussian::countScore(x, mean, variance);
        QVERIFY2(score >= low && score <= high, qPrintable(QString::number(score)));
    }

    void countScoreRisesWithDistanceFromTheMean()
    {
        double previous = 0.0;
        for (double x = 2.0; x < 5000.0; x *= 1.1) {
            const double score = WindowedGaussian::countScore(x, 2.0, 50.0);
            QVERIFY2(score >= previous, qPrintable(QString::number(x)));
            previous = score;
        }
        QVERIFY(previous > 10.0);
        QVERIFY(std::isfinite(WindowedGaussian::countScore(1e300, 1.0, 1e300)));
    }

    void anAttackIsComparedWithTheTrafficBeforeIt()
    {
        // Thirty bins of 3,000 amid bursty counts: the window does not learn them, so the last
        // bin is as anomalous as the first.
        Eigen::MatrixXd rows = burstyCounts(400, 3);
        rows.middleRows(300, 30).setConstant(3000.0);
        const std::unique_ptr<Detector> counts = make(1);
        QVERIFY(counts->fit(rows, {}).ok());
        const Eigen::VectorXd scores = counts->score(rows);
        for (Eigen::Index r = 300; r < 330; ++r)
            QVERIFY2(scores[r] > WindowedGaussian::kSurelyAnomalous,
                     qPrintable(QStringLiteral("row %1: %2").arg(r).arg(scores[r])));
        double normalMax = 0.0;
        for (Eigen::Index r = 100; r < 300; ++r)
            normalMax = std::max(normalMax, scores[r]);
        QVERIFY2(normalMax < WindowedGaussian::kSurelyAnomalous,
                 qPrintable(QString::number(normalMax)));
        QVERIFY(scores.segment(331, 69).maxCoeff() < WindowedGaussian::kSurelyAnomalous);
    }

    void aBurstThatComesBackIsKnown()
    {
        // One bin of 500 among bins of Poisson(5), and the same again 40 bins later: the first
        // entered the window when it was over, so the second is less of a surprise.
        PortableRandom random(2);
        Eigen::MatrixXd rows(200, 1);
        for (Eigen::Index r = 0; r < rows.rows(); ++r)
            rows(r, 0) = double(random.poisson(5.0));
        rows(100, 0) = rows(140, 0) = 500.0;
        const std::unique_ptr<Detector> counts = make(1);
        QVERIFY(counts->fit(rows.topRows(100), {}).ok());
        const Eigen::VectorXd scores = counts->score(rows);
        QVERIFY(scores[100] > WindowedGaussian::kSurelyAnomalous);
        QVERIFY2(scores[140] < scores[100] / 2.0,
                 qPrintable(QStringLiteral("%1 then %2").arg(scores[100]).arg(scores[140])));
    }

    void aLastingChangeBecomesTheNewNormal()
    {
        // From row 100 on the count is ten times what it was: after half a window of alarms
        // the window takes the new level.
        PortableRandom random(9);
        Eigen::MatrixXd rows(300, 1);
        for (Eigen::Index r = 0; r < rows.rows(); ++r)
            rows(r, 0) = double(random.poisson(r < 100 ? 20.0 : 200.0));
        const std::unique_ptr<Detector> counts =
            WindowedGaussian::makeCounting({{QStringLiteral("window"), 40}}, 1);
        QVERIFY(counts->fit(rows.topRows(100), {}).ok());
        const Eigen::VectorXd scores = counts->score(rows);
        QVERIFY(scores.segment(100, 20).minCoeff() > WindowedGaussian::kSurelyAnomalous);
        QVERIFY2(scores.segment(200, 100).maxCoeff() < 5.0,
                 qPrintable(QString::number(scores.segment(200, 100).maxCoeff())));
    }

    void aRisingAttackIsComparedWithTheTrafficBeforeIt_data()
    {
        QTest::addColumn<double>("second");
        QTest::addColumn<double>("low");
        QTest::addColumn<double>("high");
        QTest::newRow("10^-6") << 82.0 << 5.0 << 10.0;
        QTest::newRow("10^-4.5") << 68.0 << 4.0 << 5.0;
    }

    void aRisingAttackIsComparedWithTheTrafficBeforeIt()
    {
        // A scan that ramps up (16, 82, 329, 548, 714 SYNs a bin, as sanders' scan at 1 s bins)
        // amid SYNs of Poisson(2) with, one bin in twenty, a burst of 10 to 20: its second bin
        // is between 10^-4 and 10^-10 likely, and were it let into the window its spread would
        // hide the larger bins after it.
        QFETCH(double, second);
        QFETCH(double, low);
        QFETCH(double, high);
        PortableRandom random(5);
        Eigen::MatrixXd rows(300, 1);
        for (Eigen::Index r = 0; r < rows.rows(); ++r)
            rows(r, 0) = double(random.chance(0.05) ? 10 + random.below(11) : random.poisson(2.0));
        const double ramp[] = {16.0, second, 329.0, 548.0, 714.0};
        for (int i = 0; i < 5; ++i)
            rows(200 + i, 0) = ramp[i];
        const std::unique_ptr<Detector> counts = make(1);
        QVERIFY(counts->fit(rows, {}).ok());
        const Eigen::VectorXd scores = counts->score(rows);
        QVERIFY2(scores[201] > low && scores[201] < high, qPrintable(QString::number(scores[201])));
        for (Eigen::Index r = 202; r < 205; ++r)
            QVERIFY2(scores[r] > 20.0,
                     qPrintable(QStringLiteral("row %1: %2").arg(r).arg(scores[r])));
    }

    void rowsBeforeTheWindowIsTrustedEnterIt()
    {
        // Trained on the busy second half, the quiet first rows are scored with the training
        // moments until the window holds ten of them; they are the window then, so the quiet
        // rows after them are ordinary.
        PortableRandom random(6);
        Eigen::MatrixXd rows(200, 1);
        for (Eigen::Index r = 0; r < rows.rows(); ++r)
            rows(r, 0) = double(random.poisson(r < 60 ? 2.0 : 50.0));
        const std::unique_ptr<Detector> counts = make(1);
        QVERIFY(counts->fit(rows.bottomRows(100), {}).ok());
        const Eigen::VectorXd scores = counts->score(rows);
        QVERIFY(scores.head(10).minCoeff() > WindowedGaussian::kSurelyAnomalous);
        QVERIFY2(scores.segment(10, 50).maxCoeff() < WindowedGaussian::kSurelyAnomalous,
                 qPrintable(QString::number(scores.segment(10, 50).maxCoeff())));
    }

    void studentScore_data()
    {
        QTest::addColumn<double>("t");
        QTest::addColumn<double>("expected");
        // Two-sided quantiles of Student's t with 3 degrees of freedom.
        QTest::newRow("centre") << 0.0 << 0.0;
        QTest::newRow("5 %") << 3.182446 << -std::log10(0.05);
        QTest::newRow("1 %") << 5.840909 << 2.0;
        QTest::newRow("0.1 %") << 12.92398 << 3.0;
        QTest::newRow("negative") << -5.840909 << 2.0;
    }

    void studentScore()
    {
        QFETCH(double, t);
        QFETCH(double, expected);
        QVERIFY2(std::abs(WindowedGaussian::studentScore(t) - expected) < 1e-5,
                 qPrintable(QString::number(WindowedGaussian::studentScore(t))));
    }

    void studentScoreIsMonotoneAcrossTheSwitch()
    {
        // The series takes over at u = t / sqrt(3) = 30: the two agree there, and the score goes
        // on rising as 3 log10(u) + log10(3 pi / 4) without bound.
        checkRisingAcross(&WindowedGaussian::studentScore, 40.0, 70.0, 0.25, 1e300);
        const double at = 30.0 * std::sqrt(3.0);
        QVERIFY(std::abs(WindowedGaussian::studentScore(at * (1.0 - 1e-12)) -
                         WindowedGaussian::studentScore(at * (1.0 + 1e-12))) < 1e-6);
        const double far =
            3.0 * std::log10(1e300 / std::sqrt(3.0)) + std::log10(0.75 * std::numbers::pi);
        QVERIFY2(std::abs(WindowedGaussian::studentScore(1e300) - far) < 1e-9,
                 qPrintable(QString::number(WindowedGaussian::studentScore(1e300))));
    }

    void gaugesHaveHeavyTails()
    {
        // A column of fractions is no count, and a mean over a bin's few packets is far noisier
        // than over many: a value twelve deviations out is 10^-32 likely to windowed_gaussian's
        // normal and 10^-3 to windowed_counts' Student t, which ranks the rows alike.
        PortableRandom random(4);
        Eigen::MatrixXd rows(200, 1);
        for (Eigen::Index r = 0; r < rows.rows(); ++r)
            rows(r, 0) = random.normal(1.0, 0.05);
        rows(150, 0) = 1.6;
        const std::unique_ptr<Detector> counts = make(1);
        WindowedGaussian gaussian(WindowedGaussian::Parameters{});
        QVERIFY(counts->fit(rows, {}).ok());
        QVERIFY(gaussian.fit(rows, {}).ok());
        const Eigen::VectorXd a = counts->score(rows);
        const Eigen::VectorXd b = gaussian.score(rows);
        QVERIFY2(b[150] > 20.0, qPrintable(QString::number(b[150])));
        QVERIFY2(a[150] > 2.5 && a[150] < WindowedGaussian::kSurelyAnomalous,
                 qPrintable(QString::number(a[150])));
        for (Eigen::Index r = 1; r < a.size(); ++r)
            QCOMPARE(a[r] < a[r - 1], b[r] < b[r - 1]);
    }
};

QTEST_GUILESS_MAIN(TestWindowedCounts)
#include "tst_windowedcounts.moc"
