// Capture ▸ Start in the window, driven by a replay of the generated sample through the same
// thread, pipeline and batches as an interface: bins arrive and the timeline grows following
// the newest ones, the attacks appear in the anomaly table with their kind and summary, and Stop
// leaves all of it on screen. On lo, a capture of the test's own traffic to 127.0.0.1, skipped
// where capturing is not permitted.

#include "anomalymodel.h"
#include "chartstack.h"
#include "detectioncontroller.h"
#include "detectorpanel.h"
#include "fixturedir.h"
#include "input/inputloader.h"
#include "mainwindow.h"
#include "messagebanner.h"
#include "modalanswer.h"
#include "samplecapture.h"
#include "scriptdriver.h"
#include "timelinechart.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QLabel>
#include <QMessageBox>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>
#include <QUdpSocket>
#include <algorithm>

using namespace tideline;

class TestLiveCapture : public QObject
{
    Q_OBJECT

private:
    FixtureDir m_dir;
    QString m_sample;

    CaptureRequest replay(double speed) const
    {
        CaptureRequest request;
        request.replay.path = m_sample;
        request.replay.speed = speed;
        request.warmUpBins = 30;
        return request;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("TidelineLiveCaptureTest"));
        QSettings().clear();
        m_sample = generateSample(m_dir.path());
        QVERIFY(!m_sample.isEmpty());
    }

    // Capture ▸ Train on Selection as Normal: the detector fitted on the selected bins scores
    // every bin that closes after it, as that model scores them.
    void trainOnSelectionScoresTheNewBins()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.detectorPanel()->setDetector(QStringLiteral("knn"));
        QVERIFY(!window.trainLiveOnSelection()); // no capture runs
        QVERIFY(window.startCapture(replay(20)));
        QTRY_VERIFY_WITH_TIMEOUT(window.timeline()->series()->rowCount() >= 60, 60000);
        QVERIFY(!window.trainLiveOnSelection()); // nothing selected
        window.charts()->setSelection(0, 40);
        QSignalSpy trained(&window, &MainWindow::liveModelTrained);
        QVERIFY(window.trainLiveOnSelection());
        QTRY_COMPARE_WITH_TIMEOUT(trained.count(), 1, 30000);
        const qsizetype switched = window.timeline()->series()->rowCount();
        QVERIFY(switched < 250);
        QSignalSpy stopped(&window, &MainWindow::captureStopped);
        QTRY_COMPARE_WITH_TIMEOUT(stopped.count(), 1, 120000);

        // The same model, fitted here on the same bins of the file.
        LoadOptions load;
        load.binWidth = kNsPerSecond;
        const LoadedInput input = loadInput(m_sample, load, {});
        QVERIFY(!input.error);
        const Series &series = input.series;
        DetectionOptions options = window.detectorPanel()->options();
        options.features.clear();
        options.training = TrainingRange::between(series.starts[0], rowEnd(series, 39));
        const DetectionModel model = fitModel(series, options, {});
        QVERIFY(model.ok());
        const FeaturePipeline::Output transformed =
            model.pipeline.transform(series.values, series.features, series.starts);
        const Eigen::VectorXd expected = model.fitted->score(transformed.matrix);
        const std::vector<double> &scores = window.charts()->scores()->values();
        QCOMPARE(qsizetype(scores.size()), series.rowCount());
        // A bin or two may close between the fit and the switch.
        for (qsizetype r = switched + 2; r < series.rowCount(); ++r) {
            if (series.rowHasData(r))
                QCOMPARE(scores[std::size_t(r)], expected[r]);
        }
        // The threshold says what it is a percentile of now.
        QCOMPARE(window.detection()->result()->model.trainingDescription,
                 options.training.describe());
    }

    void replayGrowsTheWorkbench()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.detectorPanel()->setDetector(QStringLiteral("windowed_gaussian"));
        std::vector<qsizetype> shown;
        bool followed = true;
        connect(&window, &MainWindow::liveBinsShown, this, [&] {
            const TimelineChart *timeline = window.timeline();
            shown.push_back(timeline->series()->rowCount());
            followed = followed && timeline->visibleTo() == double(shown.back());
        });
        QSignalSpy stopped(&window, &MainWindow::captureStopped);
        QVERIFY(window.startCapture(replay(0)));
        QVERIFY(window.isCapturing());
        QTRY_COMPARE_WITH_TIMEOUT(stopped.count(), 1, 120000);
        QCOMPARE(stopped.first().at(0).toString(), QString());
        QVERIFY(!window.isCapturing());

        // The timeline took each batch in (how many there were is the threads' business), the
        // view on the newest bins.
        QVERIFY(!shown.empty());
        QVERIFY(std::is_sorted(shown.begin(), shown.end()));
        const qsizetype rows = window.timeline()->series()->rowCount();
        QCOMPARE(shown.back(), rows);
        QCOMPARE(rows, qsizetype(300)); // the sample's five minutes in bins of 1 s
        QVERIFY(followed);
        // Each bin was scored as it closed (but the warm-up's).
        const std::vector<double> &scores = window.charts()->scores()->values();
        QCOMPARE(scores.size(), std::size_t(rows));
        QVERIFY(std::isnan(scores.front()));
        QVERIFY(std::count_if(scores.begin(), scores.end(),
                              [](double s) { return !std::isnan(s); }) > rows / 2);

        // The attacks, with kind and summary, in the table and on the chart.
        const AnomalyModel *model = window.anomalyModel();
        const int anomalies = model->rowCount();
        QVERIFY(anomalies > 0);
        QStringList kinds;
        for (int r = 0; r < anomalies; ++r) {
            const Anomaly &anomaly = model->anomaly(r);
            QVERIFY(!anomaly.kind.isEmpty());
            QVERIFY(!anomaly.shownSummary().isEmpty());
            QVERIFY(!model->data(model->index(r, AnomalyModel::Summary)).toString().isEmpty());
            kinds << anomaly.kind;
        }
        for (const char *attack : {"port_scan", "syn_flood"})
            QVERIFY2(kinds.contains(QLatin1String(attack)), qPrintable(kinds.join(u' ')));
        window.timeline()->resetZoom();
        QCOMPARE(window.timeline()->bandRects().size(), anomalies);

        // Stop kept everything, and says where the packets are.
        QCoreApplication::processEvents();
        QCOMPARE(window.timeline()->series()->rowCount(), rows);
        QCOMPARE(model->rowCount(), anomalies);
        QVERIFY2(window.banner()->text().contains(QStringLiteral("Capture stopped")),
                 qPrintable(window.banner()->text()));
        QCOMPARE(window.capturedFile(), QFileInfo(m_sample).absoluteFilePath());

        // After Stop the threshold moves as for a file's run, from the warm-up's scores: a
        // lower one flags more.
        const double threshold = window.detection()->result()->threshold;
        window.detectorPanel()->setPercentile(90.0);
        const double lower = window.detection()->result()->threshold;
        QVERIFY(std::isfinite(lower));
        QVERIFY2(lower < threshold, qPrintable(QStringLiteral("%1 %2").arg(lower).arg(threshold)));
        QVERIFY(model->rowCount() > anomalies);
        QVERIFY(!window.charts()->scores()->series()->starts.empty());
    }

    // Stopped halfway, the bins and anomalies so far stay; the packets open in the workbench.
    void stopKeepsWhatCame()
    {
        MainWindow window;
        window.detectorPanel()->setDetector(QStringLiteral("windowed_gaussian"));
        QSignalSpy batches(&window, &MainWindow::liveBinsShown);
        QSignalSpy stopped(&window, &MainWindow::captureStopped);
        QVERIFY(window.startCapture(replay(50)));
        QTRY_VERIFY_WITH_TIMEOUT(batches.count() > 0, 60000);
        window.stopCapture();
        QTRY_COMPARE_WITH_TIMEOUT(stopped.count(), 1, 60000);
        QVERIFY(!window.isCapturing());
        QVERIFY(!window.charts()->isFollowing());
        const qsizetype rows = window.timeline()->series()->rowCount();
        QVERIFY(rows > 0);
        QCoreApplication::processEvents();
        QCOMPARE(window.timeline()->series()->rowCount(), rows);
        QCOMPARE(window.input()->kind, LoadedInput::Kind::Live);

        // The live bins cannot be kept as a case: opening the packets asks to discard them.
        QSignalSpy loaded(&window, &MainWindow::loadFinished);
        bool asked = false;
        answerNextQuestion(QMessageBox::Discard, &asked);
        window.openCapturedPackets();
        QVERIFY(asked);
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 60000);
        QCOMPARE(window.input()->kind, LoadedInput::Kind::Capture);
        QVERIFY(window.input()->traffic);
    }

    // Opening a file while capturing stops the capture; its last batches never cover the file.
    void openingAFileLeavesTheCapture()
    {
        MainWindow window;
        window.detectorPanel()->setDetector(QStringLiteral("windowed_gaussian"));
        QSignalSpy batches(&window, &MainWindow::liveBinsShown);
        QSignalSpy stopped(&window, &MainWindow::captureStopped);
        QSignalSpy loaded(&window, &MainWindow::loadFinished);
        QVERIFY(window.startCapture(replay(20)));
        QTRY_VERIFY_WITH_TIMEOUT(batches.count() > 0, 60000);
        bool asked = false;
        answerNextQuestion(QMessageBox::Discard, &asked);
        QVERIFY(window.openFile(m_sample));
        QVERIFY(asked);
        QTRY_COMPARE_WITH_TIMEOUT(stopped.count(), 1, 60000);
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 60000);
        QCoreApplication::processEvents();
        QCOMPARE(window.input()->kind, LoadedInput::Kind::Capture);
        QCOMPARE(window.timeline()->series().get(), &window.input()->series);
        QVERIFY(window.detectorPanel()->isEnabled());
    }

    // The script commands that render a capture for the README.
    void scriptReplaysStopsAndGrabs()
    {
        MainWindow window;
        window.detectorPanel()->setDetector(QStringLiteral("knn"));
        const QString png = m_dir.filePath(QStringLiteral("stopped.png"));
        auto *driver = new ScriptDriver(
            &window, {QStringLiteral("detector windowed_gaussian"),
                      QStringLiteral("replay 0 %1").arg(m_sample), QStringLiteral("bins 200"),
                      QStringLiteral("stop"), QStringLiteral("grab %1").arg(png)});
        QSignalSpy finished(driver, &ScriptDriver::finished);
        driver->start();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        QCOMPARE(finished.first().at(0).toInt(), 0);
        QVERIFY(!window.isCapturing());
        QVERIFY(window.timeline()->series()->rowCount() >= 200);
        QVERIFY(!QImage(png).isNull());
    }

    void unknownInterfaceSaysSo()
    {
        MainWindow window;
        window.detectorPanel()->setDetector(QStringLiteral("windowed_gaussian"));
        QSignalSpy stopped(&window, &MainWindow::captureStopped);
        CaptureRequest request;
        request.capture.interface = QStringLiteral("tideline-none0");
        QVERIFY(window.startCapture(request));
        QTRY_COMPARE_WITH_TIMEOUT(stopped.count(), 1, 30000);
        QVERIFY(!stopped.first().at(0).toString().isEmpty());
        QCOMPARE(window.banner()->level(), MessageBanner::Level::Error);
        QVERIFY2(window.banner()->text().contains(QStringLiteral("tideline-none0")),
                 qPrintable(window.banner()->text()));
        QVERIFY(window.capturedFile().isEmpty());
    }

    // A detector live data cannot use (a supervised one needs labels) is refused with the
    // reason, before anything is captured.
    void unusableDetectorIsRefused()
    {
        MainWindow window;
        window.detectorPanel()->setDetector(QStringLiteral("random_forest"));
        QVERIFY(!window.startCapture(replay(0)));
        QVERIFY(!window.isCapturing());
        QCOMPARE(window.banner()->level(), MessageBanner::Level::Error);
        QVERIFY2(window.banner()->text().contains(QStringLiteral("random_forest")),
                 qPrintable(window.banner()->text()));
    }

    // The test's own datagrams to 127.0.0.1, captured on lo: bins arrive and the drop counts
    // are in the status bar; without the permission, the banner says how to give it.
    void capturesOnLoopback()
    {
        QUdpSocket receiver;
        QVERIFY(receiver.bind(QHostAddress::LocalHost, 0));
        const quint16 port = receiver.localPort();
        MainWindow window;
        window.detectorPanel()->setDetector(QStringLiteral("windowed_gaussian"));
        QSignalSpy batches(&window, &MainWindow::liveBinsShown);
        QSignalSpy stopped(&window, &MainWindow::captureStopped);
        CaptureRequest request;
        request.capture.interface = QStringLiteral("lo");
        request.capture.filter = QStringLiteral("udp and dst port %1").arg(port);
        request.binWidth = 100 * kNsPerMs;
        request.warmUpBins = 2;
        QVERIFY(window.startCapture(request));
        QUdpSocket sender;
        const QByteArray payload(64, 'x');
        const auto send = [&] {
            sender.writeDatagram(payload, QHostAddress::LocalHost, port);
            return true;
        };
        QTRY_VERIFY_WITH_TIMEOUT(send() && (batches.count() > 2 || stopped.count() > 0), 30000);
        if (stopped.count() > 0) {
            const QString error = stopped.first().at(0).toString();
            QVERIFY2(error.contains(QStringLiteral("not permitted")), qPrintable(error));
            QVERIFY(window.banner()->text().contains(QStringLiteral("setcap cap_net_raw")));
            QSKIP("capturing on lo is not permitted here (setcap cap_net_raw on the binary)");
        }
        window.stopCapture();
        QTRY_COMPARE_WITH_TIMEOUT(stopped.count(), 1, 30000);
        QCOMPARE(stopped.first().at(0).toString(), QString());
        QVERIFY(window.timeline()->series()->rowCount() > 0);
        const auto *counts = window.findChild<QLabel *>(QStringLiteral("captureCounts"));
        QVERIFY2(counts->text().contains(QStringLiteral("dropped")), qPrintable(counts->text()));
        QVERIFY(window.banner()->text().contains(QStringLiteral("not kept")));
        QVERIFY(window.capturedFile().isEmpty());

        // Again with a ring (the bins shown so far are discarded first): Stop offers its newest
        // file.
        request.capture.ringDirectory = m_dir.filePath(QStringLiteral("ring"));
        batches.clear();
        bool asked = false;
        answerNextQuestion(QMessageBox::Discard, &asked);
        QVERIFY(window.startCapture(request));
        QVERIFY(asked);
        QTRY_VERIFY_WITH_TIMEOUT(send() && batches.count() > 2, 30000);
        window.stopCapture();
        QTRY_COMPARE_WITH_TIMEOUT(stopped.count(), 2, 30000);
        QCOMPARE(window.capturedFile(),
                 QDir(request.capture.ringDirectory)
                     .absoluteFilePath(QStringLiteral("tideline-000001.pcapng")));
        QVERIFY(window.banner()->text().contains(QStringLiteral("tideline-000001.pcapng")));
    }
};

QTEST_MAIN(TestLiveCapture)
#include "tst_livecapture.moc"
