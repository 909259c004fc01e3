// `tideline detect` as a script sees it: the threshold options (percentile, false alarms per
// day, hold), the calibrated scores it writes, the sample's scripted attacks found at the
// default threshold (trained on its clean start, and on every row), and training on one capture
// to score another.

#include "common/csvtokenizer.h"
#include "fixturedir.h"
#include "plantedflows.h"
#include "runtideline.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <cmath>

namespace {

struct ScoreRow
{
    QString time;
    double score = 0;
    double threshold = 0;
    bool anomalous = false;
    double normalized = 0;
};

std::vector<ScoreRow> readScores(const QString &path)
{
    std::vector<ScoreRow> rows;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return rows;
    file.readLine(); // header
    while (!file.atEnd()) {
        const QList<QByteArray> cells = file.readLine().trimmed().split(',');
        if (cells.size() != 5)
            continue;
        rows.push_back({QString::fromUtf8(cells[0]), cells[1].toDouble(), cells[2].toDouble(),
                        cells[3] == "1", cells[4].toDouble()});
    }
    return rows;
}

QJsonObject evaluateJson(const QString &anomalies, const QString &truth)
{
    const TidelineRun run =
        runTideline({QStringLiteral("evaluate"), anomalies, QStringLiteral("--truth"), truth,
                     QStringLiteral("--json")});
    return QJsonDocument::fromJson(run.out).object();
}

QStringList arguments(std::initializer_list<const char *> words)
{
    QStringList list;
    for (const char *word : words)
        list << QString::fromLatin1(word);
    return list;
}

} // namespace

class TestDetectCommand : public QObject
{
    Q_OBJECT

private:
    FixtureDir m_dir;
    QString m_metrics; // a NAB-like metric table, one row a minute for two days

    TidelineRun detect(const QString &input, const QStringList &extra)
    {
        return runTideline(
            QStringList{QStringLiteral("detect"), input, QStringLiteral("--detector"),
                        QStringLiteral("robust_z"), QStringLiteral("-o"),
                        m_dir.filePath(QStringLiteral("anomalies.csv")), QStringLiteral("--scores"),
                        m_dir.filePath(QStringLiteral("scores.csv"))} +
            extra);
    }

private slots:
    void initTestCase()
    {
        QByteArray table = "timestamp,value\n";
        for (int minute = 0; minute < 2880; ++minute) {
            const int hour = minute / 60 % 24;
            const int minuteOfHour = minute % 60;
            const double wobble = ((minute * 7919) % 97) / 97.0; // deterministic noise
            const double value = minute == 2000 ? 500.0 : 50.0 + 10.0 * wobble;
            table += QStringLiteral("2024-01-%1 %2:%3:00,%4\n")
                         .arg(1 + minute / 1440, 2, 10, QLatin1Char('0'))
                         .arg(hour, 2, 10, QLatin1Char('0'))
                         .arg(minuteOfHour, 2, 10, QLatin1Char('0'))
                         .arg(value)
                         .toUtf8();
        }
        m_metrics = m_dir.write("metrics.csv", table);
        QVERIFY(!m_metrics.isEmpty());
    }

    // A flow table's anomalies name their kind and actors in the CSV, as a capture's do.
    void flowTableAnomaliesNameTheirActors()
    {
        const QString flows = m_dir.write("flows.csv", plantedflows::table());
        const QString out = m_dir.filePath(QStringLiteral("flow-anomalies.csv"));
        const TidelineRun run = runTideline(
            {QStringLiteral("detect"), flows, QStringLiteral("--detector"), QStringLiteral("knn"),
             QStringLiteral("--bin"), QStringLiteral("10s"), QStringLiteral("--train-range"),
             QStringLiteral("2023-11-14T22:13:20Z,2023-11-14T22:19:00Z"), QStringLiteral("-o"),
             out});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        tideline::CsvTokenizer csv(std::string_view(text.constData(), std::size_t(text.size())),
                                   ',');
        QVERIFY(csv.next());
        QStringList header;
        for (std::string_view field : csv.fields())
            header << QString::fromUtf8(field.data(), qsizetype(field.size()));
        int scans = 0;
        while (csv.next()) {
            const auto cell = [&](const char *name) {
                const std::string_view field =
                    csv.fields()[std::size_t(header.indexOf(QLatin1String(name)))];
                return QString::fromUtf8(field.data(), qsizetype(field.size()));
            };
            if (cell("kind") != QLatin1String("port_scan"))
                continue;
            ++scans;
            QCOMPARE(cell("top_source"), QLatin1String(plantedflows::kScanner));
            QCOMPARE(cell("top_destination"), QLatin1String(plantedflows::kVictim));
            QVERIFY(cell("distinct_destination_ports").toInt() >= plantedflows::kScanPorts);
            QVERIFY(cell("distinct_sources").toInt() >= 1);
            QVERIFY(cell("summary").contains(QLatin1String(plantedflows::kScanner)));
        }
        QCOMPARE(scans, 1);
    }

