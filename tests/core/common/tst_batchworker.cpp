#include "common/batchworker.h"

#include <QTest>
#include <thread>

using namespace tideline;

namespace {

// Records what reaches the consumer and on which thread.
struct Recorder
{
    std::vector<int> items;
    std::vector<std::thread::id> threads;

    BatchWorker<int>::Consumer consumer()
    {
        return [this](std::span<const int> batch) {
            for (const int item : batch) {
                items.push_back(item);
                threads.push_back(std::this_thread::get_id());
            }
        };
    }
};

std::vector<int> feed(BatchWorker<int> &worker, int count)
{
    std::vector<int> sent;
    for (int i = 0; i < count; ++i) {
        const int item = i * 7 % 1000; // not sorted: order must be kept, not restored
        worker.add(item);
        sent.push_back(item);
    }
    return sent;
}

} // namespace

class TestBatchWorker : public QObject
{
    Q_OBJECT

private slots:
    void everyItemArrivesInOrder_data()
    {
        QTest::addColumn<int>("count");
        QTest::newRow("none") << 0;
        QTest::newRow("less than a batch") << 3;
        QTest::newRow("many batches and a rest") << 1'000'003;
    }

    void everyItemArrivesInOrder()
    {
        QFETCH(int, count);
        Recorder recorder;
        BatchWorker<int> worker(recorder.consumer());
        const std::vector<int> sent = feed(worker, count);
        worker.finish();
        QCOMPARE(recorder.items, sent);
    }

    void theConsumerRunsOnAnotherThread()
    {
        Recorder recorder;
        BatchWorker<int> worker(recorder.consumer());
        feed(worker, 10'000);
        worker.finish();
        QCOMPARE(recorder.threads.size(), std::size_t(10'000));
        for (const std::thread::id id : recorder.threads)
            QVERIFY(id != std::this_thread::get_id());
    }

    void itemsAfterFinishArriveDirectly()
    {
        Recorder recorder;
        BatchWorker<int> worker(recorder.consumer());
        feed(worker, 5);
        worker.finish();
        feed(worker, 2);
        QCOMPARE(recorder.items.size(), std::size_t(7));
        QCOMPARE(recorder.threads.back(), std::this_thread::get_id());
    }

    void destroyingWithoutFinishDeliversEverything()
    {
        Recorder recorder;
        std::vector<int> sent;
        {
            BatchWorker<int> worker(recorder.consumer());
            sent = feed(worker, 50'000);
        }
        QCOMPARE(recorder.items, sent);
    }
};

QTEST_GUILESS_MAIN(TestBatchWorker)
#include "tst_batchworker.moc"
