#include "common/executor.h"
#include "detect/randomforest.h"
#include "labelled.h"

#include <QTest>
#include <cstring>
#include <limits>

using namespace tideline;
using namespace tideline::testing;

Q_DECLARE_METATYPE(Eigen::MatrixXd)

class TestRandomForest : public QObject
{
    Q_OBJECT

private:
    static RandomForest::Parameters small(int trees = 30)
    {
        RandomForest::Parameters p;
        p.trees = trees;
        return p;
    }

private slots:
    void cleanup() { setDetectorThreads(0); }

    void separatesPlantedClasses()
    {
        const Labelled train = labelledClusters(300, 3, 6, 0.6, 1);
        const Labelled test = labelledClusters(200, 3, 6, 0.6, 2);
        RandomForest forest(small(), 5);
        const FitStatus status = forest.fitLabelled(train.rows, train.targets, namedClasses(3), {});
        QVERIFY2(status.ok(), qPrintable(status.message));
        const Eigen::MatrixXd p = forest.probabilities(test.rows, {});
        QCOMPARE(p.rows(), test.rows.rows());
        QCOMPARE(p.cols(), 3);
        QVERIFY(((p.rowwise().sum().array() - 1.0).abs() < 1e-9).all());
        QVERIFY2(accuracy(p, test.targets) > 0.97,
                 qPrintable(QString::number(accuracy(p, test.targets))));
        QVERIFY(forest.outOfBagError() < 0.05);
        // The score is the probability of the attack classes c1 and c2.
        const Eigen::VectorXd score = forest.score(test.rows);
        QVERIFY(((score - (p.col(1) + p.col(2))).array().abs() < 1e-12).all());
    }

    void outOfBagErrorIsHonest()
    {
        // Labels unrelated to the rows: the trees fit their own samples perfectly, but the
        // rows they did not draw are a coin toss.
        Labelled data = labelledClusters(400, 2, 4, 1.0, 3);
        PortableRandom rng(4);
        for (int &t : data.targets)
            t = int(rng.below(2));
        RandomForest forest(small(50), 1);
        QVERIFY(forest.fitLabelled(data.rows, data.targets, namedClasses(2), {}).ok());
        QVERIFY2(forest.outOfBagError() > 0.35,
                 qPrintable(QString::number(forest.outOfBagError())));
    }

    void importancesFindTheInformativeFeature()
    {
        // Only feature 2 tells the classes apart.
        Labelled data = labelledClusters(300, 2, 5, 1.0, 5);
        for (Eigen::Index r = 0; r < data.rows.rows(); ++r)
            data.rows(r, 2) = data.targets[std::size_t(r)] * 2.0 + 0.3 * data.rows(r, 3);
        RandomForest forest(small(), 2);
        QVERIFY(forest.fitLabelled(data.rows, data.targets, namedClasses(2), {}).ok());
        Eigen::Index top = 0;
        forest.featureImportances().maxCoeff(&top);
        QCOMPARE(top, Eigen::Index(2));
        QVERIFY(std::abs(forest.featureImportances().sum() - 1.0) < 1e-9);
    }

    void threadCountDoesNotChangeTheForest()
    {
        const Labelled train = labelledClusters(500, 3, 8, 1.5, 6);
        setDetectorThreads(1);
        RandomForest one(small(), 9);
        QVERIFY(one.fitLabelled(train.rows, train.targets, namedClasses(3), {}).ok());
        const Eigen::MatrixXd a = one.probabilities(train.rows, {});
        setDetectorThreads(3);
        RandomForest three(small(), 9);
        QVERIFY(three.fitLabelled(train.rows, train.targets, namedClasses(3), {}).ok());
        const Eigen::MatrixXd b = three.probabilities(train.rows, {});
        QCOMPARE(a.size(), b.size());
        QVERIFY(std::memcmp(a.data(), b.data(), std::size_t(a.size()) * sizeof(double)) == 0);
        QCOMPARE(one.outOfBagError(), three.outOfBagError());
        QVERIFY(one.featureImportances() == three.featureImportances());
        RandomForest other(small(), 10);
        QVERIFY(other.fitLabelled(train.rows, train.targets, namedClasses(3), {}).ok());
        QVERIFY(other.probabilities(train.rows, {}) != a);
    }

    void sparseColumnsSplitAroundTheirMode_data()
    {
        QTest::addColumn<int>("minLeaf");
        QTest::newRow("leaves of one row") << 1;
        QTest::newRow("leaves of three rows") << 3;
    }

