#include "common/batchworker.h"
#include "common/executor.h"
#include "common/parallel.h"

#include <QSemaphore>
#include <QTest>
#include <QThread>
#include <atomic>
#include <numeric>
#include <thread>
#include <vector>

using namespace tideline;

class TestExecutor : public QObject
{
    Q_OBJECT

private slots:
    void cleanup()
    {
        computePool().setMaxThreadCount(QThread::idealThreadCount() + 1);
        setDetectorThreads(0);
    }

    void taskRunsOnThePool()
    {
        QThread *ranOn = nullptr;
        ComputeTask task([&] { ranOn = QThread::currentThread(); });
        task.wait();
        QVERIFY(ranOn != nullptr);
    }

    // With every pool thread busy, waiting runs the task on the waiting thread instead of
    // waiting for a pool thread: nested work never deadlocks on its own pool.
    void waitRunsATaskNoThreadTook()
    {
        computePool().setMaxThreadCount(1);
        QSemaphore release;
        QSemaphore started;
        ComputeTask blocker([&] {
            started.release();
            release.acquire();
        });
        started.acquire();
        QThread *ranOn = nullptr;
        {
            ComputeTask task([&] { ranOn = QThread::currentThread(); });
            task.wait();
        }
        QCOMPARE(ranOn, QThread::currentThread());
        release.release();
    }

    void parallelLoopInsideAPoolThread()
    {
        computePool().setMaxThreadCount(1);
        setDetectorThreads(4);
        std::vector<int> out(1000, 0);
        bool finished = false;
        ComputeTask outer([&] {
            finished = parallelForBlocks(qint64(out.size()), 10,
                                         [&](qint64 begin, qint64 end) {
                                             for (qint64 i = begin; i < end; ++i)
                                                 out[std::size_t(i)] = int(i);
                                         },
                                         {});
        });
        outer.wait();
        QVERIFY(finished);
        for (std::size_t i = 0; i < out.size(); ++i)
            QCOMPARE(out[i], int(i));
    }

    // The ingest's consumer must run beside the producer: with the pool full it waits for a
    // thread instead of running on the producer's.
    void batchWorkerWaitsForAPoolThread()
    {
        computePool().setMaxThreadCount(1);
        QSemaphore release;
        QSemaphore started;
        ComputeTask blocker([&] {
            started.release();
            release.acquire();
        });
        started.acquire();
        std::vector<int> seen;
        std::vector<QThread *> threads;
        std::thread releaser([&] {
            QThread::msleep(50);
            release.release();
        });
        {
            BatchWorker<int> worker([&](std::span<const int> items) {
                seen.insert(seen.end(), items.begin(), items.end());
                threads.push_back(QThread::currentThread());
            });
            for (int i = 0; i < 3000; ++i)
                worker.add(i);
            worker.finish();
        }
        releaser.join();
        std::vector<int> expected(3000);
        std::iota(expected.begin(), expected.end(), 0);
        QCOMPARE(seen, expected);
        for (QThread *thread : threads)
            QVERIFY(thread != QThread::currentThread());
    }
};

QTEST_GUILESS_MAIN(TestExecutor)
#include "tst_executor.moc"
