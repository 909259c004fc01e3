// `tideline detectors` as a script sees it: every registry entry with its parameters, in text
// and JSON, generated from the same table the UI reads; and its exit codes.

#include "detect/detectorregistry.h"
#include "runtideline.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace tideline;

class TestDetectorsCommand : public QObject
{
    Q_OBJECT

private slots:
    void textListsEveryDetectorAndParameter()
    {
        const TidelineRun run = runTideline({QStringLiteral("detectors")});
        QCOMPARE(run.exitCode, 0);
        const QString text = QString::fromUtf8(run.out);
        for (const DetectorInfo &info : detectors()) {
            QVERIFY2(text.contains(info.name + QLatin1Char('\n')), qPrintable(info.name));
            QVERIFY(text.contains(info.description));
            for (const ParameterSpec &spec : info.parameters) {
                QVERIFY2(text.contains(QStringLiteral("  ") + spec.name + QLatin1Char(' ')),
                         qPrintable(spec.name));
                QVERIFY(text.contains(parameterRange(spec)));
                QVERIFY(text.contains(spec.description));
            }
        }
        QVERIFY(text.contains(QStringLiteral("trees")));
        QVERIFY(text.contains(QStringLiteral("default 100")));
    }

    void jsonMatchesTheRegistry()
    {
        const TidelineRun run =
            runTideline({QStringLiteral("detectors"), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(run.out, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        const QJsonArray list = doc.object().value(QStringLiteral("detectors")).toArray();
        QCOMPARE(list.size(), qsizetype(detectors().size()));
        for (qsizetype i = 0; i < list.size(); ++i) {
            const DetectorInfo &info = detectors()[std::size_t(i)];
            const QJsonObject entry = list[i].toObject();
            QCOMPARE(entry[QStringLiteral("name")].toString(), info.name);
            QCOMPARE(entry[QStringLiteral("description")].toString(), info.description);
            QCOMPARE(entry[QStringLiteral("supervised")].toBool(), info.supervised);
            const QJsonArray parameters = entry[QStringLiteral("parameters")].toArray();
            QCOMPARE(parameters.size(), qsizetype(info.parameters.size()));
            for (qsizetype p = 0; p < parameters.size(); ++p) {
                const ParameterSpec &spec = info.parameters[std::size_t(p)];
                const QJsonObject parameter = parameters[p].toObject();
                QCOMPARE(parameter[QStringLiteral("name")].toString(), spec.name);
                QCOMPARE(parameter[QStringLiteral("type")].toString(),
                         parameterTypeName(spec.type));
                QCOMPARE(parameter[QStringLiteral("default")].toVariant().toString(),
                         spec.defaultValue.toString());
                if (spec.type == ParameterSpec::Type::Int) {
                    QCOMPARE(parameter[QStringLiteral("minimum")].toDouble(), spec.minimum);
                    QCOMPARE(parameter[QStringLiteral("maximum")].toDouble(), spec.maximum);
                }
            }
        }
        const auto named = [&](const QString &name) {
            for (const QJsonValue &entry : list) {
                if (entry[QStringLiteral("name")].toString() == name)
                    return entry.toObject();
            }
            return QJsonObject();
        };
        const QJsonObject forest = named(QStringLiteral("isolation_forest"));
        QCOMPARE(forest[QStringLiteral("parameters")][0][QStringLiteral("default")].toInt(), 100);
        QVERIFY(forest[QStringLiteral("log_counts")].toBool());
        // windowed_counts models counts itself: the pipeline leaves them as they are.
        const QJsonObject counts = named(QStringLiteral("windowed_counts"));
        QVERIFY(!counts[QStringLiteral("log_counts")].toBool());
        QCOMPARE(counts[QStringLiteral("scaling")].toString(), QStringLiteral("none"));
    }

    void usage()
    {
        QCOMPARE(runTideline({QStringLiteral("detectors"), QStringLiteral("extra")}).exitCode, 2);
        QCOMPARE(runTideline({QStringLiteral("detectors"), QStringLiteral("--bogus")}).exitCode, 2);
        const TidelineRun help =
            runTideline({QStringLiteral("detectors"), QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains("--json"));
    }
};

QTEST_GUILESS_MAIN(TestDetectorsCommand)
#include "tst_detectors.moc"
