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
