#include "common/executor.h"
#include "detect/knnclassifier.h"
#include "labelled.h"

#include <QTest>
#include <cstring>
#include <limits>

using namespace tideline;
using namespace tideline::testing;

Q_DECLARE_METATYPE(Eigen::MatrixXd)

class TestKnnClassifier : public QObject
{
    Q_OBJECT

private:
    static KnnClassifier::Parameters
    with(KnnClassifier::Search search, int k = 5,
         KnnClassifier::Weighting weighting = KnnClassifier::Weighting::Uniform)
    {
        KnnClassifier::Parameters p;
        p.k = k;
        p.search = search;
        p.weighting = weighting;
        return p;
    }

private slots:
    void cleanup() { setDetectorThreads(0); }

    void separatesPlantedClasses_data()
    {
        QTest::addColumn<int>("search");
        QTest::newRow("tree") << int(KnnClassifier::Search::Tree);
        QTest::newRow("scan") << int(KnnClassifier::Search::Scan);
    }
    void separatesPlantedClasses()
    {
        QFETCH(int, search);
        const Labelled train = labelledClusters(300, 3, 6, 0.6, 1);
        const Labelled test = labelledClusters(200, 3, 6, 0.6, 2);
        KnnClassifier knn(with(KnnClassifier::Search(search)));
        QVERIFY(knn.fitLabelled(train.rows, train.targets, namedClasses(3), {}).ok());
        const Eigen::MatrixXd p = knn.probabilities(test.rows, {});
        QCOMPARE(p.rows(), test.rows.rows());
        QVERIFY(((p.rowwise().sum().array() - 1.0).abs() < 1e-9).all());
        QVERIFY(accuracy(p, test.targets) > 0.97);
        // Votes of 5 neighbours come in fifths.
        QVERIFY(((p.array() * 5.0 - (p.array() * 5.0).round()).abs() < 1e-9).all());
    }

    void treeAndScanAgree()
    {
        // Overlapping classes, so the votes are split and every neighbour counts.
        const Labelled train = labelledClusters(400, 2, 3, 2.0, 3);
        const Labelled test = labelledClusters(100, 2, 3, 2.0, 4);
        KnnClassifier tree(with(KnnClassifier::Search::Tree, 7));
        KnnClassifier scan(with(KnnClassifier::Search::Scan, 7));
        QVERIFY(tree.fitLabelled(train.rows, train.targets, namedClasses(2), {}).ok());
        QVERIFY(scan.fitLabelled(train.rows, train.targets, namedClasses(2), {}).ok());
        QVERIFY(tree.usesTree());
        QVERIFY(!scan.usesTree());
        const Eigen::MatrixXd a = tree.probabilities(test.rows, {});
        const Eigen::MatrixXd b = scan.probabilities(test.rows, {});
        // The scan ranks in float: a near-tie may go the other way, no more.
        const auto differ = ((a - b).array().abs() > 1e-9).rowwise().any().count();
        QVERIFY2(differ <= 2, qPrintable(QString::number(differ)));
    }

    void autoPicksTheScanForManyColumns()
    {
        const Labelled low = labelledClusters(50, 2, 4, 1.0, 1);
        const Labelled high = labelledClusters(50, 2, 40, 1.0, 1);
        KnnClassifier a(with(KnnClassifier::Search::Auto));
        KnnClassifier b(with(KnnClassifier::Search::Auto));
        QVERIFY(a.fitLabelled(low.rows, low.targets, namedClasses(2), {}).ok());
        QVERIFY(b.fitLabelled(high.rows, high.targets, namedClasses(2), {}).ok());
        QVERIFY(a.usesTree());
        QVERIFY(!b.usesTree());
    }

    void anExactMatchDecidesTheDistanceVote()
    {
        Eigen::MatrixXd train(4, 1);
        train << 0.0, 1.0, 1.1, 1.2;
        const std::vector<int> targets{1, 0, 0, 0};
        KnnClassifier knn(with(KnnClassifier::Search::Tree, 4, KnnClassifier::Weighting::Distance));
        QVERIFY(knn.fitLabelled(train, targets, namedClasses(2), {}).ok());
        Eigen::MatrixXd query(2, 1);
        query << 0.0, 0.9;
        const Eigen::MatrixXd p = knn.probabilities(query, {});
        QCOMPARE(p(0, 1), 1.0);
        QVERIFY(p(1, 0) > 0.75); // three near normal rows outweigh one far attack
        KnnClassifier uniform(with(KnnClassifier::Search::Tree, 4));
        QVERIFY(uniform.fitLabelled(train, targets, namedClasses(2), {}).ok());
        QCOMPARE(uniform.probabilities(query, {})(0, 1), 0.25);
    }

    void threadCountDoesNotChangeVotes()
    {
        const Labelled train = labelledClusters(300, 3, 20, 1.5, 6);
        setDetectorThreads(1);
        KnnClassifier knn(with(KnnClassifier::Search::Scan));
        QVERIFY(knn.fitLabelled(train.rows, train.targets, namedClasses(3), {}).ok());
        const Eigen::MatrixXd a = knn.probabilities(train.rows, {});
        setDetectorThreads(3);
        const Eigen::MatrixXd b = knn.probabilities(train.rows, {});
        QVERIFY(std::memcmp(a.data(), b.data(), std::size_t(a.size()) * sizeof(double)) == 0);
    }

    void degenerate_data()
    {
        QTest::addColumn<Eigen::MatrixXd>("rows");
        QTest::addColumn<bool>("fits");
        QTest::newRow("empty") << Eigen::MatrixXd(0, 3) << false;
        QTest::newRow("one row") << Eigen::MatrixXd::Ones(1, 3).eval() << true;
        QTest::newRow("constant") << Eigen::MatrixXd::Constant(50, 3, 7.0).eval() << true;
        Eigen::MatrixXd nan = Eigen::MatrixXd::Random(50, 30);
        nan(3, 1) = std::numeric_limits<double>::quiet_NaN();
        nan(4, 2) = -std::numeric_limits<double>::infinity();
        QTest::newRow("NaN and inf") << nan << true;
    }
    void degenerate()
    {
        QFETCH(Eigen::MatrixXd, rows);
        QFETCH(bool, fits);
        std::vector<int> targets(std::size_t(rows.rows()));
        for (std::size_t i = 0; i < targets.size(); ++i)
            targets[i] = int(i % 2);
        KnnClassifier knn(with(KnnClassifier::Search::Auto));
        QCOMPARE(knn.fitLabelled(rows, targets, namedClasses(2), {}).ok(), fits);
        if (!fits)
            return;
        const Eigen::VectorXd score = knn.score(rows);
        QCOMPARE(score.size(), rows.rows());
        QVERIFY(score.allFinite());
        QVERIFY((score.array() >= 0.0).all() && (score.array() <= 1.0).all());
    }
};

QTEST_GUILESS_MAIN(TestKnnClassifier)
#include "tst_knnclassifier.moc"
