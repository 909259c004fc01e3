// `tideline evaluate` as a script sees it: the metrics for hand-made files with known answers,
// in JSON and text, and the exit codes for missing or broken inputs.

#include "fixturedir.h"
#include "runtideline.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

class TestEvaluateCommand : public QObject
{
    Q_OBJECT

private:
    FixtureDir m_dir;
    QString m_anomalies;
    QString m_truth;
    QString m_scores;

private slots:
    void initTestCase()
    {
        // Two truth intervals; three detections: one overlaps the first, one the second, one
        // nothing. Six 10 s bins; truth covers bins 1 and 4.
        m_truth = m_dir.write(
            "truth.csv", "start,end,kind,description\n"
                         "2024-01-01T00:00:10.000Z,2024-01-01T00:00:20.000Z,syn_flood,\"a, b\"\n"
                         "2024-01-01T00:00:40.000Z,2024-01-01T00:00:50.000Z,port_scan,\n");
        m_anomalies = m_dir.write(
            "anomalies.csv",
            "start,end,duration_s,peak_score,mean_score,threshold,detector,packets,bytes,"
            "top_source,top_destination_port,label,note\r\n"
            "2024-01-01T00:00:10.000Z,2024-01-01T00:00:20.000Z,10,0.9,0.9,0.5,knn,,,,,,\r\n"
            "2024-01-01T00:00:30.000Z,2024-01-01T00:00:40.000Z,10,0.7,0.7,0.5,knn,,,,,,\r\n"
            "2024-01-01T00:00:45.000Z,2024-01-01T00:00:46.000Z,1,0.6,0.6,0.5,knn,,,,,,\r\n");
        m_scores =
            m_dir.write("scores.csv", "timestamp,score,threshold,anomalous,score_normalized\n"
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
        const TidelineRun run =
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
        const TidelineRun run = runTideline(
            {QStringLiteral("evaluate"), m_anomalies, QStringLiteral("--truth"), m_truth});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains("precision 0.667 (2 of 3 detected intervals"));
        QVERIFY(run.out.contains("recall 1.000 (2 of 2 truth intervals found)"));
        QVERIFY(!run.out.contains("ROC AUC"));
    }

