// Hand-built frames for every link type and header path the decoder knows, truncated at every
// layer, and every prefix of every frame decoded from a buffer of exactly that size.

#include "capture/packetdecoder.h"

#include <QTest>
#include <algorithm>
#include <pcap/dlt.h>
#include <vector>

using namespace tideline;

namespace {

using Decode = Packet::Decode;
using Network = Packet::Network;

QByteArray be16(int value)
{
    QByteArray bytes(2, '\0');
    bytes[0] = char((value >> 8) & 0xff);
    bytes[1] = char(value & 0xff);
    return bytes;
}

QByteArray be32(quint32 value)
{
    return be16(int(value >> 16)) + be16(int(value & 0xffff));
}

QByteArray le32(quint32 value)
{
    QByteArray bytes = be32(value);
    std::reverse(bytes.begin(), bytes.end());
    return bytes;
}

QByteArray zeros(int n)
{
    return QByteArray(n, '\0');
}

QByteArray ethernet(int etherType, const QByteArray &payload)
{
    return QByteArray::fromHex("020000000001020000000002") + be16(etherType) + payload;
}

// One 802.1Q/802.1ad tag: TCI (VLAN 100) then the type of what follows.
QByteArray tag(int nextType)
{
    return be16(100) + be16(nextType);
}

QByteArray mplsLabel(bool bottom)
{
    return be32((1000u << 12) | (bottom ? 0x100u : 0u) | 64u);
}

QByteArray tcp(int sourcePort, int destinationPort, int flags, int dataOffsetWords = 5)
{
    QByteArray header = be16(sourcePort) + be16(destinationPort) + be32(1) + be32(0);
    header += char(dataOffsetWords << 4);
    header += char(flags);
    header += be16(65535) + be16(0) + be16(0);
    if (dataOffsetWords > 5)
        header += zeros((dataOffsetWords - 5) * 4);
    return header;
}

QByteArray udp(int sourcePort, int destinationPort, int payload = 4)
{
    return be16(sourcePort) + be16(destinationPort) + be16(8 + payload) + be16(0) + zeros(payload);
}

QByteArray icmpEcho()
{
    return QByteArray::fromHex("0800f7ff00000000");
}

struct Ipv4Options
{
    QByteArray options;
    int fragmentField = 0; // flags and offset
    int totalLength = -1;  // -1: the real one
    int headerWords = -1;  // -1: from the options
    int version = 4;
};

QByteArray ipv4(int protocol, const QByteArray &payload, const Ipv4Options &o = {})
{
    const int words = o.headerWords >= 0 ? o.headerWords : 5 + int(o.options.size()) / 4;
    const int total =
        o.totalLength >= 0 ? o.totalLength : 20 + int(o.options.size() + payload.size());
    QByteArray header;
    header += char((o.version << 4) | words);
    header += char(0);
    header += be16(total) + be16(0x1234) + be16(o.fragmentField);
    header += char(64);
    header += char(protocol);
    header += be16(0);
    header += QByteArray::fromHex("0a000001c0a80102"); // 10.0.0.1 → 192.168.1.2
    return header + o.options + payload;
}

QByteArray ipv6(int next, const QByteArray &payload, int payloadLength = -1)
{
    QByteArray header = QByteArray::fromHex("60000000");
    header += be16(payloadLength >= 0 ? payloadLength : int(payload.size()));
    header += char(next);
    header += char(64);
    header += QByteArray::fromHex("20010db8000000000000000000000001"); // 2001:db8::1
    header += QByteArray::fromHex("fe800000000000000000000000000002"); // fe80::2
    return header + payload;
}

// Hop-by-hop, routing, destination options, mobility: length in 8-byte units after the first 8.
QByteArray extension(int next, int extraUnits = 0)
{
    QByteArray header = zeros(8 + 8 * extraUnits);
    header[0] = char(next);
    header[1] = char(extraUnits);
    return header;
}

// Authentication header: length in 4-byte units, minus 2.
QByteArray authentication(int next)
{
    QByteArray header = zeros(16);
    header[0] = char(next);
    header[1] = char(2);
    return header;
}

QByteArray fragment6(int next, int offsetUnits, bool more)
{
    QByteArray header = zeros(8);
    header[0] = char(next);
    const QByteArray field = be16((offsetUnits << 3) | (more ? 1 : 0));
    header[2] = field[0];
    header[3] = field[1];
    return header;
}

QByteArray sll(int protocol, int hardwareType = 1)
{
    return be16(0) + be16(hardwareType) + be16(6) + zeros(8) + be16(protocol);
}

QByteArray sll2(int protocol, int hardwareType = 1)
{
    return be16(protocol) + be16(0) + be32(2) + be16(hardwareType) + char(0) + char(6) + zeros(8);
}

const QByteArray kTcpSyn = ipv4(6, tcp(40000, 80, 0x02));
const QByteArray kUdp6 = ipv6(17, udp(5353, 53));

struct Expected
{
    Decode decode = Decode::Ok;
    Network network = Network::None;
    int protocol = 0;
    int sourcePort = -1; // -1: no ports
    int destinationPort = -1;
    int tcpFlags = 0;
    bool fragment = false;
};

Expected ok4(int protocol, int sourcePort = -1, int destinationPort = -1, int flags = 0)
{
    return {Decode::Ok, Network::IPv4, protocol, sourcePort, destinationPort, flags, false};
}

Expected ok6(int protocol, int sourcePort = -1, int destinationPort = -1, int flags = 0)
{
    return {Decode::Ok, Network::IPv6, protocol, sourcePort, destinationPort, flags, false};
}

const Expected kSyn = ok4(6, 40000, 80, 0x02);
const Expected kUdp6Expected = ok6(17, 5353, 53);
const Expected kNonIp{};
const Expected kMalformed{Decode::Malformed};
const Expected kUndecoded{Decode::Undecoded};

Expected malformedWith(Network network, int protocol)
{
    return {Decode::Malformed, network, protocol, -1, -1, 0, false};
}

void addRow(const char *name, int linkType, const QByteArray &frame, const Expected &e)
{
    QTest::newRow(name) << linkType << frame << int(e.decode) << int(e.network) << e.protocol
                        << e.sourcePort << e.destinationPort << e.tcpFlags << e.fragment;
}

Packet decodeExactly(int linkType, const QByteArray &frame, qsizetype length, quint32 wireLength)
{
    // A heap buffer of exactly `length` bytes, so a sanitizer build catches any overread.
    std::vector<std::uint8_t> buffer(frame.begin(), frame.begin() + length);
    return decodePacket(linkType, buffer.data(), std::uint32_t(length), wireLength, 0);
}

bool sameDecoding(const Packet &a, const Packet &b)
{
    return a.decode == b.decode && a.network == b.network && a.source == b.source &&
           a.destination == b.destination && a.protocol == b.protocol && a.hasPorts == b.hasPorts &&
           a.fragment == b.fragment && a.sourcePort == b.sourcePort &&
           a.destinationPort == b.destinationPort && a.tcpFlags == b.tcpFlags;
}

} // namespace

