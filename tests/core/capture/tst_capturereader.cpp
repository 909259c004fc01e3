// Captures written here with libpcap (and a pcapng written by hand), damaged copies of them,
// the shared real captures against capinfos' counts, and the malformed corpus.

#include "capture/capturereader.h"
#include "input/inputloader.h"
#include "series/trafficbinner.h"

#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <pcap/pcap.h>
#include <set>
#include <vector>

using namespace tideline;

namespace {

struct Frame
{
    TimeNs time = 0;
    QByteArray bytes;
    quint32 wireLength = 0; // 0: the frame's size
};

QByteArray be16(int value)
{
    QByteArray bytes(2, '\0');
    bytes[0] = char((value >> 8) & 0xff);
    bytes[1] = char(value & 0xff);
    return bytes;
}

QByteArray le16(int value)
{
    QByteArray bytes(2, '\0');
    bytes[0] = char(value & 0xff);
    bytes[1] = char((value >> 8) & 0xff);
    return bytes;
}

QByteArray le32(quint32 value)
{
    return le16(int(value & 0xffff)) + le16(int(value >> 16));
}

// Ethernet + IPv4 + TCP from 10.0.0.<host> port 1000+host to 10.0.0.1:80 with `flags`.
QByteArray tcpFrame(int host, int flags)
{
    QByteArray frame = QByteArray::fromHex("020000000001020000000002") + be16(0x0800);
    frame += QByteArray::fromHex("450000280000000040060000");
    frame += QByteArray::fromHex("0a000000");
    frame[frame.size() - 1] = char(host);
    frame += QByteArray::fromHex("0a000001");
    frame += be16(1000 + host) + be16(80) + QByteArray(8, '\0');
    frame += char(0x50);
    frame += char(flags);
    frame += QByteArray::fromHex("ffff00000000");
    return frame;
}

QByteArray arpFrame()
{
    return QByteArray::fromHex("ffffffffffff020000000002") + be16(0x0806) + QByteArray(28, '\0');
}

// Writes `frames` with libpcap as a classic pcap of the given link type and precision.
bool writePcap(const QString &path, int linkType, const std::vector<Frame> &frames,
               int precision = PCAP_TSTAMP_PRECISION_MICRO)
{
    pcap_t *dead = pcap_open_dead_with_tstamp_precision(linkType, 65535, u_int(precision));
    if (!dead)
        return false;
    pcap_dumper_t *dumper = pcap_dump_open(dead, QFile::encodeName(path).constData());
    if (!dumper) {
        pcap_close(dead);
        return false;
    }
    const TimeNs unit = precision == PCAP_TSTAMP_PRECISION_NANO ? 1 : kNsPerUs;
    for (const Frame &frame : frames) {
        pcap_pkthdr header{};
        header.ts.tv_sec = frame.time / kNsPerSecond;
        header.ts.tv_usec = (frame.time % kNsPerSecond) / unit;
        header.caplen = bpf_u_int32(frame.bytes.size());
        header.len = frame.wireLength ? frame.wireLength : header.caplen;
        pcap_dump(reinterpret_cast<u_char *>(dumper), &header,
                  reinterpret_cast<const u_char *>(frame.bytes.constData()));
    }
    pcap_dump_close(dumper);
    pcap_close(dead);
    return true;
}

QByteArray pcapNgBlock(quint32 type, const QByteArray &body)
{
    QByteArray padded = body;
    padded.append(QByteArray((4 - padded.size() % 4) % 4, '\0'));
    const quint32 length = quint32(12 + padded.size());
    return le32(type) + le32(length) + padded + le32(length);
}

QByteArray enhancedPacket(quint64 stamp, const QByteArray &bytes)
{
    return pcapNgBlock(6, le32(0) + le32(quint32(stamp >> 32)) + le32(quint32(stamp)) +
                              le32(quint32(bytes.size())) + le32(quint32(bytes.size())) + bytes);
}

// A little-endian pcapng: section header, one Ethernet interface (with if_tsresol when
// `tsresol` >= 0), one enhanced packet block per frame.
QByteArray pcapNg(const std::vector<Frame> &frames, int tsresol)
{
    QByteArray file =
        pcapNgBlock(0x0a0d0d0a, le32(0x1a2b3c4d) + le16(1) + le16(0) + QByteArray(8, char(0xff)));
    QByteArray interface = le16(1) + le16(0) + le32(65535);
    if (tsresol >= 0)
        interface += le16(9) + le16(1) + char(tsresol) + QByteArray(3, '\0') + le32(0);
    file += pcapNgBlock(1, interface);
    const TimeNs unit = tsresol == 9 ? 1 : kNsPerUs;
    for (const Frame &frame : frames)
        file += enhancedPacket(quint64(frame.time / unit), frame.bytes);
    return file;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

class RecordingSink : public PacketSink
{
public:
    void addPacket(const Packet &packet) override { packets.push_back(packet); }
    std::vector<Packet> packets;
};

// Counts what the shared captures' ground truth is stated in.
class TrafficSink : public PacketSink
{
public:
    void addPacket(const Packet &packet) override
    {
        if (packet.hasPorts && packet.protocol == ipproto::Tcp &&
            (packet.tcpFlags & (tcpflag::Syn | tcpflag::Ack)) == tcpflag::Syn)
            ++synWithoutAck;
        if (packet.protocol == ipproto::Icmp)
            ++icmp;
        if (packet.fragment)
            ++laterFragments;
        if (packet.network == Packet::Network::IPv4)
            sources.insert(packet.source.toString());
    }
    qint64 synWithoutAck = 0;
    qint64 icmp = 0;
    qint64 laterFragments = 0;
    std::set<QString> sources;
};

const TimeNs kBase = 1'700'000'000LL * kNsPerSecond;

QString sharedData()
{
    return QStringLiteral(TIDELINE_SHARED_DATA);
}

void verifyCountsAddUp(const CaptureSummary &summary)
{
    QCOMPARE(summary.decoded + summary.undecoded + summary.malformed, summary.packets);
    qint64 perLinkType = 0;
    for (const CaptureSummary::LinkType &linkType : summary.linkTypes)
        perLinkType += linkType.packets;
    QCOMPARE(perLinkType, summary.packets);
}

} // namespace

class TestCaptureReader : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void summarizes_data();
    void summarizes();
    void handsPacketsToSinkInFileOrder();
    void truncated_data();
    void truncated();
    void refuses_data();
    void refuses();
    void readsPcapNg_data();
    void readsPcapNg();
    void trustsContentNotName();
    void flagsOddTimestamps();
    void readsPcapTimesPast2038();
    void timesCenturiesApart();
    void mixedLinkTypesSayLibpcapsReason();
    void reportsProgressAndCancels();
    void sharedCaptures_data();
    void sharedCaptures();
    void sharedGroundTruth_data();
    void sharedGroundTruth();
    void survivesMalformedCorpus();

private:
    QTemporaryDir m_dir;
};

