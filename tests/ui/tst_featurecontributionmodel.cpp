#include "featurecontributionmodel.h"

#include <QAbstractItemModelTester>
#include <QLocale>
#include <QSortFilterProxyModel>
#include <QTest>
#include <cmath>

using namespace tideline;

namespace {

// Contributions as featureContributions() computes them for a planted spike in "packets" of a
// three-feature series: training rows 0..99, the spike on rows 150..154.
std::vector<FeatureContribution> plantedContributions()
{
    Series series;
    series.features = {{QStringLiteral("packets"), FeatureKind::Count},
                       {QStringLiteral("bytes"), FeatureKind::Count},
                       {QStringLiteral("latency"), FeatureKind::Gauge}};
    series.values.resize(200, 3);
    for (int r = 0; r < 200; ++r) {
        series.starts.push_back(r * kNsPerSecond);
        series.values(r, 0) = 100.0 + (r * 7) % 20 + (r >= 150 && r <= 154 ? 900.0 : 0.0);
        series.values(r, 1) = 1000.0 + (r * 13) % 200;
        series.values(r, 2) = 50.0 - (r * 3) % 10 - (r >= 150 && r <= 154 ? 20.0 : 0.0);
    }
    std::vector<bool> training(200, false);
    std::fill(training.begin(), training.begin() + 100, true);
    FeaturePipeline pipeline;
    if (!pipeline.fit(series.values, series.features, training, {}).ok())
        return {};
    return featureContributions(pipeline, series, training, 150, 154).features;
}

} // namespace

class TestFeatureContributionModel : public QObject
{
    Q_OBJECT

private slots:
    void passesModelTester()
    {
        FeatureContributionModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setContributions(plantedContributions());
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.columnCount(), int(FeatureContributionModel::ColumnCount));
        model.setContributions({});
        QCOMPARE(model.rowCount(), 0);
    }

    void showsRawLevelsAndSignedZ()
    {
        FeatureContributionModel model;
        model.setContributions(plantedContributions());
        const auto text = [&](int row, int column) {
            return model.index(row, column).data().toString();
        };
        QCOMPARE(text(0, FeatureContributionModel::Feature), QStringLiteral("packets"));
        QVERIFY(text(0, FeatureContributionModel::Z).startsWith(QLatin1Char('+')));
        QVERIFY(model.contributions()[0].rawIntervalMean > 900.0);
        QCOMPARE(text(0, FeatureContributionModel::IntervalMean),
                 QLocale().toString(model.contributions()[0].rawIntervalMean, 'g', 4));
        // latency fell: its z is negative and shown with its sign.
        const auto latency =
            std::find_if(model.contributions().begin(), model.contributions().end(),
                         [](const FeatureContribution &c) { return c.feature == u"latency"; });
        QVERIFY(latency != model.contributions().end());
        const int row = int(latency - model.contributions().begin());
        QVERIFY(latency->z < 0);
        QVERIFY(text(row, FeatureContributionModel::Z).startsWith(QLatin1Char('-')));
    }

    void sortsByMagnitudeOfZ()
    {
        FeatureContributionModel model;
        model.setContributions(plantedContributions());
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(FeatureContributionModel::SortRole);
        proxy.sort(FeatureContributionModel::Z, Qt::AscendingOrder);
        double previous = -1.0;
        for (int row = 0; row < proxy.rowCount(); ++row) {
            const double z = proxy.index(row, FeatureContributionModel::Z)
                                 .data(FeatureContributionModel::SortRole)
                                 .toDouble();
            QVERIFY(z >= 0.0 && z >= previous);
            previous = z;
        }
        QCOMPARE(proxy.index(2, FeatureContributionModel::Feature).data().toString(),
                 QStringLiteral("packets"));
    }
};

QTEST_MAIN(TestFeatureContributionModel)
#include "tst_featurecontributionmodel.moc"
