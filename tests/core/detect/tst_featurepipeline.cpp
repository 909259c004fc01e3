#include "detect/featurepipeline.h"

#include <QTest>
#include <cmath>
#include <limits>

using namespace tideline;

class TestFeaturePipeline : public QObject
{
    Q_OBJECT

private:
    static std::vector<FeatureInfo> features()
    {
        return {{QStringLiteral("packets"), FeatureKind::Count},
                {QStringLiteral("latency"), FeatureKind::Gauge}};
    }

private slots:
    void logsCountsOnlyAndScalesRobustly()
    {
        // packets e^k - 1 → ln(1 + x / (e² - 1)), relative to the median; latency 10, 20, 30,
        // 40, 50 stays linear.
        Eigen::MatrixXd values(5, 2);
        std::vector<double> logged;
        for (int r = 0; r < 5; ++r) {
            values(r, 0) = std::expm1(double(r));
            values(r, 1) = 10.0 * (r + 1);
            logged.push_back(std::log1p(std::expm1(double(r)) / std::expm1(2.0)));
        }
        FeaturePipeline pipeline;
        QVERIFY(pipeline.fit(values, features(), {}, {}).ok());
        QCOMPARE(pipeline.columns()[0].logged, true);
        QCOMPARE(pipeline.columns()[1].logged, false);
        QVERIFY(std::fabs(pipeline.columns()[0].unit - std::expm1(2.0)) < 1e-12);
        const FeaturePipeline::Output out = pipeline.transform(values, features());
        QVERIFY(out.ok());
        // Medians logged[2] and 30, IQRs (numpy linear) logged[3] - logged[1] and 20.
        for (int r = 0; r < 5; ++r) {
            QVERIFY(std::fabs(out.matrix(r, 0) - (logged[std::size_t(r)] - logged[2]) /
                                                     (logged[3] - logged[1])) < 1e-12);
            QVERIFY(std::fabs(out.matrix(r, 1) - (10.0 * (r + 1) - 30.0) / 20.0) < 1e-12);
        }
    }

    void anEmptyBinOfABusyCountIsNotExtreme()
    {
        // A busy count (median 800) that is 0 in one training bin in a hundred: on a log scale
        // of single packets that bin would lie 6.7 log units below the median, farther than a
        // 500-fold burst lies above (6.2). Relative to the median it lies ln 2 below, and the
        // burst ln 501 above.
        Eigen::MatrixXd values(100, 2);
        for (int r = 0; r < 100; ++r) {
            values(r, 0) = r == 0 ? 0.0 : 800.0 + double(r % 7);
            values(r, 1) = 1.0;
        }
        FeaturePipeline pipeline;
        QVERIFY(pipeline.fit(values, features(), {}, {}).ok());
        Eigen::MatrixXd burst = values.topRows(2);
        burst(1, 0) = 500.0 * 803.0;
        const FeaturePipeline::Output out = pipeline.transform(burst, features());
        QVERIFY(out.ok());
        const double scale = pipeline.columns()[0].scale;
        const double empty = std::fabs(out.matrix(0, 0)) * scale;
        const double loud = std::fabs(out.matrix(1, 0)) * scale;
        QVERIFY2(loud > 5.0 * empty, qPrintable(QStringLiteral("%1 %2").arg(loud).arg(empty)));
        QVERIFY(std::fabs(empty - std::log(2.0)) < 0.01);
    }

    void minMaxWithoutLog()
    {
        Eigen::MatrixXd values(3, 2);
        values << 0, 5, 50, 10, 100, 15;
        FeaturePipeline pipeline;
        FeaturePipeline::Options options;
        options.logCounts = false;
        options.scaling = FeatureScaling::MinMax;
        QVERIFY(pipeline.fit(values, features(), {}, options).ok());
        const Eigen::MatrixXd out = pipeline.transform(values, features()).matrix;
        QCOMPARE(out(1, 0), 0.5);
        QCOMPARE(out(2, 1), 1.0);
        QCOMPARE(out(0, 1), 0.0);
    }

    void fitsOnTrainingRowsOnly()
    {
        // The huge last row is outside training, so it does not move the centre or scale.
        Eigen::MatrixXd values(5, 2);
        values << 1, 1, 2, 2, 3, 3, 4, 4, 1e9, 1e9;
        FeaturePipeline pipeline;
        FeaturePipeline::Options options;
        options.logCounts = false;
        QVERIFY(pipeline.fit(values, features(), {true, true, true, true, false}, options).ok());
        QCOMPARE(pipeline.columns()[1].centre, 2.5);
        QCOMPARE(pipeline.columns()[1].scale, 1.5);
        const Eigen::MatrixXd out = pipeline.transform(values, features()).matrix;
        QCOMPARE(out(4, 1), (1e9 - 2.5) / 1.5);
    }

