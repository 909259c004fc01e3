#include "detect/trimmedrefit.h"

#include <QTest>

using namespace tideline;

class TestTrimmedRefit : public QObject
{
    Q_OBJECT

private slots:
    void keepsTheRowsBelowTheTopShare_data()
    {
        QTest::addColumn<double>("share");
        QTest::addColumn<std::vector<Eigen::Index>>("kept");
        // Scores 5 1 9 3 9 7: the top share's rows go, the rest keep their order.
        QTest::newRow("none") << 0.0 << std::vector<Eigen::Index>{0, 1, 2, 3, 4, 5};
        QTest::newRow("a sixth") << 1.0 / 6.0 << std::vector<Eigen::Index>{0, 1, 2, 3, 5};
        QTest::newRow("a fifth rounds up to two rows")
            << 0.2 << std::vector<Eigen::Index>{0, 1, 3, 5};
        QTest::newRow("half") << 0.5 << std::vector<Eigen::Index>{0, 1, 3};
        QTest::newRow("all") << 1.0 << std::vector<Eigen::Index>{};
    }
    void keepsTheRowsBelowTheTopShare()
    {
        QFETCH(double, share);
        QFETCH(std::vector<Eigen::Index>, kept);
        Eigen::VectorXd scores(6);
        scores << 5, 1, 9, 3, 9, 7;
        // Of the tied 9s the later one ranks higher: it goes first.
        QCOMPARE(rowsBelowTopShare(scores, share), kept);
    }

    void halvesTheProgress()
    {
        std::vector<double> seen;
        const ProgressCallback all = [&](const Progress &p) {
            seen.push_back(p.fraction);
            return true;
        };
        QVERIFY(halfOfProgress(all, false)(Progress{1.0, 3, 0.0}));
        QVERIFY(halfOfProgress(all, true)(Progress{0.5, 3, 0.0}));
        QVERIFY(halfOfProgress(all, true)(Progress{-1.0, 3, 0.0})); // unknown stays unknown
        QCOMPARE(seen, (std::vector<double>{0.5, 0.75, -1.0}));
        QVERIFY(!halfOfProgress({}, true));
    }
};

QTEST_GUILESS_MAIN(TestTrimmedRefit)
#include "tst_trimmedrefit.moc"
