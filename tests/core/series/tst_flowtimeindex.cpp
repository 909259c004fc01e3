// The flow index by time must find exactly the flows a scan of every flow finds.

#include "series/flowtimeindex.h"

#include <QTest>
#include <limits>
#include <random>

using namespace tideline;

namespace {

struct Span
{
    TimeNs first;
    TimeNs last;
};

FlowList makeFlows(const std::vector<Span> &spans)
{
    FlowList flows;
    for (const Span &span : spans) {
        Flow &flow = flows.emplace_back();
        flow.first = span.first;
        flow.last = span.last;
    }
    return flows;
}

std::vector<std::uint32_t> scan(const FlowList &flows, TimeNs from, TimeNs to)
{
    std::vector<std::uint32_t> found;
    for (std::size_t i = 0; i < flows.size(); ++i) {
        if (flows[i].first < to && flows[i].last >= from)
            found.push_back(std::uint32_t(i));
    }
    return found;
}

// Mostly short flows in order of their first packet, some long ones, some first times
// stepping back (captures are not always in time order).
std::vector<Span> randomSpans(std::size_t count, std::uint32_t seed)
{
    std::mt19937_64 random(seed);
    std::uniform_int_distribution<TimeNs> step(0, 2000);
    std::uniform_int_distribution<TimeNs> shortLength(0, 5000);
    std::uniform_int_distribution<TimeNs> longLength(0, 5'000'000);
    std::uniform_int_distribution<TimeNs> back(0, 50'000);
    std::uniform_real_distribution<double> chance(0.0, 1.0);
    std::vector<Span> spans;
    TimeNs now = 1'000'000;
    for (std::size_t i = 0; i < count; ++i) {
        now += step(random);
        const TimeNs first = chance(random) < 0.02 ? now - back(random) : now;
        const TimeNs length = chance(random) < 0.01 ? longLength(random) : shortLength(random);
        spans.push_back({first, first + length});
    }
    return spans;
}

} // namespace

class TestFlowTimeIndex : public QObject
{
    Q_OBJECT

private slots:
    void findsWhatAScanFinds_data()
    {
        QTest::addColumn<int>("count");
        QTest::addColumn<uint>("seed");
        for (int count : {1, 2, 63, 64, 65, 4095, 4097, 20000, 300000})
            QTest::addRow("%d flows", count) << count << uint(count * 7 + 1);
    }

    void findsWhatAScanFinds()
    {
        QFETCH(int, count);
        QFETCH(uint, seed);
        const FlowList flows = makeFlows(randomSpans(std::size_t(count), seed));
        const FlowTimeIndex index(flows);
        const TimeNs begin = flows[0].first - 10'000;
        const TimeNs end = flows[flows.size() - 1].last + 6'000'000;
        std::mt19937_64 random(seed + 1);
        std::uniform_int_distribution<TimeNs> at(begin, end);
        std::uniform_int_distribution<TimeNs> length(0, 200'000);
        const int queries = count > 20000 ? 40 : 400;
        for (int q = 0; q < queries; ++q) {
            const TimeNs from = at(random);
            const TimeNs to = from + length(random);
            QCOMPARE(index.between(flows, from, to), scan(flows, from, to));
        }
        // The whole capture, before it, after it, an empty and a reversed range.
        QCOMPARE(index.between(flows, begin, end), scan(flows, begin, end));
        QCOMPARE(index.between(flows, begin - 100, begin), scan(flows, begin - 100, begin));
        QCOMPARE(index.between(flows, end, end + 100), scan(flows, end, end + 100));
        QCOMPARE(index.between(flows, flows[0].first, flows[0].first),
                 scan(flows, flows[0].first, flows[0].first));
        QCOMPARE(index.between(flows, end, begin), scan(flows, end, begin));
    }

    void degenerateLists()
    {
        const FlowList none;
        QVERIFY(FlowTimeIndex(none).between(none, 0, 100).empty());
        QVERIFY(FlowTimeIndex().between(none, 0, 100).empty());

        // One instant, equal first times, and times at the ends of the range of TimeNs.
        constexpr TimeNs kMax = std::numeric_limits<TimeNs>::max();
        constexpr TimeNs kMin = std::numeric_limits<TimeNs>::min();
        const FlowList odd = makeFlows(
            {{5, 5}, {5, 5}, {5, 9}, {kMin, kMin}, {kMax - 1, kMax - 1}, {kMin, kMax - 1}});
        const FlowTimeIndex index(odd);
        for (const auto &[from, to] : std::vector<std::pair<TimeNs, TimeNs>>{{5, 6},
                                                                             {6, 7},
                                                                             {9, 10},
                                                                             {10, 11},
                                                                             {kMin, kMin + 1},
                                                                             {kMax - 1, kMax},
                                                                             {kMin, kMax}})
            QCOMPARE(index.between(odd, from, to), scan(odd, from, to));
    }
};

QTEST_GUILESS_MAIN(TestFlowTimeIndex)
#include "tst_flowtimeindex.moc"