    // A column that is nearly always one value (a one-hot column, a count that is mostly 0)
    // is searched from its few other rows: the class lies in those, below and above the mode.
    void sparseColumnsSplitAroundTheirMode()
    {
        QFETCH(int, minLeaf);
        const auto make = [](int rows, quint64 seed) {
            PortableRandom rng(seed);
            Labelled data;
            data.rows.resize(rows, 3);
            for (int r = 0; r < rows; ++r) {
                // Mostly 0; -1 and 5 are attacks, 2 is normal like 0.
                const int pick = r % 50;
                const double x = pick == 0 ? -1.0 : pick == 1 ? 2.0 : pick == 2 ? 5.0 : 0.0;
                data.rows(r, 0) = x;
                data.rows(r, 1) = rng.uniform();
                data.rows(r, 2) = rng.uniform();
                data.targets.push_back(x == -1.0 || x == 5.0 ? 1 : 0);
            }
            return data;
        };
        const Labelled train = make(3000, 1);
        const Labelled test = make(500, 2);
        RandomForest::Parameters p = small(20);
        p.featuresPerSplit = 3;
        p.minLeaf = minLeaf;
        RandomForest forest(p, 3);
        QVERIFY(forest.fitLabelled(train.rows, train.targets, namedClasses(2), {}).ok());
        QCOMPARE(accuracy(forest.probabilities(test.rows, {}), test.targets), 1.0);
        Eigen::Index top = 0;
        forest.featureImportances().maxCoeff(&top);
        QCOMPARE(top, Eigen::Index(0));
    }

    void classWeightsFavourTheRareClass()
    {
        // 1 attack in 20, overlapping the normal rows: weighed by class, more are found.
        PortableRandom rng(8);
        Eigen::MatrixXd rows(4000, 3);
        std::vector<int> targets;
        for (Eigen::Index r = 0; r < rows.rows(); ++r) {
            const int t = r % 20 == 0 ? 1 : 0;
            for (Eigen::Index f = 0; f < 3; ++f)
                rows(r, f) = gaussian(rng) + (t == 1 ? 1.0 : 0.0);
            targets.push_back(t);
        }
        const auto recall = [&](bool balanced) {
            RandomForest::Parameters p = small();
            p.balanced = balanced;
            p.minLeaf = 20;
            RandomForest forest(p, 1);
            if (!forest.fitLabelled(rows, targets, namedClasses(2), {}).ok())
                return -1.0;
            const Eigen::VectorXd score = forest.score(rows);
            double found = 0, attacks = 0;
            for (Eigen::Index r = 0; r < rows.rows(); ++r) {
                if (targets[std::size_t(r)] == 1) {
                    ++attacks;
                    found += score[r] > 0.5 ? 1 : 0;
                }
            }
            return found / attacks;
        };
        const double plain = recall(false);
        const double balanced = recall(true);
        QVERIFY2(balanced > plain + 0.2,
                 qPrintable(QStringLiteral("%1 %2").arg(plain).arg(balanced)));
    }

    void degenerate_data()
    {
        QTest::addColumn<Eigen::MatrixXd>("rows");
        QTest::addColumn<bool>("fits");
        QTest::newRow("empty") << Eigen::MatrixXd(0, 3) << false;
        QTest::newRow("no columns") << Eigen::MatrixXd(10, 0) << false;
        QTest::newRow("one row") << Eigen::MatrixXd::Ones(1, 3).eval() << true;
        QTest::newRow("constant") << Eigen::MatrixXd::Constant(50, 3, 7.0).eval() << true;
        Eigen::MatrixXd nan = Eigen::MatrixXd::Random(50, 3);
        nan(3, 1) = std::numeric_limits<double>::quiet_NaN();
        nan(4, 2) = std::numeric_limits<double>::infinity();
        QTest::newRow("NaN and inf") << nan << true;
        QTest::newRow("huge") << Eigen::MatrixXd::Constant(20, 2, 1e300).eval() << true;
    }
    void degenerate()
    {
        QFETCH(Eigen::MatrixXd, rows);
        QFETCH(bool, fits);
        std::vector<int> targets(std::size_t(rows.rows()));
        for (std::size_t i = 0; i < targets.size(); ++i)
            targets[i] = int(i % 2);
        RandomForest forest(small(10), 1);
        const FitStatus status = forest.fitLabelled(rows, targets, namedClasses(2), {});
        QCOMPARE(status.ok(), fits);
        if (!fits)
            return;
        const Eigen::VectorXd score = forest.score(rows);
        QCOMPARE(score.size(), rows.rows());
        QVERIFY(score.allFinite());
        QVERIFY((score.array() >= 0.0).all() && (score.array() <= 1.0).all());
    }

    void oneClassOnly()
    {
        const Labelled data = labelledClusters(100, 1, 3, 1.0, 1);
        RandomForest forest(small(10), 1);
        QVERIFY(forest.fitLabelled(data.rows, data.targets, namedClasses(2), {}).ok());
        QVERIFY((forest.score(data.rows).array() == 0.0).all()); // all normal, surely
    }

    void unlabelledFitFails()
    {
        RandomForest forest(small(10), 1);
        const FitStatus status = forest.fit(Eigen::MatrixXd::Random(20, 2), {});
        QVERIFY(!status.ok());
        QVERIFY(status.message.contains(QStringLiteral("label")));
    }

    void cancellation()
    {
        const Labelled data = labelledClusters(200, 2, 3, 1.0, 1);
        RandomForest forest(small(), 1);
        const FitStatus status = forest.fitLabelled(data.rows, data.targets, namedClasses(2),
                                                    [](const Progress &) { return false; });
        QCOMPARE(status.code, FitStatus::Code::Cancelled);
    }
};

QTEST_GUILESS_MAIN(TestRandomForest)
#include "tst_randomforest.moc"
