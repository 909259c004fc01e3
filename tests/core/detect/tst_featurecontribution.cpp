#include "common/portablerandom.h"
#include "detect/featurecontribution.h"

#include <QTest>
#include <cmath>

using namespace tideline;

namespace {

constexpr qsizetype kRows = 200;
constexpr qsizetype kSpikeFirst = 150;
constexpr qsizetype kSpikeLast = 154;

// Three features with noise (two counts around 100 and 1000, a gauge around 50) and, when
// `spiked` >= 0, that feature multiplied tenfold on rows kSpikeFirst..kSpikeLast.
Series plantedSeries(int spiked)
{
    Series series;
    series.features = {{QStringLiteral("packets"), FeatureKind::Count},
                       {QStringLiteral("bytes"), FeatureKind::Count},
                       {QStringLiteral("latency"), FeatureKind::Gauge}};
    series.values.resize(kRows, 3);
    PortableRandom rng(11);
    for (qsizetype r = 0; r < kRows; ++r) {
        series.starts.push_back(r * kNsPerSecond);
        series.hasData.push_back(true);
        series.values(r, 0) = 100.0 + 20.0 * rng.uniform();
        series.values(r, 1) = 1000.0 + 200.0 * rng.uniform();
        series.values(r, 2) = 50.0 + 10.0 * rng.uniform();
        if (spiked >= 0 && r >= kSpikeFirst && r <= kSpikeLast)
            series.values(r, spiked) *= 10.0;
    }
    series.binWidth = kNsPerSecond;
    return series;
}

std::vector<bool> firstRows(qsizetype count)
{
    std::vector<bool> mask(std::size_t(kRows), false);
    std::fill(mask.begin(), mask.begin() + count, true);
    return mask;
}

FeaturePipeline fitted(const Series &series, const std::vector<bool> &training,
                       FeatureScaling scaling = FeatureScaling::Robust)
{
    FeaturePipeline pipeline;
    FeaturePipeline::Options options;
    options.scaling = scaling;
    [[maybe_unused]] const FitStatus status =
        pipeline.fit(series.values, series.features, training, options);
    Q_ASSERT(status.ok());
    return pipeline;
}

} // namespace

class TestFeatureContribution : public QObject
{
    Q_OBJECT

private slots:
    void plantedSpikeRanksFirst_data()
    {
        QTest::addColumn<int>("spiked");
        QTest::addColumn<int>("scaling");
        const char *names[] = {"packets", "bytes", "latency"};
        for (int feature = 0; feature < 3; ++feature) {
            QTest::addRow("%s robust", names[feature]) << feature << int(FeatureScaling::Robust);
            QTest::addRow("%s min-max", names[feature]) << feature << int(FeatureScaling::MinMax);
        }
    }

