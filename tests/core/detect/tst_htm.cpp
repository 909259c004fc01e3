#include "detect/htm.h"
#include "detectorchecks.h"
#include "periodic.h"

#include <QTest>
#include <cstring>

using namespace tideline;
using namespace tideline::testing;

class TestHtm : public QObject
{
    Q_OBJECT

private:
    // The shared checks run on a smaller memory: they test the plumbing, not the learning.
    static std::unique_ptr<Detector> make(quint64 seed)
    {
        return std::make_unique<Htm>(ParameterValues{{QStringLiteral("columns"), 256},
                                                     {QStringLiteral("cells_per_column"), 8}},
                                     seed);
    }

    // Fitted on the first 600 rows (the probation), scored over all of them with their times.
    static Eigen::VectorXd scorePeriodic(const Periodic &p, quint64 seed)
    {
        Htm detector(Htm::Parameters{}, seed);
        const RowTimes trainTimes(p.times.data(), 600);
        if (!detector.fitTimed(p.rows.topRows(600), trainTimes, {}).ok())
            return {};
        return detector.scoreTimed(p.rows, p.times, {});
    }

private slots:
    void findsABrokenRhythm()
    {
        const Periodic p = periodicSeries();
        const Eigen::VectorXd scores = scorePeriodic(p, 1);
        QCOMPARE(scores.size(), p.rows.rows());
        QVERIFY(scores.minCoeff() >= 0.0 && scores.maxCoeff() <= 1.0);
        const double event = scores.segment(p.anomalyFirst, 30).maxCoeff();
        // Learnt days before the event and after the memory has relearnt the rhythm.
        const double normal = std::max(scores.segment(1000, p.anomalyFirst - 1000).maxCoeff(),
                                       scores.tail(700).maxCoeff());
        qInfo("event %.3f, normal rows at most %.3f", event, normal);
        // 0.4 is a tail probability of 1e-4: the rhythm's stop is rarer than anything in the
        // learnt days, by a margin.
        QVERIFY2(event >= 0.4, qPrintable(QString::number(event)));
        QVERIFY2(normal < event - 0.1, qPrintable(QString::number(normal)));
    }

    void probationScoresAreFlat()
    {
        const Periodic p = periodicSeries(800);
        const Eigen::VectorXd scores = scorePeriodic(p, 1);
        // Likelihood 0.5 → NAB's log score ln(0.5 + 1e-10) / ln(1e-10).
        for (Eigen::Index r = 0; r < 600; ++r)
            QCOMPARE(scores[r], std::log(0.5 + 1e-10) / std::log(1e-10));
    }

    void neverLooksAhead()
    {
        // The same first rows score the same whatever comes after them.
        const Periodic p = periodicSeries(1200);
        Periodic longer = p;
        longer.rows.conservativeResize(1500, 1);
        for (Eigen::Index r = 1200; r < 1500; ++r) {
            longer.rows(r, 0) = 1e6;
            longer.times.push_back(longer.times.back() + 1800 * kNsPerSecond);
        }
        const Eigen::VectorXd a = scorePeriodic(p, 3);
        const Eigen::VectorXd b = scorePeriodic(longer, 3);
        QVERIFY(b.head(1200) == a);
        QCOMPARE(b[1200], 1.0); // far beyond anything seen
    }

    void outOfRangeScoresOne()
    {
        Eigen::MatrixXd rows = periodicSeries(1000).rows;
        rows(900, 0) = 40.0; // the sine spans 5..15
        Htm detector(Htm::Parameters{}, 1);
        QVERIFY(detector.fit(rows.topRows(300), {}).ok());
        const Eigen::VectorXd scores = detector.score(rows);
        QCOMPARE(scores[900], 1.0);
        QVERIFY(scores[899] < 1.0);
    }

    void deterministicForASeed()
    {
        const Periodic p = periodicSeries(1500);
        const Eigen::VectorXd a = scorePeriodic(p, 42);
        const Eigen::VectorXd b = scorePeriodic(p, 42);
        const Eigen::VectorXd c = scorePeriodic(p, 43);
        QVERIFY(std::memcmp(a.data(), b.data(), std::size_t(a.size()) * sizeof(double)) == 0);
        QVERIFY(a != c);
    }

    void severalFeaturesTakeTheLargest()
    {
        const Periodic p = periodicSeries(1000);
        Eigen::MatrixXd two(p.rows.rows(), 2);
        two.col(0) = p.rows.col(0);
        two.col(1) = p.rows.col(0);
        two(900, 1) = 40.0;
        Htm detector(Htm::Parameters{}, 1);
        QVERIFY(detector.fit(two.topRows(300), {}).ok());
        const Eigen::VectorXd scores = detector.score(two);
        QCOMPARE(scores[900], 1.0);
    }

    void degenerate_data() { degenerateData(); }
    void degenerate()
    {
        QFETCH(Eigen::MatrixXd, rows);
        checkDegenerate(&TestHtm::make, rows);
    }
    // One model per feature over every row: a 10 MB table of 10,000 columns × 500 rows would
    // learn 5 million row-features and keep a score for each. Refused above 2 million with the
    // limit named; a day of 1 s bins of 18 features (1.56 million) is still taken.
    void tooManyRowFeaturesAreRefused()
    {
        const Htm detector(Htm::Parameters{}, 1);
        QVERIFY(detector.checkSize(2'000'000, 1).ok());
        QVERIFY(detector.checkSize(86'400, 18).ok());
        QVERIFY(!detector.checkSize(2'000'001, 1).ok());
        const FitStatus wide = detector.checkSize(500, 10'000);
        QCOMPARE(wide.code, FitStatus::Code::Failed);
        QVERIFY2(wide.message.contains(QStringLiteral("500 rows × 10000 features make 5.0 million "
                                                      "row-features, above its limit of 2 "
                                                      "million")),
                 qPrintable(wide.message));
    }

    void deterministic() { checkDeterministic(&TestHtm::make); }
    void cancellation() { checkCancellation(&TestHtm::make); }
};

QTEST_GUILESS_MAIN(TestHtm)
#include "tst_htm.moc"
