#include "common/parallel.h"
#include "detect/knndistance.h"
#include "detectorchecks.h"

#include <QTest>
#include <algorithm>
#include <cmath>
#include <limits>

using namespace tideline;
using namespace tideline::testing;

class TestKnnDistance : public QObject
{
    Q_OBJECT

private:
    static std::unique_ptr<Detector> make(quint64 seed)
    {
        return std::make_unique<KnnDistance>(KnnDistance::Parameters{}, seed);
    }

    static Eigen::MatrixXd column(std::initializer_list<double> values)
    {
        Eigen::MatrixXd m(Eigen::Index(values.size()), 1);
        Eigen::Index i = 0;
        for (double v : values)
            m(i++, 0) = v;
        return m;
    }

private slots:
    void cleanup() { setDetectorThreads(0); }

    void findsPlantedOutliers() { checkPlanted(&TestKnnDistance::make); }
    void degenerate_data() { degenerateData(); }
    void degenerate()
    {
        QFETCH(Eigen::MatrixXd, rows);
        checkDegenerate(&TestKnnDistance::make, rows);
    }
    void deterministic() { checkDeterministic(&TestKnnDistance::make); }
    void cancellation() { checkCancellation(&TestKnnDistance::make); }

    void meanAndKthDistance_data()
    {
        QTest::addColumn<QString>("aggregate");
        QTest::addColumn<double>("row");
        QTest::addColumn<double>("expected");
        // Training rows 0 1 2 3 10, k = 2. A training row skips itself.
        QTest::newRow("mean, training row 10") << "mean" << 10.0 << (7.0 + 8.0) / 2;
        QTest::newRow("mean, training row 0") << "mean" << 0.0 << (1.0 + 2.0) / 2;
        QTest::newRow("mean, new row 5") << "mean" << 5.0 << (2.0 + 3.0) / 2;
        QTest::newRow("kth, training row 10") << "kth" << 10.0 << 8.0;
        QTest::newRow("kth, new row -1") << "kth" << -1.0 << 2.0;
    }
    void meanAndKthDistance()
    {
        QFETCH(QString, aggregate);
        QFETCH(double, row);
        QFETCH(double, expected);
        KnnDistance knn(
            ParameterValues{{QStringLiteral("k"), 2}, {QStringLiteral("aggregate"), aggregate}}, 1);
        QVERIFY(knn.fit(column({0, 1, 2, 3, 10}), {}).ok());
        QCOMPARE(knn.score(column({row}))[0], expected);
    }

    void duplicatesStillCountAsNeighbours()
    {
        // Three equal rows: each has two others at distance 0.
        KnnDistance knn(KnnDistance::Parameters{2, KnnDistance::Aggregate::Mean, 100}, 1);
        QVERIFY(knn.fit(column({4, 4, 4, 9}), {}).ok());
        QCOMPARE(knn.score(column({4}))[0], 0.0);
    }

    void scoresEqualBruteForce_data()
    {
        QTest::addColumn<int>("k");
        QTest::addColumn<QString>("aggregate");
        QTest::newRow("k 1, mean") << 1 << "mean";
        QTest::newRow("k 5, mean") << 5 << "mean";
        QTest::newRow("k 5, kth") << 5 << "kth";
        QTest::newRow("k 12, kth") << 12 << "kth";
    }
    void scoresEqualBruteForce()
    {
        // Coarsely rounded Gaussian rows, so that many are duplicates and many distances
        // tie; the training rows and new rows are scored and must match, bit for bit, the
        // definition: sorted distances to every training row, one zero (the row itself)
        // dropped, then the mean or the k-th of the first k.
        QFETCH(int, k);
        QFETCH(QString, aggregate);
        PortableRandom rng(11);
        Eigen::MatrixXd rows(3000, 4);
        for (Eigen::Index r = 0; r < rows.rows(); ++r) {
            for (Eigen::Index c = 0; c < rows.cols(); ++c)
                rows(r, c) = std::round(gaussian(rng) * 2.0) / 2.0;
        }
        const Eigen::MatrixXd train = rows.topRows(2500);
        KnnDistance knn(ParameterValues{{QStringLiteral("k"), k},
                                        {QStringLiteral("aggregate"), aggregate},
                                        {QStringLiteral("trim"), 0.0}},
                        1);
        QVERIFY(knn.fit(train, {}).ok());
        const Eigen::VectorXd scores = knn.score(rows);
        for (Eigen::Index q = 0; q < rows.rows(); q += 7) {
            std::vector<double> distances;
            for (Eigen::Index p = 0; p < train.rows(); ++p) {
                double distance = 0.0;
                for (Eigen::Index c = 0; c < train.cols(); ++c) {
                    const double diff = rows(q, c) - train(p, c);
                    distance += diff * diff;
                }
                distances.push_back(distance);
            }
            std::sort(distances.begin(), distances.end());
            const auto first = distances.begin() + (distances.front() == 0.0 ? 1 : 0);
            double expected = std::sqrt(first[k - 1]);
            if (aggregate == u"mean") {
                double sum = 0.0;
                for (int i = 0; i < k; ++i)
                    sum += std::sqrt(first[i]);
                expected = sum / k;
            }
            QVERIFY2(scores[q] == expected, qPrintable(QStringLiteral("row %1: %2, expected %3")
                                                           .arg(q)
                                                           .arg(scores[q], 0, 'g', 17)
                                                           .arg(expected, 0, 'g', 17)));
        }
    }

