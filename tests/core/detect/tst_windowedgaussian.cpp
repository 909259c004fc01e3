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
        checkRisingAcross(&WindowedGaussian::tailScore, 30.0, 45.0, 0.01, 1e200);
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
    // The third row of a file has a window of two rows, which may agree closely by chance: a
    // deviation from them is not evidence. Rows are compared with the training deviation
    // until the window holds ten.
    void shortWindowIsNotTrusted()
    {
        PortableRandom rng(5);
        Eigen::MatrixXd train(1000, 1);
        for (Eigen::Index r = 0; r < train.rows(); ++r)
            train(r, 0) = gaussian(rng);
        WindowedGaussian detector(WindowedGaussian::Parameters{});
        QVERIFY(detector.fit(train, {}).ok());
        Eigen::MatrixXd rows(3, 1);
        rows << 0.0, 0.001, 0.5; // half a training σ from the first two
        const Eigen::VectorXd scores = detector.score(rows);
        QVERIFY2(scores[2] < 1.0, qPrintable(QString::number(scores[2])));
    }

    // A count that is 0 in most training bins (log-scaled), then a quiet hour of zeros and one
    // packet: the smallest step the feature can take is no sign of an attack (about 3.5 σ of
    // its rounding noise), while a thousand packets are.
    void constantWindowAndOneStep()
    {
        Eigen::MatrixXd train(1000, 1);
        for (Eigen::Index r = 0; r < train.rows(); ++r)
            train(r, 0) = r % 10 == 0 ? std::log1p(1.0) : 0.0;
        WindowedGaussian detector(WindowedGaussian::Parameters{});
        QVERIFY(detector.fit(train, {}).ok());
        Eigen::MatrixXd rows = Eigen::MatrixXd::Zero(152, 1);
        rows(150, 0) = std::log1p(1.0);
        rows(151, 0) = std::log1p(1000.0);
        const Eigen::VectorXd scores = detector.score(rows);
        QVERIFY2(scores[150] < 4.0, qPrintable(QString::number(scores[150])));
        QVERIFY2(scores[151] > 20.0, qPrintable(QString::number(scores[151])));
    }
};

QTEST_GUILESS_MAIN(TestWindowedGaussian)
#include "tst_windowedgaussian.moc"
