// `tideline summarize` as a script sees it: the --json keys and values for a capture written
// here, the text form, the exit codes, and its messages under a German locale.

#include "common/timeutil.h"
#include "runtideline.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <pcap/pcap.h>

using namespace tideline;

namespace {

// Ethernet + IPv4 + UDP 10.0.0.1:5000 → 10.0.0.2:53, 60 bytes.
QByteArray udpFrame()
{
    return QByteArray::fromHex("020000000002020000000001"
                               "0800"
                               "4500002e00000000401100000a0000010a000002"
                               "13880035001a0000") +
           QByteArray(18, '\0');
}

// Three packets at +0.25 s, +0 s (out of order) and +2 s after 2024-01-31T12:00:00Z; the last
// one with a frame too short for its IP header.
bool writeCapture(const QString &path)
{
    pcap_t *dead = pcap_open_dead(DLT_EN10MB, 65535);
    pcap_dumper_t *dumper = pcap_dump_open(dead, QFile::encodeName(path).constData());
    if (!dumper) {
        pcap_close(dead);
        return false;
    }
    const QByteArray frame = udpFrame();
    const struct
    {
        long usec;
        long sec;
        int caplen;
    } records[] = {{250000, 0, 60}, {0, 0, 60}, {0, 2, 20}};
    for (const auto &r : records) {
        pcap_pkthdr header{};
        header.ts.tv_sec = 1706702400 + r.sec;
        header.ts.tv_usec = r.usec;
        header.caplen = bpf_u_int32(r.caplen);
        header.len = 60;
        pcap_dump(reinterpret_cast<u_char *>(dumper), &header,
                  reinterpret_cast<const u_char *>(frame.constData()));
    }
    pcap_dump_close(dumper);
    pcap_close(dead);
    return true;
}

// The capture cut into its third packet's data.
bool writeTruncatedCopy(const QString &from, const QString &to)
{
    QFile whole(from);
    QFile cut(to);
    if (!whole.open(QIODevice::ReadOnly) || !cut.open(QIODevice::WriteOnly))
        return false;
    const QByteArray bytes = whole.readAll();
    return cut.write(bytes.left(bytes.size() - 10)) == bytes.size() - 10;
}

// QLocale (and so the translator) follows LC_ALL even where the system has no German locale;
// LANGUAGE would take precedence over it.
QProcessEnvironment germanEnvironment()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("LANGUAGE"));
    environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("de_DE.UTF-8"));
    return environment;
}

} // namespace

class TestSummarize : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void json();
    void text();
    void truncatedCaptureWarns();
    void failsOnUnusableInput_data();
    void failsOnUnusableInput();
    void usageErrors_data();
    void usageErrors();
    void speaksGerman_data();
    void speaksGerman();
    void saysWhatAFileIsNot_data();
    void saysWhatAFileIsNot();
    void mistypedCommandIsAUsageError();
    void helpNamesTheCommandAndEveryOption();
    void screenshotRefusesAnUnknownDetector();

private:
    QTemporaryDir m_dir;
    QString m_capture;
    QString m_truncated;
};

void TestSummarize::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // The name says pcapng; the content decides.
    m_capture = m_dir.filePath(QStringLiteral("three.pcapng"));
    QVERIFY(writeCapture(m_capture));
    m_truncated = m_dir.filePath(QStringLiteral("cut.pcap"));
    QVERIFY(writeTruncatedCopy(m_capture, m_truncated));
}

