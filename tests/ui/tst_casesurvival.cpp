// Kills a real `tideline` window process (offscreen, driven by --script) with SIGKILL at seeded
// moments of an investigation and reopens its case: everything the window had acknowledged
// must be there, and the case must open.

#include "case/casefile.h"
#include "common/binwidth.h"
#include "detectioncontroller.h"
#include "mainwindow.h"
#include "runtideline.h"
#include "samplecapture.h"
#include "scriptdriver.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace tideline;

namespace {

// What must survive: the annotations, the runs and the current threshold.
struct State
{
    std::vector<Annotation> annotations;
    std::size_t runs = 0;
    double percentile = 0;
    TimeNs binWidth = 0;

    QString describe() const
    {
        QStringList lines;
        lines << QStringLiteral("runs %1, percentile %2, bins %3")
                     .arg(runs)
                     .arg(percentile)
                     .arg(binWidth);
        for (const Annotation &a : annotations)
            lines << QStringLiteral("  #%1 %2-%3 %4 manual=%5 marked=%6 label='%7' note='%8'")
                         .arg(a.id)
                         .arg(a.start)
                         .arg(a.end)
                         .arg(a.detector)
                         .arg(a.manual)
                         .arg(a.marked)
                         .arg(a.label, a.note);
        return lines.join(QLatin1Char('\n'));
    }
};

State stateOf(const Investigation &investigation)
{
    State state;
    state.annotations = investigation.annotations();
    state.runs = investigation.runs().size();
    state.percentile = investigation.result() ? investigation.result()->percentile : 0;
    state.binWidth = investigation.series() ? investigation.series()->binWidth : 0;
    return state;
}

std::optional<State> stateOf(const QString &casePath, QString *error)
{
    const std::optional<CaseContents> contents = CaseFile::read(casePath, error);
    if (!contents)
        return std::nullopt;
    Investigation investigation;
    investigation.restore(contents->input, contents->runs, contents->currentRun,
                          contents->annotations, contents->described);
    return stateOf(investigation);
}

bool operator==(const State &a, const State &b)
{
    return a.describe() == b.describe();
}

// A fresh copy of a case: a write-ahead log left beside `to` by a killed process belongs to the
// file that was there and must go with it.
bool copyFile(const QString &from, const QString &to)
{
    QFile::remove(to);
    QFile::remove(to + QStringLiteral("-wal"));
    QFile::remove(to + QStringLiteral("-shm"));
    return QFile::copy(from, to);
}

} // namespace

