#include "capture/threadedsink.h"

#include <QTest>
#include <thread>

using namespace tideline;

namespace {

// Records what reaches it and from which thread.
class Recorder : public PacketSink
{
public:
    void addPacket(const Packet &packet) override
    {
        times.push_back(packet.time);
        threads.push_back(std::this_thread::get_id());
    }
    std::vector<TimeNs> times;
    std::vector<std::thread::id> threads;
};

std::vector<TimeNs> feed(PacketSink &sink, int count)
{
    std::vector<TimeNs> sent;
    for (int i = 0; i < count; ++i) {
        Packet packet;
        packet.time = TimeNs(i) * 7 % 1000; // not sorted: order must be kept, not restored
        sink.addPacket(packet);
        sent.push_back(packet.time);
    }
    return sent;
}

} // namespace

class TestThreadedSink : public QObject
{
    Q_OBJECT

private slots:
    void everyPacketArrivesInOrder_data()
    {
        QTest::addColumn<int>("count");
        QTest::newRow("none") << 0;
        QTest::newRow("less than a batch") << 3;
        QTest::newRow("many batches and a rest") << 100'003;
    }

    void everyPacketArrivesInOrder()
    {
        QFETCH(int, count);
        Recorder recorder;
        ThreadedSink sink(recorder);
        const std::vector<TimeNs> sent = feed(sink, count);
        sink.finish();
        QCOMPARE(recorder.times, sent);
    }

    void theDownstreamSinkRunsOnAnotherThread()
    {
        Recorder recorder;
        ThreadedSink sink(recorder);
        feed(sink, 10'000);
        sink.finish();
        QCOMPARE(recorder.threads.size(), std::size_t(10'000));
        for (const std::thread::id id : recorder.threads)
            QVERIFY(id != std::this_thread::get_id());
    }

    void packetsAfterFinishArriveDirectly()
    {
        Recorder recorder;
        ThreadedSink sink(recorder);
        feed(sink, 5);
        sink.finish();
        feed(sink, 2);
        QCOMPARE(recorder.times.size(), std::size_t(7));
        QCOMPARE(recorder.threads.back(), std::this_thread::get_id());
    }

    void destroyingWithoutFinishDeliversEverything()
    {
        Recorder recorder;
        std::vector<TimeNs> sent;
        {
            ThreadedSink sink(recorder);
            sent = feed(sink, 50'000);
        }
        QCOMPARE(recorder.times, sent);
    }
};

QTEST_GUILESS_MAIN(TestThreadedSink)
#include "tst_threadedsink.moc"