    void thresholdOptionsAreChecked_data()
    {
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<QString>("message");
        QTest::newRow("both rules")
            << arguments({"--percentile", "99", "--false-alarms-per-day", "1"})
            << QStringLiteral("not both");
        QTest::newRow("negative alarms") << arguments({"--false-alarms-per-day", "-1"})
                                         << QStringLiteral("--false-alarms-per-day");
        QTest::newRow("alarms not a number") << arguments({"--false-alarms-per-day", "many"})
                                             << QStringLiteral("--false-alarms-per-day");
        QTest::newRow("percentile past 100")
            << arguments({"--percentile", "100.5"}) << QStringLiteral("--percentile");
        QTest::newRow("hold past 100") << arguments({"--hold", "101"}) << QStringLiteral("--hold");
        QTest::newRow("hold not a number")
            << arguments({"--hold", "x"}) << QStringLiteral("--hold");
    }
    void thresholdOptionsAreChecked()
    {
        QFETCH(QStringList, extra);
        QFETCH(QString, message);
        const TidelineRun run = detect(m_metrics, extra);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.errText().contains(message), run.err.constData());
    }

    void falseAlarmsPerDayThroughTheRowDuration()
    {
        // One row a minute: 1,440 a day, so 14.4 false alarms a day is the 99th percentile.
        const TidelineRun perDay = detect(m_metrics, arguments({"--false-alarms-per-day", "14.4"}));
        QCOMPARE(perDay.exitCode, 0);
        QVERIFY2(perDay.errText().contains(
                     QStringLiteral("14.4 false alarm(s) per day (99th percentile)")),
                 perDay.err.constData());
        const double byAlarms =
            readScores(m_dir.filePath(QStringLiteral("scores.csv"))).front().threshold;
        const TidelineRun percentile = detect(m_metrics, arguments({"--percentile", "99"}));
        QCOMPARE(percentile.exitCode, 0);
        QVERIFY2(percentile.errText().contains(
                     QStringLiteral("99th percentile (14.4 false alarm(s) per day)")),
                 percentile.err.constData());
        QCOMPARE(readScores(m_dir.filePath(QStringLiteral("scores.csv"))).front().threshold,
                 byAlarms);

        // The default is one false alarm a day, far past what 2,880 rows resolve.
        const TidelineRun defaults = detect(m_metrics, {});
        QCOMPARE(defaults.exitCode, 0);
        QVERIFY2(defaults.errText().contains(QStringLiteral("1 false alarm(s) per day")),
                 defaults.err.constData());
        const std::vector<ScoreRow> rows = readScores(m_dir.filePath(QStringLiteral("scores.csv")));
        QCOMPARE(rows.size(), std::size_t(2880));
        QVERIFY(rows.front().threshold > byAlarms);
        // Only the planted spike stands out, with the neighbours the hold joins to it.
        QVERIFY(rows[2000].anomalous);
        for (std::size_t r = 0; r < rows.size(); ++r)
            QVERIFY2(!rows[r].anomalous || (r >= 1995 && r <= 2005), qPrintable(rows[r].time));
    }

    void scoreNormalizedIsCalibrated()
    {
        const TidelineRun run = detect(m_metrics, {});
        QCOMPARE(run.exitCode, 0);
        std::vector<ScoreRow> rows = readScores(m_dir.filePath(QStringLiteral("scores.csv")));
        QCOMPARE(rows.size(), std::size_t(2880));
        // A probability: in [0, 1), rising with the score, and about the share of rows below.
        std::sort(rows.begin(), rows.end(),
                  [](const ScoreRow &a, const ScoreRow &b) { return a.score < b.score; });
        for (std::size_t r = 1; r < rows.size(); ++r) {
            QVERIFY(rows[r].normalized >= rows[r - 1].normalized);
            QVERIFY(rows[r].normalized >= 0.0 && rows[r].normalized < 1.0);
        }
        QVERIFY(std::abs(rows[1440].normalized - 0.5) < 0.01);
        // The spike, far beyond every other row, is rarer than one in a day of rows.
        QVERIFY(rows.back().normalized > 1.0 - 1.0 / 1440);
    }

    void sampleAttacksAreFoundAtTheDefaultThreshold()
    {
        // The sample scripts four attacks into five minutes of traffic; its first 13 % is
        // clean, so the detector trains there (42 % of all rows are attacks). At the default
        // threshold (one false alarm a day of 0.5 s bins), hold and gap the autoencoder finds
        // all four with at most 3 intervals that are not attacks, and the hold makes their
        // intervals cover them without spilling over. The slow exfiltration adds a few per cent
        // to its bins' bytes: it is the largest upload (+largest_upload) that shows it.
        const QString capture = m_dir.filePath(QStringLiteral("sample.pcap"));
        const QString truth = m_dir.filePath(QStringLiteral("sample.truth.csv"));
        QCOMPARE(runTideline({QStringLiteral("generate"), capture, QStringLiteral("--seed"),
                              QStringLiteral("7")})
                     .exitCode,
                 0);
        const auto run = [&](const QStringList &extra) {
            const QString anomalies = m_dir.filePath(QStringLiteral("sample.anomalies.csv"));
            const TidelineRun detect = runTideline(
                QStringList{QStringLiteral("detect"), capture, QStringLiteral("--detector"),
                            QStringLiteral("autoencoder"), QStringLiteral("--train-fraction"),
                            QStringLiteral("0.13"), QStringLiteral("--features"),
                            QStringLiteral("+largest_upload"), QStringLiteral("-o"), anomalies} +
                extra);
            return detect.exitCode == 0 ? evaluateJson(anomalies, truth) : QJsonObject{};
        };
        const QJsonObject defaults = run({});
        const QJsonObject events = defaults[QStringLiteral("events")].toObject();
        QCOMPARE(events[QStringLiteral("truth_found")].toInt(), 4);
        const int falseIntervals = events[QStringLiteral("detected_intervals")].toInt() -
                                   events[QStringLiteral("detected_true")].toInt();
        QVERIFY2(falseIntervals <= 3, qPrintable(QString::number(falseIntervals)));
        const QJsonArray truthIntervals = defaults[QStringLiteral("truth")].toArray();
        QCOMPARE(truthIntervals.size(), 4);
        for (const QJsonValue &value : truthIntervals) {
            const QJsonObject interval = value.toObject();
            QVERIFY2(interval[QStringLiteral("coverage")].toDouble() >= 0.8,
                     qPrintable(interval[QStringLiteral("kind")].toString()));
            QVERIFY2(interval[QStringLiteral("spill")].toDouble() <= 0.2,
                     qPrintable(interval[QStringLiteral("kind")].toString()));
        }
        // Without the hold the exfiltration's interval covers far less of it.
        const auto exfiltration = [](const QJsonObject &result) {
            for (const QJsonValue &value : result[QStringLiteral("truth")].toArray()) {
                if (value.toObject()[QStringLiteral("kind")].toString() == u"exfiltration")
                    return value.toObject()[QStringLiteral("coverage")].toDouble();
            }
            return -1.0;
        };
        const double held = exfiltration(defaults);
        const double unheld = exfiltration(run({QStringLiteral("--hold"), QStringLiteral("100")}));
        QVERIFY2(held > 2 * unheld, qPrintable(QStringLiteral("%1 vs %2").arg(held).arg(unheld)));
    }

    void sampleLoudAttacksAreFoundTrainedOnEveryRow()
    {
        // The true default: trained on all rows, 42 % of which lie in the scripted attacks
        // (14 % in the scan, the flood and the amplification). knn leaves those rows out of its
        // neighbours and the calibration leaves their scores out of the tail, so at one false
        // alarm a day knn flags the three loud attacks whole and nothing else. The
        // exfiltration's bins carry a few per cent more bytes than their neighbours: trained on
        // every row, no interval reaches into it.
        const QString capture = m_dir.filePath(QStringLiteral("every.pcap"));
        const QString truth = m_dir.filePath(QStringLiteral("every.truth.csv"));
        QCOMPARE(runTideline({QStringLiteral("generate"), capture, QStringLiteral("--seed"),
                              QStringLiteral("7")})
                     .exitCode,
                 0);
        const QString anomalies = m_dir.filePath(QStringLiteral("every.anomalies.csv"));
        QCOMPARE(runTideline({QStringLiteral("detect"), capture, QStringLiteral("--detector"),
                              QStringLiteral("knn"), QStringLiteral("-o"), anomalies})
                     .exitCode,
                 0);
        const QJsonObject result = evaluateJson(anomalies, truth);
        const QJsonObject events = result[QStringLiteral("events")].toObject();
        QCOMPARE(events[QStringLiteral("truth_found")].toInt(), 3);
        const int falseIntervals = events[QStringLiteral("detected_intervals")].toInt() -
                                   events[QStringLiteral("detected_true")].toInt();
        QVERIFY2(falseIntervals == 0, qPrintable(QString::number(falseIntervals)));
        for (const QJsonValue &value : result[QStringLiteral("truth")].toArray()) {
            const QJsonObject interval = value.toObject();
            const bool loud = interval[QStringLiteral("kind")].toString() != u"exfiltration";
            const double coverage = interval[QStringLiteral("coverage")].toDouble();
            QVERIFY2(loud ? coverage >= 0.8 && interval[QStringLiteral("spill")].toDouble() <= 0.2
                          : coverage == 0.0,
                     qPrintable(interval[QStringLiteral("kind")].toString()));
        }
    }

    // A 2.4 MB table of 1,200 columns: the detectors whose memory grows faster than the input
    // refuse it at once, naming their limit (a 10 MB table of 9,998 columns took contextual
    // 2.26 GB and the autoencoder an 18 GB network); one whose memory follows the input scores it.
    void aWideTableIsRefusedWithTheLimitNamed()
    {
        const QString table = m_dir.filePath(QStringLiteral("wide.csv"));
        {
            QFile file(table);
            QVERIFY(file.open(QIODevice::WriteOnly));
            QStringList names;
            for (int c = 0; c < 1200; ++c)
                names << QStringLiteral("c%1").arg(c);
            file.write(names.join(QLatin1Char(',')).toLatin1() + '\n');
            for (int r = 0; r < 1000; ++r) {
                QByteArray row;
                for (int c = 0; c < 1200; ++c)
                    row += char('0' + (r * 7 + c * 3) % 10) + QByteArray(c < 1199 ? "," : "\n");
                file.write(row);
            }
        }
        const auto detect = [&](const char *detector) {
            return runTideline({QStringLiteral("detect"), table, QStringLiteral("--detector"),
                                QString::fromLatin1(detector), QStringLiteral("-o"),
                                m_dir.filePath(QStringLiteral("wide.anomalies.csv"))});
        };
        const TidelineRun contextual = detect("contextual");
        QCOMPARE(contextual.exitCode, 1);
        QVERIFY2(contextual.errText().contains(QStringLiteral("limit of 16 million")),
                 contextual.err.constData());
        const TidelineRun autoencoder = detect("autoencoder");
        QCOMPARE(autoencoder.exitCode, 1);
        QVERIFY2(autoencoder.errText().contains(QStringLiteral("at most 666 features")),
                 autoencoder.err.constData());
        QCOMPARE(detect("robust_z").exitCode, 0);
    }

    void modelFromATrainingCaptureBinsForBoth()
    {
        const QString attacks = QStringLiteral(TIDELINE_SHARED_DATA "/captures/attacks");
        const QString flood = attacks + QStringLiteral("/mtd_syn_flood.pcap");
        const QString normal = attacks + QStringLiteral("/mtd_no_flood.pcap");
        if (!QFileInfo::exists(flood) || !QFileInfo::exists(normal))
            QSKIP("the shared captures are not here");
        // The flood lasts 0.75 s (2 ms bins on its own), the training file 109 s: in 2 ms bins
        // almost every training bin is empty. Both are binned at the training file's width.
        const QString scores = m_dir.filePath(QStringLiteral("flood.scores.csv"));
        const TidelineRun run = runTideline(
            {QStringLiteral("detect"), flood, QStringLiteral("--model-from"), normal,
             QStringLiteral("--detector"), QStringLiteral("robust_z"), QStringLiteral("-o"),
             m_dir.filePath(QStringLiteral("flood.csv")), QStringLiteral("--scores"), scores});
        QCOMPARE(run.exitCode, 0);
        const std::vector<ScoreRow> rows = readScores(scores);
        QVERIFY(rows.size() >= 2 && rows.size() <= 10);
        QVERIFY(rows.front().threshold > 0.0);
        QVERIFY(
            std::any_of(rows.begin(), rows.end(), [](const ScoreRow &r) { return r.anomalous; }));
        QVERIFY2(run.errText().contains(QStringLiteral("1 anomalous interval")),
                 run.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestDetectCommand)
#include "tst_detect.moc"
