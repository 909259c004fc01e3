#include "detect/contextual.h"
#include "detectorchecks.h"
#include "periodic.h"

#include <QTest>

using namespace tideline;
using namespace tideline::testing;

class TestContextual : public QObject
{
    Q_OBJECT

private:
    static std::unique_ptr<Detector> make(quint64 seed)
    {
        return std::make_unique<Contextual>(ParameterValues{}, seed);
    }

    static Eigen::VectorXd scoreRows(const Eigen::MatrixXd &rows, Eigen::Index training = 600,
                                     const Contextual::Parameters &parameters = {})
    {
        Contextual detector(parameters);
        if (!detector.fit(rows.topRows(training), {}).ok())
            return {};
        return detector.score(rows);
    }

private slots:
    void findsABrokenRhythm()
    {
        const Periodic p = periodicSeries();
        const Eigen::VectorXd scores = scoreRows(p.rows);
        QCOMPARE(scores.size(), p.rows.rows());
        QVERIFY(scores.minCoeff() >= 0.0 && scores.maxCoeff() <= 1.0);
        const double event = scores.segment(p.anomalyFirst, 30).maxCoeff();
        const double normal = std::max(scores.segment(1000, p.anomalyFirst - 1000).maxCoeff(),
                                       scores.tail(700).maxCoeff());
        qInfo("event %.3f, normal rows at most %.3f", event, normal);
        QVERIFY2(event > normal + 0.15, qPrintable(QStringLiteral("%1 %2").arg(event).arg(normal)));
    }

    void restsAfterAnAlarm()
    {
        const Periodic p = periodicSeries();
        Contextual::Parameters parameters;
        parameters.alarm = 0.7;
        const Eigen::VectorXd scores = scoreRows(p.rows, 600, parameters);
        // The first alarm in the event, then quiet for the rest period: probation 600 / 5.
        Eigen::Index first = p.anomalyFirst;
        while (scores[first] < parameters.alarm)
            ++first;
        QVERIFY(first <= p.anomalyLast);
        QCOMPARE(scores.segment(first + 1, 120).maxCoeff(), 0.0);
    }

    void learnsQuietlyFirst()
    {
        const Periodic p = periodicSeries(1000);
        const Eigen::VectorXd scores = scoreRows(p.rows);
        QCOMPARE(scores.head(300).maxCoeff(), 0.0); // the first half of the probation
    }

    void neverLooksAhead()
    {
        const Periodic p = periodicSeries(1200);
        Eigen::MatrixXd longer = p.rows;
        longer.conservativeResize(1500, 1);
        longer.bottomRows(300).setConstant(1e6);
        const Eigen::VectorXd a = scoreRows(p.rows);
        const Eigen::VectorXd b = scoreRows(longer);
        QVERIFY(b.head(1200) == a);
    }

    void newLevelIsAnomalous()
    {
        Eigen::MatrixXd rows = periodicSeries(1000).rows;
        rows(900, 0) = 40.0;
        const Eigen::VectorXd scores = scoreRows(rows, 300, Contextual::Parameters{});
        // An alarm, above every row since the rhythm was learnt.
        qInfo("new level %.3f, rows before at most %.3f", scores[900],
              scores.segment(600, 300).maxCoeff());
        QVERIFY(scores.segment(600, 300).maxCoeff() < scores[900]);
        QVERIFY2(scores[900] >= 0.75, qPrintable(QString::number(scores[900])));
    }

    void theRangeHasTheSameMarginBelowAsAbove()
    {
        // A zigzag over 0…70: eight levels ten apart. A value within half a level of the
        // training range is its first or last level, below it as above it; half a level
        // further out is a new level, an alarm.
        Eigen::MatrixXd rows(1000, 1);
        for (Eigen::Index r = 0; r < rows.rows(); ++r)
            rows(r, 0) = 10.0 * double(7 - std::abs(r % 14 - 7));
        const Eigen::Index bottom = 896, top = 903; // rows of 0 and 70
        QCOMPARE(rows(bottom, 0), 0.0);
        QCOMPARE(rows(top, 0), 70.0);
        const Eigen::VectorXd plain = scoreRows(rows, 300);
        QCOMPARE(plain[bottom], 0.0);
        const auto with = [&](Eigen::Index row, double value) {
            Eigen::MatrixXd changed = rows;
            changed(row, 0) = value;
            return scoreRows(changed, 300);
        };
        QVERIFY(with(bottom, -4.0) == plain);
        QVERIFY(with(top, 74.0) == plain);
        QCOMPARE(with(bottom, -6.0)[bottom], 1.0);
        QCOMPARE(with(top, 76.0)[top], 1.0);
    }

    void degenerate_data() { degenerateData(); }
    void degenerate()
    {
        QFETCH(Eigen::MatrixXd, rows);
        checkDegenerate(&TestContextual::make, rows);
    }
    // Each value may add two contexts at each order, 40 bytes apiece: a 10 MB table of 9,998
    // columns × 521 rows took 2.26 GB. Above 16 million contexts it is refused with the limit
    // named; a single series of a million rows is still taken.
    void tooManyValuesAreRefused()
    {
        const Contextual detector(Contextual::Parameters{});
        QVERIFY(detector.checkSize(1'000'000, 1).ok());
        QVERIFY(detector.checkSize(1000, 1142).ok()); // 15.99 million
        const FitStatus wide = detector.checkSize(522, 9998);
        QCOMPARE(wide.code, FitStatus::Code::Failed);
        QVERIFY2(wide.message.contains(QStringLiteral("522 rows × 9998 features at order 7 may "
                                                      "need 73 million, above its limit of 16 "
                                                      "million")),
                 qPrintable(wide.message));
        Contextual::Parameters shorter;
        shorter.order = 1;
        QVERIFY(Contextual(shorter).checkSize(1000, 1142 * 7).ok());
    }

    void deterministic() { checkDeterministic(&TestContextual::make); }
    void cancellation() { checkCancellation(&TestContextual::make); }
};

QTEST_GUILESS_MAIN(TestContextual)
#include "tst_contextual.moc"
