#include "case/casefile.h"
#include "fixturedir.h"
#include "runtideline.h"
#include "series/traffic.h"
#include "thresholdsettings.h"

#include <QCryptographicHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>
#include <cstring>
#include <limits>

using namespace tideline;

namespace {

QByteArray contents(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// A marked, labelled and noted investigation of a generated capture, with a manual range.
struct Sample
{
    QString capture;
    std::shared_ptr<LoadedInput> input;
    Investigation investigation;
    SourceIdentity source;
};

bool makeSample(const FixtureDir &dir, Sample &sample)
{
    sample.capture = dir.filePath(QStringLiteral("sample.pcap"));
    const TidelineRun generate =
        runTideline({QStringLiteral("generate"), sample.capture, QStringLiteral("--seed"),
                     QStringLiteral("3"), QStringLiteral("--duration"), QStringLiteral("150")});
    if (generate.exitCode != 0)
        return false;
    sample.input = std::make_shared<LoadedInput>(loadInput(sample.capture, {}));
    if (!sample.input->ok() || !sample.input->traffic)
        return false;
    sample.investigation.setInput(sample.input);
    DetectionOptions options;
    options.detector = QStringLiteral("robust_z");
    options.threshold = test::percentileSettings(95);
    auto result =
        std::make_shared<DetectionResult>(runDetection(sample.input->series, options, {}));
    if (!result->status.ok() || result->intervals.size() < 2)
        return false;
    sample.investigation.addRun(options, result);
    Investigation &investigation = sample.investigation;
    investigation.setMarked(0, true);
    investigation.setLabel(0, QStringLiteral("port scan"));
    investigation.setNote(1, QStringLiteral("ask the owner, \"quoted\"\nsecond line"));
    investigation.addManual(3, 5);
    QString error;
    const auto identity = SourceIdentity::of(sample.capture, &error);
    if (!identity)
        return false;
    sample.source = *identity;
    return true;
}

void compareRows(const Investigation &a, const Investigation &b)
{
    QCOMPARE(a.rows().size(), b.rows().size());
    for (std::size_t i = 0; i < a.rows().size(); ++i) {
        const Anomaly &x = a.rows()[i].anomaly;
        const Anomaly &y = b.rows()[i].anomaly;
        QCOMPARE(x.start, y.start);
        QCOMPARE(x.end, y.end);
        QCOMPARE(x.peakScore, y.peakScore);
        QCOMPARE(x.meanScore, y.meanScore);
        QCOMPARE(x.threshold, y.threshold);
        QCOMPARE(x.detector, y.detector);
        QCOMPARE(x.packets, y.packets);
        QCOMPARE(x.bytes, y.bytes);
        QCOMPARE(x.topSource, y.topSource);
        QCOMPARE(x.topDestinationPort, y.topDestinationPort);
        QCOMPARE(x.topDestination, y.topDestination);
        QCOMPARE(x.kind, y.kind);
        QCOMPARE(x.summary, y.summary);
        QCOMPARE(x.localSummary, y.localSummary);
        QCOMPARE(x.evidence, y.evidence);
        QCOMPARE(x.distinctSources, y.distinctSources);
        QCOMPARE(x.distinctDestinations, y.distinctDestinations);
        QCOMPARE(x.distinctDestinationPorts, y.distinctDestinationPorts);
        QCOMPARE(x.marked, y.marked);
        QCOMPARE(x.label, y.label);
        QCOMPARE(x.note, y.note);
        QVERIFY(a.rows()[i].origin == b.rows()[i].origin);
    }
}

// Runs one statement on a case, as another program could.
bool execute(const QString &path, const QString &statement)
{
    bool done = false;
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("edit"));
        db.setDatabaseName(path);
        done = db.open() && QSqlQuery(db).exec(statement);
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("edit"));
    return done;
}

