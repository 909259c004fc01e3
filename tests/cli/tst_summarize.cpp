// `tideline summarize` as a script sees it: the --json keys and values for a capture written
// here, the text form, and the exit codes.

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

private:
    QTemporaryDir m_dir;
    QString m_capture;
};

void TestSummarize::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // The name says pcapng; the content decides.
    m_capture = m_dir.filePath(QStringLiteral("three.pcapng"));
    QVERIFY(writeCapture(m_capture));
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
    QFile whole(m_capture);
    QVERIFY(whole.open(QIODevice::ReadOnly));
    const QByteArray bytes = whole.readAll();
    const QString cut = m_dir.filePath(QStringLiteral("cut.pcap"));
    QFile file(cut);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes.left(bytes.size() - 10)); // into the third packet's data
    file.close();

    const TidelineRun run =
        runTideline({QStringLiteral("summarize"), QStringLiteral("--json"), cut});
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

QTEST_GUILESS_MAIN(TestSummarize)
#include "tst_summarize.moc"
