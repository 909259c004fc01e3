#include "common/csvtokenizer.h"
#include "evaluate/nabwindows.h"
#include "evaluate/truth.h"
#include "fixturedir.h"

#include <QFile>
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

    void nabWindowsOfTheNamedSeries()
    {
        // NAB's combined_windows.json: windows per data file; the last timestamp is inside.
        const QString path =
            m_dir.write("combined_windows.json",
                        R"({"realKnownCause/nyc_taxi.csv": [["2014-10-30 15:30:00.000000",
                                                 "2014-11-03 22:30:00.000000"],
                                                ["2014-11-25 12:00:00.000000",
                                                 "2014-11-29 19:00:00.000000"]],
                "artificialWithAnomaly/art_daily_jumpsup.csv": [["2014-04-10 16:15:00.000000",
                                                                 "2014-04-12 01:45:00.000000"]],
                "artificialWithAnomaly/art_daily_jumpsdown.csv": [],
                "artificialNoAnomaly/art_flatline.csv": []})");
        QVERIFY(!path.isEmpty());
        for (const QString &series :
             {QStringLiteral("realKnownCause/nyc_taxi.csv"), QStringLiteral("nyc_taxi"),
              QStringLiteral("/data/nab/data/realKnownCause/nyc_taxi.csv"),
              QStringLiteral("out/nyc_taxi.anomalies.csv"), QStringLiteral("nyc_taxi_knn.csv")}) {
            Diagnostics diagnostics;
            std::optional<CsvTimes> form;
            const auto truth = readTruthFile(path, series, diagnostics, &form);
            QVERIFY2(truth, qPrintable(series));
            QVERIFY(diagnostics.empty());
            QCOMPARE(form, std::optional<CsvTimes>(CsvTimes::Iso));
            QCOMPARE(truth->size(), std::size_t(2));
            QCOMPARE(truth->at(0).start, *parseIsoUtc(u"2014-10-30T15:30:00Z"));
            QCOMPARE(truth->at(0).end, *parseIsoUtc(u"2014-11-03T22:30:00Z") + 1);
            QCOMPARE(truth->at(1).start, *parseIsoUtc(u"2014-11-25T12:00:00Z"));
            QVERIFY(truth->at(0).description.contains(QStringLiteral("nyc_taxi")));
        }
        // The longest name wins: jumpsup is not jumpsdown; a series without windows has none.
        Diagnostics diagnostics;
        const auto up =
            readTruthFile(path, QStringLiteral("art_daily_jumpsup.anomalies.csv"), diagnostics);
        QVERIFY(up);
        QCOMPARE(up->size(), std::size_t(1));
        const auto flat = readTruthFile(path, QStringLiteral("art_flatline"), diagnostics);
        QVERIFY(flat);
        QVERIFY(flat->empty());
        QVERIFY(diagnostics.empty());

        // A name that matches no series says which there are.
        QVERIFY(!readTruthFile(path, QStringLiteral("anomalies.csv"), diagnostics));
        QCOMPARE(diagnostics.size(), std::size_t(1));
        QVERIFY(
            diagnostics.front().message.contains(QStringLiteral("realKnownCause/nyc_taxi.csv")));
    }

    void nabKeysThatShareANameAreAmbiguous()
    {
        const QStringList keys{QStringLiteral("a/x.csv"), QStringLiteral("b/x.csv"),
                               QStringLiteral("b/x_y.csv")};
        bool ambiguous = false;
        QCOMPARE(nabKeyFor(keys, QStringLiteral("x.anomalies.csv"), &ambiguous), QString());
        QVERIFY(ambiguous);
        QCOMPARE(nabKeyFor(keys, QStringLiteral("b/x.csv"), &ambiguous), QStringLiteral("b/x.csv"));
        QCOMPARE(nabKeyFor(keys, QStringLiteral("x_y_scores.csv"), &ambiguous),
                 QStringLiteral("b/x_y.csv"));
        QCOMPARE(nabKeyFor(keys, QStringLiteral("xy.csv"), &ambiguous), QString());
        QVERIFY(!ambiguous);
    }

    void brokenNabFiles()
    {
        Diagnostics diagnostics;
        QVERIFY(!readTruthFile(m_dir.write("broken.json", "{\"a.csv\": [["), QStringLiteral("a"),
                               diagnostics));
        QVERIFY(!readTruthFile(m_dir.write("list.json", "[]"), QStringLiteral("a"), diagnostics));
        QVERIFY(!readTruthFile(m_dir.write("pair.json", R"({"a.csv": [["2014-01-01 00:00:00"]]})"),
                               QStringLiteral("a"), diagnostics));
        QVERIFY(!readTruthFile(m_dir.write("order.json", R"({"a.csv": [["2014-01-02 00:00:00",
                                                                         "2014-01-01 00:00:00"]]})"),
                               QStringLiteral("a"), diagnostics));
        QCOMPARE(diagnostics.size(), std::size_t(4));
        for (const Diagnostic &d : diagnostics)
            QCOMPARE(d.severity, Diagnostic::Severity::Error);
    }

    void realNabWindows()
    {
        const QString path =
            QStringLiteral(TIDELINE_SHARED_DATA "/nab/labels/combined_windows.json");
        if (!QFile::exists(path))
            QSKIP("the shared NAB files are not here");
        Diagnostics diagnostics;
        const auto taxi = readTruthFile(path, QStringLiteral("nyc_taxi.csv"), diagnostics);
        QVERIFY(taxi);
        QCOMPARE(taxi->size(), std::size_t(5));
        QCOMPARE(taxi->front().start, *parseIsoUtc(u"2014-10-30T15:30:00Z"));
    }

    void truthBesideTheInput()
    {
        FixtureDir dir;
        const QString capture = dir.write("sample.pcap", "x");
        QCOMPARE(truthFileBeside(capture), QString());
        const QString truth = dir.write("sample.truth.csv", "start,end\n");
        QCOMPARE(truthFileBeside(capture), truth);
        // FILE.EXT.truth.csv too, and never the input itself.
        const QString table = dir.write("flows.csv", "a\n");
        const QString tableTruth = dir.write("flows.csv.truth.csv", "start,end\n");
        QCOMPARE(truthFileBeside(table), tableTruth);
        QCOMPARE(truthFileBeside(truth), QString());
    }

    void truthFromTheLabelColumn()
    {
        // Runs of one attack label are intervals named by it; a gap row or another label ends
        // a run; numbers name no class.
        Series series;
        series.binWidth = 10;
        const QStringList labels{QStringLiteral("BENIGN"),
                                 QStringLiteral("DoS"),
                                 QStringLiteral("DoS "),
                                 QStringLiteral("PortScan"),
                                 QStringLiteral("BENIGN"),
                                 QStringLiteral("1"),
                                 QString(),
                                 QStringLiteral("1")};
        for (qsizetype r = 0; r < labels.size(); ++r)
            series.starts.push_back(1000 + 10 * r);
        series.labels = labels;
        series.hasData.assign(std::size_t(labels.size()), true);
        series.hasData[6] = false;
        const std::vector<TruthInterval> truth = truthFromLabels(series);
        QCOMPARE(truth.size(), std::size_t(4));
        QCOMPARE(truth[0].start, TimeNs(1010));
        QCOMPARE(truth[0].end, TimeNs(1030));
        QCOMPARE(truth[0].kind, QStringLiteral("DoS"));
        QCOMPARE(truth[1].kind, QStringLiteral("PortScan"));
        QCOMPARE(truth[1].end, TimeNs(1040));
        QCOMPARE(truth[2].kind, QStringLiteral("attack"));
        QCOMPARE(truth[2].start, TimeNs(1050));
        QCOMPARE(truth[2].end, TimeNs(1060));
        QCOMPARE(truth[3].start, TimeNs(1070));

        series.labels.clear();
        QVERIFY(truthFromLabels(series).empty());
    }

    void overlappingTruthIntervals()
    {
        const std::vector<TruthInterval> truth{
            {10, 20, {}, {}}, {15, 30, {}, {}}, {40, 40, {}, {}}};
        QCOMPARE(overlappingTruth(truth, 0, 10), std::vector<std::size_t>{});
        QCOMPARE(overlappingTruth(truth, 19, 21), (std::vector<std::size_t>{0, 1}));
        QCOMPARE(overlappingTruth(truth, 20, 25), std::vector<std::size_t>{1});
        QCOMPARE(overlappingTruth(truth, 40, 40), std::vector<std::size_t>{2});
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
