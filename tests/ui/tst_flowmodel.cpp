#include "flowmodel.h"
#include "series/trafficbinner.h"
#include "testaddresses.h"

#include <QAbstractItemModelTester>
#include <QSortFilterProxyModel>
#include <QTest>

using namespace tideline;

namespace {

constexpr TimeNs kStart = 1'700'000'000 * kNsPerSecond;

Packet packet(TimeNs time, const IpAddress &source, std::uint16_t sourcePort,
              const IpAddress &destination, std::uint16_t destinationPort,
              std::uint8_t protocol = ipproto::Tcp, std::uint8_t flags = 0)
{
    Packet p;
    p.time = time;
    p.wireLength = p.capturedLength = 100;
    p.decode = Packet::Decode::Ok;
    p.network = Packet::Network::IPv4;
    p.source = source;
    p.destination = destination;
    p.protocol = protocol;
    p.hasPorts = protocol == ipproto::Tcp || protocol == ipproto::Udp;
    p.sourcePort = sourcePort;
    p.destinationPort = destinationPort;
    p.tcpFlags = flags;
    return p;
}

// Four flows whose packet counts (103, 2, 9, 10) sort differently as numbers and as text:
// a full HTTPS connection, a refused SSH attempt, DNS over UDP and a ping.
std::shared_ptr<const Traffic> fourFlows()
{
    using namespace tcpflag;
    const IpAddress web = v4(192, 0, 2, 1), dns = v4(192, 0, 2, 53);
    const IpAddress a = v4(10, 0, 0, 1), b = v4(10, 0, 0, 2), c = v4(10, 0, 0, 10);
    const auto t = [](int ms) { return kStart + ms * kNsPerMs; };
    std::vector<Packet> packets;
    packets.push_back(packet(t(0), a, 40000, web, 443, ipproto::Tcp, Syn));
    packets.push_back(packet(t(1), web, 443, a, 40000, ipproto::Tcp, Syn | Ack));
    for (int i = 0; i < 100; ++i)
        packets.push_back(packet(t(2 + i), a, 40000, web, 443, ipproto::Tcp, Ack | Psh));
    packets.push_back(packet(t(200), a, 40000, web, 443, ipproto::Tcp, Fin | Ack));
    packets.push_back(packet(t(300), b, 40001, web, 22, ipproto::Tcp, Syn));
    packets.push_back(packet(t(301), web, 22, b, 40001, ipproto::Tcp, Rst | Ack));
    for (int i = 0; i < 9; ++i)
        packets.push_back(packet(t(400 + i), c, 5353, dns, 53, ipproto::Udp));
    for (int i = 0; i < 10; ++i)
        packets.push_back(packet(t(500 + 10 * i), b, 0, web, 0, ipproto::Icmp));
    TrafficBinner binner;
    for (const Packet &p : packets)
        binner.addPacket(p);
    return std::make_shared<const Traffic>(binner.finish());
}

std::shared_ptr<const Traffic> loadedModel(FlowModel &model)
{
    const auto traffic = fourFlows();
    model.setFlows(traffic, traffic->flowsBetween(kStart, kStart + kNsPerSecond));
    return traffic;
}

int rowOfClient(const FlowModel &model, const QString &client, int protocol = -1)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.index(row, FlowModel::Client).data().toString() == client &&
            (protocol < 0 || model.flow(row).protocol == protocol))
            return row;
    }
    return -1;
}

} // namespace

