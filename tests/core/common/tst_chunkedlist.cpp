#include "common/chunkedlist.h"

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

using SmallList = ChunkedList<Record, 2>; // chunks of four: boundaries everywhere

} // namespace

class TestChunkedList : public QObject
{
    Q_OBJECT

private slots:
    void indexesAcrossChunks()
    {
        SmallList list;
        QVERIFY(list.empty());
        for (std::uint32_t i = 0; i < 10; ++i)
            list.emplace_back().extra = i;
        QCOMPARE(list.size(), std::size_t(10));
        for (std::uint32_t i = 0; i < 10; ++i) {
            QCOMPARE(list[i].extra, i);
            QCOMPARE(list[i].value, std::uint64_t(7));
        }
        QCOMPARE(list.front().extra, 0u);
    }

    // The reason for the class: growing never moves an element (a vector's reallocation
    // would), so nothing is copied and references stay good.
    void elementsNeverMove()
    {
        SmallList list;
        std::vector<const Record *> addresses;
        for (std::size_t i = 0; i < 4 * SmallList::kChunkSize; ++i)
            addresses.push_back(&list.emplace_back());
        for (std::size_t i = 0; i < addresses.size(); ++i)
            QCOMPARE(&list[i], addresses[i]);
    }

    void movingHandsTheChunksOver()
    {
        SmallList list;
        for (int i = 0; i < 6; ++i)
            list.emplace_back().extra = std::uint32_t(i);
        const Record *fifth = &list[5];
        SmallList moved = std::move(list);
        QCOMPARE(moved.size(), std::size_t(6));
        QCOMPARE(&moved[5], fifth);
        QCOMPARE(moved[5].extra, 5u);
    }
};

QTEST_GUILESS_MAIN(TestChunkedList)
#include "tst_chunkedlist.moc"
