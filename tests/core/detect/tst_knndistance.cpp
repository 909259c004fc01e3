#include "detect/kdtree.h"
#include "detect/knndistance.h"
#include "detect/parallel.h"
#include "detectorchecks.h"

#include <QTest>
#include <algorithm>
#include <cmath>

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

    void kdTreeMatchesBruteForce_data()
    {
        QTest::addColumn<double>("offset");
        QTest::addColumn<double>("scale");
        QTest::addColumn<int>("leafSize");
        QTest::newRow("plain") << 0.0 << 1.0 << 4;
        QTest::newRow("default leaves") << 0.0 << 1.0 << 32;
        // Far from the origin: float cannot tell the points apart without the leaf centre.
        QTest::newRow("offset 1e9") << 1e9 << 1.0 << 32;
        // Too large for the float screen: the exact path alone.
        QTest::newRow("scale 1e20") << 0.0 << 1e20 << 32;
        QTest::newRow("tiny") << 0.0 << 1e-30 << 32;
    }
    void kdTreeMatchesBruteForce()
    {
        QFETCH(double, offset);
        QFETCH(double, scale);
        QFETCH(int, leafSize);
        const Planted planted = plantedMatrix(700, 20, 5, 3);
        const Eigen::MatrixXd all = (planted.rows.array() * scale + offset).matrix();
        const Eigen::MatrixXd points = all.topRows(600);
        const KdTree tree(points, leafSize);
        KdTree::Scratch scratch;
        std::vector<double> found(7);
        for (Eigen::Index q = 590; q < all.rows(); ++q) {
            std::vector<double> brute;
            for (Eigen::Index p = 0; p < points.rows(); ++p) {
                double distance = 0.0; // summed in dimension order, as the tree does
                for (Eigen::Index c = 0; c < points.cols(); ++c) {
                    const double diff = all(q, c) - points(p, c);
                    distance += diff * diff;
                }
                brute.push_back(distance);
            }
            std::sort(brute.begin(), brute.end());
            const Eigen::RowVectorXd query = all.row(q);
            tree.nearest(query.data(), 7, found.data(), scratch);
            QCOMPARE(found, std::vector<double>(brute.begin(), brute.begin() + 7));
        }
    }

    void distancesCloserThanFloatCanTell()
    {
        // 2000 points at distances 1 + i·1e-10 from the origin in random directions: float
        // screening alone cannot rank them (its error is ~1e-7), the exact check must.
        Rng rng(5);
        Eigen::MatrixXd points(2000, 5);
        for (Eigen::Index i = 0; i < points.rows(); ++i) {
            Eigen::RowVectorXd direction(5);
            for (Eigen::Index c = 0; c < 5; ++c)
                direction[c] = gaussian(rng);
            points.row((i * 37) % 2000) = direction.normalized() * (1.0 + double(i) * 1e-10);
        }
        const KdTree tree(points, 8);
        KdTree::Scratch scratch;
        std::vector<double> found(7);
        const double origin[5] = {0, 0, 0, 0, 0};
        tree.nearest(origin, 7, found.data(), scratch);
        for (int i = 0; i < 7; ++i)
            QVERIFY(std::fabs(std::sqrt(found[std::size_t(i)]) - (1.0 + i * 1e-10)) < 1e-12);
    }

    void manyEqualPointsShareOneLeaf()
    {
        // Nothing to split: one leaf larger than a scan chunk.
        Eigen::MatrixXd points = Eigen::MatrixXd::Constant(300, 3, 2.0);
        points(299, 0) = 5.0;
        const KdTree tree(points);
        KdTree::Scratch scratch;
        std::vector<double> found(3);
        const double query[3] = {5.0, 2.0, 2.0};
        tree.nearest(query, 3, found.data(), scratch);
        QCOMPARE(found, (std::vector<double>{0.0, 9.0, 9.0}));
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
