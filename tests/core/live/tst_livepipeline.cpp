#include "fixturedir.h"
#include "input/inputloader.h"
#include "live/livepipeline.h"
#include "live/packetsource.h"
#include "scenario/scenariogenerator.h"

#include <QTest>

using namespace tideline;

namespace {

// Records what the pipeline reports.
class Recorder : public LivePipeline::Listener
{
public:
    void binScored(const ScoredBin &bin) override { bins.push_back(bin); }
    void anomalyFound(const Anomaly &anomaly) override { anomalies.push_back(anomaly); }
    void modelFailed(const QString &why) override { failure = why; }

    std::vector<ScoredBin> bins;
    std::vector<Anomaly> anomalies;
    QString failure;
};

LiveOptions options(const QString &detector, int warmUpBins)
{
    LiveOptions live;
    live.detection.detector = detector;
    live.warmUpBins = warmUpBins;
    return live;
}

} // namespace

// The live pipeline on replayed sample captures: the scripted attacks come out as described
// anomalies, and every bin is scored as `detect`'s scoring pass scores it.
class TestLivePipeline : public QObject
{
    Q_OBJECT

private:
    FixtureDir m_dir;
    QString m_sample;
    ScenarioResult m_scenario;

private slots:
    void initTestCase()
    {
        m_sample = m_dir.filePath(QStringLiteral("sample.pcap"));
        m_scenario = generateScenario(m_sample, ScenarioOptions{});
        QVERIFY(m_scenario.ok());
    }

    void refusesSupervisedDetectors()
    {
        QVERIFY(LivePipeline::problem(options(QStringLiteral("random_forest"), 30))
                    .contains(QLatin1String("labelled")));
        QVERIFY(LivePipeline::problem(options(QStringLiteral("isolation_forest"), 30)).isEmpty());
        QVERIFY(!LivePipeline::problem(options(QStringLiteral("nonesuch"), 30)).isEmpty());
        QVERIFY(LivePipeline::problem(options(QStringLiteral("htm"), 30)).isEmpty());
        QVERIFY(!LivePipeline::problem(options(QStringLiteral("htm"), 1)).isEmpty());
    }

    // An online detector learns as it goes; a batch one scores each bin with the model the
    // warm-up trained.
    void findsScriptedAttacks_data()
    {
        QTest::addColumn<QString>("detector");
        QTest::newRow("windowed_gaussian") << QStringLiteral("windowed_gaussian");
        QTest::newRow("knn") << QStringLiteral("knn");
    }
    void findsScriptedAttacks()
    {
        QFETCH(QString, detector);
        Recorder recorder;
        LivePipeline pipeline(options(detector, 30), &recorder);
        std::atomic<bool> stop = false;
        CaptureStats stats;
        QVERIFY(replayCapture({m_sample, 0.0}, pipeline, stop, stats).isEmpty());
        pipeline.finish();
        QVERIFY2(recorder.failure.isEmpty(), qPrintable(recorder.failure));
        QCOMPARE(stats.packets, m_scenario.packets);
        QVERIFY(pipeline.isWarmedUp());
        for (const ScenarioAnomaly &attack : m_scenario.anomalies) {
            if (attack.kind == u"exfiltration")
                continue; // slow by design: no bin's counts give it away
            const bool found = std::any_of(
                recorder.anomalies.begin(), recorder.anomalies.end(), [&](const Anomaly &a) {
                    return a.start < attack.end && a.end > attack.start && !a.kind.isEmpty() &&
                           !a.summary.isEmpty() && a.packets.value_or(0) > 0;
                });
            QVERIFY2(found, qPrintable(attack.kind));
        }
        // Nothing beside the attacks, where the detector learns as it goes; a model of the first
        // 30 bins alone flags more, and only its finding them is checked.
        if (detector == u"windowed_gaussian")
            QCOMPARE(recorder.anomalies.size(), 3u);
    }

