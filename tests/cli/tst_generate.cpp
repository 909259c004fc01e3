#include "runtideline.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

namespace {

QByteArray contents(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QStringList small()
{
    return {QStringLiteral("--duration"), QStringLiteral("40"), QStringLiteral("--rate"),
            QStringLiteral("200")};
}

} // namespace

class TestGenerate : public QObject
{
    Q_OBJECT

private slots:
    void sameSeedSameFiles()
    {
        QTemporaryDir dir;
        const QString a = dir.filePath(QStringLiteral("a.pcap"));
        const QString b = dir.filePath(QStringLiteral("b.pcap"));
        const TidelineRun first =
            runTideline(QStringList{QStringLiteral("generate"), a, QStringLiteral("--seed"),
                                    QStringLiteral("7")} +
                        small());
        const TidelineRun second =
            runTideline(QStringList{QStringLiteral("generate"), b, QStringLiteral("--seed"),
                                    QStringLiteral("7")} +
                        small());
        QCOMPARE(first.exitCode, 0);
        QCOMPARE(second.exitCode, 0);
        QVERIFY(first.outText().contains(a));
        QVERIFY(first.outText().contains(dir.filePath(QStringLiteral("a.truth.csv"))));
        QVERIFY(!contents(a).isEmpty());
        QCOMPARE(contents(b), contents(a));
        QCOMPARE(contents(dir.filePath(QStringLiteral("b.truth.csv"))),
                 contents(dir.filePath(QStringLiteral("a.truth.csv"))));
    }

    void writesTheTruthFile()
    {
        QTemporaryDir dir;
        const QString capture = dir.filePath(QStringLiteral("sample.pcap"));
        QCOMPARE(runTideline(QStringList{QStringLiteral("generate"), capture} + small()).exitCode,
                 0);
        const QStringList lines =
            QString::fromUtf8(contents(dir.filePath(QStringLiteral("sample.truth.csv"))))
                .split(QStringLiteral("\r\n"), Qt::SkipEmptyParts); // RFC 4180 line ends
        QVERIFY(!lines.isEmpty());
        QCOMPARE(lines.front(), QStringLiteral("start,end,kind,description"));
        QVERIFY(lines.size() >= 5);
    }

    void pcapngByExtensionOrOption_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<bool>("pcapng");
        QTest::newRow("by extension") << QStringLiteral("a.pcapng") << QStringList() << true;
        QTest::newRow("by option")
            << QStringLiteral("a.cap")
            << QStringList{QStringLiteral("--format"), QStringLiteral("pcapng")} << true;
        QTest::newRow("option wins")
            << QStringLiteral("a.pcapng")
            << QStringList{QStringLiteral("--format"), QStringLiteral("pcap")} << false;
    }
    void pcapngByExtensionOrOption()
    {
        QFETCH(QString, name);
        QFETCH(QStringList, extra);
        QFETCH(bool, pcapng);
        QTemporaryDir dir;
        const QString path = dir.filePath(name);
        QCOMPARE(
            runTideline(QStringList{QStringLiteral("generate"), path} + small() + extra).exitCode,
            0);
        const QByteArray head = contents(path).left(4);
        QCOMPARE(head == QByteArray("\x0a\x0d\x0d\x0a", 4), pcapng);
    }

    void badArguments_data()
    {
        QTest::addColumn<QStringList>("arguments");
        const QString out = QStringLiteral("x.pcap");
        QTest::newRow("seed not a number")
            << QStringList{out, QStringLiteral("--seed"), QStringLiteral("abc")};
        QTest::newRow("negative seed")
            << QStringList{out, QStringLiteral("--seed"), QStringLiteral("-1")};
        QTest::newRow("negative duration")
            << QStringList{out, QStringLiteral("--duration"), QStringLiteral("-5")};
        QTest::newRow("zero duration")
            << QStringList{out, QStringLiteral("--duration"), QStringLiteral("0")};
        QTest::newRow("zero rate")
            << QStringList{out, QStringLiteral("--rate"), QStringLiteral("0")};
        QTest::newRow("unknown format")
            << QStringList{out, QStringLiteral("--format"), QStringLiteral("erf")};
        QTest::newRow("unknown option")
            << QStringList{out, QStringLiteral("--packets"), QStringLiteral("5")};
        QTest::newRow("no output") << QStringList{};
        QTest::newRow("two outputs") << QStringList{out, QStringLiteral("y.pcap")};
    }
    void badArguments()
    {
        QFETCH(QStringList, arguments);
        QTemporaryDir dir;
        QProcess process;
        process.setWorkingDirectory(dir.path());
        process.start(QStringLiteral(TIDELINE_EXE),
                      QStringList{QStringLiteral("generate")} + arguments);
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitCode(), 2);
        QVERIFY(!process.readAllStandardError().isEmpty());
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("x.pcap"))));
    }

    void unwritablePath()
    {
        const QString path = QStringLiteral("/proc/nonexistent/x.pcap");
        const TidelineRun run = runTideline({QStringLiteral("generate"), path});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.errText().contains(path), run.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestGenerate)
#include "tst_generate.moc"
