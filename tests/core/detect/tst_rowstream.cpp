#include "common/portablerandom.h"
#include "detect/detectorregistry.h"
#include "detect/rowbyrow.h"

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
        QTest::newRow("windowed_counts")
            << QStringLiteral("windowed_counts") << ParameterValues{{QStringLiteral("window"), 20}};
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

    // Live data scores a batch detector's rows one by one with the model fitted on the first
    // ones: each row scores alone as it scores among the others.
    void batchDetectorsScoreRowByRow_data()
    {
        QTest::addColumn<QString>("detector");
        for (const char *name : {"isolation_forest", "knn", "robust_z", "autoencoder"})
            QTest::newRow(name) << QString::fromLatin1(name);
    }
    void batchDetectorsScoreRowByRow()
    {
        QFETCH(QString, detector);
        PortableRandom random(11);
        Eigen::MatrixXd rows(120, 3);
        std::vector<TimeNs> times;
        for (Eigen::Index r = 0; r < rows.rows(); ++r) {
            for (Eigen::Index c = 0; c < rows.cols(); ++c)
                rows(r, c) = random.uniform() + (r == 100 ? 8.0 : 0.0);
            times.push_back(TimeNs(r) * kNsPerSecond);
        }
        DetectorBuild build = createDetector(detector, {{QStringLiteral("epochs"), 3}}, 5);
        if (!build.ok()) // the parameter is the autoencoder's
            build = createDetector(detector, {}, 5);
        QVERIFY(build.ok());
        QVERIFY(build.detector->fitTimed(rows.topRows(60), RowTimes(times).first(60), {}).ok());
        const Eigen::VectorXd together = build.detector->scoreTimed(rows, times, {});
        const std::unique_ptr<RowStream> stream = rowByRow(*build.detector);
        // The autoencoder's matrix products sum in another order for one row: equal to rounding.
        const double tolerance = detector == u"autoencoder" ? 1e-6 : 0.0;
        for (Eigen::Index r = 0; r < rows.rows(); ++r) {
            const Eigen::RowVectorXd row = rows.row(r);
            const double alone =
                stream->next(std::span(row.data(), std::size_t(row.size())), times[std::size_t(r)]);
            QVERIFY2(std::abs(alone - together[r]) <= tolerance * std::abs(together[r]),
                     qPrintable(QStringLiteral("row %1: %2 alone, %3 together")
                                    .arg(r)
                                    .arg(alone, 0, 'g', 17)
                                    .arg(together[r], 0, 'g', 17)));
        }
        QCOMPARE(
            std::distance(together.begin(), std::max_element(together.begin(), together.end())),
            100);
    }
};

QTEST_GUILESS_MAIN(TestRowStream)
#include "tst_rowstream.moc"
