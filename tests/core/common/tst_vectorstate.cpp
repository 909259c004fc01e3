#include "common/vectorstate.h"

#include <QHash>
#include <QString>
#include <QTest>
#include <optional>

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#endif

using namespace tideline;

namespace {

#if defined(__x86_64__) || defined(__i386__)
// XGETBV with ECX = 1: the state components in use; bit 2 is the upper halves of the AVX
// registers. Only where the CPU has XGETBV1 and the system saves AVX state.
std::optional<unsigned> componentsInUse()
{
    unsigned a = 0, b = 0, c = 0, d = 0;
    if (!__get_cpuid_count(0xd, 1, &a, &b, &c, &d) || !(a & (1u << 2)))
        return std::nullopt; // no XGETBV1
    if (!__builtin_cpu_supports("avx"))
        return std::nullopt;
    unsigned low = 0, high = 0;
    asm volatile("xgetbv" : "=a"(low), "=d"(high) : "c"(1));
    return low;
}
#else
std::optional<unsigned> componentsInUse()
{
    return std::nullopt;
}
#endif

constexpr unsigned kUpperHalves = 1u << 2;

} // namespace

class TestVectorState : public QObject
{
    Q_OBJECT

private slots:
    // After Qt hashes strings (which on CPUs with VAES leaves the upper halves in use), the
    // numeric code finds them unused again.
    void theUpperHalvesAreUnusedAfterQtHashedStrings()
    {
        if (!componentsInUse())
            QSKIP("this CPU cannot say which vector state is in use (no AVX or no XGETBV1)");
        QHash<QString, int> names;
        for (int i = 0; i < 64; ++i)
            names.insert(QStringLiteral("feature_%1").arg(i), i);
        QCOMPARE(names.value(QStringLiteral("feature_7")), 7);
        if (!(*componentsInUse() & kUpperHalves))
            QSKIP("Qt's hash left the upper halves unused on this CPU: nothing to clear");
        clearUpperVectorState();
        QCOMPARE(*componentsInUse() & kUpperHalves, 0u);
    }
};

QTEST_GUILESS_MAIN(TestVectorState)
#include "tst_vectorstate.moc"
