#include "common/binwidth.h"

#include <QTest>

using namespace tideline;

class TestBinWidth : public QObject
{
    Q_OBJECT

private slots:
    void everyNiceWidthIsAMultipleOfSmallerBases()
    {
        for (TimeNs width : binwidth::niceWidths()) {
            for (TimeNs base : binwidth::baseWidths()) {
                if (base <= width)
                    QVERIFY2(width % base == 0, qPrintable(formatDuration(width)));
            }
        }
    }

    void basesDivideEachOther()
    {
        const auto bases = binwidth::baseWidths();
        for (std::size_t i = 1; i < bases.size(); ++i)
            QCOMPARE(bases[i] % bases[i - 1], 0);
    }

    void baseForRequestedWidth()
    {
        QCOMPARE(binwidth::finestBaseFor(kNsPerSecond), 100 * kNsPerUs);
        QCOMPARE(binwidth::coarsestBaseFor(kNsPerSecond), kNsPerSecond);
        QCOMPARE(binwidth::coarsestBaseFor(30 * kNsPerSecond), 10 * kNsPerSecond);
        QCOMPARE(binwidth::coarsestBaseFor(250 * kNsPerMs), 10 * kNsPerMs);
    }

    void autoWidthGivesAFewHundredBins_data()
    {
        QTest::addColumn<qint64>("active");
        QTest::newRow("0.4 s") << qint64(400 * kNsPerMs);
        QTest::newRow("5 min") << qint64(300 * kNsPerSecond);
        QTest::newRow("1 day") << qint64(86400 * kNsPerSecond);
    }
    void autoWidthGivesAFewHundredBins()
    {
        QFETCH(qint64, active);
        const TimeNs width = binwidth::autoWidth(active, 100 * kNsPerUs);
        const qint64 bins = active / width;
        QVERIFY2(bins >= 100 && bins <= binwidth::kTargetBins, qPrintable(QString::number(bins)));
    }
};

QTEST_GUILESS_MAIN(TestBinWidth)
#include "tst_binwidth.moc"
