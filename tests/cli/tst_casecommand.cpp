// tideline detect --save-case / --case, tideline case show / export, as a script runs them.

#include "case/casefile.h"
#include "export/anomaliescsv.h"
#include "fixturedir.h"
#include "runtideline.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

using namespace tideline;

namespace {

QByteArray contents(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
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

} // namespace

class TestCaseCommand : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_capture = m_dir.filePath(QStringLiteral("sample.pcap"));
        const TidelineRun generate = runTideline(
            {QStringLiteral("generate"), m_capture, QStringLiteral("--seed"), QStringLiteral("11"),
             QStringLiteral("--duration"), QStringLiteral("150")});
        QVERIFY2(generate.exitCode == 0, qPrintable(generate.errText()));
        // A table without a time column: rows are numbered, and so are the outputs.
        QByteArray table("a,b\n");
        for (int i = 0; i < 300; ++i)
            table += QByteArray::number(i % 7 == 0 && i > 200 ? 90 + i % 5 : i % 5) + ',' +
                     QByteArray::number((i * 37) % 11) + '\n';
        m_table = m_dir.write("untimed.csv", table);
        QVERIFY(!m_table.isEmpty());
    }

    void rerunsTheStoredRunByteForByte_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("options");
        QTest::newRow("capture, isolation forest")
            << m_capture
            << QStringList{QStringLiteral("--detector"),
                           QStringLiteral("isolation_forest"),
                           QStringLiteral("--seed"),
                           QStringLiteral("5"),
                           QStringLiteral("--percentile"),
                           QStringLiteral("90"),
                           QStringLiteral("--train-fraction"),
                           QStringLiteral("0.3"),
                           QStringLiteral("--bin"),
                           QStringLiteral("2s")};
        QTest::newRow("capture, knn, features")
            << m_capture
            << QStringList{QStringLiteral("--detector"),   QStringLiteral("knn"),
                           QStringLiteral("--param"),      QStringLiteral("k=3"),
                           QStringLiteral("--features"),   QStringLiteral("packets,bytes_tcp"),
                           QStringLiteral("--gap"),        QStringLiteral("0"),
                           QStringLiteral("--percentile"), QStringLiteral("95")};
        QTest::newRow("untimed table")
            << m_table
            << QStringList{QStringLiteral("--detector"),       QStringLiteral("robust_z"),
                           QStringLiteral("--percentile"),     QStringLiteral("95"),
                           QStringLiteral("--train-fraction"), QStringLiteral("0.6")};
    }

    void rerunsTheStoredRunByteForByte()
    {
        QFETCH(QString, file);
        QFETCH(QStringList, options);
        const QString first = m_dir.filePath(QStringLiteral("first.csv"));
        const QString again = m_dir.filePath(QStringLiteral("again.csv"));
        const QString scores = m_dir.filePath(QStringLiteral("scores.csv"));
        const QString scoresAgain = m_dir.filePath(QStringLiteral("scores-again.csv"));
        const QString casePath = m_dir.filePath(QStringLiteral("run.tideline"));
        const TidelineRun detect =
            runTideline(QStringList{QStringLiteral("detect"), file} + options +
                        QStringList{QStringLiteral("-o"), first, QStringLiteral("--scores"), scores,
                                    QStringLiteral("--save-case"), casePath});
        QVERIFY2(detect.exitCode == 0, qPrintable(detect.errText()));
        const TidelineRun rerun =
            runTideline({QStringLiteral("detect"), QStringLiteral("--case"), casePath,
                         QStringLiteral("-o"), again, QStringLiteral("--scores"), scoresAgain});
        QVERIFY2(rerun.exitCode == 0, qPrintable(rerun.errText()));
        QVERIFY(contents(first).count('\n') > 1);
        QCOMPARE(contents(again), contents(first));
        QCOMPARE(contents(scoresAgain), contents(scores));

        // Re-running reads the run and the source's identity, not the drill-down tallies (most
        // of a case) or the anomaly table: without them it gives the same file.
        const QString bare = m_dir.filePath(QStringLiteral("bare.tideline"));
        QFile::remove(bare);
        QVERIFY(QFile::copy(casePath, bare));
        QVERIFY(execute(bare, QStringLiteral("DELETE FROM arrays")));
        QVERIFY(execute(bare, QStringLiteral("DROP TABLE anomalies")));
        const QString fromBare = m_dir.filePath(QStringLiteral("bare.csv"));
        const TidelineRun bareRun = runTideline({QStringLiteral("detect"), QStringLiteral("--case"),
                                                 bare, QStringLiteral("-o"), fromBare});
        QVERIFY2(bareRun.exitCode == 0, qPrintable(bareRun.errText()));
        QCOMPARE(contents(fromBare), contents(first));

        // The case holds the same anomalies as the CSV: exported whole, it is the same file.
        const QString exported = m_dir.filePath(QStringLiteral("exported.csv"));
        const TidelineRun all =
            runTideline({QStringLiteral("case"), QStringLiteral("export"), casePath,
                         QStringLiteral("--all"), QStringLiteral("-o"), exported});
        QVERIFY2(all.exitCode == 0, qPrintable(all.errText()));
        QCOMPARE(contents(exported), contents(first));
    }

    void findsAMovedSourceOnlyWhenItIsTheSame()
    {
        const QString source = m_dir.filePath(QStringLiteral("moving.pcap"));
        QVERIFY(QFile::copy(m_capture, source));
        const QString casePath = m_dir.filePath(QStringLiteral("moving.tideline"));
        const QString first = m_dir.filePath(QStringLiteral("moving.csv"));
        QCOMPARE(runTideline({QStringLiteral("detect"), source, QStringLiteral("--detector"),
                              QStringLiteral("robust_z"), QStringLiteral("-o"), first,
                              QStringLiteral("--save-case"), casePath})
                     .exitCode,
                 0);
        const QString moved = m_dir.filePath(QStringLiteral("moved.pcap"));
        QVERIFY(QFile::rename(source, moved));
        const QString again = m_dir.filePath(QStringLiteral("moved.csv"));
        const TidelineRun missing = runTideline({QStringLiteral("detect"), QStringLiteral("--case"),
                                                 casePath, QStringLiteral("-o"), again});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.errText().contains(source), qPrintable(missing.errText()));
        const TidelineRun found = runTideline({QStringLiteral("detect"), QStringLiteral("--case"),
                                               casePath, moved, QStringLiteral("-o"), again});
        QVERIFY2(found.exitCode == 0, qPrintable(found.errText()));
        QCOMPARE(contents(again), contents(first));

        // Same size, one bit different: not the source.
        QByteArray bytes = contents(moved);
        bytes[bytes.size() / 2] = char(bytes[bytes.size() / 2] ^ 1);
        const QString changed = m_dir.write("changed.pcap", bytes);
        const TidelineRun wrong = runTideline({QStringLiteral("detect"), QStringLiteral("--case"),
                                               casePath, changed, QStringLiteral("-o"), again});
        QCOMPARE(wrong.exitCode, 1);
        QVERIFY2(wrong.errText().contains(QStringLiteral("SHA-256")), qPrintable(wrong.errText()));

        const TidelineRun show =
            runTideline({QStringLiteral("case"), QStringLiteral("show"), casePath});
        QCOMPARE(show.exitCode, 0);
        QVERIFY2(show.outText().contains(QStringLiteral("not found there now")),
                 qPrintable(show.outText()));
        QVERIFY(show.outText().contains(QStringLiteral("robust_z")));
        QVERIFY(show.outText().contains(QStringLiteral("(current)")));
    }

    void exportsWhatTheAnalystMarked()
    {
        const QString casePath = m_dir.filePath(QStringLiteral("marked.tideline"));
        QCOMPARE(runTideline({QStringLiteral("detect"), m_capture, QStringLiteral("--detector"),
                              QStringLiteral("robust_z"), QStringLiteral("--percentile"),
                              QStringLiteral("90"), QStringLiteral("-o"),
                              m_dir.filePath(QStringLiteral("all.csv")),
                              QStringLiteral("--save-case"), casePath})
                     .exitCode,
                 0);
        // Annotated as the window does it, journaled into the case.
        QString error;
        auto stored = CaseFile::read(casePath, &error);
        QVERIFY2(stored, qPrintable(error));
        Investigation investigation;
        investigation.restore(stored->input, stored->runs, stored->currentRun, stored->annotations,
                              stored->described);
        QVERIFY(investigation.rows().size() >= 3);
        {
            std::unique_ptr<CaseFile> file = CaseFile::attach(casePath, &error);
            QVERIFY2(file, qPrintable(error));
            investigation.setListener([&](Investigation::Change change, qint64 id) {
                QVERIFY(file->record(investigation, change, id));
            });
            investigation.setMarked(0, true);
            investigation.setLabel(0, QStringLiteral("scan, \"loud\""));
            investigation.setMarked(2, true);
            investigation.setNote(2, QStringLiteral("two\nlines"));
            investigation.setNote(1, QStringLiteral("not marked"));
            investigation.addManual(4, 6);
        }
        const QString expected = m_dir.filePath(QStringLiteral("expected.csv"));
        QVERIFY(writeInvestigationCsv(expected, investigation, AnomalySelection::Marked, &error));
        const QString marked = m_dir.filePath(QStringLiteral("marked.csv"));
        const TidelineRun exported = runTideline({QStringLiteral("case"), QStringLiteral("export"),
                                                  casePath, QStringLiteral("-o"), marked});
        QVERIFY2(exported.exitCode == 0, qPrintable(exported.errText()));
        QCOMPARE(contents(marked), contents(expected));
        QCOMPARE(contents(marked).count("\r\n"), 1 + 3); // the header and three rows
        QVERIFY(contents(marked).contains(",manual,"));
        QVERIFY(!contents(marked).contains("not marked"));
    }

    void refusesWhatIsNotACase()
    {
        const QString text = m_dir.write("notes.tideline", "start,end\n");
        for (const QString &command : {QStringLiteral("show"), QStringLiteral("export")}) {
            QStringList arguments{QStringLiteral("case"), command, text};
            if (command == u"export")
                arguments << QStringLiteral("-o") << m_dir.filePath(QStringLiteral("x.csv"));
            const TidelineRun run = runTideline(arguments);
            QCOMPARE(run.exitCode, 1);
            QVERIFY2(run.errText().contains(QStringLiteral("not a Tideline case")),
                     qPrintable(run.errText()));
        }
        const TidelineRun detect =
            runTideline({QStringLiteral("detect"), QStringLiteral("--case"), text,
                         QStringLiteral("-o"), m_dir.filePath(QStringLiteral("x.csv"))});
        QCOMPARE(detect.exitCode, 1);
        QCOMPARE(contents(text), QByteArray("start,end\n"));
        const TidelineRun mixed = runTideline(
            {QStringLiteral("detect"), QStringLiteral("--case"), text, QStringLiteral("--detector"),
             QStringLiteral("knn"), QStringLiteral("-o"), m_dir.filePath(QStringLiteral("x.csv"))});
        QCOMPARE(mixed.exitCode, 2);
    }

private:
    FixtureDir m_dir;
    QString m_capture;
    QString m_table;
};

QTEST_GUILESS_MAIN(TestCaseCommand)
#include "tst_casecommand.moc"
