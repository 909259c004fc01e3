#include "detect/detectorregistry.h"

#include <QTest>

using namespace tideline;

class TestDetectorRegistry : public QObject
{
    Q_OBJECT

private slots:
    void fixedNamesAreListed_data()
    {
        QTest::addColumn<QString>("name");
        for (const char *name :
             {"robust_z", "windowed_gaussian", "windowed_counts", "isolation_forest", "knn",
              "autoencoder", "contextual", "htm", "random_forest", "knn_classifier"})
            QTest::newRow(name) << QString::fromLatin1(name);
    }
    void fixedNamesAreListed()
    {
        QFETCH(QString, name);
        const DetectorInfo *info = findDetector(name);
        QVERIFY(info);
        QVERIFY(!info->description.isEmpty());
        QVERIFY(info->create);
        // Every default passes its own checks, and the detector builds from them.
        const DetectorBuild build = createDetector(name, {}, 1);
        QVERIFY2(build.ok(), qPrintable(build.errors.join(u'\n')));
        QCOMPARE(build.parameters.size(), qsizetype(info->parameters.size()));
    }

    void unknownDetector()
    {
        QVERIFY(!findDetector(u"nope"));
        const DetectorBuild build = createDetector(u"nope", {}, 1);
        QVERIFY(!build.ok());
        QVERIFY(build.errors.front().contains(QStringLiteral("isolation_forest")));
    }

    void parameterErrors_data()
    {
        QTest::addColumn<QString>("detector");
        QTest::addColumn<QStringList>("assignments");
        QTest::addColumn<QString>("error");
        QTest::newRow("not an integer")
            << "isolation_forest" << QStringList{QStringLiteral("trees=x")}
            << "isolation_forest: trees must be an integer in 1..10000, got 'x'";
        QTest::newRow("out of range")
            << "isolation_forest" << QStringList{QStringLiteral("trees=0")}
            << "isolation_forest: trees must be an integer in 1..10000, got '0'";
        QTest::newRow("fraction for an integer")
            << "knn" << QStringList{QStringLiteral("k=2.5")}
            << "knn: k must be an integer in 1..1000, got '2.5'";
        QTest::newRow("bad choice") << "knn" << QStringList{QStringLiteral("aggregate=median")}
                                    << "knn: aggregate must be one of mean, kth, got 'median'";
        QTest::newRow("unknown parameter")
            << "knn" << QStringList{QStringLiteral("q=1")}
            << "knn: unknown parameter 'q' (parameters: k, aggregate, max_train_rows, trim)";
        QTest::newRow("no parameters") << "robust_z" << QStringList{QStringLiteral("x=1")}
                                       << "robust_z: unknown parameter 'x' (it has no parameters)";
        QTest::newRow("no equals sign") << "knn" << QStringList{QStringLiteral("k")}
                                        << "knn: parameter 'k' is not of the form name=value";
        QTest::newRow("given twice")
            << "knn" << QStringList{QStringLiteral("k=1"), QStringLiteral("k=2")}
            << "knn: parameter 'k' is given twice";
    }
    void parameterErrors()
    {
        QFETCH(QString, detector);
        QFETCH(QStringList, assignments);
        QFETCH(QString, error);
        const ParameterCheck parsed = parseAssignments(detector, assignments);
        QStringList errors = parsed.errors;
        if (parsed.ok())
            errors = createDetector(detector, parsed.values, 1).errors;
        QCOMPARE(errors, QStringList{error});
    }

    void valuesAreTypedWithDefaults()
    {
        const ParameterCheck parsed =
            parseAssignments(QStringLiteral("knn"), {QStringLiteral("k = 7")});
        QVERIFY(parsed.ok());
        const DetectorBuild build = createDetector(u"knn", parsed.values, 1);
        QVERIFY(build.ok());
        QCOMPARE(build.parameters.value(QStringLiteral("k")).typeId(), QMetaType::LongLong);
        QCOMPARE(build.parameters.value(QStringLiteral("k")).toInt(), 7);
        QCOMPARE(build.parameters.value(QStringLiteral("aggregate")).toString(),
                 QStringLiteral("mean"));
        QCOMPARE(build.parameters.value(QStringLiteral("max_train_rows")).toInt(), 20000);
    }

    void listingText()
    {
        const DetectorInfo *forest = findDetector(u"isolation_forest");
        QVERIFY(forest);
        const ParameterSpec &trees = forest->parameters.front();
        QCOMPARE(parameterTypeName(trees.type), QStringLiteral("int"));
        QCOMPARE(parameterRange(trees), QStringLiteral("1..10000"));
        QCOMPARE(parameterValueText(trees, trees.defaultValue), QStringLiteral("100"));
        const ParameterSpec &aggregate = findDetector(u"knn")->parameters[1];
        QCOMPARE(parameterRange(aggregate), QStringLiteral("mean|kth"));
    }
};

QTEST_GUILESS_MAIN(TestDetectorRegistry)
#include "tst_detectorregistry.moc"
