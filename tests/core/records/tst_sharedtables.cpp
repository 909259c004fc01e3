#include "series/tableloader.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTest>

using namespace tideline;

// Every table in the shared data folder, read as a user would. The expected flavours, row
// counts and label columns were found by reading the files (python's csv module and wc -l):
// they are external files, so the numbers are the ground truth here.
class TestSharedTables : public QObject
{
    Q_OBJECT

private:
    static QString sharedPath(const QString &relative)
    {
        return QStringLiteral(TIDELINE_SHARED_DATA "/") + relative;
    }

private slots:
    void files_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("flavour");
        QTest::addColumn<qint64>("rows");
        QTest::addColumn<QString>("label");
        QTest::addColumn<QString>("time");
        QTest::addColumn<int>("columns");

        const auto add = [](const char *file, const char *flavour, qint64 rows, const char *label,
                            const char *time, int columns) {
            QTest::newRow(file) << QString::fromLatin1(file) << QString::fromLatin1(flavour) << rows
                                << QString::fromLatin1(label) << QString::fromLatin1(time)
                                << columns;
        };
        add("flows/KDDTrain+_20Percent.txt", "untimed", 25192, "class", "", 43);
        add("flows/UNSW_NB15_training-set.csv", "untimed", 82332, "label", "", 45);
        add("flows/demo.pcap.csv", "nfstream", 8, "", "bidirectional_first_seen_ms", 38);
        add("flows/nmap_scan_flow.csv", "untimed", 1059, "", "", 48);
        add("flows/normal_flow.csv", "untimed", 605, "", "", 48);
        add("flows/starrix16_CICIDS2017_sample.csv", "cicflowmeter", 6311, "Label", "", 78);
        add("flows/wednesday_fd_5.csv", "nfstream", 7693, "label", "bidirectional_first_seen_ms",
            81);
        for (const char *file : {"nab/data/artificialNoAnomaly/art_daily_no_noise.csv",
                                 "nab/data/artificialNoAnomaly/art_daily_perfect_square_wave.csv",
                                 "nab/data/artificialNoAnomaly/art_daily_small_noise.csv",
                                 "nab/data/artificialNoAnomaly/art_flatline.csv",
                                 "nab/data/artificialNoAnomaly/art_noisy.csv",
                                 "nab/data/artificialWithAnomaly/art_daily_flatmiddle.csv",
                                 "nab/data/artificialWithAnomaly/art_daily_jumpsdown.csv",
                                 "nab/data/artificialWithAnomaly/art_daily_jumpsup.csv",
                                 "nab/data/artificialWithAnomaly/art_daily_nojump.csv",
                                 "nab/data/artificialWithAnomaly/art_increase_spike_density.csv",
                                 "nab/data/artificialWithAnomaly/art_load_balancer_spikes.csv"})
            add(file, "metrics", 4032, "", "timestamp", 2);
        add("nab/data/realKnownCause/ambient_temperature_system_failure.csv", "metrics", 7267, "",
            "timestamp", 2);
        add("nab/data/realKnownCause/nyc_taxi.csv", "metrics", 10320, "", "timestamp", 2);
    }
    void files()
    {
        QFETCH(QString, file);
        QFETCH(QString, flavour);
        QFETCH(qint64, rows);
        QFETCH(QString, label);
        QFETCH(QString, time);
        QFETCH(int, columns);
        const QString path = sharedPath(file);
        if (!QFileInfo::exists(path))
            QSKIP("the shared data is not here");

        QElapsedTimer clock;
        clock.start();
        const TableLoadResult r = loadTable(path);
        const qint64 ns = clock.nsecsElapsed();
        QVERIFY2(!r.error, r.error ? qPrintable(r.error->toString()) : "");
        QCOMPARE(flavourName(r.summary.flavour), flavour);
        QCOMPARE(r.summary.rows, rows);
        QCOMPARE(r.summary.loadedRows, rows); // none of these files has a bad row
        QCOMPARE(r.summary.skippedRows, qint64(0));
        QCOMPARE(r.summary.labelColumn, label);
        QCOMPARE(r.summary.timeColumn, time);
        QCOMPARE(r.summary.columns, columns);
        QVERIFY(r.series.rowCount() > 0);
        QCOMPARE(r.series.values.rows(), Eigen::Index(r.series.rowCount()));
        QCOMPARE(r.series.labels.isEmpty(), label.isEmpty());
        if (flavour == u"metrics" || flavour == u"untimed" || flavour == u"cicflowmeter") {
            // One series row per table row.
            QCOMPARE(qint64(r.series.rowCount()), rows);
        } else {
            QVERIFY(r.series.rowCount() <= 3000);
        }
        const double seconds = double(ns) / 1e9;
        qInfo("%s: %s, %lld rows, %lld series rows, %.0f rows/s, %.1f MB/s", qPrintable(file),
              qPrintable(flavour), rows, qlonglong(r.series.rowCount()), double(rows) / seconds,
              double(QFileInfo(path).size()) / 1e6 / seconds);
    }

    void nfstreamSumsMatchTheFlows()
    {
        // Sums of bidirectional_packets / _bytes over all rows, computed with python.
        const QString path = sharedPath(QStringLiteral("flows/wednesday_fd_5.csv"));
        if (!QFileInfo::exists(path))
            QSKIP("the shared data is not here");
        const TableLoadResult r = loadTable(path);
        const Series &s = r.series;
        QCOMPARE(s.values.col(s.featureIndex(QStringLiteral("packets"))).sum(), 34939.0);
        QCOMPARE(s.values.col(s.featureIndex(QStringLiteral("bytes"))).sum(), 17099774.0);
        QCOMPARE(s.values.col(s.featureIndex(QStringLiteral("flows"))).sum(), 7693.0);
        QCOMPARE(r.summary.firstTime, std::optional<TimeNs>(1499255057431 * kNsPerMs));
        QCOMPARE(r.summary.lastTime, std::optional<TimeNs>(1499284979285 * kNsPerMs));
        QVERIFY(s.labels.contains(QStringLiteral("DoS Hulk")));
    }

    void nslKddHasNoHeader()
    {
        const QString path = sharedPath(QStringLiteral("flows/KDDTrain+_20Percent.txt"));
        if (!QFileInfo::exists(path))
            QSKIP("the shared data is not here");
        const TableLoadResult r = loadTable(path);
        QVERIFY(!r.summary.header);
        QCOMPARE(r.series.axis, Series::Axis::Row);
        QCOMPARE(r.series.labels.first(), QStringLiteral("normal"));
        QCOMPARE(r.series.labels.at(2), QStringLiteral("neptune"));
        QCOMPARE(r.series.labels.count(QStringLiteral("normal")), 13449);
    }

    void nabIsRegular()
    {
        const QString path =
            sharedPath(QStringLiteral("nab/data/realKnownCause/nyc_taxi.csv")); // no final newline
        if (!QFileInfo::exists(path))
            QSKIP("the shared data is not here");
        const TableLoadResult r = loadTable(path);
        QCOMPARE(r.series.binWidth, 30 * 60 * kNsPerSecond);
        QCOMPARE(r.series.starts.front(), *parseIsoUtc(u"2014-07-01T00:00:00Z"));
        QCOMPARE(r.series.values(r.series.rowCount() - 1, 0), 26288.0);
        QCOMPARE(r.series.features.front().kind, FeatureKind::Count);
    }
};

QTEST_GUILESS_MAIN(TestSharedTables)
#include "tst_sharedtables.moc"