void TestSummarize::json()
{
    const TidelineRun run =
        runTideline({QStringLiteral("summarize"), m_capture, QStringLiteral("--json")});
    QCOMPARE(run.exitCode, 0);
    QJsonParseError error;
    const QJsonObject o = QJsonDocument::fromJson(run.out, &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);

    QCOMPARE(o.value(u"format").toString(), QStringLiteral("pcap"));
    QCOMPARE(o.value(u"timestamp_precision").toString(), QStringLiteral("micro"));
    QCOMPARE(o.value(u"link_types").toObject(), QJsonObject({{QStringLiteral("EN10MB"), 3}}));
    QCOMPARE(o.value(u"packets").toInteger(), 3);
    QCOMPARE(o.value(u"bytes").toInteger(), 180);
    QCOMPARE(o.value(u"captured_bytes").toInteger(), 140);
    QCOMPARE(o.value(u"first").toString(), QStringLiteral("2024-01-31T12:00:00.000Z"));
    QCOMPARE(o.value(u"last").toString(), QStringLiteral("2024-01-31T12:00:02.000Z"));
    QCOMPARE(o.value(u"duration_s").toDouble(), 2.0);
    QCOMPARE(o.value(u"decoded").toInteger(), 2);
    QCOMPARE(o.value(u"undecoded").toInteger(), 0);
    QCOMPARE(o.value(u"malformed").toInteger(), 1);
    QCOMPARE(o.value(u"backward_timestamps").toInteger(), 1);
    QVERIFY(o.value(u"warnings").isArray());
    QVERIFY(o.value(u"warnings").toArray().isEmpty());
    QCOMPARE(o.value(u"file").toString(), m_capture);
}

void TestSummarize::text()
{
    const TidelineRun run = runTideline({QStringLiteral("summarize"), m_capture});
    QCOMPARE(run.exitCode, 0);
    const QString text = QString::fromUtf8(run.out);
    QVERIFY2(text.contains(QStringLiteral("EN10MB (3 packets)")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("2024-01-31T12:00:00.000Z")));
    QVERIFY(text.contains(QStringLiteral("2.000 s")));
}

void TestSummarize::truncatedCaptureWarns()
{
    const TidelineRun run =
        runTideline({QStringLiteral("summarize"), QStringLiteral("--json"), m_truncated});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject o = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(o.value(u"packets").toInteger(), 2);
    const QJsonArray warnings = o.value(u"warnings").toArray();
    QCOMPARE(warnings.size(), 1);
    QVERIFY2(
        warnings.first().toString().startsWith(QStringLiteral("cut.pcap: packet 3, byte offset ")),
        qPrintable(warnings.first().toString()));
}

void TestSummarize::failsOnUnusableInput_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<bool>("exists");
    QTest::newRow("missing file") << QByteArray() << false;
    QTest::newRow("garbage after a pcap magic")
        << QByteArray::fromHex("d4c3b2a1ffff") + QByteArray(7, 'x') << true;
    QTest::newRow("empty pcapng section") << QByteArray::fromHex("0a0d0d0a") << true;
}

void TestSummarize::failsOnUnusableInput()
{
    QFETCH(QByteArray, content);
    QFETCH(bool, exists);
    const QString path = m_dir.filePath(QStringLiteral("unusable.pcap"));
    QFile::remove(path);
    if (exists) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
    }
    for (const QStringList &extra : {QStringList(), QStringList{QStringLiteral("--json")}}) {
        const TidelineRun run = runTideline(QStringList{QStringLiteral("summarize"), path} + extra);
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.out.isEmpty());
        QVERIFY2(run.err.contains("unusable.pcap"), run.err.constData());
    }
}

void TestSummarize::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("no file") << QStringList{QStringLiteral("summarize")};
    QTest::newRow("two files") << QStringList{QStringLiteral("summarize"), QStringLiteral("a"),
                                              QStringLiteral("b")};
    QTest::newRow("unknown option")
        << QStringList{QStringLiteral("summarize"), QStringLiteral("--frobnicate"), m_capture};
}

