// trainingClasses(): the classes and training rows per class that a supervised model learns,
// counted once for the model and for what the window shows before it trains.

#include "threshold/detectionrun.h"
#include "threshold/trainingclasses.h"

#include <QTest>
#include <numeric>

using namespace tideline;

namespace {

// 100 rows numbered 0..99 with one feature, labelled normal, -, scan, flood in turn.
Series labelled()
{
    Series series;
    series.axis = Series::Axis::Row;
    series.features = {{QStringLiteral("packets"), FeatureKind::Count}};
    series.values = Eigen::MatrixXd(100, 1);
    const QStringList cycle = {QStringLiteral("normal"), QStringLiteral("-"),
                               QStringLiteral("scan"), QStringLiteral("flood")};
    for (int r = 0; r < 100; ++r) {
        series.starts.push_back(TimeNs(r));
        series.values(r, 0) = r % 4 == 2 ? 1.0 : 10.0 + r % 7;
        series.labels << cycle[r % 4];
    }
    return series;
}

} // namespace

class TestTrainingClasses : public QObject
{
    Q_OBJECT

private slots:
    void countsTheTrainingRowsByTheRule_data()
    {
        QTest::addColumn<bool>("multiClass");
        QTest::addColumn<double>("fraction");
        QTest::addColumn<QStringList>("names");
        QTest::addColumn<std::vector<qint64>>("counts");
        // "normal" and "-" are both normal by isAttackLabel(); as values they are two classes.
        QTest::newRow("binary, all rows")
            << false << 1.0 << QStringList{QStringLiteral("normal"), QStringLiteral("attack")}
            << std::vector<qint64>{50, 50};
        QTest::newRow("every value, first 30 %")
            << true << 0.3
            << QStringList{QStringLiteral("-"), QStringLiteral("flood"), QStringLiteral("normal"),
                           QStringLiteral("scan")}
            << std::vector<qint64>{8, 7, 8, 7};
    }

    void countsTheTrainingRowsByTheRule()
    {
        QFETCH(bool, multiClass);
        QFETCH(double, fraction);
        QFETCH(QStringList, names);
        QFETCH(std::vector<qint64>, counts);
        const Series series = labelled();
        DetectionOptions options;
        options.detector = QStringLiteral("random_forest");
        options.parameters.insert(QStringLiteral("trees"), 5);
        options.multiClass = multiClass;
        if (fraction < 1.0)
            options.training = TrainingRange::firstFraction(fraction);
        const TrainingClasses classes = trainingClasses(series, options);
        QCOMPARE(classes.classes.names, names);
        QCOMPARE(classes.counts, counts);
        QCOMPARE(classes.rows, std::accumulate(counts.begin(), counts.end(), qint64(0)));
        QCOMPARE(qint64(classes.targets.size()), classes.rows);

        // What the model then learns is what was counted.
        const DetectionModel model = fitModel(series, options, {});
        QVERIFY2(model.ok(), qPrintable(model.status.message));
        QCOMPARE(model.classCounts, counts);
        QCOMPARE(model.describeClasses(), classes.describe());
    }

    void noLabelsNoClasses()
    {
        Series series = labelled();
        series.labels.clear();
        DetectionOptions options;
        const TrainingClasses classes = trainingClasses(series, options);
        QVERIFY(classes.counts.empty());
        QCOMPARE(classes.rows, qint64(0));
        QVERIFY(classes.describe().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestTrainingClasses)
#include "tst_trainingclasses.moc"
