#include "common/throttledprogress.h"

#include <QTest>
#include <QThread>
#include <vector>

using namespace tideline;

class TestThrottledProgress : public QObject
{
    Q_OBJECT

private slots:
    void firstUpdateReportsThenThrottles()
    {
        std::vector<Progress> reports;
        ThrottledProgress throttle(
            [&](const Progress &p) {
                reports.push_back(p);
                return true;
            },
            100);
        for (qint64 i = 1; i <= 50; ++i)
            QVERIFY(throttle.update(i));
        QCOMPARE(reports.size(), std::size_t(1)); // 50 updates well within 100 ms
        QCOMPARE(reports.front().items, qint64(1));
        QCOMPARE(reports.front().fraction, 0.01);
        QThread::msleep(120);
        QVERIFY(throttle.update(60));
        QCOMPARE(reports.size(), std::size_t(2));
        QVERIFY(throttle.force(100));
        QCOMPARE(reports.back().fraction, 1.0);
    }

    void givenFractionMapsIntoRange()
    {
        std::vector<Progress> reports;
        ThrottledProgress throttle(
            [&](const Progress &p) {
                reports.push_back(p);
                return true;
            },
            0, 0.5, 1.0);
        QVERIFY(throttle.update(7, 0.5));
        QCOMPARE(reports.back().items, qint64(7));
        QCOMPARE(reports.back().fraction, 0.75);
        QVERIFY(throttle.force(8));
        QVERIFY(reports.back().fraction < 0); // no total: unknown
    }

    void stopsForGoodWhenAsked()
    {
        int calls = 0;
        ThrottledProgress throttle(
            [&](const Progress &) {
                ++calls;
                return false;
            },
            10);
        QVERIFY(!throttle.update(1, 0.1));
        QVERIFY(!throttle.force(2));
        QVERIFY(throttle.stopped());
        QCOMPARE(calls, 1);
    }
};

QTEST_GUILESS_MAIN(TestThrottledProgress)
#include "tst_throttledprogress.moc"
