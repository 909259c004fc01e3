#include "comparisonmodel.h"
#include "series/trafficbinner.h"

#include <QAbstractItemModelTester>
#include <QLocale>
#include <QSortFilterProxyModel>
#include <QTest>

using namespace tideline;

namespace {

constexpr TimeNs kStart = 1'700'000'000 * kNsPerSecond;

Packet udp(TimeNs time, std::uint8_t host)
{
    Packet p;
    p.time = time;
    p.wireLength = p.capturedLength = 80;
    p.decode = Packet::Decode::Ok;
    p.network = Packet::Network::IPv4;
    p.source.version = p.destination.version = 4;
    p.source.bytes = {10, 0, 0, host};
    p.destination.bytes = {192, 0, 2, 1};
    p.protocol = ipproto::Udp;
    p.hasPorts = true;
    p.sourcePort = 5000;
    p.destinationPort = 53;
    return p;
}

// 60 s around the interval [20 s, 30 s): 10.0.0.1 sends 5/s but falls silent in it,
// 10.0.0.2 sends 1/s throughout, and 10.0.0.3, .4, .5 appear only in it with 100, 1000 and 9
// packets — counts whose text order differs from their value order.
IntervalComparison sampleComparison()
{
    TrafficBinner binner(kNsPerSecond);
    const auto at = [](int s, int i, int n) {
        return kStart + s * kNsPerSecond + TimeNs(i) * kNsPerSecond / n;
    };
    for (int s = 0; s < 60; ++s) {
        const bool inside = s >= 20 && s < 30;
        std::vector<Packet> second;
        for (int i = 0; i < 5 && !inside; ++i)
            second.push_back(udp(at(s, i, 5), 1));
        second.push_back(udp(at(s, 0, 1), 2));
        for (int i = 0; i < 10 && inside; ++i)
            second.push_back(udp(at(s, i, 10), 3));
        for (int i = 0; i < 100 && inside; ++i)
            second.push_back(udp(at(s, i, 100), 4));
        if (inside && s < 29)
            second.push_back(udp(at(s, 1, 2), 5));
        std::sort(second.begin(), second.end(),
                  [](const Packet &a, const Packet &b) { return a.time < b.time; });
        for (const Packet &p : second)
            binner.addPacket(p);
    }
    const Traffic traffic = binner.finish();
    return compareInterval(traffic, kStart + 20 * kNsPerSecond, kStart + 30 * kNsPerSecond);
}

int rowOf(const ComparisonModel &model, const QString &key)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.index(row, ComparisonModel::Key).data().toString() == key)
            return row;
    }
    return -1;
}

} // namespace