// Part 0 of the array `name`, as stored.
QByteArray blob(const QString &path, const QString &name)
{
    QByteArray bytes;
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("blob"));
        db.setDatabaseName(path);
        QSqlQuery query(db);
        if (db.open() &&
            query.prepare(QStringLiteral("SELECT bytes FROM arrays WHERE name = ? AND part = 0"))) {
            query.addBindValue(name);
            if (query.exec() && query.next())
                bytes = query.value(0).toByteArray();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("blob"));
    return bytes;
}

bool setBlob(const QString &path, const QString &name, const QByteArray &bytes)
{
    bool done = false;
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("blob"));
        db.setDatabaseName(path);
        QSqlQuery query(db);
        if (db.open() && query.prepare(QStringLiteral(
                             "UPDATE arrays SET bytes = ? WHERE name = ? AND part = 0"))) {
            query.addBindValue(bytes);
            query.addBindValue(name);
            done = query.exec() && query.numRowsAffected() == 1;
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("blob"));
    return done;
}

Investigation restored(const CaseContents &stored)
{
    Investigation investigation;
    investigation.restore(stored.input, stored.runs, stored.currentRun, stored.annotations,
                          stored.described);
    return investigation;
}

} // namespace

class TestCaseFile : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(makeSample(m_dir, m_sample));
        m_case = m_dir.filePath(QStringLiteral("sample.tideline"));
        QString error;
        QVERIFY2(CaseFile::write(m_case, m_sample.investigation, m_sample.source, {}, &error),
                 qPrintable(error));
    }

    void readsBackWhatWasWritten()
    {
        QString error;
        const auto stored = CaseFile::read(m_case, &error);
        QVERIFY2(stored, qPrintable(error));
        QCOMPARE(stored->source.path, m_sample.source.path);
        QCOMPARE(stored->source.sha256, m_sample.source.sha256);
        QCOMPARE(stored->source.size, QFileInfo(m_sample.capture).size());
        const Series &a = m_sample.input->series;
        const Series &b = stored->input->series;
        QCOMPARE(b.starts, a.starts);
        QVERIFY(b.values == a.values);
        QCOMPARE(b.hasData, a.hasData);
        QCOMPARE(b.binWidth, a.binWidth);
        QCOMPARE(stored->input->capture->packets, m_sample.input->capture->packets);
        QCOMPARE(stored->runs.size(), std::size_t(1));
        QCOMPARE(stored->runs[0].options.detector, QStringLiteral("robust_z"));
        QCOMPARE(stored->runs[0].result->scores, m_sample.investigation.result()->scores);
        compareRows(restored(*stored), m_sample.investigation);

        // Drill-down works from the case alone: the tallies and flows came back.
        const Traffic &traffic = *stored->input->traffic;
        const Traffic &original = *m_sample.input->traffic;
        QCOMPARE(traffic.flows().size(), original.flows().size());
        const auto topA =
            original.top(traffic::Dimension::Source, original.first(), original.last() + 1, 5);
        const auto topB =
            traffic.top(traffic::Dimension::Source, original.first(), original.last() + 1, 5);
        QCOMPARE(topB.size(), topA.size());
        for (std::size_t i = 0; i < topA.size(); ++i) {
            QCOMPARE(traffic.keyText(traffic::Dimension::Source, topB[i].key),
                     original.keyText(traffic::Dimension::Source, topA[i].key));
            QCOMPARE(topB[i].packets, topA[i].packets);
        }
        QCOMPARE(traffic.series(original.baseWidth() * 10).values,
                 original.series(original.baseWidth() * 10).values);
    }

    void aReopenedRunsPipelineIsTheOneItRanWith()
    {
        // windowed_counts takes counts as they are, and the run added the clock features: the
        // pipeline fitted again from the case has the same columns, logged or not alike.
        Investigation investigation;
        investigation.setInput(m_sample.input);
        DetectionOptions options;
        options.detector = QStringLiteral("windowed_counts");
        options.timeFeatures = true;
        auto result =
            std::make_shared<DetectionResult>(runDetection(m_sample.input->series, options, {}));
        QVERIFY2(result->status.ok(), qPrintable(result->status.message));
        investigation.addRun(options, result);
        const QString path = m_dir.filePath(QStringLiteral("pipeline.tideline"));
        QString error;
        QVERIFY2(CaseFile::write(path, investigation, m_sample.source, {}, &error),
                 qPrintable(error));
        const auto stored = CaseFile::read(path, &error);
        QVERIFY2(stored, qPrintable(error));
        const auto &ran = result->model.pipeline.columns();
        const auto &reopened = stored->runs.front().result->model.pipeline.columns();
        QCOMPARE(reopened.size(), ran.size());
        for (std::size_t c = 0; c < ran.size(); ++c) {
            QCOMPARE(reopened[c].name, ran[c].name);
            QCOMPARE(reopened[c].logged, ran[c].logged);
        }
        QVERIFY(std::any_of(ran.begin(), ran.end(), [](const FeaturePipeline::Column &c) {
            return c.name == QStringLiteral("time_of_day_sin");
        }));
    }

    void journalsEveryChange()
    {
        const QString path = m_dir.filePath(QStringLiteral("journal.tideline"));
        QString error;
        QVERIFY(CaseFile::write(path, m_sample.investigation, m_sample.source, {}, &error));
        auto stored = CaseFile::read(path, &error);
        QVERIFY(stored);
        Investigation investigation = restored(*stored);
        std::unique_ptr<CaseFile> file = CaseFile::attach(path, &error);
        QVERIFY2(file, qPrintable(error));
        investigation.setListener([&](Investigation::Change change, qint64 id) {
            QVERIFY2(file->record(investigation, change, id), qPrintable(file->errorString()));
        });
        investigation.setThresholdSettings(test::percentileSettings(90));
        investigation.setLabel(2, QStringLiteral("exfiltration"));
        investigation.setMarked(0, false);
        investigation.setNote(0, QString());
        investigation.addManual(10, 12);
        // Re-binned at twice the width, then retrained.
        auto wider = std::make_shared<LoadedInput>(*investigation.input());
        wider->series = *rebin(*wider, wider->series.binWidth * 2);
        investigation.setSeries(wider);
        DetectionOptions options;
        options.detector = QStringLiteral("isolation_forest");
        options.threshold = test::percentileSettings(97);
        investigation.addRun(
            options, std::make_shared<DetectionResult>(runDetection(wider->series, options, {})));

        // Read by another connection while this one is still open, as after a kill.
        const auto again = CaseFile::read(path, &error);
        QVERIFY2(again, qPrintable(error));
        QCOMPARE(again->runs.size(), std::size_t(2));
        QCOMPARE(again->currentRun, investigation.currentRun()->id);
        QCOMPARE(again->load.binWidth, wider->series.binWidth);
        QCOMPARE(again->annotations.size(), investigation.annotations().size());
        compareRows(restored(*again), investigation);
    }

    // Describing reads the traffic around every row (seconds for a large capture): a case
    // shows the descriptions it stored when the rows and their neighbours are the same, and
    // describes again what it cannot vouch for.
    void reopensWithTheDescriptionsItShowed()
    {
        const QString path = m_dir.filePath(QStringLiteral("described.tideline"));
        QVERIFY(QFile::copy(m_case, path));
        const QString planted = QStringLiteral("as it was shown");
        QVERIFY(execute(path, QStringLiteral("UPDATE anomalies SET summary = '%1', "
                                             "local_summary = '%1' WHERE position = 0")
                                  .arg(planted)));
        QString error;
        auto stored = CaseFile::read(path, &error);
        QVERIFY2(stored, qPrintable(error));
        QCOMPARE(stored->described.size(), m_sample.investigation.rows().size());
        const Anomaly &original = m_sample.investigation.rows()[0].anomaly;
        QVERIFY(original.summary != planted);
        QCOMPARE(restored(*stored).rows()[0].anomaly.summary, planted);
        QCOMPARE(restored(*stored).rows()[0].anomaly.shownSummary(), planted);

        // Another row near the first: its baseline would have left that out, so it is
        // described again.
        std::vector<Anomaly> described = stored->described;
        Anomaly nearby = described[0];
        nearby.start = original.end + m_sample.input->series.binWidth;
        nearby.end = nearby.start + m_sample.input->series.binWidth;
        described.push_back(nearby);
        Investigation investigation;
        investigation.restore(stored->input, stored->runs, stored->currentRun, stored->annotations,
                              described);
        QCOMPARE(investigation.rows()[0].anomaly.summary, original.summary);

        // Described by other rules, though by this version in this language: described
        // again.
        const QString rules = QStringLiteral("rules %1,").arg(IntervalDescriber::kRulesVersion);
        QVERIFY(execute(
            path, QStringLiteral("UPDATE meta SET value = replace(value, '%1', '%2') "
                                 "WHERE key = 'described_by'")
                      .arg(rules,
                           QStringLiteral("rules %1,").arg(IntervalDescriber::kRulesVersion + 1))));
        stored = CaseFile::read(path, &error);
        QVERIFY2(stored, qPrintable(error));
        QVERIFY(stored->described.empty());
        compareRows(restored(*stored), m_sample.investigation);

        // Described by another version, or in another language: described again.
        QVERIFY(execute(path, QStringLiteral("UPDATE meta SET value = '0.0.0 xx_XX' "
                                             "WHERE key = 'described_by'")));
        stored = CaseFile::read(path, &error);
        QVERIFY2(stored, qPrintable(error));
        QVERIFY(stored->described.empty());
        compareRows(restored(*stored), m_sample.investigation);
    }

    void refusesWhatItCannotRead_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("reason");
        const QByteArray good = contents(m_case);
        QByteArray newer = good;
        newer[63] = 99; // user_version, big-endian at offset 60
        QTest::newRow("newer") << newer << QStringLiteral("newer Tideline");
        QTest::newRow("text") << QByteArray("start,end\n1,2\n") << QStringLiteral("not an SQLite");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("not an SQLite");
        QTest::newRow("truncated") << good.left(good.size() / 3) << QStringLiteral("damaged");
        QByteArray scrambled = good;
        for (qsizetype i = 4096; i < scrambled.size(); i += 7)
            scrambled[i] = char(scrambled[i] ^ 0x5a);
        QTest::newRow("scrambled") << scrambled << QStringLiteral("damaged");
    }

    void refusesWhatItCannotRead()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, reason);
        const QString path = m_dir.filePath(QStringLiteral("refused-%1.tideline")
                                                .arg(QString::fromLatin1(QTest::currentDataTag())));
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(bytes);
        }
        QString error;
        QVERIFY(!CaseFile::read(path, &error));
        QVERIFY2(error.contains(reason), qPrintable(error));
        QVERIFY(error.contains(path));
        if (reason != QLatin1String("damaged")) {
            QVERIFY(!CaseFile::attach(path, &error));
            QVERIFY2(error.contains(reason), qPrintable(error));
        }
        QCOMPARE(contents(path), bytes);
    }

    // The drill-down tables are stored in parts: one missing must not read as a shorter table.
    void refusesATableWithAPartMissing()
    {
        const QString path = m_dir.filePath(QStringLiteral("part-missing.tideline"));
        QVERIFY(QFile::copy(m_case, path));
        // The flows' first part (the tallies' would also fail the bins' ranges); none when
        // they fit in one part, and then the read below succeeds and the test fails.
        QVERIFY(execute(path, QStringLiteral("DELETE FROM arrays WHERE name = 'traffic.flows' AND "
                                             "part = 0 AND EXISTS (SELECT 1 FROM arrays WHERE "
                                             "name = 'traffic.flows' AND part = 1)")));
        QString error;
        QVERIFY(!CaseFile::read(path, &error));
        QVERIFY2(error.contains(QStringLiteral("damaged")), qPrintable(error));
    }

    // Drill-down multiplies bin indexes by the base width and looks bins up by index: a width
    // the binner never keeps, an index whose time is no TimeNs, or bins out of order are refused
    // as damaged (a fuzzed case overflowed in Traffic::gaps).
    void refusesBinsOutsideTime_data()
    {
        QTest::addColumn<QString>("edit");
        QTest::newRow("base width") << QStringLiteral("base width");
        QTest::newRow("index") << QStringLiteral("index");
        QTest::newRow("order") << QStringLiteral("order");
    }
    void refusesBinsOutsideTime()
    {
        QFETCH(QString, edit);
        const QString path = m_dir.filePath(QStringLiteral("bins.tideline"));
        QFile::remove(path);
        QVERIFY(QFile::copy(m_case, path));
        if (edit == u"base width") {
            QVERIFY(execute(path, QStringLiteral("UPDATE traffic SET base_width = 7")));
        } else {
            // The bins' first part holds the first bins as they are in memory.
            QByteArray bins = blob(path, QStringLiteral("traffic.bins"));
            QVERIFY(bins.size() >= qsizetype(2 * sizeof(traffic::BaseBin)));
            traffic::BaseBin first;
            traffic::BaseBin second;
            std::memcpy(&first, bins.constData(), sizeof first);
            std::memcpy(&second, bins.constData() + sizeof first, sizeof second);
            first.index =
                edit == u"index" ? std::numeric_limits<qint64>::min() / 2 : second.index + 1;
            std::memcpy(bins.data(), &first, sizeof first);
            QVERIFY(setBlob(path, QStringLiteral("traffic.bins"), bins));
        }
        QString error;
        QVERIFY(!CaseFile::read(path, &error));
        QVERIFY2(error.contains(QStringLiteral("damaged")), qPrintable(error));
    }

    // Flows and the tallies of sources and destinations name addresses by their index in the
    void readsACaseOfFormat1()
    {
        // Format 1 stored flows without the bytes from their client (eight bytes shorter): such
        // a case still opens, its flows whole but for that count, which is 0.
        const QString path = m_dir.filePath(QStringLiteral("format1.tideline"));
        QFile::remove(path);
        QVERIFY(QFile::copy(m_case, path));
        constexpr qsizetype kOld = qsizetype(sizeof(Flow) - sizeof(std::uint64_t));
        bool converted = false;
        {
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("format1"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery parts(db);
            QVERIFY(parts.exec(QStringLiteral(
                "SELECT part, bytes FROM arrays WHERE name = 'traffic.flows' ORDER BY part")));
            std::vector<std::pair<qint64, QByteArray>> rewritten;
            while (parts.next()) {
                const QByteArray bytes = parts.value(1).toByteArray();
                QByteArray old;
                for (qsizetype at = 0; at + qsizetype(sizeof(Flow)) <= bytes.size();
                     at += qsizetype(sizeof(Flow)))
                    old += bytes.mid(at, kOld);
                rewritten.emplace_back(parts.value(0).toLongLong(), old);
            }
            QSqlQuery update(db);
            converted = !rewritten.empty();
            for (const auto &[part, bytes] : rewritten) {
                update.prepare(QStringLiteral(
                    "UPDATE arrays SET bytes = ? WHERE name = 'traffic.flows' AND part = ?"));
                update.addBindValue(bytes);
                update.addBindValue(part);
                converted = converted && update.exec();
            }
            converted = converted &&
                        update.exec(QStringLiteral("UPDATE meta SET value = replace(value, "
                                                   "'flow=%1', 'flow=%2') WHERE key = 'layout'")
                                        .arg(sizeof(Flow))
                                        .arg(kOld)) &&
                        update.exec(QStringLiteral("PRAGMA user_version = 1"));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("format1"));
        QVERIFY(converted);
        QString error;
        const auto stored = CaseFile::read(path, &error);
        QVERIFY2(stored, qPrintable(error));
        const FlowList &flows = stored->input->traffic->flows();
        const FlowList &original = m_sample.input->traffic->flows();
        QCOMPARE(flows.size(), original.size());
        bool uploaded = false;
        for (std::size_t i = 0; i < flows.size(); ++i) {
            QCOMPARE(flows[i].bytes, original[i].bytes);
            QCOMPARE(flows[i].packetsFromClient, original[i].packetsFromClient);
            QCOMPARE(flows[i].last, original[i].last);
            QCOMPARE(flows[i].bytesFromClient, std::uint64_t(0));
            uploaded = uploaded || original[i].bytesFromClient > 0;
        }
        QVERIFY(uploaded);
        // Its stored series is the one it showed.
        QVERIFY(stored->input->series.values == m_sample.input->series.values);
    }

    // address table: one past it is refused as damaged (a fuzzed case named address 4 billion,
    // and describing sized its tables by it: 24 GB).
    void refusesAddressesThatAreNot_data()
    {
        QTest::addColumn<QString>("array");
        QTest::newRow("flow") << QStringLiteral("traffic.flows");
        QTest::newRow("source tally") << QStringLiteral("traffic.sources");
        QTest::newRow("destination tally") << QStringLiteral("traffic.destinations");
    }
    void refusesAddressesThatAreNot()
    {
        QFETCH(QString, array);
        const QString path = m_dir.filePath(QStringLiteral("addresses.tideline"));
        QFile::remove(path);
        QVERIFY(QFile::copy(m_case, path));
        // The first element's first four bytes: a flow's client, a tally's key.
        QByteArray bytes = blob(path, array);
        QVERIFY(bytes.size() >= 4);
        const std::uint32_t unknown = 0xF0000000u;
        std::memcpy(bytes.data(), &unknown, sizeof unknown);
        QVERIFY(setBlob(path, array, bytes));
        QString error;
        QVERIFY(!CaseFile::read(path, &error));
        QVERIFY2(error.contains(QStringLiteral("damaged")), qPrintable(error));
    }

    void aDamagedPageMakesTheCaseReadOnly()
    {
        // A case whose damage reading does not reach (found by fuzz_case): it reads, and says it
        // must not be written to — written through, it no longer opened.
        const QString path = m_dir.filePath(QStringLiteral("damaged-page.tideline"));
        QVERIFY(QFile::copy(QStringLiteral(TIDELINE_CASE_SEEDS "/damaged-page-written.tideline"),
                            path));
        QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        QString error;
        const std::optional<CaseContents> damaged = CaseFile::read(path, &error);
        QVERIFY2(damaged, qPrintable(error));
        QVERIFY2(damaged->damage.contains(QStringLiteral("damaged")), qPrintable(damaged->damage));
        QString intactError;
        const std::optional<CaseContents> intact = CaseFile::read(m_case, &intactError);
        QVERIFY2(intact, qPrintable(intactError));
        QVERIFY(intact->damage.isEmpty());
    }

    void refusesAnotherSqliteDatabase()
    {
        const QString path = m_dir.filePath(QStringLiteral("other.sqlite"));
        {
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("other"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery(db).exec(QStringLiteral("CREATE TABLE t(x)"));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("other"));
        const QByteArray before = contents(path);
        QString error;
        QVERIFY(!CaseFile::read(path, &error));
        QVERIFY2(error.contains(QStringLiteral("not a Tideline case")), qPrintable(error));
        QVERIFY(!CaseFile::attach(path, &error));
        QCOMPARE(contents(path), before);
    }

    void aFailedSaveLeavesTheOldFile()
    {
        const QString path = m_dir.filePath(QStringLiteral("kept.tideline"));
        const QByteArray old("an older file");
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(old);
        file.close();
        Investigation nothing; // no input: nothing to save
        QString error;
        QVERIFY(!CaseFile::write(path, nothing, m_sample.source, {}, &error));
        QVERIFY(!error.isEmpty());
        QCOMPARE(contents(path), old);
        QCOMPARE(QDir(m_dir.path()).entryList({QStringLiteral("kept.tideline.*")}), QStringList());
    }

    // What a kill leaves: a case in rollback-journal mode (as cases were written before they
    // were born in WAL mode) killed mid-transaction, with its hot journal beside it. It opens
    // as it was before that transaction; and a journal of that kind left beside a file that is
    // then saved over belongs to the old file and is not played into the new one.
    void aKilledTransactionsJournalIsRolledBackNotRefused()
    {
        // Born in WAL mode: attaching it converts nothing.
        QCOMPARE(contents(m_case).mid(18, 2), QByteArray("\x02\x02"));

        const QString original = m_dir.filePath(QStringLiteral("interrupted-original.tideline"));
        const QString killed = m_dir.filePath(QStringLiteral("interrupted.tideline"));
        const QString hot = m_dir.filePath(QStringLiteral("hot-journal"));
        QVERIFY(QFile::copy(m_case, original));
        QVERIFY(execute(original, QStringLiteral("PRAGMA journal_mode = DELETE")));
        {
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("killed"));
            db.setDatabaseName(original);
            QVERIFY(db.open());
            QSqlQuery query(db);
            QVERIFY(query.exec(QStringLiteral("PRAGMA cache_size = 2")));
            QVERIFY(db.transaction());
            QVERIFY(query.exec(QStringLiteral("DELETE FROM annotations")));
            QVERIFY(
                query.exec(QStringLiteral("UPDATE runs SET scores = zeroblob(length(scores))")));
            // The file and its journal as the kill left them.
            QVERIFY(QFile::exists(original + QStringLiteral("-journal")));
            QVERIFY(QFile::copy(original, killed));
            QVERIFY(QFile::copy(original + QStringLiteral("-journal"),
                                killed + QStringLiteral("-journal")));
            QVERIFY(QFile::copy(original + QStringLiteral("-journal"), hot));
            QVERIFY(db.rollback());
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("killed"));

        QString error;
        const auto stored = CaseFile::read(killed, &error);
        QVERIFY2(stored, qPrintable(error));
        QCOMPARE(stored->annotations.size(), m_sample.investigation.annotations().size());
        QCOMPARE(stored->runs[0].result->scores, m_sample.investigation.result()->scores);
        QVERIFY(!QFile::exists(killed + QStringLiteral("-journal")));

        // The same kind of journal beside a file saved over: the new case is whole.
        const QString saved = m_dir.filePath(QStringLiteral("saved-over.tideline"));
        QVERIFY(QFile::copy(original, saved));
        QVERIFY(QFile::copy(hot, saved + QStringLiteral("-journal")));
        Investigation fewer = m_sample.investigation.copy();
        QVERIFY(fewer.setNote(0, QStringLiteral("saved over")));
        QVERIFY(CaseFile::write(saved, fewer, m_sample.source, {}, &error));
        const auto over = CaseFile::read(saved, &error);
        QVERIFY2(over, qPrintable(error));
        QCOMPARE(restored(*over).rows()[0].anomaly.note, QStringLiteral("saved over"));
        QCOMPARE(over->runs[0].result->scores, m_sample.investigation.result()->scores);
    }

    void checksTheSource()
    {
        QString error;
        QVERIFY2(m_sample.source.matches(m_sample.capture, &error), qPrintable(error));
        const QString copy = m_dir.filePath(QStringLiteral("changed.pcap"));
        QByteArray bytes = contents(m_sample.capture);
        bytes[bytes.size() - 1] = char(bytes[bytes.size() - 1] ^ 1);
        QFile file(copy);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(bytes);
        file.close();
        QVERIFY(!m_sample.source.matches(copy, &error));
        QVERIFY(error.contains(QStringLiteral("SHA-256")));
        QVERIFY(!m_sample.source.matches(m_dir.filePath(QStringLiteral("gone.pcap")), &error));
    }

private:
    FixtureDir m_dir;
    Sample m_sample;
    QString m_case;
};

QTEST_GUILESS_MAIN(TestCaseFile)
#include "tst_casefile.moc"
