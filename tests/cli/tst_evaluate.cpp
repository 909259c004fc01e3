// `tideline evaluate` as a script sees it: the metrics for hand-made files with known answers,
// in JSON and text, and the exit codes for missing or broken inputs.

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run runTideline(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral(TIDELINE_EXE), arguments);
    Run run;
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit)
        return run;
    run.exitCode = process.exitCode();
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

} // namespace

class TestEvaluateCommand : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_anomalies;
    QString m_truth;
    QString m_scores;

    QString write(const char *name, const QByteArray &content)
    {
        const QString path = m_dir.filePath(QLatin1String(name));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(content);
        return path;
    }

private slots:
    void initTestCase()
    {
        // Two truth intervals; three detections: one overlaps the first, one the second, one
        // nothing. Six 10 s bins; truth covers bins 1 and 4.
        m_truth = write("truth.csv",
                        "start,end,kind,description\n"
                        "2024-01-01T00:00:10.000Z,2024-01-01T00:00:20.000Z,syn_flood,\"a, b\"\n"
                        "2024-01-01T00:00:40.000Z,2024-01-01T00:00:50.000Z,port_scan,\n");
        m_anomalies =
            write("anomalies.csv",
                  "start,end,duration_s,peak_score,mean_score,threshold,detector,packets,bytes,"
                  "top_source,top_destination_port,label,note\r\n"
                  "2024-01-01T00:00:10.000Z,2024-01-01T00:00:20.000Z,10,0.9,0.9,0.5,knn,,,,,,\r\n"
                  "2024-01-01T00:00:30.000Z,2024-01-01T00:00:40.000Z,10,0.7,0.7,0.5,knn,,,,,,\r\n"
                  "2024-01-01T00:00:45.000Z,2024-01-01T00:00:46.000Z,1,0.6,0.6,0.5,knn,,,,,,\r\n");
        m_scores = write("scores.csv", "timestamp,score,threshold,anomalous,score_normalized\n"
                                       "2024-01-01T00:00:00.000Z,0.1,0.5,0,0\n"
                                       "2024-01-01T00:00:10.000Z,0.9,0.5,1,1\n"
                                       "2024-01-01T00:00:20.000Z,0.2,0.5,0,0.1\n"
                                       "2024-01-01T00:00:30.000Z,0.7,0.5,1,0.7\n"
                                       "2024-01-01T00:00:40.000Z,0.3,0.5,0,0.2\n"
                                       "2024-01-01T00:00:50.000Z,0.1,0.5,0,0\n");
        QVERIFY(!m_truth.isEmpty() && !m_anomalies.isEmpty() && !m_scores.isEmpty());
    }

    void json()
    {
        const Run run =
            runTideline({QStringLiteral("evaluate"), m_anomalies, QStringLiteral("--truth"),
                         m_truth, QStringLiteral("--scores"), m_scores, QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject json = QJsonDocument::fromJson(run.out).object();
        const QJsonObject events = json[QStringLiteral("events")].toObject();
        QCOMPARE(events[QStringLiteral("truth_found")].toInt(), 2);
        QCOMPARE(events[QStringLiteral("detected_true")].toInt(), 2);
        QCOMPARE(events[QStringLiteral("precision")].toDouble(), 2.0 / 3.0);
        QCOMPARE(events[QStringLiteral("recall")].toDouble(), 1.0);
        QCOMPARE(events[QStringLiteral("f1")].toDouble(), 0.8);
        const QJsonObject bins = json[QStringLiteral("bins")].toObject();
        QCOMPARE(bins[QStringLiteral("rows")].toInt(), 6);
        QCOMPARE(bins[QStringLiteral("positive_rows")].toInt(), 2);
        QCOMPARE(bins[QStringLiteral("true_positives")].toInt(), 1);
        QCOMPARE(bins[QStringLiteral("false_positives")].toInt(), 1);
        QCOMPARE(bins[QStringLiteral("false_negatives")].toInt(), 1);
        QCOMPARE(bins[QStringLiteral("precision")].toDouble(), 0.5);
        // Positives score 0.9 and 0.3; negatives 0.1 0.2 0.7 0.1: 4 + 3 of 8 pairs won.
        QCOMPARE(bins[QStringLiteral("roc_auc")].toDouble(), 0.875);
        // Ranked 0.9+ 0.7- 0.3+ → AP = 1/2 · 1 + 1/2 · 2/3.
        QVERIFY(qFuzzyCompare(bins[QStringLiteral("pr_auc")].toDouble(), 0.5 + 1.0 / 3.0));
    }

    void text()
    {
        const Run run = runTideline(
            {QStringLiteral("evaluate"), m_anomalies, QStringLiteral("--truth"), m_truth});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains("precision 0.667 (2 of 3 detected intervals"));
        QVERIFY(run.out.contains("recall 1.000 (2 of 2 truth intervals found)"));
        QVERIFY(!run.out.contains("ROC AUC"));
    }

    void reportsMissedTruth()
    {
        const QString onlyFirst =
            write("first.csv", "start,end\n"
                               "2024-01-01T00:00:10.000Z,2024-01-01T00:00:11.000Z\n");
        const Run run = runTideline(
            {QStringLiteral("evaluate"), onlyFirst, QStringLiteral("--truth"), m_truth});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains("recall 0.500"));
        QVERIFY(run.out.contains("missed:    2024-01-01T00:00:40.000Z port_scan"));
    }

    void exitCodes_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::newRow("no --truth")
            << QStringList{QStringLiteral("ANOMALIES")} << 2 << QStringLiteral("--truth");
        QTest::newRow("no anomalies file")
            << QStringList{QStringLiteral("--truth"), QStringLiteral("TRUTH")} << 2
            << QStringLiteral("anomalies.csv");
        QTest::newRow("missing anomalies file")
            << QStringList{QStringLiteral("absent.csv"), QStringLiteral("--truth"),
                           QStringLiteral("TRUTH")}
            << 1 << QStringLiteral("absent.csv");
        QTest::newRow("broken truth row")
            << QStringList{QStringLiteral("ANOMALIES"), QStringLiteral("--truth"),
                           QStringLiteral("BROKEN")}
            << 1 << QStringLiteral("broken.csv: line 3, column 2");
    }
    void exitCodes()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const QString broken = write("broken.csv", "start,end\n0,1\n5,soon\n");
        arguments.replaceInStrings(QStringLiteral("ANOMALIES"), m_anomalies);
        arguments.replaceInStrings(QStringLiteral("TRUTH"), m_truth);
        arguments.replaceInStrings(QStringLiteral("BROKEN"), broken);
        arguments.prepend(QStringLiteral("evaluate"));
        const Run run = runTideline(arguments);
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY2(QString::fromUtf8(run.err).contains(message), run.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestEvaluateCommand)
#include "tst_evaluate.moc"