class TestComparisonModel : public QObject
{
    Q_OBJECT

private slots:
    void passesModelTester()
    {
        ComparisonModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const IntervalComparison comparison = sampleComparison();
        model.setRows(comparison.rows(ComparisonDimension::Source), QStringLiteral("Source"));
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.columnCount(), int(ComparisonModel::ColumnCount));
        model.setRows(comparison.rows(ComparisonDimension::Protocol), QStringLiteral("Protocol"));
        QCOMPARE(model.rowCount(), 1);
        model.setRows({}, QStringLiteral("Key"));
        QCOMPARE(model.rowCount(), 0);
    }

    void showsTheComparison()
    {
        ComparisonModel model;
        model.setRows(sampleComparison().rows(ComparisonDimension::Source),
                      QStringLiteral("Source"));
        QCOMPARE(model.headerData(ComparisonModel::Key, Qt::Horizontal).toString(),
                 QStringLiteral("Source"));
        // The ranking of the core is kept: the most surprising first.
        QCOMPARE(model.index(0, ComparisonModel::Key).data().toString(),
                 QStringLiteral("10.0.0.4"));
        const auto text = [&](const char *key, int column) {
            return model.index(rowOf(model, QLatin1String(key)), column).data().toString();
        };
        QCOMPARE(text("10.0.0.4", ComparisonModel::New), QStringLiteral("yes"));
        QCOMPARE(text("10.0.0.4", ComparisonModel::RateChange), QStringLiteral("+100.00"));
        QCOMPARE(text("10.0.0.1", ComparisonModel::New), QStringLiteral("no"));
        QCOMPARE(text("10.0.0.1", ComparisonModel::RateChange), QStringLiteral("-5.00"));
        QCOMPARE(text("10.0.0.1", ComparisonModel::IntervalPackets), QStringLiteral("0"));
        QCOMPARE(text("10.0.0.1", ComparisonModel::BaselinePackets), QStringLiteral("100"));
        QCOMPARE(text("10.0.0.2", ComparisonModel::RateChange), QStringLiteral("0.00"));
        // 1000 new packets in 10 s of 30: 1000 · ln 3.
        QCOMPARE(text("10.0.0.4", ComparisonModel::Surprise), QLocale().toString(1098.6, 'f', 1));
        QCOMPARE(text("10.0.0.2", ComparisonModel::Surprise), QStringLiteral("0.0"));
        // |Δ| = 5 + 0 + 10 + 100 + 0.9 = 115.9
        QCOMPARE(text("10.0.0.3", ComparisonModel::ChangeShare),
                 QStringLiteral("%1 %").arg(QLocale().toString(100.0 * 10.0 / 115.9, 'f', 1)));
        QCOMPARE(model.index(rowOf(model, QStringLiteral("10.0.0.3")), ComparisonModel::ChangeShare)
                     .data(ComparisonModel::SortRole)
                     .toDouble(),
                 10.0 / 115.9);
        QVERIFY(model.index(0, ComparisonModel::Key)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("10.0.0.4")));
    }

    void sortsByRawValues_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<QStringList>("ascendingKeys");
        QTest::newRow("interval packets")
            << int(ComparisonModel::IntervalPackets)
            << QStringList{QStringLiteral("10.0.0.1"), QStringLiteral("10.0.0.5"),
                           QStringLiteral("10.0.0.2"), QStringLiteral("10.0.0.3"),
                           QStringLiteral("10.0.0.4")};
        QTest::newRow("rate change")
            << int(ComparisonModel::RateChange)
            << QStringList{QStringLiteral("10.0.0.1"), QStringLiteral("10.0.0.2"),
                           QStringLiteral("10.0.0.5"), QStringLiteral("10.0.0.3"),
                           QStringLiteral("10.0.0.4")};
        QTest::newRow("surprise") << int(ComparisonModel::Surprise)
                                  << QStringList{
                                         QStringLiteral("10.0.0.2"), QStringLiteral("10.0.0.5"),
                                         QStringLiteral("10.0.0.1"), QStringLiteral("10.0.0.3"),
                                         QStringLiteral("10.0.0.4")};
        QTest::newRow("share of change")
            << int(ComparisonModel::ChangeShare)
            << QStringList{QStringLiteral("10.0.0.2"), QStringLiteral("10.0.0.5"),
                           QStringLiteral("10.0.0.1"), QStringLiteral("10.0.0.3"),
                           QStringLiteral("10.0.0.4")};
    }

    void sortsByRawValues()
    {
        QFETCH(int, column);
        QFETCH(QStringList, ascendingKeys);
        ComparisonModel model;
        model.setRows(sampleComparison().rows(ComparisonDimension::Source),
                      QStringLiteral("Source"));
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(ComparisonModel::SortRole);
        proxy.sort(column, Qt::AscendingOrder);
        QStringList keys;
        for (int row = 0; row < proxy.rowCount(); ++row)
            keys << proxy.index(row, ComparisonModel::Key).data().toString();
        QCOMPARE(keys, ascendingKeys);
    }

    void newSortsAsAFlag()
    {
        ComparisonModel model;
        model.setRows(sampleComparison().rows(ComparisonDimension::Source),
                      QStringLiteral("Source"));
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(ComparisonModel::SortRole);
        proxy.sort(ComparisonModel::New, Qt::DescendingOrder);
        for (int row = 0; row < 3; ++row)
            QCOMPARE(proxy.index(row, ComparisonModel::New).data().toString(),
                     QStringLiteral("yes"));
        for (int row = 3; row < 5; ++row)
            QCOMPARE(proxy.index(row, ComparisonModel::New).data().toString(),
                     QStringLiteral("no"));
    }
};

QTEST_MAIN(TestComparisonModel)
#include "tst_comparisonmodel.moc"