class TestFlowModel : public QObject
{
    Q_OBJECT

private slots:
    void passesModelTester()
    {
        FlowModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const auto traffic = loadedModel(model);
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.columnCount(), int(FlowModel::ColumnCount));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        model.setFlows(traffic, {3, 0});
        QCOMPARE(model.rowCount(), 2);
    }

    void recordsGiveLabelsAndWholeRows()
    {
        FlowModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const auto traffic = fourFlows();
        auto records = std::make_shared<RowRecords>(
            QStringList{QStringLiteral("flow"), QStringLiteral("note"), QStringLiteral("label")}, 2,
            ',');
        for (const char *row :
             {"0,\"https, full\",benign\r\n", "1,ssh,attack\n", "2,dns,benign", "3,ping,benign"})
            records->add(row);
        model.setFlows(traffic, {1, 0}, records);
        QVERIFY(model.hasRecords());
        QVERIFY(model.hasLabels());
        QCOMPARE(model.index(0, FlowModel::Label).data().toString(), QStringLiteral("attack"));
        QCOMPARE(model.index(1, FlowModel::Label).data().toString(), QStringLiteral("benign"));
        QVERIFY(model.index(0, 0)
                    .data(FlowModel::FilterRole)
                    .toString()
                    .contains(QStringLiteral("attack")));
        const auto record = model.record(1);
        QCOMPARE(record.size(), std::size_t(3));
        QCOMPARE(record[1].first, QStringLiteral("note"));
        QCOMPARE(record[1].second, QStringLiteral("https, full"));
        QCOMPARE(record[2].second, QStringLiteral("benign"));

        // Records of another flow list are not shown against these flows.
        auto fewer = std::make_shared<RowRecords>(QStringList{QStringLiteral("flow")}, -1, ',');
        fewer->add("0");
        model.setFlows(traffic, {0}, fewer);
        QVERIFY(!model.hasRecords());
        QVERIFY(model.record(0).empty());
        QCOMPARE(model.index(0, FlowModel::Label).data().toString(), QString());
    }

    void showsEachFlow()
    {
        FlowModel model;
        const auto traffic = loadedModel(model);
        const auto text = [&](int row, int column) {
            return model.index(row, column).data().toString();
        };
        const int https = rowOfClient(model, QStringLiteral("10.0.0.1"));
        QVERIFY(https >= 0);
        QCOMPARE(text(https, FlowModel::ClientPort), QStringLiteral("40000"));
        QCOMPARE(text(https, FlowModel::Server), QStringLiteral("192.0.2.1"));
        QCOMPARE(text(https, FlowModel::ServerPort), QStringLiteral("443"));
        QCOMPARE(text(https, FlowModel::Protocol), QStringLiteral("TCP"));
        QCOMPARE(text(https, FlowModel::First), formatIsoUtc(kStart));
        QCOMPARE(text(https, FlowModel::Last), formatIsoUtc(kStart + 200 * kNsPerMs));
        QCOMPARE(text(https, FlowModel::Flags), QStringLiteral("SYN,ACK,PSH,FIN"));
        QCOMPARE(model.index(https, FlowModel::Packets).data(FlowModel::SortRole).toULongLong(),
                 qulonglong(103));
        QCOMPARE(model.index(https, FlowModel::Bytes).data(FlowModel::SortRole).toULongLong(),
                 qulonglong(10300));

        const int ping = rowOfClient(model, QStringLiteral("10.0.0.2"), ipproto::Icmp);
        QVERIFY(ping >= 0);
        QCOMPARE(text(ping, FlowModel::Protocol), QStringLiteral("ICMP"));
        QCOMPARE(text(ping, FlowModel::ClientPort), QString());
        QCOMPARE(text(ping, FlowModel::Flags), QString());
        const int refused = rowOfClient(model, QStringLiteral("10.0.0.2"), ipproto::Tcp);
        QCOMPARE(text(refused, FlowModel::Flags), QStringLiteral("SYN,ACK,RST"));
    }

    void sortsByRawValues_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<QVariantList>("ascending");
        QTest::newRow("packets") << int(FlowModel::Packets)
                                 << QVariantList{qulonglong(2), qulonglong(9), qulonglong(10),
                                                 qulonglong(103)};
        QTest::newRow("first") << int(FlowModel::First)
                               << QVariantList{kStart, kStart + 300 * kNsPerMs,
                                               kStart + 400 * kNsPerMs, kStart + 500 * kNsPerMs};
        // Ports sort as numbers; flows without ports (ICMP) come last.
        QTest::newRow("server port")
            << int(FlowModel::ServerPort) << QVariantList{22, 53, 443, QVariant()};
    }

    void sortsByRawValues()
    {
        QFETCH(int, column);
        QFETCH(QVariantList, ascending);
        FlowModel model;
        const auto traffic = loadedModel(model);
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(FlowModel::SortRole);
        proxy.sort(column, Qt::AscendingOrder);
        QVariantList values;
        for (int row = 0; row < proxy.rowCount(); ++row)
            values << proxy.index(row, column).data(FlowModel::SortRole);
        QCOMPARE(values, ascending);
    }

    void filtersOnAddressPortAndProtocol_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<int>("rows");
        QTest::newRow("server") << QStringLiteral("192.0.2.53") << 1;
        QTest::newRow("client") << QStringLiteral("10.0.0.2") << 2;
        QTest::newRow("port") << QStringLiteral("443") << 1;
        QTest::newRow("protocol, any case") << QStringLiteral("udp") << 1;
        QTest::newRow("nothing") << QStringLiteral("172.16.") << 0;
        QTest::newRow("empty") << QString() << 4;
    }

    void filtersOnAddressPortAndProtocol()
    {
        QFETCH(QString, filter);
        QFETCH(int, rows);
        FlowModel model;
        const auto traffic = loadedModel(model);
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setFilterRole(FlowModel::FilterRole);
        proxy.setFilterKeyColumn(0);
        proxy.setFilterCaseSensitivity(Qt::CaseInsensitive);
        proxy.setFilterFixedString(filter);
        QCOMPARE(proxy.rowCount(), rows);
    }

    void flagsText_data()
    {
        QTest::addColumn<int>("flags");
        QTest::addColumn<QString>("text");
        QTest::newRow("none") << 0 << QString();
        QTest::newRow("syn") << int(tcpflag::Syn) << QStringLiteral("SYN");
        QTest::newRow("handshake order")
            << int(tcpflag::Fin | tcpflag::Ack | tcpflag::Syn) << QStringLiteral("SYN,ACK,FIN");
        QTest::newRow("all") << 0xff << QStringLiteral("SYN,ACK,PSH,FIN,RST,URG,ECE,CWR");
    }

    void flagsText()
    {
        QFETCH(int, flags);
        QFETCH(QString, text);
        QCOMPARE(FlowModel::flagsText(std::uint8_t(flags)), text);
    }

    void dropsIndicesOutsideTheTable()
    {
        FlowModel model;
        const auto traffic = fourFlows();
        model.setFlows(traffic, {1, 99, 2});
        QCOMPARE(model.rowCount(), 2);
        model.setFlows(nullptr, {0, 1});
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_MAIN(TestFlowModel)
#include "tst_flowmodel.moc"
