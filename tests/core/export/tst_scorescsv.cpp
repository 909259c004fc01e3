#include "export/scorescsv.h"
#include "fixturedir.h"

#include <QFile>
#include <QTest>

using namespace tideline;

class TestScoresCsv : public QObject
{
    Q_OBJECT

private:
    FixtureDir m_dir;

private slots:
    void writesOneRowPerRowInShortestRoundTripForm()
    {
        ScoreRows rows;
        const TimeNs t0 = *parseIsoUtc(u"2024-01-01T00:00:00Z");
        rows.times = {t0, t0 + kNsPerSecond, t0 + 2 * kNsPerSecond};
        rows.scores = Eigen::Vector3d(0.1, 0.7000000000000001, 1e-300);
        rows.threshold = 0.5;
        rows.anomalous = {false, true, false};
        rows.normalized = Eigen::Vector3d(0.25, 1.0, 0.0);
        const QString path = m_dir.filePath(QStringLiteral("scores.csv"));
        QString error;
        QVERIFY2(writeScoresCsv(path, rows, &error), qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(),
                 QByteArray("timestamp,score,threshold,anomalous,score_normalized\r\n"
                            "2024-01-01T00:00:00.000Z,0.1,0.5,0,0.25\r\n"
                            "2024-01-01T00:00:01.000Z,0.7000000000000001,0.5,1,1\r\n"
                            "2024-01-01T00:00:02.000Z,1e-300,0.5,0,0\r\n"));

        Diagnostics diagnostics;
        const auto read = readScoresCsv(path, diagnostics);
        QVERIFY(read);
        QCOMPARE(read->times, rows.times);
        QCOMPARE(read->scores, (std::vector<double>{0.1, 0.7000000000000001, 1e-300}));
        QCOMPARE(read->anomalous, rows.anomalous);
    }

    void manyRowsWithClassesFlowsAndWholeNumberTimes()
    {
        // Enough rows to fill the writer's block several times over, one flow longer than a
        // block, classes, a row past the predicted classes, and times as whole numbers.
        ScoreRows rows;
        const int n = 5000;
        rows.scores.resize(n);
        rows.normalized.resize(n);
        rows.probability.resize(n);
        for (int i = 0; i < n; ++i) {
            rows.times.push_back(TimeNs(i) * 1'000'000'007);
            rows.scores[i] = i / 3.0;
            rows.normalized[i] = 1.0 - 1.0 / (i + 2.0);
            rows.probability[i] = 0.5 + i % 5 * 0.1;
            rows.anomalous.push_back(i % 7 == 0);
            if (i < n - 1)
                rows.predicted << (i % 3 == 0 ? QStringLiteral("attack, DoS")
                                              : QStringLiteral("normal"));
            rows.flows << (i == 2500 ? QString(70000, QLatin1Char('x'))
                                     : QStringLiteral("10.0.0.%1:%2").arg(i % 256).arg(i));
        }
        rows.threshold = 0.75;
        const QString path = m_dir.filePath(QStringLiteral("many.csv"));
        QString error;
        QVERIFY2(writeScoresCsv(path, rows, &error, CsvTimes::RowNumbers), qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().split('\n');
        QCOMPARE(lines.size(), n + 2); // the header, n rows, and what follows the last CRLF
        QCOMPARE(lines[0], QByteArray("timestamp,score,threshold,anomalous,score_normalized,"
                                      "predicted,probability,flow\r"));
        QCOMPARE(lines[1], QByteArray("0,0,0.75,1,0.5,\"attack, DoS\",0.5,10.0.0.0:0\r"));
        QCOMPARE(lines[5], QByteArray("4000000028,1.3333333333333333,0.75,0,"
                                      "0.8333333333333334,normal,0.9,10.0.0.4:4\r"));
        QVERIFY(lines[2501].endsWith(QByteArray(70000, 'x') + "\r"));
        QCOMPARE(lines[n], QByteArray("4999000034993,1666.3333333333333,0.75,0,"
                                      "0.9998000399920016,,0.9,10.0.0.135:4999\r"));
        QCOMPARE(lines[n + 1], QByteArray());

        Diagnostics diagnostics;
        const auto read = readScoresCsv(path, diagnostics);
        QVERIFY(read);
        QCOMPARE(read->times, rows.times);
        QCOMPARE(qsizetype(read->scores.size()), qsizetype(n));
        QCOMPARE(read->scores[4321], 4321 / 3.0);
        QCOMPARE(read->anomalous, rows.anomalous);
    }

    void readsWithoutAnomalousColumn()
    {
        Diagnostics diagnostics;
        const auto withThreshold = readScoresCsv(
            m_dir.write("t.csv", "timestamp,score,threshold\n0,1,2\n1,3,2\n"), diagnostics);
        QCOMPARE(withThreshold->anomalous, (std::vector<bool>{false, true}));
        const auto bare =
            readScoresCsv(m_dir.write("b.csv", "timestamp,score\n0,1\n"), diagnostics);
        QVERIFY(bare->anomalous.empty());
        QVERIFY(diagnostics.empty());
    }

    void reportsBadRows()
    {
        Diagnostics diagnostics;
        const auto read = readScoresCsv(
            m_dir.write("bad.csv", "timestamp,score,anomalous\n0,1,0\nx,1,0\n2,nan,0\n3,1,maybe\n"),
            diagnostics);
        QCOMPARE(read->scores.size(), std::size_t(1));
        QCOMPARE(diagnostics.size(), std::size_t(3));
        QCOMPARE(diagnostics[2].record, qint64(5));
        QCOMPARE(diagnostics[2].column, 3);
        QVERIFY(!readScoresCsv(m_dir.write("nohead.csv", "time,value\n"), diagnostics));
    }
};

QTEST_GUILESS_MAIN(TestScoresCsv)
#include "tst_scorescsv.moc"