class TestPacketDecoder : public QObject
{
    Q_OBJECT

private:
    void addColumns();
    void addWellFormedRows();

private slots:
    void decodes_data();
    void decodes();
    void truncated_data();
    void truncated();
    void everyPrefixIsMalformedOrConsistent_data();
    void everyPrefixIsMalformedOrConsistent();
    void keepsLengthsAndTime();
    void knowsItsLinkTypes();
};

void TestPacketDecoder::addColumns()
{
    QTest::addColumn<int>("linkType");
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<int>("decode");
    QTest::addColumn<int>("network");
    QTest::addColumn<int>("protocol");
    QTest::addColumn<int>("sourcePort");
    QTest::addColumn<int>("destinationPort");
    QTest::addColumn<int>("tcpFlags");
    QTest::addColumn<bool>("fragment");
}

void TestPacketDecoder::addWellFormedRows()
{
    // Ethernet and what it carries.
    addRow("ethernet ipv4 tcp syn", DLT_EN10MB, ethernet(0x0800, kTcpSyn), kSyn);
    addRow("ethernet tcp fin ack", DLT_EN10MB, ethernet(0x0800, ipv4(6, tcp(443, 50000, 0x11))),
           ok4(6, 443, 50000, 0x11));
    addRow("ethernet ipv6 udp", DLT_EN10MB, ethernet(0x86dd, kUdp6), kUdp6Expected);
    addRow("802.1q", DLT_EN10MB, ethernet(0x8100, tag(0x0800) + kTcpSyn), kSyn);
    addRow("qinq 802.1ad", DLT_EN10MB, ethernet(0x88a8, tag(0x8100) + tag(0x0800) + kTcpSyn), kSyn);
    addRow("qinq three tags ipv6", DLT_EN10MB,
           ethernet(0x9100, tag(0x8100) + tag(0x8100) + tag(0x86dd) + kUdp6), kUdp6Expected);
    addRow("mpls stack ipv4", DLT_EN10MB,
           ethernet(0x8847, mplsLabel(false) + mplsLabel(true) + kTcpSyn), kSyn);
    addRow("mpls ipv6", DLT_EN10MB, ethernet(0x8847, mplsLabel(true) + kUdp6), kUdp6Expected);
    addRow("mpls pseudowire", DLT_EN10MB, ethernet(0x8847, mplsLabel(true) + zeros(30)),
           kUndecoded);
    addRow("vlan then mpls", DLT_EN10MB, ethernet(0x8100, tag(0x8847) + mplsLabel(true) + kTcpSyn),
           kSyn);
    addRow("pppoe ipv4", DLT_EN10MB,
           ethernet(0x8864, QByteArray::fromHex("11000001") + be16(int(kTcpSyn.size()) + 2) +
                                be16(0x0021) + kTcpSyn),
           kSyn);
    addRow("pppoe lcp", DLT_EN10MB,
           ethernet(0x8864, QByteArray::fromHex("110000010006") + be16(0xc021) + zeros(4)), kNonIp);
    addRow("arp", DLT_EN10MB, ethernet(0x0806, zeros(28)), kNonIp);
    addRow("vlan arp", DLT_EN10MB, ethernet(0x8100, tag(0x0806) + zeros(28)), kNonIp);
    addRow("802.3 llc", DLT_EN10MB, ethernet(38, QByteArray::fromHex("424203") + zeros(35)),
           kNonIp);

    // IPv4 header paths.
    addRow("ipv4 options", DLT_EN10MB,
           ethernet(0x0800, ipv4(6, tcp(1, 2, 0x02), {QByteArray::fromHex("94040000") + zeros(8)})),
           ok4(6, 1, 2, 0x02));
    addRow("ipv4 first fragment", DLT_EN10MB,
           ethernet(0x0800, ipv4(17, udp(53, 4000, 100), {{}, 0x2000})), ok4(17, 53, 4000));
    addRow("ipv4 later fragment", DLT_EN10MB,
           ethernet(0x0800, ipv4(17, zeros(64), {{}, 0x2000 | 185})),
           {Decode::Ok, Network::IPv4, 17, -1, -1, 0, true});
    addRow("ipv4 last fragment", DLT_EN10MB, ethernet(0x0800, ipv4(6, zeros(64), {{}, 370})),
           {Decode::Ok, Network::IPv4, 6, -1, -1, 0, true});
    addRow("ipv4 icmp", DLT_EN10MB, ethernet(0x0800, ipv4(1, icmpEcho())), ok4(1));
    addRow("ipv4 gre", DLT_EN10MB, ethernet(0x0800, ipv4(47, zeros(24))), ok4(47));
    addRow("ipv4 tso length 0", DLT_EN10MB, ethernet(0x0800, ipv4(6, tcp(5, 6, 0x10), {{}, 0, 0})),
           ok4(6, 5, 6, 0x10));
    addRow("ipv4 ethernet padding", DLT_EN10MB,
           ethernet(0x0800, ipv4(6, tcp(7, 8, 0x04)) + zeros(6)), ok4(6, 7, 8, 0x04));
    addRow("tcp options cut by snap length", DLT_EN10MB,
           ethernet(0x0800, ipv4(6, tcp(9, 10, 0x02, 15), {{}, 0, 20 + 60}).left(20 + 24)),
           ok4(6, 9, 10, 0x02));

    // IPv6 extension headers.
    addRow("ipv6 tcp", DLT_EN10MB, ethernet(0x86dd, ipv6(6, tcp(22, 50022, 0x18))),
           ok6(6, 22, 50022, 0x18));
    addRow("ipv6 hop routing destination", DLT_EN10MB,
           ethernet(0x86dd, ipv6(0, extension(43, 1) + extension(60) + extension(6, 2) +
                                        tcp(1000, 2000, 0x02))),
           ok6(6, 1000, 2000, 0x02));
    addRow("ipv6 authentication header", DLT_EN10MB,
           ethernet(0x86dd, ipv6(51, authentication(17) + udp(500, 500))), ok6(17, 500, 500));
    addRow("ipv6 mobility", DLT_EN10MB, ethernet(0x86dd, ipv6(135, extension(59, 1))), ok6(59));
    addRow("ipv6 first fragment", DLT_EN10MB,
           ethernet(0x86dd, ipv6(44, fragment6(17, 0, true) + udp(53, 3000, 40))),
           ok6(17, 53, 3000));
    addRow("ipv6 later fragment", DLT_EN10MB,
           ethernet(0x86dd, ipv6(0, extension(44) + fragment6(17, 181, false) + zeros(40))),
           {Decode::Ok, Network::IPv6, 17, -1, -1, 0, true});
    addRow("ipv6 icmpv6", DLT_EN10MB, ethernet(0x86dd, ipv6(58, icmpEcho())), ok6(58));
    addRow("ipv6 no next header", DLT_EN10MB, ethernet(0x86dd, ipv6(59, {})), ok6(59));
    addRow("ipv6 esp", DLT_EN10MB, ethernet(0x86dd, ipv6(50, zeros(32))), ok6(50));
    addRow("ipv6 jumbo length 0", DLT_EN10MB, ethernet(0x86dd, ipv6(6, tcp(3, 4, 0x02), 0)),
           ok6(6, 3, 4, 0x02));

    // Linux cooked captures.
    addRow("sll ipv4", DLT_LINUX_SLL, sll(0x0800) + kTcpSyn, kSyn);
    addRow("sll vlan ipv6", DLT_LINUX_SLL, sll(0x8100) + tag(0x86dd) + kUdp6, kUdp6Expected);
    addRow("sll arp", DLT_LINUX_SLL, sll(0x0806) + zeros(28), kNonIp);
    addRow("sll netlink", DLT_LINUX_SLL, sll(0x0800, 824) + zeros(32), kNonIp);
    addRow("sll2 ipv6", DLT_LINUX_SLL2, sll2(0x86dd) + kUdp6, kUdp6Expected);
    addRow("sll2 ipv4", DLT_LINUX_SLL2, sll2(0x0800) + kTcpSyn, kSyn);
    addRow("sll2 netlink", DLT_LINUX_SLL2, sll2(0x0800, 824) + zeros(32), kNonIp);

    // Raw IP, every way it is labelled.
    addRow("raw 12 ipv4", DLT_RAW, kTcpSyn, kSyn);
    addRow("raw 12 ipv6", DLT_RAW, kUdp6, kUdp6Expected);
    addRow("raw 14 ipv6", 14, kUdp6, kUdp6Expected);
    addRow("linktype raw 101 ipv4", 101, kTcpSyn, kSyn);
    addRow("ipv4 228", DLT_IPV4, kTcpSyn, kSyn);
    addRow("ipv6 229", DLT_IPV6, kUdp6, kUdp6Expected);

    // BSD loopback: host order (both) for NULL, network order for LOOP; three AF_INET6 values.
    addRow("null little endian ipv4", DLT_NULL, le32(2) + kTcpSyn, kSyn);
    addRow("null big endian ipv4", DLT_NULL, be32(2) + kTcpSyn, kSyn);
    addRow("null af 24 ipv6", DLT_NULL, le32(24) + kUdp6, kUdp6Expected);
    addRow("null af 28 ipv6", DLT_NULL, le32(28) + kUdp6, kUdp6Expected);
    addRow("null big endian af 30 ipv6", DLT_NULL, be32(30) + kUdp6, kUdp6Expected);
    addRow("null unknown family", DLT_NULL, le32(7) + zeros(20), kNonIp);
    addRow("loop ipv4", DLT_LOOP, be32(2) + kTcpSyn, kSyn);
    addRow("loop ipv6", DLT_LOOP, be32(24) + kUdp6, kUdp6Expected);

    // Link types we do not parse.
    addRow("802.11 radiotap", DLT_IEEE802_11_RADIO, zeros(8) + kTcpSyn, kUndecoded);
    addRow("ppp", DLT_PPP, QByteArray::fromHex("ff030021") + kTcpSyn, kUndecoded);
}

