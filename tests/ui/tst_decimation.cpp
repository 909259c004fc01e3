#include "decimation.h"

#include <QTest>
#include <algorithm>
#include <cmath>
#include <vector>

using namespace tideline;

class TestDecimation : public QObject
{
    Q_OBJECT

private slots:
    void keepsEveryRowWhenThereIsRoom()
    {
        const std::vector<double> values{1, 5, 2, 8};
        const QList<QPointF> points = decimateMinMax(values, 0, 4, 100);
        QCOMPARE(points.size(), 4);
        QCOMPARE(points[3], QPointF(3.5, 8));
    }

    void keepsSpikesAndDipsOfAMillionRows()
    {
        std::vector<double> values(1'000'000, 10.0);
        values[123'456] = 1e6; // a one-bin spike
        values[654'321] = -5;  // a one-bin dip
        const QList<QPointF> points = decimateMinMax(values, 0, qsizetype(values.size()), 800);
        QVERIFY(points.size() <= 1600);
        const auto highest = std::max_element(points.begin(), points.end(),
                                              [](QPointF a, QPointF b) { return a.y() < b.y(); });
        const auto lowest = std::min_element(points.begin(), points.end(),
                                             [](QPointF a, QPointF b) { return a.y() < b.y(); });
        QCOMPARE(highest->y(), 1e6);
        QCOMPARE(highest->x(), 123'456.5);
        QCOMPARE(lowest->y(), -5.0);
    }

    void pointsAreInRowOrder()
    {
        std::vector<double> values(10'000);
        for (std::size_t i = 0; i < values.size(); ++i)
            values[i] = double((i * 7919) % 101);
        const QList<QPointF> points = decimateMinMax(values, 500, 9500, 300);
        QVERIFY(std::is_sorted(points.begin(), points.end(),
                               [](QPointF a, QPointF b) { return a.x() < b.x(); }));
        QVERIFY(points.front().x() >= 500 && points.back().x() < 9500);
    }

    void rowsWithoutDataBreakTheLine()
    {
        const double none = qQNaN();
        // Every row kept: the NaN stays where it is.
        const QList<QPointF> all = decimateMinMax(std::vector<double>{1, none, 3}, 0, 3, 10);
        QCOMPARE(all.size(), 3);
        QVERIFY(std::isnan(all[1].y()));

        // Decimated: a column with some data ignores its NaN rows (no dip to the NaN), a
        // column with none becomes a single NaN point.
        std::vector<double> values(3000, 5.0);
        std::fill(values.begin() + 1000, values.begin() + 2000, none);
        values[500] = none;
        values[2500] = 9.0;
        const QList<QPointF> points = decimateMinMax(values, 0, 3000, 3);
        QCOMPARE(points.size(), 4);
        QCOMPARE(points[0].y(), 5.0);
        QVERIFY(std::isnan(points[1].y()));
        QCOMPARE(points[1].x(), 1000.5);
        QCOMPARE(points[2].y(), 5.0);
        QCOMPARE(points[3], QPointF(2500.5, 9.0));
    }

    void emptyAndOutOfRangeInputs()
    {
        const std::vector<double> values{1, 2, 3};
        QVERIFY(decimateMinMax({}, 0, 10, 100).isEmpty());
        QVERIFY(decimateMinMax(values, 5, 10, 100).isEmpty());
        QCOMPARE(decimateMinMax(values, -3, 99, 100).size(), 3);
        // A single column still keeps its extremes.
        const QList<QPointF> one = decimateMinMax(values, 0, 3, 0);
        QCOMPARE(one.size(), 2);
        QCOMPARE(one.front().y(), 1.0);
        QCOMPARE(one.back().y(), 3.0);
    }
};

QTEST_GUILESS_MAIN(TestDecimation)
#include "tst_decimation.moc"