void TestCaptureReader::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

void TestCaptureReader::summarizes_data()
{
    QTest::addColumn<int>("precision");
    QTest::addColumn<int>("linkType");
    QTest::addColumn<QString>("linkTypeName");
    QTest::addColumn<int>("expectedPrecision");
    QTest::newRow("ethernet micro") << int(PCAP_TSTAMP_PRECISION_MICRO) << int(DLT_EN10MB)
                                    << QStringLiteral("EN10MB") << int(TimestampPrecision::Micro);
    QTest::newRow("ethernet nano") << int(PCAP_TSTAMP_PRECISION_NANO) << int(DLT_EN10MB)
                                   << QStringLiteral("EN10MB") << int(TimestampPrecision::Nano);
    QTest::newRow("link type without decoder")
        << int(PCAP_TSTAMP_PRECISION_MICRO) << int(DLT_PPP) << QStringLiteral("PPP")
        << int(TimestampPrecision::Micro);
    QTest::newRow("link type without name")
        << int(PCAP_TSTAMP_PRECISION_MICRO) << 147 << QStringLiteral("DLT 147")
        << int(TimestampPrecision::Micro);
}

// Out-of-order stamps: first/last are the minimum and maximum, and each step back is counted.
void TestCaptureReader::summarizes()
{
    QFETCH(int, precision);
    QFETCH(int, linkType);
    QFETCH(QString, linkTypeName);
    QFETCH(int, expectedPrecision);

    const QByteArray shortFrame = tcpFrame(2, tcpflag::Syn).left(30); // IPv4 cut: malformed
    const std::vector<Frame> frames{
        {kBase + 5 * kNsPerSecond, tcpFrame(1, tcpflag::Syn), 0},
        {kBase + 2 * kNsPerSecond + 7 * kNsPerUs, arpFrame(), 100},
        {kBase + 9 * kNsPerSecond, shortFrame, 1500},
        {kBase + 3 * kNsPerSecond, tcpFrame(3, tcpflag::Ack), 0},
        {kBase + 4 * kNsPerSecond, tcpFrame(4, tcpflag::Ack), 0},
    };
    const QString path = m_dir.filePath(QStringLiteral("summary.pcap"));
    QVERIFY(writePcap(path, linkType, frames, precision));

    const CaptureSummary summary = readCapture(path, nullptr);
    QVERIFY(!summary.error);
    QCOMPARE(summary.file, path);
    QCOMPARE(summary.type.format, CaptureFormat::Pcap);
    QCOMPARE(int(summary.type.precision), expectedPrecision);
    QCOMPARE(summary.packets, 5);
    QCOMPARE(summary.bytes, 54 + 100 + 1500 + 54 + 54);
    QCOMPARE(summary.capturedBytes, 54 + 42 + 30 + 54 + 54);
    QCOMPARE(summary.first, kBase + 2 * kNsPerSecond + 7 * kNsPerUs);
    QCOMPARE(summary.last, kBase + 9 * kNsPerSecond);
    QCOMPARE(summary.backwardTimestamps, 2);
    QCOMPARE(summary.linkTypes.size(), std::size_t(1));
    QCOMPARE(summary.linkTypes.front().dlt, linkType);
    QCOMPARE(summary.linkTypes.front().name, linkTypeName);
    QCOMPARE(summary.linkTypes.front().packets, 5);
    if (linkType == DLT_EN10MB) {
        QCOMPARE(summary.decoded, 4);
        QCOMPARE(summary.malformed, 1);
    } else {
        QCOMPARE(summary.undecoded, 5);
    }
    QVERIFY(summary.warnings.empty());
    QVERIFY(!summary.cancelled);
    verifyCountsAddUp(summary);
}