    // An attack that lasts six bins, in the training range: with k = 5 its bins would be each
    // other's nearest neighbours and score as the most ordinary rows. The trimmed fit leaves
    // them out of the training rows, so each scores above every normal row.
    void attackOfSeveralRowsIsNotItsOwnNeighbourhood()
    {
        Planted planted = plantedMatrix(3000, 0, 6, 5);
        const Eigen::Index first = 1700;
        PortableRandom rng(9);
        for (Eigen::Index r = first; r < first + 6; ++r) {
            for (Eigen::Index c = 0; c < planted.rows.cols(); ++c)
                planted.rows(r, c) = 2.0 + 0.05 * gaussian(rng);
            planted.rows(r, 0) = 14.0 + 0.05 * gaussian(rng); // far out in one feature
        }
        KnnDistance knn(KnnDistance::Parameters{}, 1);
        QVERIFY(knn.fit(planted.rows, {}).ok());
        // The six rows and a few far-out normal ones, far fewer than the trim's fifth.
        QVERIFY2(knn.trainingRows() <= 3000 - 6 && knn.trainingRows() >= 3000 - 60,
                 qPrintable(QString::number(knn.trainingRows())));
        const Eigen::VectorXd scores = knn.score(planted.rows);
        double normalMax = 0.0;
        double attackMin = std::numeric_limits<double>::infinity();
        for (Eigen::Index r = 0; r < scores.size(); ++r) {
            if (r >= first && r < first + 6)
                attackMin = std::min(attackMin, scores[r]);
            else
                normalMax = std::max(normalMax, scores[r]);
        }
        QVERIFY2(attackMin > normalMax,
                 qPrintable(QStringLiteral("attack %1, normal %2").arg(attackMin).arg(normalMax)));
    }

    // A short capture can be a seventh attack: 90 of 600 rows in one place. The fence, not a
    // fixed 1 %, decides how many rows go, so none of the 90 teaches the others as normal.
    void attackOfASeventhOfTheRowsIsLeftOut()
    {
        Planted planted = plantedMatrix(600, 0, 6, 5);
        const Eigen::Index first = 200;
        const Eigen::Index length = 90;
        PortableRandom rng(9);
        for (Eigen::Index r = first; r < first + length; ++r) {
            for (Eigen::Index c = 0; c < planted.rows.cols(); ++c)
                planted.rows(r, c) = 0.3 * gaussian(rng);
            planted.rows(r, 0) = 12.0 + 0.3 * gaussian(rng);
        }
        KnnDistance knn(KnnDistance::Parameters{}, 1);
        QVERIFY(knn.fit(planted.rows, {}).ok());
        QVERIFY2(knn.trainingRows() <= 600 - length,
                 qPrintable(QString::number(knn.trainingRows())));
        const Eigen::VectorXd scores = knn.score(planted.rows);
        double normalMax = 0.0;
        double attackMin = std::numeric_limits<double>::infinity();
        for (Eigen::Index r = 0; r < scores.size(); ++r) {
            if (r >= first && r < first + length)
                attackMin = std::min(attackMin, scores[r]);
            else
                normalMax = std::max(normalMax, scores[r]);
        }
        QVERIFY2(attackMin > normalMax,
                 qPrintable(QStringLiteral("attack %1, normal %2").arg(attackMin).arg(normalMax)));
    }

    void trimZeroKeepsEveryRow()
    {
        const Planted planted = plantedMatrix(500, 0);
        KnnDistance knn(ParameterValues{{QStringLiteral("trim"), 0.0}}, 1);
        QVERIFY(knn.fit(planted.rows, {}).ok());
        QCOMPARE(knn.trainingRows(), qint64(500));
    }

    void subsamplesAboveTheCapBySeed()
    {
        const Planted planted = plantedMatrix(500, 0);
        KnnDistance a(KnnDistance::Parameters{5, KnnDistance::Aggregate::Mean, 50}, 1);
        KnnDistance b(KnnDistance::Parameters{5, KnnDistance::Aggregate::Mean, 50}, 2);
        QVERIFY(a.fit(planted.rows, {}).ok());
        QVERIFY(b.fit(planted.rows, {}).ok());
        QCOMPARE(a.trainingRows(), qint64(50));
        QVERIFY(a.score(planted.rows) != b.score(planted.rows));
    }

    void threadCountDoesNotChangeScores()
    {
        const Planted planted = plantedMatrix(3000, 5);
        KnnDistance knn(KnnDistance::Parameters{}, 1);
        QVERIFY(knn.fit(planted.rows, {}).ok());
        setDetectorThreads(1);
        const Eigen::VectorXd one = knn.score(planted.rows);
        setDetectorThreads(3);
        const Eigen::VectorXd three = knn.score(planted.rows);
        QVERIFY(one == three);
    }
};

QTEST_GUILESS_MAIN(TestKnnDistance)
#include "tst_knndistance.moc"
