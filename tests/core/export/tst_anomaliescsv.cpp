#include "export/anomaliescsv.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#include <unistd.h>
#endif

using namespace tideline;

class TestAnomaliesCsv : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    static std::vector<Anomaly> sample()
    {
        Anomaly a;
        a.start = *parseIsoUtc(u"2024-03-01T12:00:00.250Z");
        a.end = a.start + 1500 * kNsPerMs;
        a.peakScore = 0.1 + 0.2; // 0.30000000000000004: needs 17 digits
        a.meanScore = 1.0 / 3.0;
        a.threshold = 0.6180339887498949;
        a.detector = QStringLiteral("isolation_forest");
        a.packets = 123456789012;
        a.bytes = 9;
        a.topSource = QStringLiteral("2001:db8::1");
        a.topDestinationPort = 443;
        a.label = QStringLiteral("attack");
        a.note = QStringLiteral("said \"hi\", then\nleft ");
        a.kind = QStringLiteral("port_scan");
        a.summary = QStringLiteral("SYN port scan 2001:db8::1 → 2001:db8::2: 7,575 ports in 15 s");
        a.topDestination = QStringLiteral("2001:db8::2");
        a.distinctSources = 2;
        a.distinctDestinations = 1;
        a.distinctDestinationPorts = 7575;
        a.localSummary = QStringLiteral("not written");
        a.evidence = QStringList{QStringLiteral("not written either")};
        Anomaly b;
        b.start = 0;
        b.end = 2 * kNsPerSecond;
        b.detector = QStringLiteral("knn");
        return {a, b};
    }

    static QByteArray contents(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

private slots:
    void roundTrip()
    {
        const QString path = m_dir.filePath(QStringLiteral("round.csv"));
        QString error;
        QVERIFY2(writeAnomaliesCsv(path, sample(), &error), qPrintable(error));
        Diagnostics diagnostics;
        const auto read = readAnomaliesCsv(path, diagnostics);
        QVERIFY(read);
        QVERIFY(diagnostics.empty());
        QCOMPARE(read->size(), std::size_t(2));
        const Anomaly &a = read->front();
        const std::vector<Anomaly> written = sample();
        const Anomaly &expected = written.front();
        QCOMPARE(a.start, expected.start);
        QCOMPARE(a.end, expected.end);
        QCOMPARE(a.peakScore, expected.peakScore); // exact: full precision
        QCOMPARE(a.meanScore, expected.meanScore);
        QCOMPARE(a.threshold, expected.threshold);
        QCOMPARE(a.detector, expected.detector);
        QCOMPARE(a.packets, expected.packets);
        QCOMPARE(a.bytes, expected.bytes);
        QCOMPARE(a.topSource, expected.topSource);
        QCOMPARE(a.topDestinationPort, expected.topDestinationPort);
        QCOMPARE(a.label, expected.label);
        QCOMPARE(a.note, expected.note);
        QCOMPARE(a.kind, expected.kind);
        QCOMPARE(a.summary, expected.summary);
        QCOMPARE(a.topDestination, expected.topDestination);
        QCOMPARE(a.distinctSources, expected.distinctSources);
        QCOMPARE(a.distinctDestinations, expected.distinctDestinations);
        QCOMPARE(a.distinctDestinationPorts, expected.distinctDestinationPorts);
        QVERIFY(a.localSummary.isEmpty());
        QVERIFY(a.evidence.isEmpty());
        QVERIFY(!read->back().packets);
        QVERIFY(!read->back().distinctSources);
        QVERIFY(!read->back().topDestinationPort);
    }

    void exactText()
    {
        const QString path = m_dir.filePath(QStringLiteral("text.csv"));
        QVERIFY(writeAnomaliesCsv(path, sample(), nullptr));
        const QList<QByteArray> lines = contents(path).split('\n');
        QCOMPARE(lines[0], QByteArray("start,end,duration_s,peak_score,mean_score,threshold,"
                                      "detector,packets,bytes,top_source,top_destination_port,"
                                      "label,note,kind,summary,top_destination,distinct_sources,"
                                      "distinct_destinations,distinct_destination_ports\r"));
        QCOMPARE(lines[1], QByteArray("2024-03-01T12:00:00.250Z,2024-03-01T12:00:01.750Z,1.5,"
                                      "0.30000000000000004,0.3333333333333333,"
                                      "0.6180339887498949,isolation_forest,123456789012,9,"
                                      "2001:db8::1,443,attack,\"said \"\"hi\"\", then"));
        QCOMPARE(lines[2],
                 QByteArray("left \",port_scan,\"SYN port scan 2001:db8::1 → 2001:db8::2: "
                            "7,575 ports in 15 s\",2001:db8::2,2,1,7575\r"));
        QCOMPARE(lines[3], QByteArray("1970-01-01T00:00:00.000Z,1970-01-01T00:00:02.000Z,2,0,0,0,"
                                      "knn,,,,,,,,,,,,\r"));
    }

    void rowNumbers()
    {
        const QString path = m_dir.filePath(QStringLiteral("rows.csv"));
        Anomaly a;
        a.start = 17;
        a.end = 20;
        QVERIFY(writeAnomaliesCsv(path, {a}, nullptr, CsvTimes::RowNumbers));
        QVERIFY(contents(path).contains("\r\n17,20,,"));
        Diagnostics diagnostics;
        QCOMPARE(readAnomaliesCsv(path, diagnostics)->front().end, TimeNs(20));
    }

    void badRowsAreReported()
    {
        const QString path = m_dir.filePath(QStringLiteral("bad.csv"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("start,end,peak_score,top_destination_port\n"
                   "2024-01-01T00:00:00Z,2024-01-01T00:00:01Z,1,80\n"
                   "2024-01-01T00:00:00Z,2024-01-01T00:00:01Z,high,80\n"
                   "2024-01-01T00:00:00Z,2024-01-01T00:00:01Z,1,http\n"
                   "2024-01-01T00:00:00Z,2024-01-01T00:00:01Z,1,70000\n");
        file.close();
        Diagnostics diagnostics;
        const auto read = readAnomaliesCsv(path, diagnostics);
        QVERIFY(read);
        QCOMPARE(read->size(), std::size_t(1));
        QCOMPARE(diagnostics.size(), std::size_t(3));
        QCOMPARE(diagnostics[0].record, qint64(3));
        QCOMPARE(diagnostics[0].column, 3);
        QCOMPARE(diagnostics[1].column, 4);
        QCOMPARE(diagnostics[2].record, qint64(5));
    }

    void failedSaveKeepsTheOldFile_data()
    {
        QTest::addColumn<QString>("how");
        QTest::newRow("read-only directory") << QStringLiteral("readonly");
        QTest::newRow("file size limit") << QStringLiteral("limit");
    }
    void failedSaveKeepsTheOldFile()
    {
#ifndef Q_OS_UNIX
        QSKIP("needs POSIX permissions and resource limits");
#else
        QFETCH(QString, how);
        const QString dir = m_dir.filePath(how);
        QVERIFY(QDir().mkpath(dir));
        const QString path = dir + QStringLiteral("/anomalies.csv");
        QVERIFY(writeAnomaliesCsv(path, {sample().back()}, nullptr));
        const QByteArray before = contents(path);

        std::vector<Anomaly> many(2000, sample().front());
        QString error;
        bool written = true;
        if (how == u"readonly") {
            if (geteuid() == 0)
                QSKIP("root writes into read-only directories; the size-limit row covers this");
            QVERIFY(QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
            written = writeAnomaliesCsv(path, many, &error);
            QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                           QFileDevice::ExeOwner);
        } else {
            // Writes beyond RLIMIT_FSIZE fail with EFBIG, for root too.
            rlimit old{};
            QCOMPARE(getrlimit(RLIMIT_FSIZE, &old), 0);
            const auto oldHandler = std::signal(SIGXFSZ, SIG_IGN);
            rlimit small = old;
            small.rlim_cur = 4096;
            QCOMPARE(setrlimit(RLIMIT_FSIZE, &small), 0);
            written = writeAnomaliesCsv(path, many, &error);
            setrlimit(RLIMIT_FSIZE, &old);
            std::signal(SIGXFSZ, oldHandler);
        }
        QVERIFY(!written);
        QVERIFY(!error.isEmpty());
        QCOMPARE(contents(path), before);
        QCOMPARE(QDir(dir).entryList(QDir::Files), QStringList{QStringLiteral("anomalies.csv")});
#endif
    }
};

QTEST_GUILESS_MAIN(TestAnomaliesCsv)
#include "tst_anomaliescsv.moc"