    void reportsMissedTruth()
    {
        const QString onlyFirst =
            m_dir.write("first.csv", "start,end\n"
                                     "2024-01-01T00:00:10.000Z,2024-01-01T00:00:11.000Z\n");
        const TidelineRun run = runTideline(
            {QStringLiteral("evaluate"), onlyFirst, QStringLiteral("--truth"), m_truth});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains("recall 0.500"));
        QVERIFY(run.out.contains("missed:    2024-01-01T00:00:40.000Z port_scan"));
    }

    void coverageOfEachEvent()
    {
        // The first truth interval is covered exactly; of the second, one detection covers a
        // tenth and the other ends where it starts.
        const TidelineRun json =
            runTideline({QStringLiteral("evaluate"), m_anomalies, QStringLiteral("--truth"),
                         m_truth, QStringLiteral("--json")});
        QCOMPARE(json.exitCode, 0);
        const QJsonArray truth =
            QJsonDocument::fromJson(json.out).object()[QStringLiteral("truth")].toArray();
        QCOMPARE(truth[0].toObject()[QStringLiteral("coverage")].toDouble(), 1.0);
        QCOMPARE(truth[0].toObject()[QStringLiteral("spill")].toDouble(), 0.0);
        QCOMPARE(truth[1].toObject()[QStringLiteral("coverage")].toDouble(), 0.1);
        QCOMPARE(truth[1].toObject()[QStringLiteral("spill")].toDouble(), 0.0);

        // A detection twice as long as the event, half outside it, spills over by 100 %.
        const QString wide = m_dir.write(
            "wide.csv", "start,end,duration_s,peak_score,mean_score,threshold,detector,packets,"
                        "bytes,top_source,top_destination_port,label,note\r\n"
                        "2024-01-01T00:00:05.000Z,2024-01-01T00:00:25.000Z,20,1,1,0.5,knn,,,,,,"
                        "\r\n");
        const TidelineRun text =
            runTideline({QStringLiteral("evaluate"), wide, QStringLiteral("--truth"), m_truth});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains("coverage:  2024-01-01T00:00:10.000Z syn_flood: 100% covered, "
                                   "100% spill-over\n"),
                 text.out.constData());
    }

    void rowNumberedTable()
    {
        // A table without a time column: detect numbers its rows, and evaluate reports rows,
        // not times. Rows 50-52 stand out and are labelled; rows 150-151 are labelled but look
        // normal, so they are missed.
        QByteArray table = "value,label\n";
        for (int row = 0; row < 200; ++row) {
            const bool spike = row >= 50 && row <= 52;
            const bool attack = spike || row == 150 || row == 151;
            table += QByteArray::number(spike ? 100.0 + 10 * (row - 50) : (row * 7 % 10) / 10.0) +
                     (attack ? ",attack\n" : ",normal\n");
        }
        const QString input = m_dir.write("rows.csv", table);
        const QString anomalies = m_dir.filePath(QStringLiteral("rows.anomalies.csv"));
        const QString scores = m_dir.filePath(QStringLiteral("rows.scores.csv"));
        const TidelineRun detect =
            runTideline({QStringLiteral("detect"), input, QStringLiteral("--detector"),
                         QStringLiteral("robust_z"), QStringLiteral("-o"), anomalies,
                         QStringLiteral("--scores"), scores});
        QCOMPARE(detect.exitCode, 0);
        QFile written(anomalies);
        QVERIFY(written.open(QIODevice::ReadOnly));
        // start,end,duration_s: row numbers, and no duration in seconds.
        const QString rows = QString::fromUtf8(written.readAll());
        QVERIFY2(rows.contains(QRegularExpression(QStringLiteral("\r\n5[0-2],53,,"))),
                 qPrintable(rows));

        const TidelineRun text =
            runTideline({QStringLiteral("evaluate"), anomalies, QStringLiteral("--truth"), input,
                         QStringLiteral("--scores"), scores});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains("recall 0.500"), text.out.constData());
        // A run is named by its rows' label, not by the column's name.
        QVERIFY2(text.out.contains("missed:    150 attack\n"), text.out.constData());
        QVERIFY2(text.out.contains("rows:      200 in rows.scores.csv, 5 inside"),
                 text.out.constData());
        QVERIFY(!text.out.contains("1970"));

        const TidelineRun json =
            runTideline({QStringLiteral("evaluate"), anomalies, QStringLiteral("--truth"), input,
                         QStringLiteral("--json")});
        QCOMPARE(json.exitCode, 0);
        const QJsonArray truth =
            QJsonDocument::fromJson(json.out).object()[QStringLiteral("truth")].toArray();
        QCOMPARE(truth.size(), 2);
        QCOMPARE(truth[0].toObject()[QStringLiteral("start")].toInteger(), 50);
        QCOMPARE(truth[0].toObject()[QStringLiteral("end")].toInteger(), 53);
        QCOMPARE(truth[1].toObject()[QStringLiteral("start")].toInteger(), 150);

        // Row numbers cannot be compared with times.
        const TidelineRun mixed = runTideline(
            {QStringLiteral("evaluate"), anomalies, QStringLiteral("--truth"), m_truth});
        QCOMPARE(mixed.exitCode, 1);
        QVERIFY2(mixed.err.contains("cannot be compared"), mixed.err.constData());
    }

    void headerlessKddTable()
    {
        // An NSL-KDD table has no header and no time: detect numbers its rows, and evaluate
        // reads its class column as truth. Rows 50-52 send far more bytes and are attacks.
        QByteArray table;
        for (int row = 0; row < 200; ++row) {
            const bool attack = row >= 50 && row <= 52;
            table += "0,tcp,http,SF," +
                     QByteArray::number(attack ? 90000 + 1000 * (row - 50) : 200 + row * 7 % 50) +
                     ",5450";
            for (int feature = 6; feature < 41; ++feature)
                table += ",0";
            table += attack ? ",neptune,19\n" : ",normal,21\n";
        }
        const QString input = m_dir.write("KDDTrain.txt", table);
        const QString anomalies = m_dir.filePath(QStringLiteral("kdd.anomalies.csv"));
        const TidelineRun detect =
            runTideline({QStringLiteral("detect"), input, QStringLiteral("--detector"),
                         QStringLiteral("robust_z"), QStringLiteral("-o"), anomalies});
        QCOMPARE(detect.exitCode, 0);

        const TidelineRun run =
            runTideline({QStringLiteral("evaluate"), anomalies, QStringLiteral("--truth"), input});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(run.out.contains("truth:     1 intervals (KDDTrain.txt)"), run.out.constData());
        QVERIFY2(run.out.contains("recall 1.000 (1 of 1 truth intervals found)"),
                 run.out.constData());
    }

    void labelRunsNamedByClassAndLongListsCut()
    {
        // 30 separate neptune runs in a headerless NSL-KDD table, one detected: the missed
        // line names the class, not the column, and stops after ten.
        QByteArray table;
        for (int row = 0; row < 120; ++row) {
            table += "0,tcp,http,SF,200,5450";
            for (int feature = 6; feature < 41; ++feature)
                table += ",0";
            table += row % 4 == 1 ? ",neptune,19\n" : ",normal,21\n";
        }
        const QString truth = m_dir.write("KDDMany.txt", table);
        const QString anomalies = m_dir.write("one.csv", "start,end\n1,2\n");
        const TidelineRun run =
            runTideline({QStringLiteral("evaluate"), anomalies, QStringLiteral("--truth"), truth});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QString out = run.outText();
        QVERIFY2(out.contains(QStringLiteral("missed:    5 neptune; 9 neptune;")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("… and 19 more")), qPrintable(out));
        QVERIFY(!out.contains(QStringLiteral(" label")));
    }

    void flowTableTimesInMilliseconds()
    {
        // An NFStream table keeps its times as epoch milliseconds, which detect turns into
        // times: evaluate reads them the same way instead of calling them row numbers.
        const QString truth =
            m_dir.write("flows.csv", "id,bidirectional_first_seen_ms,bidirectional_packets,"
                                     "label\n"
                                     "0,1704067200000,3,BENIGN\n"
                                     "1,1704067210000,3,DoS\n"
                                     "2,1704067220000,3,BENIGN\n");
        const QString anomalies =
            m_dir.write("timed.csv", "start,end\n"
                                     "2024-01-01T00:00:10.000Z,2024-01-01T00:00:11.000Z\n");
        const TidelineRun run =
            runTideline({QStringLiteral("evaluate"), anomalies, QStringLiteral("--truth"), truth});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(run.out.contains("recall 1.000 (1 of 1 truth intervals found)"),
                 run.out.constData());
    }

    void nabWindowsAsTruth()
    {
        // NAB's combined_windows.json: the series is the one the anomalies file is named after,
        // or the one --series names. One detection overlaps the taxi's first window.
        const QString windows =
            m_dir.write("combined_windows.json",
                        R"({"realKnownCause/nyc_taxi.csv": [["2014-10-30 15:30:00.000000",
                                                 "2014-11-03 22:30:00.000000"],
                                                ["2014-11-25 12:00:00.000000",
                                                 "2014-11-29 19:00:00.000000"]],
                "realKnownCause/machine_temperature.csv": [["2014-01-01 00:00:00.000000",
                                                            "2014-01-02 00:00:00.000000"]]})");
        const QString anomalies = m_dir.write(
            "nyc_taxi.anomalies.csv",
            "start,end,duration_s,peak_score,mean_score,threshold,detector,packets,bytes,"
            "top_source,top_destination_port,label,note\n"
            "2014-11-03T22:30:00.000Z,2014-11-03T23:00:00.000Z,1800,0.9,0.9,0.5,knn,,,,,,\n"
            "2014-12-10T00:00:00.000Z,2014-12-10T00:30:00.000Z,1800,0.7,0.7,0.5,knn,,,,,,\n");
        const auto events = [&](const QStringList &extra) {
            const TidelineRun run = runTideline(QStringList{QStringLiteral("evaluate"), anomalies,
                                                            QStringLiteral("--truth"), windows,
                                                            QStringLiteral("--json")} +
                                                extra);
            if (run.exitCode != 0)
                qWarning() << run.err;
            return QJsonDocument::fromJson(run.out).object()[QStringLiteral("events")].toObject();
        };
        const QJsonObject taxi = events({});
        QCOMPARE(taxi[QStringLiteral("truth_intervals")].toInt(), 2);
        // The window holds its last timestamp: a detection starting there overlaps it.
        QCOMPARE(taxi[QStringLiteral("truth_found")].toInt(), 1);
        QCOMPARE(taxi[QStringLiteral("detected_true")].toInt(), 1);
        const QJsonObject machine =
            events({QStringLiteral("--series"), QStringLiteral("machine_temperature")});
        QCOMPARE(machine[QStringLiteral("truth_intervals")].toInt(), 1);
        QCOMPARE(machine[QStringLiteral("truth_found")].toInt(), 0);

        // A file named after no series: an input error that lists them.
        const TidelineRun unnamed = runTideline(
            {QStringLiteral("evaluate"), m_anomalies, QStringLiteral("--truth"), windows});
        QCOMPARE(unnamed.exitCode, 1);
        QVERIFY2(unnamed.err.contains("realKnownCause/machine_temperature.csv, "
                                      "realKnownCause/nyc_taxi.csv"),
                 unnamed.err.constData());
        QVERIFY2(unnamed.err.contains("--series"), unnamed.err.constData());
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
        const QString broken = m_dir.write("broken.csv", "start,end\n0,1\n5,soon\n");
        arguments.replaceInStrings(QStringLiteral("ANOMALIES"), m_anomalies);
        arguments.replaceInStrings(QStringLiteral("TRUTH"), m_truth);
        arguments.replaceInStrings(QStringLiteral("BROKEN"), broken);
        arguments.prepend(QStringLiteral("evaluate"));
        const TidelineRun run = runTideline(arguments);
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY2(QString::fromUtf8(run.err).contains(message), run.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestEvaluateCommand)
#include "tst_evaluate.moc"
