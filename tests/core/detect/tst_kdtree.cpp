#include "detect/kdtree.h"
#include "planted.h"

#include <QTest>
#include <algorithm>
#include <cmath>

using namespace tideline;
using namespace tideline::testing;

namespace {

// The k smallest squared distances from `query` to the rows of `points`, each summed in
// dimension order as the tree promises.
std::vector<double> bruteForce(const Eigen::MatrixXd &points, const Eigen::RowVectorXd &query,
                               int k)
{
    std::vector<double> distances;
    for (Eigen::Index p = 0; p < points.rows(); ++p) {
        double distance = 0.0;
        for (Eigen::Index c = 0; c < points.cols(); ++c) {
            const double diff = query[c] - points(p, c);
            distance += diff * diff;
        }
        distances.push_back(distance);
    }
    std::sort(distances.begin(), distances.end());
    distances.resize(std::size_t(k));
    return distances;
}

// Gaussian points; with `grid` > 0 rounded to multiples of 1/grid, so that many points are
// duplicates and many distances tie.
Eigen::MatrixXd randomPoints(Eigen::Index rows, Eigen::Index dimensions, double grid, quint64 seed)
{
    PortableRandom rng(seed);
    Eigen::MatrixXd points(rows, dimensions);
    for (Eigen::Index r = 0; r < rows; ++r) {
        for (Eigen::Index c = 0; c < dimensions; ++c) {
            const double x = gaussian(rng);
            points(r, c) = grid > 0 ? std::round(x * grid) / grid : x;
        }
    }
    return points;
}

} // namespace

class TestKdTree : public QObject
{
    Q_OBJECT

private slots:
    void matchesBruteForce_data()
    {
        QTest::addColumn<int>("dimensions");
        QTest::addColumn<double>("grid");
        QTest::addColumn<double>("offset");
        QTest::addColumn<double>("scale");
        QTest::addColumn<int>("leafSize");
        QTest::newRow("small leaves") << 5 << 0.0 << 0.0 << 1.0 << 4;
        QTest::newRow("leaf size by dimensions") << 5 << 0.0 << 0.0 << 1.0 << 0;
        QTest::newRow("one dimension") << 1 << 0.0 << 0.0 << 1.0 << 0;
        QTest::newRow("twelve dimensions") << 12 << 0.0 << 0.0 << 1.0 << 0;
        // Leaves of many blocks: more than one group of block boxes per leaf.
        QTest::newRow("one large leaf") << 3 << 0.0 << 0.0 << 1.0 << 5000;
        // Duplicates and ties, at every leaf size.
        QTest::newRow("duplicates, small leaves") << 3 << 2.0 << 0.0 << 1.0 << 4;
        QTest::newRow("duplicates") << 3 << 2.0 << 0.0 << 1.0 << 0;
        QTest::newRow("duplicates, twelve dimensions") << 12 << 1.0 << 0.0 << 1.0 << 0;
        QTest::newRow("duplicates, one large leaf") << 4 << 1.0 << 0.0 << 1.0 << 5000;
        // Far from the origin: float cannot tell the points apart without the leaf centre.
        QTest::newRow("offset 1e9") << 5 << 0.0 << 1e9 << 1.0 << 0;
        // Too large for the float screen: the exact path alone.
        QTest::newRow("scale 1e20") << 5 << 0.0 << 0.0 << 1e20 << 0;
        // Squares overflow to infinity: the k nearest are still reported.
        QTest::newRow("scale 1e160") << 5 << 0.0 << 0.0 << 1e160 << 0;
        QTest::newRow("tiny") << 5 << 0.0 << 0.0 << 1e-30 << 0;
    }
    void matchesBruteForce()
    {
        QFETCH(int, dimensions);
        QFETCH(double, grid);
        QFETCH(double, offset);
        QFETCH(double, scale);
        QFETCH(int, leafSize);
        const Eigen::MatrixXd all =
            (randomPoints(1700, dimensions, grid, 3).array() * scale + offset).matrix();
        const Eigen::MatrixXd points = all.topRows(1500);
        const KdTree tree(points, leafSize);
        KdTree::Scratch scratch;
        // Training points (each its own nearest) and new ones, for several k.
        for (const int k : {1, 6, 40}) {
            std::vector<double> found(static_cast<std::size_t>(k));
            for (Eigen::Index q = 1400; q < all.rows(); q += 3) {
                const Eigen::RowVectorXd query = all.row(q);
                tree.nearest(query.data(), k, found.data(), scratch);
                QCOMPARE(found, bruteForce(points, query, k));
            }
        }
    }

    void distancesCloserThanFloatCanTell()
    {
        // 2000 points at distances 1 + i·1e-10 from the origin in random directions: float
        // screening alone cannot rank them (its error is ~1e-7), the exact check must.
        PortableRandom rng(5);
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
        // Nothing to split: one leaf larger than the leaf size, of many blocks.
        Eigen::MatrixXd points = Eigen::MatrixXd::Constant(300, 3, 2.0);
        points(299, 0) = 5.0;
        const KdTree tree(points, 16);
        KdTree::Scratch scratch;
        std::vector<double> found(3);
        const double query[3] = {5.0, 2.0, 2.0};
        tree.nearest(query, 3, found.data(), scratch);
        QCOMPARE(found, (std::vector<double>{0.0, 9.0, 9.0}));
    }
};

QTEST_GUILESS_MAIN(TestKdTree)
#include "tst_kdtree.moc"
