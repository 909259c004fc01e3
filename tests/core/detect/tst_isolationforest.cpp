#include "common/parallel.h"
#include "detect/isolationforest.h"
#include "detectorchecks.h"

#include <QTest>
#include <cmath>
#include <numbers>

using namespace tideline;
using namespace tideline::testing;

class TestIsolationForest : public QObject
{
    Q_OBJECT

private:
    static std::unique_ptr<Detector> make(quint64 seed)
    {
        return std::make_unique<IsolationForest>(IsolationForest::Parameters{}, seed);
    }

    static Eigen::VectorXd fitAndScore(const Eigen::MatrixXd &rows, quint64 seed)
    {
        IsolationForest forest(IsolationForest::Parameters{}, seed);
        if (!forest.fit(rows, {}).ok())
            return {};
        return forest.score(rows);
    }

private slots:
    void cleanup() { setDetectorThreads(0); }

    void findsPlantedOutliers() { checkPlanted(&TestIsolationForest::make); }
    void degenerate_data() { degenerateData(); }
    void degenerate()
    {
        QFETCH(Eigen::MatrixXd, rows);
        checkDegenerate(&TestIsolationForest::make, rows);
    }
    void deterministic() { checkDeterministic(&TestIsolationForest::make); }
    void cancellation() { checkCancellation(&TestIsolationForest::make); }

    void seedChangesScores()
    {
        const Planted planted = plantedMatrix(1000, 5);
        const Eigen::VectorXd a = fitAndScore(planted.rows, 1);
        const Eigen::VectorXd b = fitAndScore(planted.rows, 2);
        QCOMPARE(a.size(), b.size());
        QVERIFY(a != b);
    }

    void threadCountDoesNotChangeScores()
    {
        const Planted planted = plantedMatrix(3000, 5);
        setDetectorThreads(1);
        const Eigen::VectorXd one = fitAndScore(planted.rows, 9);
        setDetectorThreads(3);
        const Eigen::VectorXd three = fitAndScore(planted.rows, 9);
        QCOMPARE(one.size(), planted.rows.rows());
        QVERIFY(std::memcmp(one.data(), three.data(), std::size_t(one.size()) * sizeof(double)) ==
                0);
    }

    void averagePathLength_data()
    {
        QTest::addColumn<double>("n");
        QTest::addColumn<double>("expected");
        QTest::newRow("1") << 1.0 << 0.0;
        QTest::newRow("2") << 2.0 << 1.0;
        // 2 (ln(n-1) + γ) - 2 (n-1)/n, the paper's c(n).
        QTest::newRow("3") << 3.0 << 2.0 * (std::log(2.0) + std::numbers::egamma) - 4.0 / 3.0;
        QTest::newRow("256") << 256.0 << 10.244770920119917;
    }
    void averagePathLength()
    {
        QFETCH(double, n);
        QFETCH(double, expected);
        QVERIFY(std::fabs(IsolationForest::averagePathLength(n) - expected) < 1e-12);
    }

    void heightIsCeilLog2OfSample_data()
    {
        QTest::addColumn<int>("sampleSize");
        QTest::addColumn<int>("rows");
        QTest::addColumn<int>("height");
        QTest::newRow("256 of 1000") << 256 << 1000 << 8;
        QTest::newRow("200 of 1000") << 200 << 1000 << 8;
        QTest::newRow("256 of 100") << 256 << 100 << 7;
        QTest::newRow("2 of 10") << 2 << 10 << 1;
    }
    void heightIsCeilLog2OfSample()
    {
        QFETCH(int, sampleSize);
        QFETCH(int, rows);
        QFETCH(int, height);
        IsolationForest forest(IsolationForest::Parameters{10, sampleSize}, 1);
        QVERIFY(forest.fit(plantedMatrix(rows, 0).rows, {}).ok());
        QCOMPARE(forest.height(), height);
    }

    // Trained on every row, 80 rows of one burst are a cluster that isolates slowly; grown
    // again without the rows isolated soonest, the forest cuts every burst row off sooner than
    // any normal row. Grown once (trim 0, the default), it does not.
    void trimmedRefitUnmasksAnAttackInTheTrainingRows()
    {
        const Planted planted = contaminatedMatrix();
        const Eigen::Index normal = planted.outliers.front();
        IsolationForest::Parameters trimmed;
        trimmed.trim = 0.1;
        for (const IsolationForest::Parameters &parameters :
             {trimmed, IsolationForest::Parameters{}}) {
            IsolationForest forest(parameters, 3);
            QVERIFY(forest.fit(planted.rows, {}).ok());
            const Eigen::VectorXd scores = forest.score(planted.rows);
            const double normalMax = scores.head(normal).maxCoeff();
            const double attackMin = scores.tail(scores.size() - normal).minCoeff();
            qInfo("trim %g: burst min %.3f, normal max %.3f", parameters.trim, attackMin,
                  normalMax);
            QCOMPARE(attackMin > normalMax, parameters.trim > 0.0);
        }
    }

    // Grown on normal rows alone, a row ten times as far out scores higher than one just past
    // the edge: a cut may fall between the node's span and the row.
    void fartherBeyondTheTrainingRangeScoresHigher()
    {
        const Planted planted = plantedMatrix(1000, 0, 3, 9);
        IsolationForest forest(IsolationForest::Parameters{}, 2);
        QVERIFY(forest.fit(planted.rows, {}).ok());
        Eigen::MatrixXd rows = Eigen::MatrixXd::Constant(3, 3, 4.0);
        rows(1, 0) = 12.0;
        rows(2, 0) = 100.0;
        const Eigen::VectorXd scores = forest.score(rows);
        QVERIFY2(
            scores[0] < scores[1] && scores[1] < scores[2],
            qPrintable(QStringLiteral("%1 %2 %3").arg(scores[0]).arg(scores[1]).arg(scores[2])));
    }

    void scoresAreInUnitIntervalAndHalfForIdenticalRows()
    {
        const Eigen::VectorXd scores = fitAndScore(plantedMatrix(500, 5).rows, 4);
        QVERIFY(scores.minCoeff() > 0.0 && scores.maxCoeff() <= 1.0);
        // Nothing can be isolated: every walk ends at the root with c(ψ), so 2^-1.
        const Eigen::VectorXd same = fitAndScore(Eigen::MatrixXd::Constant(300, 2, 1.5), 4);
        QVERIFY(((same.array() - 0.5).abs() < 1e-12).all());
    }
};

QTEST_GUILESS_MAIN(TestIsolationForest)
#include "tst_isolationforest.moc"
