#include "planted.h"
#include "threshold/detectionrun.h"

#include <QTest>
#include <algorithm>
#include <cmath>
#include <iterator>

using namespace tideline;
using namespace tideline::testing;

class TestDetectionRun : public QObject
{
    Q_OBJECT

private:
    // A capture-like series of 1 s bins: packets and bytes counts with outliers planted.
    static Series series(quint64 seed, Eigen::Index normal = 2000)
    {
        const Planted planted = plantedMatrix(normal, 10, 2, seed);
        Series s;
        s.source = QStringLiteral("test");
        s.binWidth = kNsPerSecond;
        s.features = {{QStringLiteral("packets"), FeatureKind::Count},
                      {QStringLiteral("bytes"), FeatureKind::Count}};
        s.values = (planted.rows.array() * 10.0 + 200.0).matrix(); // counts stay positive
        s.values.col(1) *= 100.0;
        for (Eigen::Index r = 0; r < s.values.rows(); ++r)
            s.starts.push_back(1'700'000'000 * kNsPerSecond + r * kNsPerSecond);
        s.hasData.assign(s.starts.size(), true);
        return s;
    }

    static std::vector<qsizetype> plantedRows(quint64 seed)
    {
        std::vector<qsizetype> rows;
        for (Eigen::Index r : plantedMatrix(2000, 10, 2, seed).outliers)
            rows.push_back(r);
        return rows;
    }

    static DetectionOptions options()
    {
        DetectionOptions o;
        o.detector = QStringLiteral("isolation_forest");
        o.threshold.rule = ThresholdRule::percentile(99.5);
        o.threshold.holdPercentile = 100.0; // no hysteresis: single planted rows
        o.threshold.gap = 0;
        return o;
    }

private slots:
    void flagsPlantedRowsAsIntervals()
    {
        const Series s = series(5);
        const DetectionResult result = runDetection(s, options(), {});
        QVERIFY2(result.status.ok(), qPrintable(result.status.message));
        QCOMPARE(result.scores.size(), s.values.rows());
        QVERIFY(result.scores.allFinite());
        std::vector<qsizetype> flagged;
        for (const ScoredInterval &interval : result.intervals) {
            for (qsizetype r = interval.first; r <= interval.last; ++r)
                flagged.push_back(r);
        }
        // The 99.5th percentile of 2010 rows leaves 11 above it: the 10 planted ones and at
        // most one other.
        const std::vector<qsizetype> planted = plantedRows(5);
        std::vector<qsizetype> missed;
        std::set_difference(planted.begin(), planted.end(), flagged.begin(), flagged.end(),
                            std::back_inserter(missed));
        QCOMPARE(missed, std::vector<qsizetype>{});
        QVERIFY(flagged.size() <= planted.size() + 1);
        QCOMPARE(result.threshold, result.model.trainingScores.percentile(99.5));
        QVERIFY(result.thresholdDescription().contains(QStringLiteral("99.5th percentile")));
    }

    void rethresholdUsesCachedScores()
    {
        const Series s = series(5);
        DetectionResult result = runDetection(s, options(), {});
        const Eigen::VectorXd before = result.scores;
        ThresholdSettings settings = result.settings;
        settings.rule = ThresholdRule::percentile(50.0);
        result.rethreshold(settings);
        QCOMPARE(result.scores, before);
        QVERIFY(result.intervals.size() > 10);
        QCOMPARE(result.threshold, result.model.trainingScores.percentile(50.0));
    }

    void falseAlarmsPerDayGoThroughTheBinWidth()
    {
        const Series s = series(5); // 1 s bins: 86,400 a day
        DetectionOptions o = options();
        o.threshold.rule = ThresholdRule::falseAlarmsPerDay(8.64);
        DetectionResult result = runDetection(s, o, {});
        QVERIFY(result.status.ok());
        QCOMPARE(result.rowDuration, kNsPerSecond);
        QCOMPARE(result.percentile, 99.99);
        QCOMPARE(result.threshold, result.model.trainingScores.thresholdForRisk(1e-4));
        QCOMPARE(result.falseAlarmsPerDay(), 8.64);
        QVERIFY2(result.thresholdDescription().contains(QStringLiteral("99.99th percentile")),
                 qPrintable(result.thresholdDescription()));
        // Fewer alarms a day is a higher threshold; the same percentile is the same threshold.
        const double threshold = result.threshold;
        ThresholdSettings settings = result.settings;
        settings.rule = ThresholdRule::falseAlarmsPerDay(0.5);
        result.rethreshold(settings);
        QVERIFY(result.threshold > threshold);
        settings.rule = ThresholdRule::percentile(99.99);
        result.rethreshold(settings);
        QCOMPARE(result.threshold, threshold);
        QVERIFY(std::abs(result.falseAlarmsPerDay() - 8.64) < 1e-9);

        // Rows of a table have no duration: alarms per day mean the 99th percentile there.
        Series table = s;
        table.axis = Series::Axis::Row;
        table.binWidth = 0;
        const DetectionResult rows = runDetection(table, o, {});
        QCOMPARE(rows.rowDuration, TimeNs(0));
        QCOMPARE(rows.percentile, ThresholdRule::kPercentileWithoutDuration);
        QVERIFY(std::isnan(rows.falseAlarmsPerDay()));
    }

    void theDefaultIsAboutOneFalseAlarmADay()
    {
        const DetectionOptions defaults;
        QCOMPARE(defaults.threshold.rule, ThresholdRule::falseAlarmsPerDay(1.0));
        Series s = series(5);
        s.binWidth = 10 * kNsPerSecond; // 8,640 bins a day
        DetectionOptions o = options();
        o.threshold = defaults.threshold;
        const DetectionResult result = runDetection(s, o, {});
        QCOMPARE(result.falseAlarmsPerDay(), 1.0);
        QCOMPARE(result.threshold, result.model.trainingScores.thresholdForRisk(1.0 / 8640));
        QVERIFY(result.hold < result.threshold);
        QCOMPARE(result.hold, result.model.trainingScores.percentile(95.0));
    }

    void aFeatureThatLooksAheadIsUsedOnlyWhenNamed()
    {
        // largest_upload, wild in its last rows: without names the detector does not see it
        // (the same scores as without the column); "+largest_upload" adds it to the rest.
        const Series plain = series(5);
        Series upload = plain;
        upload.features.push_back({QStringLiteral("largest_upload"), FeatureKind::Count});
        upload.values.conservativeResize(Eigen::NoChange, 3);
        upload.values.col(2).setConstant(500.0);
        upload.values.col(2).tail(20).setConstant(5e6);
        const DetectionOptions o = options();
        const DetectionResult without = runDetection(plain, o, {});
        const DetectionResult unnamed = runDetection(upload, o, {});
        QVERIFY(unnamed.status.ok());
        QCOMPARE(unnamed.model.featureNames(), without.model.featureNames());
        QVERIFY(unnamed.scores == without.scores);
        DetectionOptions added = o;
        added.features = QStringList{QStringLiteral("+largest_upload")};
        const DetectionResult named = runDetection(upload, added, {});
        QVERIFY2(named.status.ok(), qPrintable(named.status.message));
        QCOMPARE(named.model.featureNames(),
                 (QStringList{QStringLiteral("packets"), QStringLiteral("bytes"),
                              QStringLiteral("largest_upload")}));
        const Eigen::Index last = upload.values.rows() - 1;
        QVERIFY(named.scores[last] > without.scores[last]);
    }

    void aThresholdBeyondTheHighestScoreSaysSo()
    {
        // isolation_forest scores at most 1: its training scores' tail ends there, so even a
        // rarity far past what the rows resolve gets a threshold below 1.
        const Series s = series(5);
        DetectionOptions o = options();
        DetectionResult result = runDetection(s, o, {});
        QVERIFY(result.status.ok());
        QCOMPARE(result.model.fitted->highestScore(), 1.0);
        QVERIFY(result.threshold < 1.0);
        QVERIFY2(!result.thresholdDescription().contains(QStringLiteral("highest score")),
                 qPrintable(result.thresholdDescription()));
        ThresholdSettings settings = result.settings;
        settings.rule = ThresholdRule::percentile(100.0 - 1e-12);
        result.rethreshold(settings);
        QVERIFY2(result.threshold < 1.0, qPrintable(QString::number(result.threshold)));
        // A threshold typed at or above it flags nothing, and the rule says why.
        const QString beyond =
            QStringLiteral("at or above the highest score isolation_forest gives, 1:");
        result.threshold = 1.5;
        QVERIFY2(result.thresholdDescription().contains(beyond),
                 qPrintable(result.thresholdDescription()));
        // Rows are flagged above the threshold: one of exactly 1 flags nothing either.
        result.threshold = 1.0;
        QVERIFY2(result.thresholdDescription().contains(beyond),
                 qPrintable(result.thresholdDescription()));
        result.threshold = std::nextafter(1.0, 0.0);
        QVERIFY(!result.thresholdDescription().contains(beyond));
    }

    void rowsWithoutDataNeitherTrainNorFlag()
    {
        Series s = series(5);
        // A capture gap: zero traffic, which would look very anomalous.
        for (Eigen::Index r = 100; r < 110; ++r) {
            s.values.row(r).setZero();
            s.hasData[std::size_t(r)] = false;
        }
        const DetectionResult result = runDetection(s, options(), {});
        QVERIFY(result.status.ok());
        for (Eigen::Index r = 100; r < 110; ++r) {
            QVERIFY(!result.training[std::size_t(r)]);
            QVERIFY(!result.flagged[std::size_t(r)]);
        }
        QCOMPARE(result.model.trainingScores.size(), s.rowCount() - 10);
    }

    void trainingRangeRestrictsTheThreshold()
    {
        const Series s = series(5);
        DetectionOptions o = options();
        o.training = TrainingRange::firstFraction(0.25);
        const DetectionResult result = runDetection(s, o, {});
        QVERIFY(result.status.ok());
        QCOMPARE(result.model.trainingScores.size(), s.rowCount() / 4);
        QCOMPARE(std::count(result.training.begin(), result.training.end(), true),
                 std::ptrdiff_t(s.rowCount() / 4));
    }

    // The trimmed refit is for training rows nobody said are normal: trained on every row the
    // autoencoder keeps its default trim, on a chosen range it trains once, unless trim is set.
    void aChosenTrainingRangeIsNotTrimmed_data()
    {
        QTest::addColumn<bool>("allRows");
        QTest::addColumn<QVariant>("given");
        QTest::addColumn<double>("trim");
        QTest::newRow("all rows") << true << QVariant() << 0.1;
        QTest::newRow("first half") << false << QVariant() << 0.0;
        QTest::newRow("first half, trim set") << false << QVariant(0.2) << 0.2;
    }
    void aChosenTrainingRangeIsNotTrimmed()
    {
        QFETCH(bool, allRows);
        QFETCH(QVariant, given);
        QFETCH(double, trim);
        DetectionOptions o = options();
        o.detector = QStringLiteral("autoencoder");
        o.parameters.insert(QStringLiteral("epochs"), 2);
        if (given.isValid())
            o.parameters.insert(QStringLiteral("trim"), given);
        if (!allRows)
            o.training = TrainingRange::firstFraction(0.5);
        const DetectionModel model = fitModel(series(5, 300), o, {});
        QVERIFY2(model.ok(), qPrintable(model.status.message));
        QCOMPARE(model.parameters.value(QStringLiteral("trim")).toDouble(), trim);
    }

    // windowed_counts models counts as they are: its pipeline neither logs nor scales them,
    // whatever the run asks of the others.
    void countsReachWindowedCountsAsTheyAre()
    {
        DetectionOptions o = options();
        o.detector = QStringLiteral("windowed_counts");
        const DetectionModel model = fitModel(series(5, 300), o, {});
        QVERIFY2(model.ok(), qPrintable(model.status.message));
        QCOMPARE(model.pipeline.columns().size(), std::size_t(2));
        for (const FeaturePipeline::Column &column : model.pipeline.columns()) {
            QVERIFY(!column.logged);
            QCOMPARE(column.scale, 1.0);
            QCOMPARE(column.centre, 0.0);
        }
        o.detector = QStringLiteral("windowed_gaussian");
        QVERIFY(fitModel(series(5, 300), o, {}).pipeline.columns().front().logged);
    }

    // An online detector trained on every row it scores would learn from all of them as its
    // probation and score none: there its probation is at most 15 % of the rows (NAB's; 410
    // rows: 62). On a chosen range the parameter holds as given, and the probation is at most
    // the training rows (205).
    void anOnlineDetectorOnEveryRowScoresMostOfThem_data()
    {
        QTest::addColumn<QString>("detector");
        QTest::addColumn<bool>("allRows");
        QTest::addColumn<int>("parameter");
        QTest::addColumn<int>("probation");
        QTest::newRow("htm, all rows") << QStringLiteral("htm") << true << 62 << 62;
        QTest::newRow("htm, first half") << QStringLiteral("htm") << false << 750 << 205;
        QTest::newRow("contextual, all rows") << QStringLiteral("contextual") << true << 62 << 31;
    }
    void anOnlineDetectorOnEveryRowScoresMostOfThem()
    {
        QFETCH(QString, detector);
        QFETCH(bool, allRows);
        QFETCH(int, parameter);
        QFETCH(int, probation);
        DetectionOptions o = options();
        o.detector = detector;
        if (!allRows)
            o.training = TrainingRange::firstFraction(0.5);
        const DetectionResult result = runDetection(series(5, 400), o, {});
        QVERIFY2(result.status.ok(), qPrintable(result.status.message));
        QCOMPARE(result.model.parameters.value(QStringLiteral("probation")).toInt(), parameter);
        // The rows scored with a placeholder, which the threshold is not calibrated on.
        QCOMPARE(result.model.fitted->warmUpRows(), qint64(probation));
    }

    void trainOnOneSeriesApplyToAnother()
    {
        const Series a = series(5);
        Series b = series(8, 1000);
        std::swap(b.features[0], b.features[1]); // another file may order columns differently
        b.values.col(0).swap(b.values.col(1));
        const DetectionModel model = fitModel(a, options(), {});
        QVERIFY2(model.ok(), qPrintable(model.status.message));
        QCOMPARE(model.trainingScores.size(), a.rowCount());
        const DetectionResult applied = applyModel(model, b, options().threshold, {});
        QVERIFY2(applied.status.ok(), qPrintable(applied.status.message));
        QCOMPARE(applied.scores.size(), b.values.rows());
        QCOMPARE(applied.threshold, model.trainingScores.percentile(99.5));
        // The planted rows of b score above a's threshold.
        for (Eigen::Index r : plantedMatrix(1000, 10, 2, 8).outliers)
            QVERIFY(applied.flagged[std::size_t(r)]);

        Series missing = b;
        missing.features[0].name = QStringLiteral("other");
        const DetectionResult failed = applyModel(model, missing, {}, {});
        QCOMPARE(failed.status.code, FitStatus::Code::Failed);
    }

    void failuresAreReported_data()
    {
        QTest::addColumn<QString>("detector");
        QTest::addColumn<QStringList>("features");
        QTest::addColumn<QString>("reason");
        QTest::newRow("unknown detector") << "nope" << QStringList{} << "unknown detector";
        QTest::newRow("unknown feature")
            << "knn" << QStringList{QStringLiteral("x")} << "unknown feature";
    }
    void failuresAreReported()
    {
        QFETCH(QString, detector);
        QFETCH(QStringList, features);
        QFETCH(QString, reason);
        DetectionOptions o = options();
        o.detector = detector;
        o.features = features;
        const DetectionResult result = runDetection(series(5), o, {});
        QCOMPARE(result.status.code, FitStatus::Code::Failed);
        QVERIFY2(result.status.message.contains(reason), qPrintable(result.status.message));
    }

    void cancels()
    {
        const DetectionResult result =
            runDetection(series(5), options(), [](const Progress &) { return false; });
        QCOMPARE(result.status.code, FitStatus::Code::Cancelled);
    }

    void progressIsMonotone()
    {
        double last = -1.0;
        bool monotone = true;
        const DetectionResult result = runDetection(series(5), options(), [&](const Progress &p) {
            monotone = monotone && p.fraction >= last;
            last = p.fraction;
            return true;
        });
        QVERIFY(result.status.ok());
        QVERIFY(monotone);
        QCOMPARE(last, 1.0);
    }

    void rowEndForIrregularAndRowAxes()
    {
        Series s;
        s.starts = {0, 10, 30, 40};
        QCOMPARE(rowEnd(s, 1), TimeNs(30));
        QCOMPARE(rowEnd(s, 3), TimeNs(50)); // the median step
        s.axis = Series::Axis::Row;
        s.starts = {0, 1, 2};
        QCOMPARE(rowEnd(s, 2), TimeNs(3));
    }
};

QTEST_GUILESS_MAIN(TestDetectionRun)
#include "tst_detectionrun.moc"
