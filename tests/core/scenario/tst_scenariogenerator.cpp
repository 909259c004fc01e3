#include "capturereader.h"
#include "scenario/scenariogenerator.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <cerrno>
#include <csignal>
#include <set>
#include <sys/resource.h>

using namespace tideline;

Q_DECLARE_METATYPE(tideline::CaptureFormat)

namespace {

ScenarioOptions smallScenario(quint64 seed, CaptureFormat format = CaptureFormat::Pcap)
{
    ScenarioOptions options;
    options.seed = seed;
    options.durationSeconds = 60;
    options.ratePps = 200;
    options.format = format;
    return options;
}

QByteArray contents(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The packets that make up each kind of anomaly, told apart from the background by what the
// background never does.
bool matches(const ScenarioAnomaly &a, const testcapture::Frame &f)
{
    if (a.kind == u"syn_flood") // pure SYNs without options, to the flooded port
        return f.protocol == ipproto::Tcp && f.destination == a.destination &&
               f.destinationPort == a.port && f.tcpFlags == tcpflag::Syn && f.tcpHeaderLength == 20;
    if (a.kind == u"port_scan") // anything to or from the scanner
        return f.source == a.source || f.destination == a.source;
    if (a.kind == u"udp_amplification") // DNS or NTP answers to the victim
        return f.protocol == ipproto::Udp && f.destination == a.destination &&
               (f.sourcePort == 53 || f.sourcePort == 123);
    if (a.kind == u"exfiltration") // the host and the never-seen server, both ways
        return (f.source == a.source && f.destination == a.destination) ||
               (f.source == a.destination && f.destination == a.source);
    return false;
}

} // namespace

class TestScenarioGenerator : public QObject
{
    Q_OBJECT

private slots:
    void formats_data()
    {
        QTest::addColumn<CaptureFormat>("format");
        QTest::newRow("pcap") << CaptureFormat::Pcap;
        QTest::newRow("pcapng") << CaptureFormat::PcapNg;
    }

    void sameSeedSameBytes_data() { formats_data(); }
    void sameSeedSameBytes()
    {
        QFETCH(CaptureFormat, format);
        QTemporaryDir dir;
        const QString a = dir.filePath(QStringLiteral("a.cap"));
        const QString b = dir.filePath(QStringLiteral("b.cap"));
        const ScenarioResult first = generateScenario(a, smallScenario(7, format));
        const ScenarioResult second = generateScenario(b, smallScenario(7, format));
        QVERIFY(first.ok());
        QVERIFY(second.ok());
        QVERIFY(first.packets > 1000);
        QCOMPARE(second.packets, first.packets);
        QCOMPARE(contents(b), contents(a));
    }