void TestPacketDecoder::decodes_data()
{
    addColumns();
    addWellFormedRows();
}

void TestPacketDecoder::decodes()
{
    QFETCH(int, linkType);
    QFETCH(QByteArray, frame);
    QFETCH(int, decode);
    QFETCH(int, network);
    QFETCH(int, protocol);
    QFETCH(int, sourcePort);
    QFETCH(int, destinationPort);
    QFETCH(int, tcpFlags);
    QFETCH(bool, fragment);

    const Packet packet = decodeExactly(linkType, frame, frame.size(), quint32(frame.size()));
    QCOMPARE(int(packet.decode), decode);
    QCOMPARE(int(packet.network), network);
    QCOMPARE(int(packet.protocol), protocol);
    QCOMPARE(packet.hasPorts, sourcePort >= 0);
    QCOMPARE(int(packet.sourcePort), qMax(0, sourcePort));
    QCOMPARE(int(packet.destinationPort), qMax(0, destinationPort));
    QCOMPARE(int(packet.tcpFlags), tcpFlags);
    QCOMPARE(packet.fragment, fragment);
    if (packet.network == Network::IPv4) {
        QCOMPARE(packet.source.toString(), QStringLiteral("10.0.0.1"));
        QCOMPARE(packet.destination.toString(), QStringLiteral("192.168.1.2"));
    } else if (packet.network == Network::IPv6) {
        QCOMPARE(packet.source.toString(), QStringLiteral("2001:db8::1"));
        QCOMPARE(packet.destination.toString(), QStringLiteral("fe80::2"));
    } else {
        QVERIFY(!packet.source.isValid());
        QVERIFY(!packet.destination.isValid());
    }
}

