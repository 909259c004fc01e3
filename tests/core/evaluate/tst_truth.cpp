#include "common/csvtokenizer.h"
#include "evaluate/truth.h"
#include "fixturedir.h"

#include <QTest>

using namespace tideline;

class TestTruth : public QObject
{
    Q_OBJECT

private:
    FixtureDir m_dir;

private slots:
    void readsGeneratorIntervals()
    {
        const QString path = m_dir.write(
            "truth.csv", "start,end,kind,description\r\n"
                         "2024-01-01T00:01:00.000Z,2024-01-01T00:02:00.000Z,syn_flood,"
                         "\"SYN flood, port 80\"\r\n"
                         "2024-01-01T00:05:00.250Z,2024-01-01T00:05:30.000Z,port_scan,\r\n");
        Diagnostics diagnostics;
        const auto truth = readTruthCsv(path, diagnostics);
        QVERIFY(truth);
        QVERIFY(diagnostics.empty());
        QCOMPARE(truth->size(), std::size_t(2));
        QCOMPARE(truth->at(0).start, *parseIsoUtc(u"2024-01-01T00:01:00Z"));
        QCOMPARE(truth->at(0).end - truth->at(0).start, 60 * kNsPerSecond);
        QCOMPARE(truth->at(0).kind, QStringLiteral("syn_flood"));
        QCOMPARE(truth->at(0).description, QStringLiteral("SYN flood, port 80"));
        QCOMPARE(truth->at(1).start, *parseIsoUtc(u"2024-01-01T00:05:00.250Z"));
    }

    void labelRunsBecomeIntervals()
    {
        const QString path = m_dir.write("labels.csv", "timestamp,value,label\n"
                                                       "2024-01-01 00:00:00,1,0\n"
                                                       "2024-01-01 00:00:01,1,1\n"
                                                       "2024-01-01 00:00:02,9,1\n"
                                                       "2024-01-01 00:00:03,1,0\n"
                                                       "2024-01-01 00:00:04,8,1\n");
        Diagnostics diagnostics;
        const auto truth = readTruthCsv(path, diagnostics);
        QVERIFY(truth);
        const TimeNs t0 = *parseIsoUtc(u"2024-01-01T00:00:00Z");
        QCOMPARE(truth->size(), std::size_t(2));
        QCOMPARE(truth->at(0).start, t0 + kNsPerSecond);
        QCOMPARE(truth->at(0).end, t0 + 3 * kNsPerSecond); // where the next row starts
        QCOMPARE(truth->at(1).start, t0 + 4 * kNsPerSecond);
        QCOMPARE(truth->at(1).end, t0 + 4 * kNsPerSecond + 1);
    }

    void labelsWithoutTimesAreRowNumbers()
    {
        const QString path = m_dir.write("rows.csv", "value,is_anomaly\n1,false\n2,true\n3,true\n");
        Diagnostics diagnostics;
        const auto truth = readTruthCsv(path, diagnostics);
        QVERIFY(truth);
        QCOMPARE(truth->size(), std::size_t(1));
        QCOMPARE(truth->at(0).start, TimeNs(1));
        QCOMPARE(truth->at(0).end, TimeNs(3));
    }

    void headerlessKddTableIsRowNumbered()
    {
        // NSL-KDD has no header: 41 features (the protocol second), the class, a difficulty.
        QByteArray table;
        for (const char *label : {"normal", "normal", "neptune", "smurf", "normal", "satan"}) {
            table += "0,tcp,http,SF,181,5450";
            for (int feature = 6; feature < 41; ++feature)
                table += ",0";
            table += QByteArray(",") + label + ",21\n";
        }
        const QString path = m_dir.write("KDDTest.txt", table);
        Diagnostics diagnostics;
        std::optional<CsvTimes> form;
        const auto truth = readTruthCsv(path, diagnostics, &form);
        QVERIFY(truth);
        QVERIFY(diagnostics.empty());
        QCOMPARE(form, std::optional<CsvTimes>(CsvTimes::RowNumbers));
        // The first line is row 0, as the table loader numbers it.
        QCOMPARE(truth->size(), std::size_t(2));
        QCOMPARE(truth->at(0).start, TimeNs(2));
        QCOMPARE(truth->at(0).end, TimeNs(4));
        QCOMPARE(truth->at(1).start, TimeNs(5));
        QCOMPARE(truth->at(1).end, TimeNs(6));
    }