    // Live scores are those of one scoring pass, with the warm-up's model, over the file's
    // bins: the same binner, the same detector, learning as it goes.
    // Paced, the clock never closes a bin before the packet waited for is in it.
    void scoresAreTheScoringPass_data()
    {
        QTest::addColumn<double>("speed");
        QTest::newRow("as fast as it can") << 0.0;
        QTest::newRow("60 times real time") << 60.0;
    }
    void scoresAreTheScoringPass()
    {
        QFETCH(double, speed);
        Recorder recorder;
        LivePipeline pipeline(options(QStringLiteral("htm"), 40), &recorder);
        std::atomic<bool> stop = false;
        CaptureStats stats;
        QVERIFY(replayCapture({m_sample, speed}, pipeline, stop, stats).isEmpty());
        pipeline.finish();
        QVERIFY(pipeline.isWarmedUp());

        LoadOptions load;
        load.binWidth = kNsPerSecond;
        const LoadedInput input = loadInput(m_sample, load, {});
        QVERIFY(!input.error);
        const Series &series = input.series;
        QCOMPARE(qsizetype(recorder.bins.size()), series.rowCount());
        const DetectionModel &model = pipeline.model();
        const FeaturePipeline::Output transformed =
            model.pipeline.transform(series.values, series.features, series.starts);
        QVERIFY(transformed.ok());
        const Eigen::VectorXd batch =
            model.fitted->scoreTimed(transformed.matrix, series.starts, {});
        for (qsizetype r = 0; r < series.rowCount(); ++r) {
            const ScoredBin &bin = recorder.bins[std::size_t(r)];
            QCOMPARE(bin.bin.start, series.starts[std::size_t(r)]);
            QCOMPARE(bin.score.has_value(), r >= 40);
            if (bin.score)
                QCOMPARE(*bin.score, batch[r]);
        }
    }

    // A model fitted on a stretch taken as normal scores from the next bin on, with its own
    // threshold: here from the first bin, before any warm-up.
    void aModelTakenAsNormalScoresTheNextBins()
    {
        LoadOptions load;
        load.binWidth = kNsPerSecond;
        const LoadedInput input = loadInput(m_sample, load, {});
        QVERIFY(!input.error);
        const Series &series = input.series;
        LiveOptions live = options(QStringLiteral("knn"), 30);
        DetectionOptions normal = live.detection;
        normal.training = TrainingRange::between(series.starts[0], series.starts[40]);
        const DetectionModel model = fitModel(series, normal, {});
        QVERIFY2(model.ok(), qPrintable(model.status.message));

        Recorder recorder;
        LivePipeline pipeline(live, &recorder);
        pipeline.useModel(model);
        std::atomic<bool> stop = false;
        CaptureStats stats;
        QVERIFY(replayCapture({m_sample, 0.0}, pipeline, stop, stats).isEmpty());
        pipeline.finish();
        QCOMPARE(qsizetype(recorder.bins.size()), series.rowCount());
        const FeaturePipeline::Output transformed =
            model.pipeline.transform(series.values, series.features, series.starts);
        QVERIFY(transformed.ok());
        const Eigen::VectorXd expected = model.fitted->score(transformed.matrix);
        const double threshold =
            thresholdLevels(model, live.detection.threshold, kNsPerSecond).threshold;
        for (qsizetype r = 0; r < series.rowCount(); ++r) {
            const ScoredBin &bin = recorder.bins[std::size_t(r)];
            QCOMPARE(bin.score.has_value(), series.rowHasData(r));
            if (bin.score)
                QCOMPARE(*bin.score, expected[r]);
            QCOMPARE(bin.threshold, threshold);
        }
        // The scan and the flood come after the stretch: bins of each are anomalous.
        for (const ScenarioAnomaly &attack : m_scenario.anomalies) {
            if (attack.kind != u"port_scan" && attack.kind != u"syn_flood")
                continue;
            QVERIFY2(std::any_of(recorder.bins.begin(), recorder.bins.end(),
                                 [&](const ScoredBin &bin) {
                                     return bin.anomalous && bin.bin.start < attack.end &&
                                            bin.bin.end > attack.start;
                                 }),
                     qPrintable(attack.kind));
        }
    }

    void stopsWhenAsked()
    {
        Recorder recorder;
        LivePipeline pipeline(options(QStringLiteral("windowed_gaussian"), 30), &recorder);
        std::atomic<bool> stop = true;
        CaptureStats stats;
        QVERIFY(replayCapture({m_sample, 1.0}, pipeline, stop, stats).isEmpty());
        QCOMPARE(stats.packets, 0);
    }

    void unreadableFileIsNamed()
    {
        LivePipeline pipeline(options(QStringLiteral("windowed_gaussian"), 30), nullptr);
        std::atomic<bool> stop = false;
        CaptureStats stats;
        const QString missing = m_dir.filePath(QStringLiteral("missing.pcap"));
        QVERIFY(replayCapture({missing, 0.0}, pipeline, stop, stats).contains(missing));
    }

    void filterIsChecked()
    {
        QVERIFY(filterProblem(QStringLiteral("udp and port 53")).isEmpty());
        QVERIFY(!filterProblem(QStringLiteral("udp and prot 53")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestLivePipeline)
#include "tst_livepipeline.moc"
