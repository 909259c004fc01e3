// The random forest's quantiser: at most 256 ordered bins per column, exact when the column has
// no more distinct values, with the rows off a sparse column's mode listed.

#include "common/portablerandom.h"
#include "detect/binnedcolumns.h"

#include <QTest>

using namespace tideline;

namespace {

// Whether code(x) <= b exactly when x <= edges[b], for every value and edge: what lets a split
// found between bins stand as a real threshold.
bool splitsAsThresholds(const BinnedColumns &binned, const Eigen::MatrixXd &matrix, int column)
{
    const std::vector<double> &edges = binned.edges[std::size_t(column)];
    const std::uint8_t *codes = binned.column(column);
    for (Eigen::Index r = 0; r < matrix.rows(); ++r) {
        for (std::size_t b = 0; b < edges.size(); ++b) {
            if ((codes[r] <= b) != (matrix(r, column) <= edges[b]))
                return false;
        }
    }
    return true;
}

} // namespace

class TestBinnedColumns : public QObject
{
    Q_OBJECT

private slots:
    void exactUpTo256Values_data()
    {
        QTest::addColumn<int>("distinct");
        QTest::newRow("one") << 1;
        QTest::newRow("two (one-hot)") << 2;
        QTest::newRow("256") << 256;
    }

    void exactUpTo256Values()
    {
        QFETCH(int, distinct);
        PortableRandom rng(3);
        Eigen::MatrixXd matrix(2000, 1);
        for (Eigen::Index r = 0; r < matrix.rows(); ++r)
            matrix(r, 0) = std::ldexp(double(rng.below(quint64(distinct))), -3) - 7.0;
        const BinnedColumns binned = BinnedColumns::of(matrix);
        const std::vector<double> &edges = binned.edges.front();
        QCOMPARE(int(edges.size()), distinct - 1);
        QVERIFY(std::is_sorted(edges.begin(), edges.end()));
        // Every value its own code, in the values' order, edges halfway between neighbours.
        const std::uint8_t *codes = binned.column(0);
        for (Eigen::Index r = 0; r < matrix.rows(); ++r) {
            const double value = matrix(r, 0);
            QCOMPARE(int(codes[r]), int((value + 7.0) * 8.0));
            if (codes[r] > 0)
                QCOMPARE(edges[codes[r] - 1u], value - 1.0 / 16);
        }
        QVERIFY(splitsAsThresholds(binned, matrix, 0));
    }

    void moreValuesAreCutAtQuantiles()
    {
        PortableRandom rng(4);
        Eigen::MatrixXd matrix(5000, 1);
        for (Eigen::Index r = 0; r < matrix.rows(); ++r)
            matrix(r, 0) = rng.uniform(-1e6, 1e6);
        const BinnedColumns binned = BinnedColumns::of(matrix);
        const std::vector<double> &edges = binned.edges.front();
        QVERIFY(edges.size() <= std::size_t(BinnedColumns::kMostBins - 1));
        QVERIFY(edges.size() > 200);
        QVERIFY(std::adjacent_find(edges.begin(), edges.end(),
                                   [](double a, double b) { return a >= b; }) == edges.end());
        QVERIFY(splitsAsThresholds(binned, matrix, 0));
        // Quantiles: no bin holds much more than its share of the rows.
        std::vector<int> perBin(edges.size() + 1);
        for (Eigen::Index r = 0; r < matrix.rows(); ++r)
            ++perBin[binned.column(0)[r]];
        QVERIFY(*std::max_element(perBin.begin(), perBin.end()) < 3 * 5000 / 256);
        QVERIFY(!binned.sparse.front());
    }

    void negativeZeroIsZero()
    {
        Eigen::MatrixXd matrix(4, 1);
        matrix << 0.0, -0.0, 1.0, -0.0;
        const BinnedColumns binned = BinnedColumns::of(matrix);
        QCOMPARE(binned.edges.front(), std::vector<double>{0.5});
        const std::uint8_t *codes = binned.column(0);
        QCOMPARE(std::vector<int>(codes, codes + 4), (std::vector<int>{0, 0, 1, 0}));
    }

    void sparseColumnsListTheRowsOffTheirMode()
    {
        // Column 0 is 3 but in rows 5, 40 and 77 (one below, two above); column 1 varies.
        Eigen::MatrixXd matrix(100, 2);
        for (Eigen::Index r = 0; r < matrix.rows(); ++r) {
            matrix(r, 0) = r == 5 ? 1.0 : r == 40 || r == 77 ? 9.0 : 3.0;
            matrix(r, 1) = double(r % 4);
        }
        const BinnedColumns binned = BinnedColumns::of(matrix);
        QVERIFY(binned.sparse[0]);
        QCOMPARE(int(binned.modes[0]), 1);
        QCOMPARE(binned.offMode[0], (std::vector<qint32>{5, 40, 77}));
        QVERIFY(!binned.sparse[1]);
        QVERIFY(binned.offMode[1].empty());
    }
};

QTEST_GUILESS_MAIN(TestBinnedColumns)
#include "tst_binnedcolumns.moc"
