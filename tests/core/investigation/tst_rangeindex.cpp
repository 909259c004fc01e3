#include "investigation/rangeindex.h"

#include <QRandomGenerator>
#include <QTest>
#include <limits>

using namespace tideline;

namespace {

// What RangeIndex replaces: a pass over every range.
std::vector<TimeRange> overlappingByPass(const std::vector<TimeRange> &ranges, TimeRange stretch,
                                         std::size_t skip)
{
    std::vector<TimeRange> found;
    for (std::size_t i = 0; i < ranges.size(); ++i) {
        if (i != skip && ranges[i].first < stretch.second && ranges[i].second > stretch.first)
            found.push_back(ranges[i]);
    }
    std::stable_sort(found.begin(), found.end(),
                     [](const TimeRange &a, const TimeRange &b) { return a.first < b.first; });
    return found;
}

} // namespace

class TestRangeIndex : public QObject
{
    Q_OBJECT

private slots:
    void findsWhatAPassFinds()
    {
        QRandomGenerator random(7);
        for (int round = 0; round < 50; ++round) {
            // Short ranges in order, as a run's intervals are, and a few long ones anywhere,
            // as manual and detached rows are.
            std::vector<TimeRange> ranges;
            const int count = int(random.bounded(1, 200));
            TimeNs at = 0;
            for (int i = 0; i < count; ++i) {
                at += random.bounded(0, 50);
                ranges.emplace_back(at, at + random.bounded(1, 30));
            }
            for (int i = 0; i < 3; ++i) {
                const TimeNs start = random.bounded(0, int(at) + 1);
                ranges.emplace_back(start, start + random.bounded(1, int(at) + 2));
            }
            const RangeIndex index(ranges);
            std::vector<TimeRange> found;
            for (int probe = 0; probe < 100; ++probe) {
                const TimeNs start = random.bounded(-50, int(at) + 50);
                const TimeRange stretch{start, start + random.bounded(1, 200)};
                const std::size_t skip = random.bounded(quint32(ranges.size() + 1));
                index.overlapping(stretch, skip, found);
                QCOMPARE(found, overlappingByPass(ranges, stretch, skip));
            }
        }
    }

    void aLongRangeThatStartsEarlyIsFound()
    {
        // The long range starts first: a search on starts alone would pass it by.
        const std::vector<TimeRange> ranges{{0, 1000}, {10, 20}, {30, 40}, {900, 910}};
        const RangeIndex index(ranges);
        std::vector<TimeRange> found;
        index.overlapping({500, 600}, ranges.size(), found);
        QCOMPARE(found, (std::vector<TimeRange>{{0, 1000}}));
        index.overlapping({500, 600}, 0, found);
        QVERIFY(found.empty());
        index.overlapping({15, 35}, 1, found);
        QCOMPARE(found, (std::vector<TimeRange>{{0, 1000}, {30, 40}}));
    }

    void degenerateInputs()
    {
        std::vector<TimeRange> found{{1, 2}};
        RangeIndex(std::vector<TimeRange>{}).overlapping({0, 10}, 0, found);
        QVERIFY(found.empty());

        const std::vector<TimeRange> one{{5, 6}};
        RangeIndex(one).overlapping({0, 10}, 0, found);
        QVERIFY(found.empty());
        RangeIndex(one).overlapping({0, 10}, 1, found);
        QCOMPARE(found, one);
        RangeIndex(one).overlapping({6, 10}, 1, found); // touching is not overlapping
        QVERIFY(found.empty());

        const std::vector<TimeRange> same(4, TimeRange{3, 4});
        RangeIndex(same).overlapping({0, 10}, 2, found);
        QCOMPARE(found.size(), std::size_t(3));

        // A stretch as wide as time itself, as a baseline's reach saturates to.
        const TimeNs lowest = std::numeric_limits<TimeNs>::min();
        const TimeNs highest = std::numeric_limits<TimeNs>::max();
        const std::vector<TimeRange> extremes{{lowest, lowest + 1}, {0, 1}, {highest - 1, highest}};
        RangeIndex(extremes).overlapping({lowest, highest}, 3, found);
        QCOMPARE(found, extremes);
    }
};

QTEST_GUILESS_MAIN(TestRangeIndex)
#include "tst_rangeindex.moc"
