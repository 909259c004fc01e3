// What the window keeps of a live capture: bins become rows, an anomaly grows while its bins
// stay anomalous, unscored bins have no score, and drops land on the bins they happened in.

#include "investigation/investigation.h"
#include "liverecording.h"

#include <QTest>
#include <cmath>

using namespace tideline;

namespace {

constexpr TimeNs kStart = 1'700'000'000 * kNsPerSecond;

LiveBatch::Bin bin(qsizetype index, std::optional<double> score, bool anomalous = false,
                   bool hasData = true)
{
    LiveBatch::Bin made;
    ScoredBin &scored = made.scored;
    scored.bin.start = kStart + index * kNsPerSecond;
    scored.bin.end = scored.bin.start + kNsPerSecond;
    scored.bin.hasData = hasData;
    if (hasData)
        scored.bin.values = Eigen::RowVectorXd::Constant(
            Eigen::Index(Traffic::featureInfos().size()), double(index));
    scored.score = score;
    scored.threshold = score ? 5.0 : 0.0;
    scored.hold = score ? 4.0 : 0.0;
    scored.anomalous = anomalous;
    return made;
}

Anomaly found(qsizetype index, double score)
{
    Anomaly anomaly;
    anomaly.start = kStart + index * kNsPerSecond;
    anomaly.end = anomaly.start + kNsPerSecond;
    anomaly.peakScore = anomaly.meanScore = score;
    anomaly.kind = QStringLiteral("port_scan");
    anomaly.summary = QStringLiteral("10.0.0.66 probed 400 ports of 10.0.0.5");
    return anomaly;
}

LiveOptions options()
{
    LiveOptions live;
    live.detection.detector = QStringLiteral("windowed_gaussian");
    live.warmUpBins = 3;
    return live;
}

} // namespace

class TestLiveRecording : public QObject
{
    Q_OBJECT

private slots:
    void binsScoresAndAnomalies()
    {
        LiveRecording recording(QStringLiteral("lo"), options());
        LiveBatch first;
        for (qsizetype i = 0; i < 3; ++i)
            first.bins.push_back(bin(i, std::nullopt)); // the warm-up
        first.bins.push_back(bin(3, 1.0));
        first.trainingScores = ScoreDistribution(std::vector<double>(30, 1.0));
        recording.add(first);
        QCOMPARE(recording.binCount(), 4);
        QVERIFY(recording.isScoring());

        LiveBatch second;
        second.bins.push_back(bin(4, 9.0, true));
        second.bins.back().found = found(4, 9.0);
        second.bins.push_back(bin(5, 7.0, true)); // still above the hold level: it grows
        second.bins.push_back(bin(6, 1.0));
        second.bins.push_back(bin(7, std::nullopt, false, false)); // a silence closes it
        second.bins.push_back(bin(8, 4.5, true)); // anomalous, but no interval is open
        recording.add(second);
        QCOMPARE(recording.binCount(), 9);
        QCOMPARE(recording.anomalies().size(), std::size_t(1));
        const Anomaly &anomaly = recording.anomalies().front();
        QCOMPARE(anomaly.end, kStart + 6 * kNsPerSecond);
        QCOMPARE(anomaly.peakScore, 9.0);
        QCOMPARE(anomaly.meanScore, 8.0);

        const auto input = recording.input();
        QCOMPARE(input->kind, LoadedInput::Kind::Live);
        QCOMPARE(input->series.rowCount(), 9);
        QCOMPARE(input->series.values.cols(), Eigen::Index(Traffic::featureInfos().size()));
        QCOMPARE(input->series.values(5, 0), 5.0);
        QVERIFY(!input->series.rowHasData(7));
        QCOMPARE(input->series.values(7, 0), 0.0);

        const auto result = recording.result();
        QCOMPARE(result->scores.size(), Eigen::Index(9));
        QVERIFY(std::isnan(result->scores[0]));
        QVERIFY(std::isnan(result->scores[7]));
        QCOMPARE(result->scores[4], 9.0);
        QCOMPARE(result->training,
                 (std::vector<bool>{true, true, true, false, false, false, false, false, false}));
        QCOMPARE(result->threshold, 5.0);
        QCOMPARE(result->model.trainingScores.size(), qsizetype(30));
        QCOMPARE(result->hold, 4.0);
        QCOMPARE(result->intervals.size(), std::size_t(1));
        QCOMPARE(result->intervals.front().first, 4);
        QCOMPARE(result->intervals.front().last, 5);

        // In the investigation, the row takes the pipeline's description.
        Investigation investigation;
        investigation.setInput(input);
        investigation.updateLive(input, recording.detection(), result, recording.anomalies());
        QCOMPARE(investigation.rows().size(), std::size_t(1));
        QCOMPARE(investigation.rows().front().anomaly.kind, QStringLiteral("port_scan"));
        QCOMPARE(investigation.rows().front().anomaly.summary, anomaly.summary);
        QCOMPARE(investigation.runs().size(), std::size_t(1));
        // Growing again replaces the run, never adds one.
        investigation.updateLive(recording.input(), recording.detection(), recording.result(),
                                 recording.anomalies());
        QCOMPARE(investigation.runs().size(), std::size_t(1));
        QCOMPARE(investigation.rows().front().anomaly.kind, QStringLiteral("port_scan"));
    }

    // Drops reported once a second fall on the bins closed since the report before.
    void dropsLandOnTheirBins()
    {
        LiveRecording recording(QStringLiteral("eth0"), options());
        LiveBatch batch;
        for (qsizetype i = 0; i < 6; ++i)
            batch.bins.push_back(bin(i, std::nullopt));
        batch.stats.push_back({2, {100, 0, 0}});
        batch.stats.push_back({5, {200, 7, 2}});
        batch.stats.push_back({6, {300, 7, 2}});
        batch.stats.push_back({6, {310, 9, 2}}); // no bin closed since: the open one
        recording.add(batch);
        QCOMPARE(recording.drops().size(), std::size_t(2));
        const LiveRecording::Drops &first = recording.drops()[0];
        QCOMPARE(first.firstRow, 2);
        QCOMPARE(first.lastRow, 4);
        QCOMPARE(first.kernel, 7);
        QCOMPARE(first.interface, 2);
        const LiveRecording::Drops &second = recording.drops()[1];
        QCOMPARE(second.firstRow, 6);
        QCOMPARE(second.lastRow, 6);
        QCOMPARE(second.kernel, 2);
        QCOMPARE(second.interface, 0);
        QCOMPARE(recording.counts().kernelDrops, 9);
    }
};

QTEST_GUILESS_MAIN(TestLiveRecording)
#include "tst_liverecording.moc"
