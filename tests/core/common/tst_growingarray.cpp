#include "common/growingarray.h"

#include <QTest>
#include <cstdint>
#include <utility>
#include <vector>

using namespace tideline;

namespace {

struct Record
{
    std::uint64_t value = 7; // value-initialised elements have it
    std::uint32_t extra = 0;
};

constexpr std::size_t kMegabyte = std::size_t(1) << 20;

} // namespace

class TestGrowingArray : public QObject
{
    Q_OBJECT

private slots:
    void behavesLikeAVector()
    {
        GrowingArray<Record> array;
        QVERIFY(array.empty());
        for (std::uint32_t i = 0; i < 5; ++i)
            array.push_back({i, i});
        array.emplace_back().extra = 5;
        QCOMPARE(array.size(), std::size_t(6));
        QCOMPARE(array[2].value, std::uint64_t(2));
        QCOMPARE(array[5].value, std::uint64_t(7));
        QCOMPARE(array.end() - array.begin(), 6);

        array.resize(2);
        array.resize(4); // grown again: value-initialised, not what was there
        QCOMPARE(array[1].extra, 1u);
        QCOMPARE(array[3].value, std::uint64_t(7));
        QCOMPARE(array[3].extra, 0u);

        const std::vector<Record> more{{10, 10}, {11, 11}};
        array.append(more.data(), more.data() + more.size());
        QCOMPARE(array.size(), std::size_t(6));
        QCOMPARE(array[5].extra, 11u);
        array.clear();
        QVERIFY(array.empty());
    }

    // The reason for the class: growing far past where a vector reallocates (every doubling)
    // never moves the elements, so nothing is copied or touched twice.
    void growsInPlace()
    {
        GrowingArray<std::uint64_t> array;
        array.push_back(1);
        const std::uint64_t *start = array.data();
        const std::size_t count = 6 * kMegabyte / sizeof(std::uint64_t);
        for (std::size_t i = 1; i < count; ++i)
            array.push_back(i + 1);
        QCOMPARE(array.data(), start);
        QCOMPARE(array[count - 1], std::uint64_t(count));
    }

    void outgrowingTheReservationKeepsTheElements()
    {
        GrowingArray<Record> array;
        for (std::uint32_t i = 0; i < 3; ++i)
            array.push_back({i, i});
        const Record *start = array.data();
        array.reserve(array.capacity() + 1);
        QVERIFY(array.data() != start);
        QCOMPARE(array.size(), std::size_t(3));
        QCOMPARE(array[2].extra, 2u);
    }

    void movingHandsTheMemoryOver()
    {
        GrowingArray<Record> array;
        array.push_back({1, 1});
        const Record *start = array.data();
        GrowingArray<Record> moved = std::move(array);
        QCOMPARE(moved.data(), start);
        QCOMPARE(moved.size(), std::size_t(1));
        QVERIFY(array.empty());
        array.push_back({2, 2}); // a moved-from array is empty and usable
        QCOMPARE(array[0].extra, 2u);
        moved = std::move(array);
        QCOMPARE(moved[0].extra, 2u);
    }
};

QTEST_GUILESS_MAIN(TestGrowingArray)
#include "tst_growingarray.moc"