    // The same bytes from every compiler: gcc and clang evaluate a call's arguments in
    // different orders, so two draws in one call's arguments made a different sample under
    // each, and the tests and benchmarks that score detectors on the sample saw other traffic
    // under the sanitizer build. The digest is gcc's bytes; a deliberate change to the
    // generator changes it here too.
    void sameBytesFromEveryCompiler()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("a.pcap"));
        QVERIFY(generateScenario(path, smallScenario(7)).ok());
        QCOMPARE(QCryptographicHash::hash(contents(path), QCryptographicHash::Sha256).toHex(),
                 QByteArray("5529adb857b41e27d848300898570068a3653c51ccbbe2e835ac8a94c652508f"));
    }

    void differentSeedDifferentBytes()
    {
        QTemporaryDir dir;
        const QString a = dir.filePath(QStringLiteral("a.pcap"));
        const QString b = dir.filePath(QStringLiteral("b.pcap"));
        QVERIFY(generateScenario(a, smallScenario(7)).ok());
        QVERIFY(generateScenario(b, smallScenario(8)).ok());
        QVERIFY(contents(a) != contents(b));
    }

    void readsBackAsReported_data() { formats_data(); }
    void readsBackAsReported()
    {
        QFETCH(CaptureFormat, format);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("out.cap"));
        const ScenarioResult result = generateScenario(path, smallScenario(3, format));
        QVERIFY(result.ok());
        const testcapture::Capture capture = testcapture::read(path);
        QVERIFY2(capture.opened, qPrintable(capture.error));
        QCOMPARE(capture.linkType, DLT_EN10MB);
        QCOMPARE(qint64(capture.frames.size()), result.packets);

        qint64 bytes = 0;
        TimeNs previous = result.start;
        int badChecksums = 0, ipv6 = 0, tagged = 0, icmp = 0, dns = 0;
        std::set<std::uint16_t> ports;
        for (const testcapture::Frame &f : capture.frames) {
            bytes += qint64(f.bytes.size());
            QCOMPARE(f.wireLength, std::uint32_t(f.bytes.size()));
            QVERIFY(f.bytes.size() >= 60 && f.bytes.size() <= 1518);
            QVERIFY(f.time >= previous);
            previous = f.time;
            badChecksums += f.checksumsOk ? 0 : 1;
            ipv6 += f.source.version == 6;
            tagged += f.vlan;
            icmp += f.protocol == ipproto::Icmp || f.protocol == ipproto::Icmpv6;
            dns += f.protocol == ipproto::Udp && f.destinationPort == 53;
            if (f.protocol == ipproto::Tcp && f.tcpFlags == tcpflag::Syn && f.tcpHeaderLength > 24)
                ports.insert(f.destinationPort);
        }
        QCOMPARE(bytes, result.bytes);
        QVERIFY(previous < result.end);
        QCOMPARE(badChecksums, 0);
        // The mix the scenario promises: IPv6, 802.1Q, ICMP, DNS, several services.
        QVERIFY(ipv6 > 0);
        QVERIFY(tagged > 0);
        QVERIFY(icmp > 0);
        QVERIFY(dns > 0);
        for (std::uint16_t port : {22, 80, 443, 8080})
            QVERIFY2(ports.count(port), qPrintable(QString::number(port)));
    }

    void pcapAndPcapngHoldTheSameFrames()
    {
        QTemporaryDir dir;
        const QString pcap = dir.filePath(QStringLiteral("a.pcap"));
        const QString pcapng = dir.filePath(QStringLiteral("a.pcapng"));
        QVERIFY(generateScenario(pcap, smallScenario(5, CaptureFormat::Pcap)).ok());
        QVERIFY(generateScenario(pcapng, smallScenario(5, CaptureFormat::PcapNg)).ok());
        QVERIFY(contents(pcapng).startsWith(QByteArray("\x0a\x0d\x0d\x0a", 4)));
        const testcapture::Capture a = testcapture::read(pcap);
        const testcapture::Capture b = testcapture::read(pcapng);
        QVERIFY(b.opened);
        QCOMPARE(b.frames.size(), a.frames.size());
        for (std::size_t i = 0; i < a.frames.size(); ++i) {
            QCOMPARE(b.frames[i].time, a.frames[i].time);
            QVERIFY(b.frames[i].bytes == a.frames[i].bytes);
        }
    }

    void anomalyPacketsMatchTheirSignatures()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("out.pcap"));
        const ScenarioResult result = generateScenario(path, smallScenario(11));
        QVERIFY(result.ok());
        const testcapture::Capture capture = testcapture::read(path);
        QCOMPARE(result.anomalies.size(), std::size_t(4));
        for (const ScenarioAnomaly &a : result.anomalies) {
            qint64 inside = 0, anywhere = 0;
            for (const testcapture::Frame &f : capture.frames) {
                if (!matches(a, f))
                    continue;
                ++anywhere;
                inside += f.time >= a.start && f.time < a.end;
            }
            QVERIFY2(a.packets > 0, qPrintable(a.kind));
            // Every packet of the anomaly is in its interval and nothing else looks like it.
            QCOMPARE(inside, a.packets);
            QCOMPARE(anywhere, a.packets);
        }
    }

    void anomaliesAreInsideAndApart()
    {
        QTemporaryDir dir;
        const ScenarioResult result =
            generateScenario(dir.filePath(QStringLiteral("out.pcap")), smallScenario(1));
        QVERIFY(result.ok());
        std::set<QString> kinds;
        for (std::size_t i = 0; i < result.anomalies.size(); ++i) {
            const ScenarioAnomaly &a = result.anomalies[i];
            kinds.insert(a.kind);
            QVERIFY(a.start >= result.start);
            QVERIFY(a.end <= result.end);
            QVERIFY(a.start < a.end);
            QCOMPARE(a.start % kNsPerMs, 0);
            QCOMPARE(a.end % kNsPerMs, 0);
            QVERIFY(!a.description.isEmpty());
            if (i > 0)
                QVERIFY(result.anomalies[i - 1].end <= a.start);
        }
        const std::set<QString> expected{QStringLiteral("syn_flood"), QStringLiteral("port_scan"),
                                         QStringLiteral("udp_amplification"),
                                         QStringLiteral("exfiltration")};
        QCOMPARE(kinds, expected);
    }

    void sizeScales_data()
    {
        QTest::addColumn<double>("duration");
        QTest::addColumn<double>("rate");
        QTest::addColumn<double>("factor");
        QTest::newRow("twice as long") << 2.0 << 1.0 << 2.0;
        QTest::newRow("twice the rate") << 1.0 << 2.0 << 2.0;
        QTest::newRow("three times the rate") << 1.0 << 3.0 << 3.0;
    }
    void sizeScales()
    {
        QFETCH(double, duration);
        QFETCH(double, rate);
        QFETCH(double, factor);
        QTemporaryDir dir;
        ScenarioOptions base = smallScenario(2);
        base.durationSeconds = 40;
        ScenarioOptions scaled = base;
        scaled.durationSeconds *= duration;
        scaled.ratePps *= rate;
        const ScenarioResult small = generateScenario(dir.filePath(QStringLiteral("a.pcap")), base);
        const ScenarioResult large =
            generateScenario(dir.filePath(QStringLiteral("b.pcap")), scaled);
        QVERIFY(small.ok() && large.ok());
        const double ratio = double(large.packets) / double(small.packets);
        QVERIFY2(ratio > 0.75 * factor && ratio < 1.25 * factor,
                 qPrintable(QString::number(ratio)));
    }

    void meanRateIsTheRequestedOne()
    {
        QTemporaryDir dir;
        ScenarioOptions options = smallScenario(4);
        options.durationSeconds = 120;
        const ScenarioResult result =
            generateScenario(dir.filePath(QStringLiteral("a.pcap")), options);
        QVERIFY(result.ok());
        qint64 anomalous = 0;
        for (const ScenarioAnomaly &a : result.anomalies)
            anomalous += a.packets;
        const double background = double(result.packets - anomalous) / options.durationSeconds;
        QVERIFY2(background > 0.8 * options.ratePps && background < 1.2 * options.ratePps,
                 qPrintable(QString::number(background)));
    }

    void unwritablePathIsAnError()
    {
        const QString path = QStringLiteral("/proc/nonexistent/x.pcap");
        const ScenarioResult result = generateScenario(path, smallScenario(1));
        QVERIFY(!result.ok());
        QVERIFY(result.error);
        QCOMPARE(result.error->file, path);
        QVERIFY(!result.error->message.isEmpty());
        QCOMPARE(result.packets, 0);
    }

    void failedWriteIsAnError_data() { formats_data(); }
    void failedWriteIsAnError()
    {
        QFETCH(CaptureFormat, format);
        // A file size limit makes writes fail the way a full disk does, inside our own folder.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("a.pcap"));
        rlimit previous{};
        QCOMPARE(getrlimit(RLIMIT_FSIZE, &previous), 0);
        const auto oldHandler = std::signal(SIGXFSZ, SIG_IGN);
        rlimit small = previous;
        small.rlim_cur = 256 * 1024;
        QCOMPARE(setrlimit(RLIMIT_FSIZE, &small), 0);
        const ScenarioResult result = generateScenario(path, smallScenario(1, format));
        setrlimit(RLIMIT_FSIZE, &previous);
        std::signal(SIGXFSZ, oldHandler);
        QVERIFY(result.error);
        QCOMPARE(result.error->file, path);
        QVERIFY2(result.error->message.contains(qt_error_string(EFBIG)),
                 qPrintable(result.error->message));
        QVERIFY(!QFileInfo::exists(path));
    }

    // --attack-seconds shortens the scan, flood and amplification to that length at the same
    // places; --attack-intensity multiplies their packets; the exfiltration keeps its share.
    void attacksCanBeBriefAndIntense()
    {
        QTemporaryDir dir;
        ScenarioOptions base = smallScenario(5);
        base.durationSeconds = 120;
        ScenarioOptions brief = base;
        brief.attackSeconds = 2;
        brief.attackIntensity = 5;
        const ScenarioResult wide = generateScenario(dir.filePath(QStringLiteral("a.pcap")), base);
        const ScenarioResult narrow =
            generateScenario(dir.filePath(QStringLiteral("b.pcap")), brief);
        QVERIFY(wide.ok() && narrow.ok());
        QCOMPARE(narrow.anomalies.size(), wide.anomalies.size());
        for (std::size_t i = 0; i < wide.anomalies.size(); ++i) {
            const ScenarioAnomaly &w = wide.anomalies[i];
            const ScenarioAnomaly &n = narrow.anomalies[i];
            QCOMPARE(n.kind, w.kind);
            QCOMPARE(n.start, w.start);
            if (w.kind == u"exfiltration") {
                QCOMPARE(n.end, w.end);
                continue;
            }
            QCOMPARE(n.end, n.start + 2 * kNsPerSecond);
            // 5 times the rate for 2 s of the 5-6 s share.
            const double expected = 5.0 * 2.0 * double(kNsPerSecond) / double(w.end - w.start);
            const double ratio = double(n.packets) / double(w.packets);
            QVERIFY2(ratio > 0.8 * expected && ratio < 1.2 * expected,
                     qPrintable(w.kind + QLatin1Char(' ') + QString::number(ratio)));
        }
    }

    void badOptionsAreRefused_data()
    {
        QTest::addColumn<double>("duration");
        QTest::addColumn<double>("rate");
        QTest::newRow("zero duration") << 0.0 << 100.0;
        QTest::newRow("negative duration") << -5.0 << 100.0;
        QTest::newRow("NaN duration") << qQNaN() << 100.0;
        QTest::newRow("zero rate") << 60.0 << 0.0;
        QTest::newRow("infinite rate") << 60.0 << qInf();
    }
    void badOptionsAreRefused()
    {
        QFETCH(double, duration);
        QFETCH(double, rate);
        ScenarioOptions options;
        options.durationSeconds = duration;
        options.ratePps = rate;
        QVERIFY(checkScenarioOptions(options));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("a.pcap"));
        const ScenarioResult result = generateScenario(path, options);
        QVERIFY(result.error);
        QVERIFY(!QFileInfo::exists(path));
    }

    void cancelStopsAndRemovesTheFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("a.pcap"));
        ScenarioOptions options = smallScenario(1);
        options.durationSeconds = 300;
        options.ratePps = 500;
        int calls = 0;
        const ScenarioResult result = generateScenario(path, options, [&](const Progress &p) {
            ++calls;
            return p.fraction < 0.0;
        });
        QCOMPARE(calls, 1);
        QVERIFY(result.cancelled);
        QVERIFY(!result.error);
        QVERIFY(!QFileInfo::exists(path));
    }
};

QTEST_GUILESS_MAIN(TestScenarioGenerator)
#include "tst_scenariogenerator.moc"
