#include "common/hugepageallocator.h"

#include <QFile>
#include <QTest>
#include <cstdint>
#include <vector>

using namespace tideline;

namespace {

constexpr std::size_t kHugePage = HugePageAllocator<char>::kHugePage;

bool alignedTo(const void *pointer, std::size_t alignment)
{
    return reinterpret_cast<std::uintptr_t>(pointer) % alignment == 0;
}

// The kilobytes of huge pages backing the mapping that holds `pointer`, from /proc/self/smaps;
// -1 when that cannot be read.
qint64 hugeKilobytesAround(const void *pointer)
{
    QFile smaps(QStringLiteral("/proc/self/smaps"));
    if (!smaps.open(QIODevice::ReadOnly | QIODevice::Text))
        return -1;
    const auto address = reinterpret_cast<std::uintptr_t>(pointer);
    bool inside = false;
    for (const QByteArray &line : smaps.readAll().split('\n')) {
        const int dash = line.indexOf('-');
        const int space = line.indexOf(' ');
        if (dash > 0 && space > dash) { // a mapping's first line: "start-end perms ..."
            bool ok1 = false, ok2 = false;
            const auto start = line.left(dash).toULongLong(&ok1, 16);
            const auto end = line.mid(dash + 1, space - dash - 1).toULongLong(&ok2, 16);
            inside = ok1 && ok2 && address >= start && address < end;
        } else if (inside && line.startsWith("AnonHugePages:")) {
            return line.mid(14).trimmed().split(' ').value(0).toLongLong();
        }
    }
    return -1;
}

bool hugePagesOff()
{
    QFile setting(QStringLiteral("/sys/kernel/mm/transparent_hugepage/enabled"));
    return !setting.open(QIODevice::ReadOnly) || setting.readAll().contains("[never]");
}

} // namespace

class TestHugePageAllocator : public QObject
{
    Q_OBJECT

private slots:
    void smallBlocksAreOrdinaryAndAligned()
    {
        std::vector<double, HugePageAllocator<double>> values(1000, 1.5);
        QVERIFY(alignedTo(values.data(), alignof(std::max_align_t)));
        QCOMPARE(values[999], 1.5);
        std::vector<int, HugePageAllocator<int>> none;
        none.reserve(0);
        none.push_back(7);
        QCOMPARE(none.front(), 7);
    }

    void largeBlocksStartOnAHugePage()
    {
        std::vector<std::uint64_t, HugePageAllocator<std::uint64_t>> table(kHugePage);
        QVERIFY(alignedTo(table.data(), kHugePage));
        table.back() = 42;
        QCOMPARE(table.back(), std::uint64_t(42));
    }

    void largeBlocksAreBackedByHugePages()
    {
        if (hugePagesOff())
            QSKIP("transparent huge pages are off on this system");
        // 16 MB, written all over, as the flow table is.
        std::vector<std::uint8_t, HugePageAllocator<std::uint8_t>> table(8 * kHugePage, 1);
        const qint64 huge = hugeKilobytesAround(table.data());
        if (huge < 0)
            QSKIP("no /proc/self/smaps to read");
        QVERIFY2(huge >= qint64(kHugePage / 1024),
                 qPrintable(QStringLiteral("%1 kB in huge pages").arg(huge)));
    }

    void rebindsForHashTables()
    {
        // absl's tables allocate through a rebound copy of the allocator.
        HugePageAllocator<std::pair<const int, int>> pairs;
        HugePageAllocator<char> bytes(pairs);
        char *block = bytes.allocate(3 * kHugePage);
        QVERIFY(alignedTo(block, kHugePage));
        bytes.deallocate(block, 3 * kHugePage);
        QVERIFY(pairs == bytes);
    }
};

QTEST_GUILESS_MAIN(TestHugePageAllocator)
#include "tst_hugepageallocator.moc"
