#include "detect/featurepipeline.h"
#include "planted.h"
#include "threshold/detectionrun.h"

#include <QTest>
#include <cmath>
#include <numbers>

using namespace tideline;
using namespace tideline::testing;

// The clock features of the feature pipeline: time of day and day of week as points on a
// circle, so that a batch detector learns a daily rhythm as normal.
class TestTimeFeatures : public QObject
{
    Q_OBJECT

private:
    static constexpr TimeNs kMonday = 1'699'833'600 * kNsPerSecond; // 2023-11-13T00:00Z
    static constexpr Eigen::Index kPerDay = 144;                    // 10-minute bins
    static constexpr Eigen::Index kDays = 14;
    // Day 12 at 18:00, when the rhythm is at its lowest, holds its 06:00 peak instead.
    static constexpr Eigen::Index kPlanted = 12 * kPerDay + 108;

    static Series dailyRhythm()
    {
        PortableRandom rng(9);
        Series s;
        s.source = QStringLiteral("rhythm");
        s.binWidth = 600 * kNsPerSecond;
        s.features = {{QStringLiteral("requests"), FeatureKind::Gauge}};
        s.values.resize(kPerDay * kDays, 1);
        for (Eigen::Index r = 0; r < s.values.rows(); ++r) {
            const double day = double(r % kPerDay) / double(kPerDay);
            s.values(r, 0) =
                100.0 + 50.0 * std::sin(2.0 * std::numbers::pi * day) + 3.0 * gaussian(rng);
            s.starts.push_back(kMonday + r * s.binWidth);
        }
        s.values(kPlanted, 0) = 150.0;
        s.hasData.assign(s.starts.size(), true);
        return s;
    }

    static DetectionResult detect(bool timeFeatures)
    {
        DetectionOptions options;
        options.detector = QStringLiteral("knn");
        options.training = TrainingRange::firstFraction(0.5);
        options.threshold.rule = ThresholdRule::percentile(99.0);
        options.timeFeatures = timeFeatures;
        return runDetection(dailyRhythm(), options, {});
    }

    static Eigen::Index topTestRow(const DetectionResult &result)
    {
        Eigen::Index top = 0;
        result.scores.tail(result.scores.size() / 2).maxCoeff(&top);
        return top + result.scores.size() / 2;
    }

private slots:
    void clockValues_data()
    {
        QTest::addColumn<qint64>("time");
        QTest::addColumn<double>("todSin");
        QTest::addColumn<double>("todCos");
        QTest::addColumn<double>("dowSin");
        QTest::addColumn<double>("dowCos");
        const double week = 2.0 * std::numbers::pi / 7.0;
        QTest::newRow("Monday 00:00") << qint64(kMonday) << 0.0 << 1.0 << 0.0 << 1.0;
        QTest::newRow("Monday 06:00") << qint64(kMonday + 6 * 3600 * kNsPerSecond) << 1.0 << 0.0
                                      << std::sin(week / 4.0) << std::cos(week / 4.0);
        QTest::newRow("Sunday 12:00")
            << qint64(kMonday + (6 * 24 + 12) * 3600 * kNsPerSecond) << 0.0 << -1.0
            << std::sin(6.5 * week) << std::cos(6.5 * week);
        // Before 1970 the clock still runs forwards: 1969-12-31 18:00 was a Wednesday.
        QTest::newRow("1969") << qint64(-6 * 3600 * kNsPerSecond) << -1.0 << 0.0
                              << std::sin(2.75 * week) << std::cos(2.75 * week);
    }
    void clockValues()
    {
        QFETCH(qint64, time);
        QFETCH(double, todSin);
        QFETCH(double, todCos);
        QFETCH(double, dowSin);
        QFETCH(double, dowCos);
        const auto near = [](double a, double b) { return std::fabs(a - b) < 1e-9; };
        QVERIFY(near(FeaturePipeline::clockValue(ClockFeature::TimeOfDaySin, time), todSin));
        QVERIFY(near(FeaturePipeline::clockValue(ClockFeature::TimeOfDayCos, time), todCos));
        QVERIFY(near(FeaturePipeline::clockValue(ClockFeature::DayOfWeekSin, time), dowSin));
        QVERIFY(near(FeaturePipeline::clockValue(ClockFeature::DayOfWeekCos, time), dowCos));
    }

    void pipelineAddsClockColumns()
    {
        const Series s = dailyRhythm();
        FeaturePipeline pipeline;
        FeaturePipeline::Options options;
        options.timeFeatures = true;
        QVERIFY(pipeline.fit(s.values, s.features, {}, options, s.starts).ok());
        QCOMPARE(pipeline.columnNames(),
                 QStringList({QStringLiteral("requests"), QStringLiteral("time_of_day_sin"),
                              QStringLiteral("time_of_day_cos"), QStringLiteral("day_of_week_sin"),
                              QStringLiteral("day_of_week_cos")}));
        const FeaturePipeline::Output out = pipeline.transform(s.values, s.features, s.starts);
        QVERIFY(out.ok());
        QCOMPARE(out.matrix(36, 1), 1.0); // 06:00, unscaled
        // Without the times the model cannot be applied.
        QVERIFY(!pipeline.transform(s.values, s.features).ok());
    }

    void noTimesNoClockColumns()
    {
        const Series s = dailyRhythm();
        FeaturePipeline pipeline;
        FeaturePipeline::Options options;
        options.timeFeatures = true;
        QVERIFY(pipeline.fit(s.values, s.features, {}, options).ok());
        QCOMPARE(pipeline.columnNames(), QStringList{QStringLiteral("requests")});
        QCOMPARE(pipeline.warnings().size(), 1);
    }

    void dailyRhythmIsNormal()
    {
        // With the clock, the peak at the wrong time of day is the most anomalous test row,
        // and the rhythm itself is not flagged.
        const DetectionResult withClock = detect(true);
        QVERIFY2(withClock.status.ok(), qPrintable(withClock.status.message));
        QCOMPARE(withClock.model.pipeline.columns().size(), std::size_t(5));
        QCOMPARE(topTestRow(withClock), kPlanted);
        qint64 flaggedNormal = 0;
        for (Eigen::Index r = kPerDay * kDays / 2; r < kPerDay * kDays; ++r)
            flaggedNormal += r != kPlanted && withClock.flagged[std::size_t(r)] ? 1 : 0;
        QVERIFY2(flaggedNormal <= kPerDay * kDays / 2 / 100,
                 qPrintable(QString::number(flaggedNormal)));

        // Without it the same value is just another morning peak.
        const DetectionResult withoutClock = detect(false);
        QVERIFY(withoutClock.status.ok());
        QVERIFY(topTestRow(withoutClock) != kPlanted);
        QVERIFY(!withoutClock.flagged[std::size_t(kPlanted)]);
    }
};

QTEST_GUILESS_MAIN(TestTimeFeatures)
#include "tst_timefeatures.moc"