class TestCaseSurvival : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("TidelineCaseSurvivalTest"));
        QVERIFY(m_dir.isValid());
        const QString capture = generateSample(m_dir.path());
        QVERIFY(!capture.isEmpty());
        m_base = m_dir.filePath(QStringLiteral("base.tideline"));
        const TidelineRun detect = runTideline(
            {QStringLiteral("detect"), capture, QStringLiteral("--detector"),
             QStringLiteral("robust_z"), QStringLiteral("--percentile"), QStringLiteral("90"),
             QStringLiteral("-o"), m_dir.filePath(QStringLiteral("base.csv")),
             QStringLiteral("--save-case"), m_base});
        QVERIFY2(detect.exitCode == 0, qPrintable(detect.errText()));
        QString error;
        const auto contents = CaseFile::read(m_base, &error);
        QVERIFY2(contents, qPrintable(error));
        TimeNs wider = 0;
        for (TimeNs width : binwidth::niceWidths()) {
            if (width > contents->input->series.binWidth) {
                wider = width;
                break;
            }
        }
        QVERIFY(wider > 0);
        m_work = m_dir.filePath(QStringLiteral("work.tideline"));
        m_commands = QStringList{
            QStringLiteral("open %1").arg(m_work),
            QStringLiteral("mark 0"),
            QStringLiteral("label 0 scan-1"),
            QStringLiteral("note 1 note-1, \"quoted\""),
            QStringLiteral("percentile 80"),
            QStringLiteral("mark 2"),
            QStringLiteral("note 2 note-2"),
            QStringLiteral("bin %1").arg(formatDuration(wider)),
            QStringLiteral("manual 3 6"),
            QStringLiteral("train robust_z"),
            QStringLiteral("label 1 exfiltration-2"),
            QStringLiteral("percentile 97"),
            QStringLiteral("unmark 0"),
            QStringLiteral("note 0 note-3"),
            QStringLiteral("train isolation_forest"),
            QStringLiteral("mark 1"),
            QStringLiteral("label 2 label-4"),
            QStringLiteral("percentile 85"),
            QStringLiteral("note 3 note-5"),
        };
    }

    // The whole script once in this process, never killed: every command works, and the case
    // holds what the window shows.
    void runsInProcess()
    {
        QVERIFY(copyFile(m_base, m_work));
        MainWindow window;
        ScriptDriver driver(&window, m_commands);
        QSignalSpy finished(&driver, &ScriptDriver::finished);
        driver.start();
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 120000);
        QCOMPARE(finished.first().first().toInt(), 0);
        // What the window shows at the end is what its case holds.
        const State end = stateOf(*window.detection()->investigation());
        QString error;
        const std::optional<State> saved = stateOf(m_work, &error);
        QVERIFY2(saved, qPrintable(error));
        QCOMPARE(saved->describe(), end.describe());
        QVERIFY(end.annotations.size() >= 4);
        QCOMPARE(end.runs, std::size_t(3));
    }

    void killedAtAnyMomentLosesNothing_data()
    {
        QTest::addColumn<quint32>("seed");
        for (quint32 seed : {1u, 2u, 3u})
            QTest::addRow("seed %u", seed) << seed;
    }

    void killedAtAnyMomentLosesNothing()
    {
        QFETCH(quint32, seed);
        QRandomGenerator random(seed);
        const int killAfter = int(random.bounded(2, int(m_commands.size())));
        const int delayMs = int(random.bounded(0, 40));

        QVERIFY(copyFile(m_base, m_work));
        QFile::remove(m_dir.filePath(QStringLiteral("copy.tideline")));
        const QString scriptPath = m_dir.filePath(QStringLiteral("script.txt"));
        {
            QFile script(scriptPath);
            QVERIFY(script.open(QIODevice::WriteOnly));
            script.write(m_commands.join(QLatin1Char('\n')).toUtf8());
        }
        QProcess process;
        startScript(process, scriptPath);
        QVERIFY(process.waitForStarted());
        QByteArray output;
        const QByteArray wanted = QByteArrayLiteral("done ") + QByteArray::number(killAfter) + '\n';
        while (!output.contains(wanted)) {
            QVERIFY2(process.state() == QProcess::Running,
                     qPrintable(QString::fromLocal8Bit(process.readAllStandardError())));
            process.waitForReadyRead(1000);
            output += process.readAllStandardOutput();
        }
        QTest::qWait(delayMs);
        process.kill(); // SIGKILL, unless the script was over and the process gone already
        QVERIFY(process.state() == QProcess::NotRunning || process.waitForFinished(10000));
        output += process.readAllStandardOutput();
        // The last command the window reported done: it had shown everything up to there.
        int acknowledged = 0;
        for (const QByteArray &line : output.split('\n')) {
            if (line.startsWith("done "))
                acknowledged = std::max(acknowledged, line.mid(5).toInt());
        }
        QVERIFY(acknowledged >= killAfter);

        QString error;
        const std::optional<State> saved = stateOf(m_work, &error);
        QVERIFY2(saved, qPrintable(error));
        // The same commands in this process, up to what was acknowledged (and one more: the
        // kill may have come after a change was saved but before it was reported).
        std::vector<State> expected;
        for (int count : {acknowledged, acknowledged + 1}) {
            if (count > m_commands.size())
                continue;
            const QString replica = m_dir.filePath(QStringLiteral("replica.tideline"));
            QVERIFY(copyFile(m_base, replica));
            QStringList prefix = m_commands.mid(0, count);
            prefix[0] = QStringLiteral("open %1").arg(replica);
            MainWindow window;
            ScriptDriver driver(&window, prefix);
            QSignalSpy finished(&driver, &ScriptDriver::finished);
            driver.start();
            QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 120000);
            QCOMPARE(finished.first().first().toInt(), 0);
            expected.push_back(stateOf(*window.detection()->investigation()));
        }
        const bool matches = std::any_of(expected.begin(), expected.end(),
                                         [&](const State &s) { return s == *saved; });
        QVERIFY2(matches, qPrintable(QStringLiteral("killed after %1 (reported %2); saved:\n%3\n"
                                                    "expected:\n%4")
                                         .arg(killAfter)
                                         .arg(acknowledged)
                                         .arg(saved->describe(), expected.front().describe())));
    }

    void killedWhileSavingACopyLeavesBothWhole_data()
    {
        QTest::addColumn<int>("delayMs");
        for (int delay : {0, 5, 20, 60, 150})
            QTest::addRow("%d ms", delay) << delay;
    }

    // File ▸ Save Case… to another file, killed part-way: the copy is whole or not there, and
    // the case it was saved from is as it was.
    void killedWhileSavingACopyLeavesBothWhole()
    {
        QFETCH(int, delayMs);
        QVERIFY(copyFile(m_base, m_work));
        const QString copy = m_dir.filePath(QStringLiteral("copy.tideline"));
        QFile::remove(copy);
        const QString scriptPath = m_dir.filePath(QStringLiteral("save.txt"));
        {
            QFile script(scriptPath);
            QVERIFY(script.open(QIODevice::WriteOnly));
            script.write(QStringLiteral("open %1\nmark 0\nsave %2\n").arg(m_work, copy).toUtf8());
        }
        QProcess process;
        startScript(process, scriptPath);
        QVERIFY(process.waitForStarted());
        QByteArray output;
        while (!output.contains("done 2\n")) {
            QVERIFY(process.state() == QProcess::Running);
            process.waitForReadyRead(1000);
            output += process.readAllStandardOutput();
        }
        QTest::qWait(delayMs);
        // On a fast machine the save may be over, and the process gone, before the kill.
        process.kill();
        QVERIFY(process.state() == QProcess::NotRunning || process.waitForFinished(10000));
        QString error;
        const std::optional<State> work = stateOf(m_work, &error);
        QVERIFY2(work, qPrintable(error));
        QCOMPARE(work->annotations.size(), std::size_t(1));
        QVERIFY(work->annotations.front().marked);
        if (QFile::exists(copy)) {
            const std::optional<State> copied = stateOf(copy, &error);
            QVERIFY2(copied, qPrintable(error));
            QCOMPARE(copied->describe(), work->describe());
        }
    }

private:
    // Runs the window on a script offscreen; its settings (recent files, window state) stay
    // out of the user's.
    void startScript(QProcess &process, const QString &scriptPath)
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"),
                           m_dir.filePath(QStringLiteral("config")));
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(TIDELINE_EXE), {QStringLiteral("--script"), scriptPath});
    }

    QTemporaryDir m_dir;
    QString m_base;
    QString m_work;
    QStringList m_commands;
};

QTEST_MAIN(TestCaseSurvival)
#include "tst_casesurvival.moc"