void TestPacketDecoder::truncated_data()
{
    addColumns();
    addRow("ethernet 13 bytes", DLT_EN10MB, ethernet(0x0800, {}).left(13), kMalformed);
    addRow("empty ethernet", DLT_EN10MB, {}, kMalformed);
    addRow("vlan tag cut", DLT_EN10MB, ethernet(0x8100, be16(100)), kMalformed);
    addRow("second vlan tag cut", DLT_EN10MB, ethernet(0x88a8, tag(0x8100) + be16(7)), kMalformed);
    addRow("mpls without bottom", DLT_EN10MB, ethernet(0x8847, mplsLabel(false) + be16(1)),
           kMalformed);
    addRow("mpls without payload", DLT_EN10MB, ethernet(0x8847, mplsLabel(true)), kMalformed);
    addRow("pppoe cut", DLT_EN10MB, ethernet(0x8864, QByteArray::fromHex("110000")), kMalformed);
    addRow("ipv4 19 bytes", DLT_EN10MB, ethernet(0x0800, kTcpSyn.left(19)), kMalformed);
    addRow("ipv4 ethertype, version 6", DLT_EN10MB, ethernet(0x0800, kUdp6), kMalformed);
    addRow("ipv4 header length 4 words", DLT_EN10MB,
           ethernet(0x0800, ipv4(6, tcp(1, 2, 2), {{}, 0, -1, 4})),
           malformedWith(Network::IPv4, 6));
    addRow("ipv4 options past capture", DLT_EN10MB, ethernet(0x0800, ipv4(17, {}, {{}, 0, 60, 15})),
           malformedWith(Network::IPv4, 17));
    addRow("ipv4 total length below header", DLT_EN10MB,
           ethernet(0x0800, ipv4(6, tcp(1, 2, 2), {{}, 0, 12})), malformedWith(Network::IPv4, 6));
    addRow("tcp 19 bytes", DLT_EN10MB, ethernet(0x0800, ipv4(6, tcp(1, 2, 2).left(19))),
           malformedWith(Network::IPv4, 6));
    addRow("tcp data offset 4", DLT_EN10MB, ethernet(0x0800, ipv4(6, tcp(1, 2, 2, 4) + zeros(4))),
           malformedWith(Network::IPv4, 6));
    addRow("tcp header past ip payload", DLT_EN10MB,
           ethernet(0x0800, ipv4(6, tcp(1, 2, 2, 8), {{}, 0, 20 + 24})),
           malformedWith(Network::IPv4, 6));
    addRow("tcp past ip total length", DLT_EN10MB,
           ethernet(0x0800, ipv4(6, tcp(1, 2, 2), {{}, 0, 30})), malformedWith(Network::IPv4, 6));
    addRow("udp 7 bytes", DLT_EN10MB, ethernet(0x0800, ipv4(17, udp(1, 2, 0).left(7))),
           malformedWith(Network::IPv4, 17));
    addRow("udp past ip total length", DLT_EN10MB,
           ethernet(0x0800, ipv4(17, udp(1, 2), {{}, 0, 24})), malformedWith(Network::IPv4, 17));
    addRow("ipv6 39 bytes", DLT_EN10MB, ethernet(0x86dd, kUdp6.left(39)), kMalformed);
    addRow("ipv6 ethertype, version 4", DLT_EN10MB, ethernet(0x86dd, kTcpSyn + zeros(20)),
           kMalformed);
    addRow("ipv6 extension cut", DLT_EN10MB, ethernet(0x86dd, ipv6(0, extension(6, 1).left(12))),
           malformedWith(Network::IPv6, 0));
    addRow("ipv6 extension past payload length", DLT_EN10MB,
           ethernet(0x86dd, ipv6(60, extension(17, 1) + udp(1, 2), 8)),
           malformedWith(Network::IPv6, 60));
    addRow("ipv6 fragment header cut", DLT_EN10MB,
           ethernet(0x86dd, ipv6(44, fragment6(17, 0, true).left(6))),
           malformedWith(Network::IPv6, 44));
    addRow("ipv6 authentication cut", DLT_EN10MB,
           ethernet(0x86dd, ipv6(51, authentication(6).left(1))), malformedWith(Network::IPv6, 51));
    QByteArray chain;
    for (int i = 0; i < 17; ++i)
        chain += extension(i < 16 ? 60 : 17);
    addRow("ipv6 seventeen extension headers", DLT_EN10MB,
           ethernet(0x86dd, ipv6(0, chain + udp(1, 2))), malformedWith(Network::IPv6, 60));
    addRow("ipv6 udp cut", DLT_EN10MB, ethernet(0x86dd, ipv6(17, udp(1, 2).left(5))),
           malformedWith(Network::IPv6, 17));
    addRow("sll 15 bytes", DLT_LINUX_SLL, sll(0x0800).left(15), kMalformed);
    addRow("sll2 19 bytes", DLT_LINUX_SLL2, sll2(0x0800).left(19), kMalformed);
    addRow("sll ipv4 cut", DLT_LINUX_SLL, sll(0x0800) + kTcpSyn.left(10), kMalformed);
    addRow("null 3 bytes", DLT_NULL, le32(2).left(3), kMalformed);
    addRow("loop ipv6 cut", DLT_LOOP, be32(30) + kUdp6.left(20), kMalformed);
    addRow("raw empty", DLT_RAW, {}, kMalformed);
    addRow("raw version 5", DLT_RAW, QByteArray(1, char(0x50)) + zeros(39), kMalformed);
    addRow("ipv6 229 given ipv4", DLT_IPV6, kTcpSyn + zeros(20), kMalformed);
}