    void plantedSpikeRanksFirst()
    {
        QFETCH(int, spiked);
        QFETCH(int, scaling);
        const Series series = plantedSeries(spiked);
        const std::vector<bool> training = firstRows(100);
        const FeaturePipeline pipeline = fitted(series, training, FeatureScaling(scaling));

        const FeatureContributions result =
            featureContributions(pipeline, series, training, kSpikeFirst, kSpikeLast);
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.features.size(), std::size_t(3));
        const FeatureContribution &top = result.features.front();
        QCOMPARE(top.feature, series.features[std::size_t(spiked)].name);
        QVERIFY(top.z > 5.0);
        for (std::size_t i = 1; i < result.features.size(); ++i) {
            QVERIFY(std::abs(result.features[i].z) < 3.0);
            QVERIFY(std::abs(result.features[i - 1].z) >= std::abs(result.features[i].z));
        }
        // The raw figures are the series' own units: about ten times the usual level.
        const double ratio = top.rawIntervalMean / top.rawBaselineMedian;
        QVERIFY(ratio > 8.0 && ratio < 12.0);
    }

    void normalIntervalStandsOutNowhere()
    {
        const Series series = plantedSeries(-1);
        const std::vector<bool> training = firstRows(100);
        const FeatureContributions result =
            featureContributions(fitted(series, training), series, training, 150, 170);
        QVERIFY(result.ok());
        for (const FeatureContribution &c : result.features)
            QVERIFY2(std::abs(c.z) < 1.5, qPrintable(c.feature));
    }

    void usesOnlyThePipelinesFeatures()
    {
        const Series series = plantedSeries(1);
        const std::vector<bool> training = firstRows(100);
        FeaturePipeline pipeline;
        FeaturePipeline::Options options;
        options.features = {QStringLiteral("latency"), QStringLiteral("packets")};
        QVERIFY(pipeline.fit(series.values, series.features, training, options).ok());
        const FeatureContributions result =
            featureContributions(pipeline, series, training, kSpikeFirst, kSpikeLast);
        QVERIFY(result.ok());
        QCOMPARE(result.features.size(), std::size_t(2));
        for (const FeatureContribution &c : result.features)
            QVERIFY(c.feature != QStringLiteral("bytes"));
    }

    void withoutTrainingRowsComparesWithTheRest()
    {
        // A model applied to another file has no training rows there.
        const Series series = plantedSeries(0);
        const FeaturePipeline pipeline = fitted(series, firstRows(100));
        const FeatureContributions result =
            featureContributions(pipeline, series, {}, kSpikeFirst, kSpikeLast);
        QVERIFY(result.ok());
        QCOMPARE(result.features.front().feature, QStringLiteral("packets"));
        QVERIFY(result.features.front().z > 5.0);
    }

    void rowsWithoutDataAreLeftOut()
    {
        // A gap row (zeros, no data) inside the interval must not pull its mean down.
        Series series = plantedSeries(0);
        series.values.row(kSpikeLast + 1).setZero();
        series.hasData[std::size_t(kSpikeLast + 1)] = false;
        const std::vector<bool> training = firstRows(100);
        const FeaturePipeline pipeline = fitted(series, training);
        const FeatureContributions spike =
            featureContributions(pipeline, series, training, kSpikeFirst, kSpikeLast);
        const FeatureContributions withGap =
            featureContributions(pipeline, series, training, kSpikeFirst, kSpikeLast + 1);
        QVERIFY(spike.ok() && withGap.ok());
        QCOMPARE(withGap.features.front().z, spike.features.front().z);
    }

    void constantTrainingFeatureStaysFinite()
    {
        Series series = plantedSeries(-1);
        series.values.col(2).setConstant(50.0);
        series.values(kSpikeFirst, 2) = 80.0;
        const std::vector<bool> training = firstRows(100);
        const FeatureContributions result = featureContributions(
            fitted(series, training), series, training, kSpikeFirst, kSpikeFirst);
        QVERIFY(result.ok());
        QCOMPARE(result.features.front().feature, QStringLiteral("latency"));
        for (const FeatureContribution &c : result.features)
            QVERIFY(std::isfinite(c.z));
    }

    void badRowsAreAnError_data()
    {
        QTest::addColumn<qsizetype>("first");
        QTest::addColumn<qsizetype>("last");
        QTest::newRow("negative") << qsizetype(-1) << qsizetype(3);
        QTest::newRow("reversed") << qsizetype(5) << qsizetype(4);
        QTest::newRow("past the end") << qsizetype(190) << kRows;
    }

    void badRowsAreAnError()
    {
        QFETCH(qsizetype, first);
        QFETCH(qsizetype, last);
        const Series series = plantedSeries(0);
        const FeatureContributions result =
            featureContributions(fitted(series, {}), series, {}, first, last);
        QVERIFY(!result.ok());
        QVERIFY(result.features.empty());
    }

    void missingColumnIsAnError()
    {
        const Series series = plantedSeries(0);
        const FeaturePipeline pipeline = fitted(series, {});
        Series other = series;
        other.features[1].name = QStringLiteral("octets");
        const FeatureContributions result = featureContributions(pipeline, other, {}, 10, 12);
        QVERIFY(!result.ok());
        QVERIFY(result.error.contains(QStringLiteral("bytes")));
    }
};

QTEST_GUILESS_MAIN(TestFeatureContribution)
#include "tst_featurecontribution.moc"
