#include "common/portablerandom.h"
#include "detect/detectorregistry.h"

#include <QTest>
#include <cmath>

using namespace tideline;

// The online detectors' row streams, which live capture scores bins with, give each row the
// score a scoring pass over the rows so far gives it.
class TestRowStream : public QObject
{
    Q_OBJECT

private slots:
    void matchesScoringPass_data()
    {
        QTest::addColumn<QString>("detector");
        QTest::addColumn<ParameterValues>("parameters");
        QTest::newRow("windowed_gaussian") << QStringLiteral("windowed_gaussian")
                                           << ParameterValues{{QStringLiteral("window"), 20}};
        QTest::newRow("contextual")
            << QStringLiteral("contextual") << ParameterValues{{QStringLiteral("probation"), 40}};
        QTest::newRow("htm") << QStringLiteral("htm")
                             << ParameterValues{{QStringLiteral("columns"), 256},
                                                {QStringLiteral("probation"), 40}};
    }
    void matchesScoringPass()
    {
        QFETCH(QString, detector);
        QFETCH(ParameterValues, parameters);
        PortableRandom random(7);
        Eigen::MatrixXd rows(150, 3);
        std::vector<TimeNs> times;
        for (Eigen::Index r = 0; r < rows.rows(); ++r) {
            for (Eigen::Index c = 0; c < rows.cols(); ++c)
                rows(r, c) = random.uniform() + (r == 120 ? 8.0 : 0.0); // one outlier
            times.push_back(TimeNs(r) * 60 * kNsPerSecond);
        }
        DetectorBuild build = createDetector(detector, parameters, 3);
        QVERIFY(build.ok());
        QVERIFY(build.detector->fitTimed(rows.topRows(60), RowTimes(times).first(60), {}).ok());
        const Eigen::VectorXd batch = build.detector->scoreTimed(rows, times, {});
        const std::unique_ptr<RowStream> stream = build.detector->stream();
        QVERIFY(stream);
        for (Eigen::Index r = 0; r < rows.rows(); ++r) {
            const Eigen::RowVectorXd row = rows.row(r);
            const double score =
                stream->next(std::span(row.data(), std::size_t(row.size())), times[std::size_t(r)]);
            QCOMPARE(score, batch[r]);
        }
    }

    void batchDetectorsHaveNoStream()
    {
        const DetectorBuild build = createDetector(u"isolation_forest", {}, 1);
        QVERIFY(build.ok());
        QVERIFY(!build.detector->stream());
    }
};

QTEST_GUILESS_MAIN(TestRowStream)
#include "tst_rowstream.moc"