void TestSummarize::usageErrors()
{
    QFETCH(QStringList, arguments);
    const TidelineRun run = runTideline(arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY(!run.err.isEmpty());
}

// One message from each place that translates through a helper taking a plain const char *.
void TestSummarize::speaksGerman_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("the command line's usage error")
        << QString() << QStringLiteral("tideline: genau ein FILE erwartet") << 2;
    QTest::newRow("the command's own error")
        << m_dir.filePath(QStringLiteral("missing.pcap"))
        << QStringLiteral("missing.pcap: die Datei existiert nicht") << 1;
    QTest::newRow("the command's text form")
        << m_capture << QStringLiteral("EN10MB (3 Pakete)") << 0;
    QTest::newRow("the capture reader's warning")
        << m_truncated
        << QStringLiteral("die Datei ist hier abgeschnitten oder beschädigt; die Pakete davor "
                          "sind geladen")
        << 0;

    const QString table = m_dir.filePath(QStringLiteral("short.csv"));
    QFile file(table);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("time,bytes\n"
               "2024-01-31T12:00:00Z,1\n"
               "2024-01-31T12:00:01Z,2,3\n");
    QTest::newRow("the table reader's row problem")
        << table << QStringLiteral("2 Felder erwartet, 3 gefunden") << 0;
}

void TestSummarize::speaksGerman()
{
    QFETCH(QString, file);
    QFETCH(QString, expected);
    QFETCH(int, exitCode);
    QStringList arguments{QStringLiteral("summarize")};
    if (!file.isEmpty())
        arguments << file;
    const TidelineRun run = runTideline(arguments, germanEnvironment());
    QCOMPARE(run.exitCode, exitCode);
    const QString output = QString::fromUtf8(run.out + run.err);
    QVERIFY2(output.contains(expected), qPrintable(output));
}

void TestSummarize::saysWhatAFileIsNot_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("message");
    QTest::newRow("a folder") << m_dir.path() << QStringLiteral("is a folder, not a capture");
    QTest::newRow("a device") << QStringLiteral("/dev/null")
                              << QStringLiteral("is not a regular file");
    // A PNG renamed .pcap: neither magic number fits.
    const QString png = m_dir.filePath(QStringLiteral("picture.pcap"));
    QFile file(png);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray::fromHex("89504e470d0a1a0a0000000d49484452") + QByteArray(64, '\0'));
    QTest::newRow("a PNG named .pcap")
        << png
        << QStringLiteral("is neither a packet capture (no pcap or pcapng magic number) nor a "
                          "text table");
}

void TestSummarize::saysWhatAFileIsNot()
{
    QFETCH(QString, path);
    QFETCH(QString, message);
    const TidelineRun run = runTideline({QStringLiteral("summarize"), path});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.errText().contains(message), run.err.constData());
}

void TestSummarize::mistypedCommandIsAUsageError()
{
    const TidelineRun run = runTideline({QStringLiteral("sumarize"), m_capture});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.errText().contains(
                 QStringLiteral("unknown command 'sumarize' (did you mean summarize?)")),
             run.err.constData());
    const TidelineRun far = runTideline({QStringLiteral("frobnicate")});
    QCOMPARE(far.exitCode, 2);
    QVERIFY2(far.errText().contains(QStringLiteral("unknown command 'frobnicate'")) &&
                 !far.errText().contains(QStringLiteral("did you mean")),
             far.err.constData());
}

void TestSummarize::helpNamesTheCommandAndEveryOption()
{
    const TidelineRun command =
        runTideline({QStringLiteral("summarize"), QStringLiteral("--help")});
    QCOMPARE(command.exitCode, 0);
    QVERIFY2(command.outText().contains(QStringLiteral("tideline summarize [options] FILE")),
             command.out.constData());
    QVERIFY(!command.outText().contains(QStringLiteral(TIDELINE_EXE)));
    const TidelineRun top = runTideline({QStringLiteral("--help")});
    QCOMPARE(top.exitCode, 0);
    for (const char *option :
         {"--palette", "--screenshot", "--detector", "--percentile", "--series"})
        QVERIFY2(top.out.contains(option), option);
}

void TestSummarize::screenshotRefusesAnUnknownDetector()
{
    const TidelineRun run =
        runTideline({QStringLiteral("--screenshot"), m_dir.filePath(QStringLiteral("shot.png")),
                     QStringLiteral("--detector"), QStringLiteral("bogus"), m_capture});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.errText().contains(QStringLiteral("unknown detector 'bogus'")),
             run.err.constData());
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("shot.png"))));
}

QTEST_GUILESS_MAIN(TestSummarize)
#include "tst_summarize.moc"
