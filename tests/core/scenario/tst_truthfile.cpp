#include "scenario/truthfile.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace tideline;

namespace {

// RFC 4180 records, enough to read back what the writer wrote (quotes, doubled quotes, commas
// and line breaks inside quotes).
QList<QStringList> parseCsv(const QString &text)
{
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"') {
                field += c;
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            row << field;
            field.clear();
        } else if (c == u'\n') {
            row << field;
            rows << row;
            row.clear();
            field.clear();
        } else if (c != u'\r') {
            field += c;
        }
    }
    if (!field.isEmpty() || !row.isEmpty())
        rows << (row << field);
    return rows;
}

ScenarioAnomaly anomaly(TimeNs start, TimeNs end, const QString &kind, const QString &description)
{
    ScenarioAnomaly a;
    a.start = start;
    a.end = end;
    a.kind = kind;
    a.description = description;
    return a;
}

} // namespace

class TestTruthFile : public QObject
{
    Q_OBJECT

private slots:
    void truthPath_data()
    {
        QTest::addColumn<QString>("capture");
        QTest::addColumn<QString>("truth");
        QTest::newRow("pcap") << QStringLiteral("out.pcap") << QStringLiteral("out.truth.csv");
        QTest::newRow("pcapng in a folder") << QStringLiteral("/tmp/run.1/a.b.pcapng")
                                            << QStringLiteral("/tmp/run.1/a.b.truth.csv");
        QTest::newRow("no extension, dotted folder")
            << QStringLiteral("dir.d/capture") << QStringLiteral("dir.d/capture.truth.csv");
    }
    void truthPath()
    {
        QFETCH(QString, capture);
        QFETCH(QString, truth);
        QCOMPARE(truthPathFor(capture), truth);
    }

    void roundTrip()
    {
        const std::vector<ScenarioAnomaly> anomalies{
            anomaly(kScenarioStart + 42 * kNsPerSecond, kScenarioStart + 57'250 * kNsPerMs,
                    QStringLiteral("port_scan"), QStringLiteral("plain words")),
            anomaly(kScenarioStart + 99 * kNsPerSecond, kScenarioStart + 114 * kNsPerSecond,
                    QStringLiteral("syn_flood"),
                    QStringLiteral("with, commas and \"quotes\"\nand a line break")),
        };
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("t.truth.csv"));
        QVERIFY(!writeTruthFile(path, anomalies));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QStringList> rows = parseCsv(QString::fromUtf8(file.readAll()));
        QCOMPARE(rows.size(), qsizetype(anomalies.size() + 1));
        QCOMPARE(rows.front(),
                 QStringList({QStringLiteral("start"), QStringLiteral("end"),
                              QStringLiteral("kind"), QStringLiteral("description")}));
        for (std::size_t i = 0; i < anomalies.size(); ++i) {
            const QStringList &row = rows.at(qsizetype(i + 1));
            QCOMPARE(row.size(), 4);
            QCOMPARE(parseIsoUtc(row[0]), std::optional<TimeNs>(anomalies[i].start));
            QCOMPARE(parseIsoUtc(row[1]), std::optional<TimeNs>(anomalies[i].end));
            QCOMPARE(row[2], anomalies[i].kind);
            QCOMPARE(row[3], anomalies[i].description);
        }
        QVERIFY(rows.at(1).at(0).endsWith(u".000Z"));
    }

    void unwritableIsAnError()
    {
        const QString path = QStringLiteral("/proc/nonexistent/t.truth.csv");
        const auto error = writeTruthFile(path, {});
        QVERIFY(error);
        QCOMPARE(error->file, path);
        QVERIFY(!error->message.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestTruthFile)
#include "tst_truthfile.moc"
