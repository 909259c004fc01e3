#include "common/binwidth.h"
#include "fixturedir.h"
#include "input/inputloader.h"

#include <QTest>

using namespace tideline;

namespace {

QByteArray le16(int value)
{
    return QByteArray(1, char(value & 0xff)) + char((value >> 8) & 0xff);
}

QByteArray le32(quint32 value)
{
    return le16(int(value & 0xffff)) + le16(int(value >> 16));
}

// A classic pcap of Ethernet / IPv4 / UDP frames from 10.0.0.1 to 10.0.0.2, one per time
// (whole seconds).
QByteArray udpCapture(const std::vector<qint64> &seconds)
{
    QByteArray file =
        le32(0xa1b2c3d4) + le16(2) + le16(4) + le32(0) + le32(0) + le32(65535) + le32(1);
    const QByteArray frame = QByteArray(12, '\x02') + QByteArray("\x08\x00", 2) +
                             QByteArray::fromHex("4500001c000000004011000000000000"
                                                 "0a0000010a00000204d2003500080000");
    for (const qint64 s : seconds)
        file += le32(quint32(s)) + le32(0) + le32(quint32(frame.size())) +
                le32(quint32(frame.size())) + frame;
    return file;
}

const qint64 kStart = 1'700'000'000;

} // namespace

class TestInputLoader : public QObject
{
    Q_OBJECT

private slots:
    void widthBelowTheBaseIsRefused_data()
    {
        QTest::addColumn<qint64>("width");
        QTest::newRow("1ns") << qint64(1);
        QTest::newRow("1us") << kNsPerUs;
        QTest::newRow("10us") << 10 * kNsPerUs;
        QTest::newRow("negative") << -kNsPerSecond;
    }
    void widthBelowTheBaseIsRefused()
    {
        // 10us made the re-binning factor 0: a division by zero.
        QFETCH(qint64, width);
        const QString path = m_dir.write("below.pcap", udpCapture({kStart, kStart + 1}));
        LoadOptions options;
        options.binWidth = width;
        const LoadedInput input = loadInput(path, options);
        QVERIFY(input.error);
        QVERIFY2(input.error->message.contains(QStringLiteral("at least 100us")),
                 qPrintable(input.error->message));
        QCOMPARE(input.series.rowCount(), 0);
    }

    void widthNotAMultipleOfTheBaseIsRefused()
    {
        // 150us was binned at 100us and every start multiplied by 150us: 2022 traffic in 2048.
        const QString path = m_dir.write("odd.pcap", udpCapture({kStart, kStart + 1}));
        LoadOptions options;
        options.binWidth = 150 * kNsPerUs;
        const LoadedInput input = loadInput(path, options);
        QVERIFY(input.error);
        QCOMPARE(input.error->message,
                 QStringLiteral("a bin width must be a multiple of 100us (the finest resolution "
                                "Tideline keeps): 150us is not; 100us or 200us is"));
        QVERIFY(binwidth::widthProblem(200 * kNsPerUs).isEmpty());
        QVERIFY(!binwidth::widthProblem(31 * 86400 * kNsPerSecond).isEmpty());
    }

    void fineWidthOverLongQuietStretchesIsRefused()
    {
        // Five packets 55 s apart at 100us: every gap (under a minute) was filled bin by bin,
        // 2.2 million rows for five packets.
        std::vector<qint64> seconds;
        for (int i = 0; i < 5; ++i)
            seconds.push_back(kStart + 55 * i);
        const QString path = m_dir.write("sparse.pcap", udpCapture(seconds));
        LoadOptions options;
        options.binWidth = 100 * kNsPerUs;
        const LoadedInput input = loadInput(path, options);
        QVERIFY(input.error);
        QVERIFY2(input.error->message.contains(QStringLiteral("makes more than 2000000 bins")),
                 qPrintable(input.error->message));
        QCOMPARE(input.series.rowCount(), 0);
        QVERIFY(input.traffic);
        QVERIFY(input.traffic->rowsAt(100 * kNsPerUs) > binwidth::kMaxBins);
        QVERIFY(!canRebin(input, 100 * kNsPerUs));

        // The same capture at 1ms is 220,001 rows, counted before they are built.
        options.binWidth = kNsPerMs;
        const LoadedInput coarser = loadInput(path, options);
        QVERIFY(!coarser.error);
        QCOMPARE(coarser.series.rowCount(), 4 * 55'000 + 1);
        QCOMPARE(coarser.traffic->rowsAt(kNsPerMs), coarser.series.rowCount());
    }

private:
    FixtureDir m_dir;
};

QTEST_GUILESS_MAIN(TestInputLoader)
#include "tst_inputloader.moc"
