#pragma once

// What backs a block of memory: for tests of the allocators that ask for huge pages.

#include <QByteArray>
#include <QFile>
#include <QString>
#include <cstdint>

// The kilobytes of huge pages backing the mapping that holds `pointer`, from /proc/self/smaps;
// -1 when that cannot be read.
inline qint64 hugeKilobytesAround(const void *pointer)
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

inline bool hugePagesOff()
{
    QFile setting(QStringLiteral("/sys/kernel/mm/transparent_hugepage/enabled"));
    return !setting.open(QIODevice::ReadOnly) || setting.readAll().contains("[never]");
}