    void badRowsAreReportedWithPlace()
    {
        const QString path = m_dir.write("bad.csv", "start,end\n0,10\nyesterday,20\n30,25\n");
        Diagnostics diagnostics;
        const auto truth = readTruthCsv(path, diagnostics);
        QVERIFY(truth);
        QCOMPARE(truth->size(), std::size_t(1));
        QCOMPARE(diagnostics.size(), std::size_t(2));
        QCOMPARE(diagnostics[0].record, qint64(3));
        QCOMPARE(diagnostics[0].column, 1);
        QVERIFY(diagnostics[0].message.contains(QStringLiteral("yesterday")));
        QCOMPARE(diagnostics[1].record, qint64(4));
        QCOMPARE(diagnostics[1].column, 2);
    }

    void unusableFiles()
    {
        Diagnostics diagnostics;
        QVERIFY(!readTruthCsv(m_dir.filePath(QStringLiteral("absent.csv")), diagnostics));
        QVERIFY(!readTruthCsv(m_dir.write("header.csv", "a,b\n1,2\n"), diagnostics));
        QVERIFY(!readTruthCsv(m_dir.write("empty.csv", ""), diagnostics));
        QCOMPARE(diagnostics.size(), std::size_t(3));
    }

    void oversizedRecordIsAClearError()
    {
        // A truth file is read with the table readers' limits: a record past them stops the
        // read there with the file, the line and the limit named, rather than holding it all.
        const QByteArray row = "2024-01-01T00:01:00Z,2024-01-01T00:02:00Z,syn_flood\n";
        const QString path = m_dir.write(
            "huge.truth.csv", "start,end,kind\n" + row + "2024-01-01T00:03:00Z," +
                                  QByteArray(CsvTokenizer::kMaxRecordBytes, '0') + "\n" + row);
        Diagnostics diagnostics;
        const auto truth = readTruthCsv(path, diagnostics);
        QCOMPARE(diagnostics.size(), std::size_t(1));
        QCOMPARE(diagnostics.front().severity, Diagnostic::Severity::Error);
        QCOMPARE(diagnostics.front().toString(),
                 QStringLiteral("huge.truth.csv: line 3: a row (or header) longer than 4 MB, the "
                                "most Tideline reads"));
        QVERIFY(truth);
        QCOMPARE(truth->size(), std::size_t(1)); // the rows before it

        diagnostics.clear();
        const QByteArray commas(CsvTokenizer::kMaxFields, ',');
        QVERIFY(
            !readTruthCsv(m_dir.write("wide.truth.csv", "label" + commas + "\n1\n"), diagnostics));
        QCOMPARE(diagnostics.size(), std::size_t(1));
        QCOMPARE(diagnostics.front().toString(),
                 QStringLiteral("wide.truth.csv: line 1: a row (or header) with more than 10000 "
                                "fields, the most Tideline reads"));
    }

    void rowsInIntervals()
    {
        const std::vector<TruthInterval> truth{
            {10, 20, {}, {}}, {12, 14, {}, {}}, {30, 31, {}, {}}};
        QCOMPARE(tideline::rowsInIntervals({5, 10, 15, 19, 20, 30, 31}, truth),
                 (std::vector<bool>{false, true, true, true, false, true, false}));
    }
};

QTEST_GUILESS_MAIN(TestTruth)
#include "tst_truth.moc"