void TestPacketDecoder::truncated()
{
    decodes();
}

void TestPacketDecoder::everyPrefixIsMalformedOrConsistent_data()
{
    addColumns();
    addWellFormedRows();
}

// Cutting a frame anywhere either leaves a header incomplete (Malformed) or leaves every header
// whole, and then decodes to exactly what the whole frame does: nothing is invented from bytes
// that are not there, and nothing past the cut is read.
void TestPacketDecoder::everyPrefixIsMalformedOrConsistent()
{
    QFETCH(int, linkType);
    QFETCH(QByteArray, frame);
    const Packet whole = decodeExactly(linkType, frame, frame.size(), quint32(frame.size()));
    for (qsizetype length = 0; length < frame.size(); ++length) {
        const Packet cut = decodeExactly(linkType, frame, length, quint32(frame.size()));
        if (cut.decode == Decode::Malformed)
            continue;
        if (!sameDecoding(cut, whole))
            QFAIL(qPrintable(QStringLiteral("prefix of %1 bytes decodes differently").arg(length)));
    }
}

void TestPacketDecoder::keepsLengthsAndTime()
{
    const QByteArray frame = ethernet(0x0800, kTcpSyn);
    const auto *data = reinterpret_cast<const std::uint8_t *>(frame.constData());
    const Packet packet = decodePacket(DLT_EN10MB, data, std::uint32_t(frame.size()), 1514,
                                       1'700'000'000'123'456'789);
    QCOMPARE(packet.capturedLength, std::uint32_t(frame.size()));
    QCOMPARE(packet.wireLength, 1514u);
    QCOMPARE(packet.time, TimeNs(1'700'000'000'123'456'789));
}

void TestPacketDecoder::knowsItsLinkTypes()
{
    for (int linkType : {DLT_EN10MB, DLT_LINUX_SLL, DLT_LINUX_SLL2, DLT_RAW, 14, 101, DLT_IPV4,
                         DLT_IPV6, DLT_NULL, DLT_LOOP})
        QVERIFY2(isDecodableLinkType(linkType), qPrintable(QString::number(linkType)));
    for (int linkType : {DLT_PPP, DLT_IEEE802_11_RADIO, DLT_FDDI, 147, 3145728, -1})
        QVERIFY2(!isDecodableLinkType(linkType), qPrintable(QString::number(linkType)));
}

QTEST_GUILESS_MAIN(TestPacketDecoder)
#include "tst_packetdecoder.moc"