void TestCaptureReader::handsPacketsToSinkInFileOrder()
{
    const std::vector<Frame> frames{
        {kBase + 123'456'789, tcpFrame(1, tcpflag::Syn), 0},
        {kBase + 1, tcpFrame(2, tcpflag::Syn | tcpflag::Ack), 0},
        {kBase + 2'000'000'000, arpFrame(), 0},
    };
    const QString path = m_dir.filePath(QStringLiteral("sink.pcap"));
    QVERIFY(writePcap(path, DLT_EN10MB, frames, PCAP_TSTAMP_PRECISION_NANO));

    RecordingSink sink;
    const CaptureSummary summary = readCapture(path, &sink);
    QVERIFY(!summary.error);
    QCOMPARE(sink.packets.size(), frames.size());
    for (std::size_t i = 0; i < frames.size(); ++i) {
        QCOMPARE(sink.packets[i].time, frames[i].time);
        QCOMPARE(sink.packets[i].capturedLength, quint32(frames[i].bytes.size()));
    }
    QCOMPARE(sink.packets[0].source.toString(), QStringLiteral("10.0.0.1"));
    QCOMPARE(int(sink.packets[0].sourcePort), 1001);
    QCOMPARE(int(sink.packets[1].tcpFlags), tcpflag::Syn | tcpflag::Ack);
    QCOMPARE(sink.packets[2].network, Packet::Network::None);
    QCOMPARE(sink.packets[2].decode, Packet::Decode::Ok);
}

void TestCaptureReader::truncated_data()
{
    QTest::addColumn<int>("cutInto"); // bytes of the last record kept
    QTest::newRow("inside record header") << 9;
    QTest::newRow("inside packet data") << 16 + 20;
    QTest::newRow("header only") << 16;
}

// A cut last record: every packet before it is loaded and the warning names the damaged packet
// and where its record starts.
void TestCaptureReader::truncated()
{
    QFETCH(int, cutInto);
    std::vector<Frame> frames;
    for (int i = 0; i < 10; ++i)
        frames.push_back({kBase + i * kNsPerMs, tcpFrame(i, tcpflag::Syn), 0});
    const QString path = m_dir.filePath(QStringLiteral("whole.pcap"));
    QVERIFY(writePcap(path, DLT_EN10MB, frames));
    QFile whole(path);
    QVERIFY(whole.open(QIODevice::ReadOnly));
    const QByteArray bytes = whole.readAll();
    const qint64 lastRecord = 24 + 9 * (16 + 54);
    QCOMPARE(bytes.size(), lastRecord + 16 + 54);
    const QString cutPath = m_dir.filePath(QStringLiteral("cut.pcap"));
    QVERIFY(writeFile(cutPath, bytes.left(lastRecord + cutInto)));

    const CaptureSummary summary = readCapture(cutPath, nullptr);
    QVERIFY(!summary.error);
    QCOMPARE(summary.packets, 9);
    QCOMPARE(summary.last, kBase + 8 * kNsPerMs);
    QCOMPARE(summary.warnings.size(), std::size_t(1));
    const Diagnostic &warning = summary.warnings.front();
    QCOMPARE(warning.record, 10);
    QCOMPARE(warning.offset, lastRecord);
    QCOMPARE(warning.file, cutPath);
    QVERIFY2(warning.message.contains(QStringLiteral("truncated")), qPrintable(warning.message));
    QVERIFY(warning.toString().contains(QStringLiteral("cut.pcap: packet 10")));
}

void TestCaptureReader::refuses_data()
{
    QTest::addColumn<QByteArray>("content"); // empty with `exists` false: no file at all
    QTest::addColumn<bool>("exists");
    QTest::newRow("missing") << QByteArray() << false;
    QTest::newRow("empty") << QByteArray() << true;
    QTest::newRow("magic only") << QByteArray::fromHex("d4c3b2a1") << true;
    QTest::newRow("pcap header cut") << QByteArray::fromHex("d4c3b2a10200040000000000") << true;
    QTest::newRow("text") << QByteArrayLiteral("timestamp,value\n2024-01-01,1\n") << true;
    QTest::newRow("pcapng bad version")
        << pcapNg({}, -1).replace(12, 2, QByteArray::fromHex("0200")) << true;
}

void TestCaptureReader::refuses()
{
    QFETCH(QByteArray, content);
    QFETCH(bool, exists);
    const QString path = m_dir.filePath(QStringLiteral("refused.bin"));
    QFile::remove(path);
    if (exists)
        QVERIFY(writeFile(path, content));

    RecordingSink sink;
    const CaptureSummary summary = readCapture(path, &sink);
    QVERIFY(summary.error);
    QCOMPARE(summary.error->severity, Diagnostic::Severity::Error);
    QCOMPARE(summary.error->file, path);
    QVERIFY(!summary.error->message.isEmpty());
    QVERIFY(summary.error->toString().startsWith(QStringLiteral("refused.bin: ")));
    QCOMPARE(summary.packets, 0);
    QVERIFY(sink.packets.empty());
}

void TestCaptureReader::readsPcapNg_data()
{
    QTest::addColumn<int>("tsresol");
    QTest::addColumn<int>("expectedPrecision");
    QTest::newRow("nanoseconds") << 9 << int(TimestampPrecision::Nano);
    QTest::newRow("microseconds") << 6 << int(TimestampPrecision::Micro);
    QTest::newRow("no tsresol option") << -1 << int(TimestampPrecision::Micro);
}

void TestCaptureReader::readsPcapNg()
{
    QFETCH(int, tsresol);
    QFETCH(int, expectedPrecision);
    const TimeNs unit = tsresol == 9 ? 1 : kNsPerUs;
    const std::vector<Frame> frames{
        {kBase + 7 * unit, tcpFrame(1, tcpflag::Syn), 0},
        {kBase + kNsPerSecond + 999 * unit, tcpFrame(2, tcpflag::Rst), 0},
    };
    const QString path = m_dir.filePath(QStringLiteral("handmade.pcapng"));
    QVERIFY(writeFile(path, pcapNg(frames, tsresol)));

    RecordingSink sink;
    const CaptureSummary summary = readCapture(path, &sink);
    QVERIFY2(!summary.error, qPrintable(summary.error ? summary.error->toString() : QString()));
    QCOMPARE(summary.type.format, CaptureFormat::PcapNg);
    QCOMPARE(int(summary.type.precision), expectedPrecision);
    QCOMPARE(summary.packets, 2);
    QCOMPARE(summary.first, frames[0].time);
    QCOMPARE(summary.last, frames[1].time);
    QCOMPARE(sink.packets.size(), std::size_t(2));
    QCOMPARE(int(sink.packets[1].tcpFlags), int(tcpflag::Rst));
    QVERIFY(summary.warnings.empty());
}

void TestCaptureReader::trustsContentNotName()
{
    const QString pcapNamedPcapNg = m_dir.filePath(QStringLiteral("classic.pcapng"));
    QVERIFY(writePcap(pcapNamedPcapNg, DLT_EN10MB, {{kBase, arpFrame(), 0}}));
    const QString pcapNgNamedCsv = m_dir.filePath(QStringLiteral("capture.csv"));
    QVERIFY(writeFile(pcapNgNamedCsv, pcapNg({{kBase, arpFrame(), 0}}, 9)));
    const QString csvNamedPcap = m_dir.filePath(QStringLiteral("table.pcap"));
    QVERIFY(writeFile(csvNamedPcap, QByteArrayLiteral("timestamp,value\n")));
    const QString empty = m_dir.filePath(QStringLiteral("empty.pcap"));
    QVERIFY(writeFile(empty, {}));

    QVERIFY(looksLikeCapture(pcapNamedPcapNg));
    QVERIFY(looksLikeCapture(pcapNgNamedCsv));
    QVERIFY(!looksLikeCapture(csvNamedPcap));
    QVERIFY(!looksLikeCapture(empty));
    QVERIFY(!looksLikeCapture(m_dir.filePath(QStringLiteral("absent"))));
    QCOMPARE(readCapture(pcapNamedPcapNg, nullptr).type.format, CaptureFormat::Pcap);
    QCOMPARE(readCapture(pcapNgNamedCsv, nullptr).type.format, CaptureFormat::PcapNg);
    QCOMPARE(readCapture(pcapNgNamedCsv, nullptr).packets, 1);
}

// A fraction of a second outside [0, 1 s) is kept as it adds up (tcpdump shows it so) and
// flagged once; a 64-bit pcapng stamp beyond 2262 is clamped and flagged.
void TestCaptureReader::flagsOddTimestamps()
{
    const QString pcapPath = m_dir.filePath(QStringLiteral("fraction.pcap"));
    const std::vector<Frame> frames{{kBase, arpFrame(), 0},
                                    {kBase + kNsPerSecond + 1, arpFrame(), 0},
                                    {kBase + 2 * kNsPerSecond, arpFrame(), 0}};
    QVERIFY(writePcap(pcapPath, DLT_EN10MB, frames, PCAP_TSTAMP_PRECISION_NANO));
    QFile file(pcapPath);
    QVERIFY(file.open(QIODevice::ReadWrite));
    for (const qint64 fractionAt : {24 + 4, 24 + (16 + 42) + 4}) { // packets 1 and 2: +1.5 s
        QVERIFY(file.seek(fractionAt));
        file.write(le32(1'500'000'000));
    }
    file.close();
    const CaptureSummary fraction = readCapture(pcapPath, nullptr);
    QCOMPARE(fraction.packets, 3);
    QCOMPARE(fraction.first, kBase + 1'500'000'000);
    QCOMPARE(fraction.last, kBase + 2'500'000'000);
    QCOMPARE(fraction.warnings.size(), std::size_t(1));
    QCOMPARE(fraction.warnings.front().record, 1);
    QCOMPARE(fraction.warnings.front().offset, 24);

    const QString pcapNgPath = m_dir.filePath(QStringLiteral("far.pcapng"));
    QVERIFY(writeFile(pcapNgPath, pcapNg({{kBase, arpFrame(), 0}}, 9) +
                                      enhancedPacket(~quint64(0), arpFrame())));
    const CaptureSummary far = readCapture(pcapNgPath, nullptr);
    QCOMPARE(far.packets, 2);
    QCOMPARE(far.first, kBase);
    QVERIFY(far.last > kBase && far.last > TimeNs(9'200'000'000) * kNsPerSecond);
    QCOMPARE(far.warnings.size(), std::size_t(1));
    QCOMPARE(far.warnings.front().record, 2);
}

// A pcapng stamp in seconds past 2^63 comes out of libpcap as a negative time_t: clamped to 1678,
// while the next packet's is clamped to 2262. Subtracting the two overflowed a TimeNs (in
// the duration and in the flow table's idle check, which then merged the two packets' flows).
void TestCaptureReader::timesCenturiesApart()
{
    const QString path = m_dir.filePath(QStringLiteral("centuries.pcapng"));
    QByteArray file =
        pcapNgBlock(0x0a0d0d0a, le32(0x1a2b3c4d) + le16(1) + le16(0) + QByteArray(8, char(0xff)));
    // if_tsresol 0: stamps in whole seconds.
    file += pcapNgBlock(1, le16(1) + le16(0) + le32(65535) + le16(9) + le16(1) + char(0) +
                               QByteArray(3, '\0') + le32(0));
    const QByteArray frame = tcpFrame(1, tcpflag::Ack);
    file += enhancedPacket((quint64(1) << 63) + 5, frame) + enhancedPacket(quint64(1) << 62, frame);
    QVERIFY(writeFile(path, file));

    TrafficBinner binner;
    const CaptureSummary summary = readCapture(path, &binner);
    QCOMPARE(summary.packets, 2);
    QVERIFY(summary.first < TimeNs(-9'000'000'000) * kNsPerSecond);
    QVERIFY(summary.last > TimeNs(9'000'000'000) * kNsPerSecond);
    QCOMPARE(summary.duration(), std::numeric_limits<TimeNs>::max());
    const Traffic traffic = binner.finish();
    QCOMPARE(traffic.flows().size(), std::size_t(2));

    const LoadedInput input = loadInput(path, LoadOptions{});
    QVERIFY(input.ok());
    QCOMPARE(input.series.rowCount(), 3); // two bins and the gap between them
    QCOMPARE(input.series.hasData, (std::vector<bool>{true, false, true}));
}

// libpcap reads a pcapng's interfaces all with the first one's link type, and refuses the
// file at the first interface of another type: the warning gives its reason, not "damaged".
void TestCaptureReader::mixedLinkTypesSayLibpcapsReason()
{
    const QString path = m_dir.filePath(QStringLiteral("mixed.pcapng"));
    QByteArray file =
        pcapNgBlock(0x0a0d0d0a, le32(0x1a2b3c4d) + le16(1) + le16(0) + QByteArray(8, char(0xff)));
    file += pcapNgBlock(1, le16(1) + le16(0) + le32(65535));   // Ethernet
    file += pcapNgBlock(1, le16(101) + le16(0) + le32(65535)); // raw IP
    for (int i = 0; i < 4; ++i)
        file += enhancedPacket(quint64(kBase / kNsPerUs) + quint64(i), tcpFrame(i, tcpflag::Syn));
    QVERIFY(writeFile(path, file));
    const CaptureSummary summary = readCapture(path, nullptr);
    QVERIFY(!summary.error);
    QCOMPARE(summary.packets, 0);
    QCOMPARE(summary.warnings.size(), std::size_t(1));
    const QString message = summary.warnings.front().message;
    QVERIFY2(message.contains(QStringLiteral("libpcap stops reading the file here: an interface "
                                             "has a type 101 different from the type of the first "
                                             "interface")),
             qPrintable(message));
    QVERIFY(!message.contains(QStringLiteral("damaged")));
}

// Classic pcap seconds are unsigned 32-bit: 2^31 is 2038-01-19 03:14:08, not 1901.
void TestCaptureReader::readsPcapTimesPast2038()
{
    const QString path = m_dir.filePath(QStringLiteral("2038.pcap"));
    const TimeNs y2038 = (TimeNs(1) << 31) * kNsPerSecond;
    const TimeNs y2106 = TimeNs(4'291'747'200) * kNsPerSecond; // 2106-01-01
    QVERIFY(writePcap(path, DLT_EN10MB, {{y2038, arpFrame(), 0}, {y2106 + 5000, arpFrame(), 0}},
                      PCAP_TSTAMP_PRECISION_NANO));
    const CaptureSummary summary = readCapture(path, nullptr);
    QCOMPARE(summary.packets, 2);
    QCOMPARE(summary.first, y2038);
    QCOMPARE(summary.last, y2106 + 5000);
    QCOMPARE(summary.backwardTimestamps, 0);
    QVERIFY(summary.warnings.empty());
}

void TestCaptureReader::reportsProgressAndCancels()
{
    std::vector<Frame> frames;
    const int count = 3 * 65536 + 10;
    frames.reserve(count);
    const QByteArray frame = arpFrame();
    for (int i = 0; i < count; ++i)
        frames.push_back({kBase + i * kNsPerUs, frame, 0});
    const QString path = m_dir.filePath(QStringLiteral("many.pcap"));
    QVERIFY(writePcap(path, DLT_EN10MB, frames));

    std::vector<Progress> reports;
    const CaptureSummary whole = readCapture(path, nullptr, [&](const Progress &progress) {
        reports.push_back(progress);
        return true;
    });
    QCOMPARE(whole.packets, count);
    QVERIFY(!whole.cancelled);
    // Asked every 65536 packets, reported at most every 100 ms, and always when done.
    QVERIFY(reports.size() >= 2 && reports.size() <= 4);
    for (std::size_t i = 1; i < reports.size(); ++i) {
        QVERIFY(reports[i].items > reports[i - 1].items);
        QVERIFY(reports[i].fraction > reports[i - 1].fraction);
    }
    QCOMPARE(reports.front().items, 65536);
    QVERIFY(reports.front().fraction > 0.3 && reports.front().fraction < 0.36);
    QCOMPARE(reports.back().fraction, 1.0);
    QCOMPARE(reports.back().items, count);

    RecordingSink sink;
    int calls = 0;
    const CaptureSummary stopped = readCapture(path, &sink, [&](const Progress &) {
        ++calls;
        return false;
    });
    QVERIFY(stopped.cancelled);
    QCOMPARE(stopped.packets, 65536); // the first report comes there
    QCOMPARE(qint64(sink.packets.size()), stopped.packets);
    QCOMPARE(calls, 1);
}

// Packet counts and link types as capinfos reports them (see shared/data/README.md).
void TestCaptureReader::sharedCaptures_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<qint64>("packets");
    QTest::addColumn<QString>("linkType");
    QTest::addColumn<int>("format");
    const QString root = sharedData() + QStringLiteral("/captures/");
    if (!QFileInfo::exists(root))
        QSKIP("no shared data");
    const struct
    {
        const char *file;
        qint64 packets;
        const char *linkType;
        CaptureFormat format;
    } known[] = {
        {"attacks/amp.UDP.isakmp.pcap", 3984, "EN10MB", CaptureFormat::Pcap},
        {"attacks/amp.dns.RRSIG.fragmented.pcap", 4412, "EN10MB", CaptureFormat::Pcap},
        {"attacks/mtd_no_flood.pcap", 525, "EN10MB", CaptureFormat::Pcap},
        {"attacks/mtd_syn_flood.pcap", 12371, "EN10MB", CaptureFormat::Pcap},
        {"attacks/pkt.TCP.synflood.spoofed.pcap", 37841, "EN10MB", CaptureFormat::Pcap},
        {"attacks/sanders_synscan.pcapng", 2011, "EN10MB", CaptureFormat::PcapNg},
        {"attacks/sgr-boschi_portScan_1_to_10000.pcapng", 10009, "EN10MB", CaptureFormat::PcapNg},
        {"attacks/sgr-favilli_hs-icmpScan.pcap", 512, "EN10MB", CaptureFormat::Pcap},
        {"benign/ndpi_1kxun.pcap", 1723, "EN10MB", CaptureFormat::Pcap},
        {"benign/ndpi_alexa-app.pcapng", 3103, "EN10MB", CaptureFormat::PcapNg},
        {"benign/ndpi_netflix.pcap", 1793, "EN10MB", CaptureFormat::Pcap},
        {"benign/nfstream_anydesk.pcap", 6963, "EN10MB", CaptureFormat::Pcap},
        {"benign/sanders_tcp_ports.pcapng", 505, "EN10MB", CaptureFormat::PcapNg},
        {"benign/sgr_SSHv2.pcap", 9819, "EN10MB", CaptureFormat::Pcap},
        {"benign/sgr_bob2diego.pcap", 8728, "LINUX_SLL", CaptureFormat::Pcap},
        {"benign/sgr_telegram_test1.pcapng", 4181, "EN10MB", CaptureFormat::PcapNg},
    };
    for (const auto &k : known) {
        QTest::newRow(k.file) << root + QLatin1String(k.file) << k.packets
                              << QString::fromLatin1(k.linkType) << int(k.format);
    }
}

void TestCaptureReader::sharedCaptures()
{
    QFETCH(QString, path);
    QFETCH(qint64, packets);
    QFETCH(QString, linkType);
    QFETCH(int, format);
    if (!QFileInfo::exists(path))
        QSKIP("file absent");
    const CaptureSummary summary = readCapture(path, nullptr);
    QVERIFY2(!summary.error, qPrintable(summary.error ? summary.error->toString() : QString()));
    QCOMPARE(summary.packets, packets);
    QCOMPARE(int(summary.type.format), format);
    QCOMPARE(summary.linkTypes.front().name, linkType);
    QVERIFY(summary.warnings.empty());
    QVERIFY(summary.first <= summary.last);
    verifyCountsAddUp(summary);
}

// What the README (and tshark, for the fragments) says is inside some of the attack captures.
void TestCaptureReader::sharedGroundTruth_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<qint64>("synWithoutAck");
    QTest::addColumn<qint64>("icmp");
    QTest::addColumn<qint64>("laterFragments");
    QTest::addColumn<qint64>("sources"); // -1 in any column: not stated
    const QString root = sharedData() + QStringLiteral("/captures/attacks/");
    if (!QFileInfo::exists(root))
        QSKIP("no shared data");
    const qint64 unstated = -1;
    QTest::newRow("spoofed syn flood") << root + QStringLiteral("pkt.TCP.synflood.spoofed.pcap")
                                       << qint64(37841) << unstated << unstated << qint64(37623);
    QTest::newRow("port scan") << root + QStringLiteral("sgr-boschi_portScan_1_to_10000.pcapng")
                               << qint64(10003) << unstated << unstated << unstated;
    QTest::newRow("icmp sweep") << root + QStringLiteral("sgr-favilli_hs-icmpScan.pcap") << unstated
                                << qint64(512) << unstated << unstated;
    // tshark -o ip.defragment:FALSE -Y 'ip.frag_offset>0'
    QTest::newRow("dns fragments") << root + QStringLiteral("amp.dns.RRSIG.fragmented.pcap")
                                   << unstated << unstated << qint64(726) << unstated;
}

void TestCaptureReader::sharedGroundTruth()
{
    QFETCH(QString, path);
    QFETCH(qint64, synWithoutAck);
    QFETCH(qint64, icmp);
    QFETCH(qint64, laterFragments);
    QFETCH(qint64, sources);
    if (!QFileInfo::exists(path))
        QSKIP("file absent");
    TrafficSink sink;
    const CaptureSummary summary = readCapture(path, &sink);
    QVERIFY(!summary.error);
    if (synWithoutAck >= 0)
        QCOMPARE(sink.synWithoutAck, synWithoutAck);
    if (icmp >= 0)
        QCOMPARE(sink.icmp, icmp);
    if (laterFragments >= 0)
        QCOMPARE(sink.laterFragments, laterFragments);
    if (sources >= 0)
        QCOMPARE(qint64(sink.sources.size()), sources);
}

// Every file is either read (to the end or to its damage) or refused with a reason naming it.
void TestCaptureReader::survivesMalformedCorpus()
{
    const QString root = sharedData() + QStringLiteral("/malformed");
    if (!QFileInfo::exists(root))
        QSKIP("no shared data");
    int read = 0, refused = 0;
    QDirIterator it(root, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        RecordingSink sink;
        const CaptureSummary summary = readCapture(path, &sink);
        if (summary.error) {
            ++refused;
            QVERIFY2(!summary.error->message.isEmpty(), qPrintable(path));
            QVERIFY2(summary.error->toString().contains(QFileInfo(path).fileName()),
                     qPrintable(path));
            continue;
        }
        ++read;
        QVERIFY2(summary.packets >= 0, qPrintable(path));
        QCOMPARE(qint64(sink.packets.size()), summary.packets);
        verifyCountsAddUp(summary);
        for (const Diagnostic &warning : summary.warnings)
            QVERIFY2(warning.record > 0 && warning.offset >= 0, qPrintable(warning.toString()));
    }
    qInfo("%d files read, %d refused", read, refused);
    QVERIFY(read > 0);
}

QTEST_GUILESS_MAIN(TestCaptureReader)
#include "tst_capturereader.moc"