    void zeroIqrScalesByOne()
    {
        Eigen::MatrixXd values(6, 2);
        values << 0, 7, 0, 7, 0, 7, 0, 7, 0, 7, 5, 9;
        FeaturePipeline pipeline;
        QVERIFY(pipeline.fit(values, features(), {}, {}).ok());
        QCOMPARE(pipeline.columns()[1].scale, 1.0);
        QCOMPARE(pipeline.transform(values, features()).matrix(5, 1), 2.0);
    }

    void replacesNonFiniteByTrainingMedianAndCounts()
    {
        const double nan = std::numeric_limits<double>::quiet_NaN();
        const double inf = std::numeric_limits<double>::infinity();
        Eigen::MatrixXd values(5, 2);
        values << 0, 1, 0, 2, 0, nan, 0, 4, 0, 5;
        FeaturePipeline pipeline;
        FeaturePipeline::Options options;
        options.scaling = FeatureScaling::None;
        QVERIFY(pipeline.fit(values, features(), {}, options).ok());
        QCOMPARE(pipeline.columns()[1].fill, 3.0); // median of 1 2 4 5
        QCOMPARE(pipeline.warnings().size(), 1);

        Eigen::MatrixXd other(3, 2);
        other << 0, inf, nan, -inf, 0, 1;
        const FeaturePipeline::Output out = pipeline.transform(other, features());
        QVERIFY(out.matrix.allFinite());
        QCOMPARE(out.replaced, (std::vector<qint64>{1, 2}));
        QCOMPARE(out.replacedTotal(), qint64(3));
        QCOMPARE(out.matrix(0, 1), 3.0);
    }

    void choosesColumnsAndMapsThemByName()
    {
        Eigen::MatrixXd values(3, 2);
        values << 1, 10, 2, 20, 3, 30;
        FeaturePipeline pipeline;
        FeaturePipeline::Options options;
        options.features = {QStringLiteral("latency")};
        options.scaling = FeatureScaling::None;
        QVERIFY(pipeline.fit(values, features(), {}, options).ok());
        QCOMPARE(pipeline.columnNames(), QStringList{QStringLiteral("latency")});

        // Another file with the columns in another order and one more.
        const std::vector<FeatureInfo> other{{QStringLiteral("bytes"), FeatureKind::Count},
                                             {QStringLiteral("latency"), FeatureKind::Gauge},
                                             {QStringLiteral("packets"), FeatureKind::Count}};
        Eigen::MatrixXd otherValues(1, 3);
        otherValues << 99, 42, 7;
        const FeaturePipeline::Output out = pipeline.transform(otherValues, other);
        QVERIFY(out.ok());
        QCOMPARE(out.matrix.cols(), Eigen::Index(1));
        QCOMPARE(out.matrix(0, 0), 42.0);

        const std::vector<FeatureInfo> missing{{QStringLiteral("bytes"), FeatureKind::Count}};
        const FeaturePipeline::Output failed =
            pipeline.transform(Eigen::MatrixXd::Zero(1, 1), missing);
        QVERIFY(!failed.ok());
        QVERIFY(failed.error.contains(QStringLiteral("latency")));
    }

    void failures_data()
    {
        QTest::addColumn<QStringList>("chosen");
        QTest::addColumn<std::vector<bool>>("training");
        QTest::addColumn<QString>("reason");
        QTest::newRow("unknown feature")
            << QStringList{QStringLiteral("nope")} << std::vector<bool>{} << QStringLiteral("nope");
        QTest::newRow("no training rows")
            << QStringList{} << std::vector<bool>{false, false} << QStringLiteral("training");
    }
    void failures()
    {
        QFETCH(QStringList, chosen);
        QFETCH(std::vector<bool>, training);
        QFETCH(QString, reason);
        FeaturePipeline pipeline;
        FeaturePipeline::Options options;
        options.features = chosen;
        const FitStatus status =
            pipeline.fit(Eigen::MatrixXd::Zero(2, 2), features(), training, options);
        QCOMPARE(status.code, FitStatus::Code::Failed);
        QVERIFY2(status.message.contains(reason), qPrintable(status.message));
    }

    void negativeCountsStayFiniteAndOrdered()
    {
        Eigen::MatrixXd values(3, 2);
        values << -5, 0, 0, 0, 5, 0;
        FeaturePipeline pipeline;
        FeaturePipeline::Options options;
        options.scaling = FeatureScaling::None;
        QVERIFY(pipeline.fit(values, features(), {}, options).ok());
        const Eigen::MatrixXd out = pipeline.transform(values, features()).matrix;
        QVERIFY(out.allFinite());
        QCOMPARE(out(0, 0), -out(2, 0));
    }
};

QTEST_GUILESS_MAIN(TestFeaturePipeline)
#include "tst_featurepipeline.moc"
