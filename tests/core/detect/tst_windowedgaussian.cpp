#include "detect/windowedgaussian.h"
#include "detectorchecks.h"

#include <QTest>
#include <cmath>

using namespace tideline;
using namespace tideline::testing;

class TestWindowedGaussian : public QObject
{
    Q_OBJECT

private:
    static std::unique_ptr<Detector> make(quint64 seed)
    {
        return std::make_unique<WindowedGaussian>(ParameterValues{}, seed);
    }

private slots:
    void findsPlantedOutliers() { checkPlanted(&TestWindowedGaussian::make); }
    void degenerate_data() { degenerateData(); }
    void degenerate()
    {
        QFETCH(Eigen::MatrixXd, rows);
        checkDegenerate(&TestWindowedGaussian::make, rows);
    }
    void deterministic() { checkDeterministic(&TestWindowedGaussian::make); }
    void cancellation() { checkCancellation(&TestWindowedGaussian::make); }

    void tailScore_data()
    {
        QTest::addColumn<double>("z");
        QTest::addColumn<double>("expected");
        // -log10(erfc(z / √2)) from the normal table: P(|Z| >= 1.96) = 0.05 and so on.
        QTest::newRow("0") << 0.0 << 0.0;
        QTest::newRow("1.96") << 1.959963984540054 << -std::log10(0.05);
        QTest::newRow("3.29") << 3.290526731491926 << 3.0;
        // Beyond where erfc underflows (scipy: -(ln 2 + log_ndtr(-100)) / ln 10).
        QTest::newRow("100") << 100.0 << 2173.5705128733703;
    }
    void tailScore()
    {
        QFETCH(double, z);
        QFETCH(double, expected);
        QVERIFY(std::fabs(WindowedGaussian::tailScore(z) - expected) < 0.01);
    }

    void tailScoreIsMonotoneAcrossTheSwitch()
    {
        double previous = 0.0;
        for (double z = 30.0; z < 45.0; z += 0.01) {
            const double score = WindowedGaussian::tailScore(z);
            QVERIFY2(score > previous, qPrintable(QString::number(z)));
            previous = score;
        }
        QVERIFY(std::isfinite(WindowedGaussian::tailScore(1e200)));
    }

    void comparesWithPrecedingWindowOnly()
    {
        // A level shift: with a window of 5 the row after the shift is extreme, and five rows
        // later the new level is normal again.
        Eigen::MatrixXd rows(20, 1);
        for (Eigen::Index r = 0; r < 20; ++r)
            rows(r, 0) = (r < 10 ? 0.0 : 100.0) + (r % 2 == 0 ? 0.5 : -0.5);
        WindowedGaussian detector(WindowedGaussian::Parameters{5});
        QVERIFY(detector.fit(rows.topRows(10), {}).ok());
        const Eigen::VectorXd scores = detector.score(rows);
        QVERIFY(scores[10] > 20.0);
        QVERIFY(scores[17] < 1.0);
    }
};

QTEST_GUILESS_MAIN(TestWindowedGaussian)
#include "tst_windowedgaussian.moc"
