// The analyst's annotations through the real window, offscreen: mark, label and note anomalies,
// change the bin, retrain, re-threshold, and find every annotation again; save the case,
// reopen it in another window and find them there; be asked before unsaved work is dropped;
// find a moved source again only when it is the same file.

#include "anomalymodel.h"
#include "case/casefile.h"
#include "chartstack.h"
#include "common/binwidth.h"
#include "detectioncontroller.h"
#include "detectorpanel.h"
#include "mainwindow.h"
#include "messagebanner.h"
#include "modalanswer.h"
#include "runtideline.h"
#include "samplecapture.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QTimer>

using namespace tideline;

namespace {

// Every label and note the table shows, with the Export ticks, as one text.
QStringList shownAnnotations(const AnomalyModel &model)
{
    QStringList shown;
    for (int row = 0; row < model.rowCount(); ++row) {
        const Anomaly &a = model.anomaly(row);
        if (a.marked || !a.label.isEmpty() || !a.note.isEmpty())
            shown << QStringLiteral("%1|%2|%3").arg(a.marked).arg(a.label, a.note);
    }
    shown.sort();
    return shown;
}

} // namespace

class TestInvestigationWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("TidelineInvestigationTest"));
        QSettings().clear();
        QVERIFY(m_directory.isValid());
        m_sample = generateSample(m_directory.path());
        QVERIFY(!m_sample.isEmpty());
    }

    void annotationsSurviveEverything()
    {
        MainWindow window;
        QAbstractItemModelTester tester(window.anomalyModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loaded(&window, &MainWindow::loadFinished);
        QVERIFY(window.openFile(m_sample));
        QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 60000);
        QSignalSpy trained(&window, &MainWindow::trainingFinished);
        window.trainWith(QStringLiteral("robust_z"), 90.0);
        QTRY_COMPARE_WITH_TIMEOUT(trained.size(), 1, 60000);

        AnomalyModel &model = *window.anomalyModel();
        QVERIFY(model.rowCount() >= 4);
        QVERIFY(
            model.setData(model.index(0, AnomalyModel::Marked), Qt::Checked, Qt::CheckStateRole));
        QVERIFY(model.setData(model.index(1, AnomalyModel::Label), QStringLiteral("port scan")));
        QVERIFY(model.setData(model.index(2, AnomalyModel::Note), QStringLiteral("ask the owner")));
        QVERIFY(model.setData(model.index(3, AnomalyModel::Label), QStringLiteral("benign")));
        QVERIFY(
            model.setData(model.index(3, AnomalyModel::Marked), Qt::Checked, Qt::CheckStateRole));
        const int manual = window.detection()->addManual(5, 8);
        QVERIFY(model.setData(model.index(manual, AnomalyModel::Note), QStringLiteral("mine")));
        QCOMPARE(model.anomaly(manual).detector, QStringLiteral("manual"));
        const QStringList annotated = shownAnnotations(model);
        QCOMPARE(annotated.size(), 5);
        QVERIFY(window.hasUnsavedWork());

        // Re-threshold both ways: nothing lost.
        window.detectorPanel()->setPercentile(99.5);
        QTRY_COMPARE(window.detection()->result()->percentile, 99.5);
        QCOMPARE(shownAnnotations(model), annotated);
        window.detectorPanel()->setPercentile(80);
        QTRY_COMPARE(window.detection()->result()->percentile, 80.0);
        QCOMPARE(shownAnnotations(model), annotated);

        // A wider bin, then retraining with another detector.
        const TimeNs width = window.input()->series.binWidth;
        TimeNs wider = 0;
        for (TimeNs w : binwidth::niceWidths()) {
            if (w > width) {
                wider = w;
                break;
            }
        }
        QSignalSpy rebinned(&window, &MainWindow::seriesChanged);
        QVERIFY(window.setBinWidth(wider));
        QTRY_COMPARE_WITH_TIMEOUT(rebinned.size(), 1, 60000);
        QCOMPARE(window.input()->series.binWidth, wider);
        QCOMPARE(shownAnnotations(model), annotated);
        window.trainWith(QStringLiteral("isolation_forest"), 95.0);
        QTRY_COMPARE_WITH_TIMEOUT(trained.size(), 2, 60000);
        QCOMPARE(shownAnnotations(model), annotated);
        window.detectorPanel()->setPercentile(99);
        QTRY_COMPARE(window.detection()->result()->percentile, 99.0);
        QCOMPARE(shownAnnotations(model), annotated);

        // Saved, then reopened in another window.
        const QString path = m_directory.filePath(QStringLiteral("annotated.tideline"));
        QSignalSpy saved(&window, &MainWindow::caseSaved);
        window.saveCase(path);
        QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, 60000);
        QVERIFY(!window.hasUnsavedWork());
        // Changed after the save: written as it happens.
        QVERIFY(model.setData(model.index(0, AnomalyModel::Note), QStringLiteral("after save")));
        const QStringList final = shownAnnotations(model);

        MainWindow reopened;
        QSignalSpy reopenedLoaded(&reopened, &MainWindow::loadFinished);
        QVERIFY(reopened.openFile(path));
        QTRY_COMPARE_WITH_TIMEOUT(reopenedLoaded.size(), 1, 60000);
        QCOMPARE(shownAnnotations(*reopened.anomalyModel()), final);
        QCOMPARE(reopened.input()->series.binWidth, wider);
        QCOMPARE(reopened.detection()->investigation()->runs().size(), std::size_t(2));
        QCOMPARE(reopened.anomalyModel()->rowCount(), model.rowCount());
    }

    void asksBeforeDroppingUnsavedWork()
    {
        MainWindow window;
        QSignalSpy loaded(&window, &MainWindow::loadFinished);
        QVERIFY(window.openFile(m_sample));
        QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 60000);
        QVERIFY(!window.hasUnsavedWork());
        window.detection()->addManual(1, 2);
        QVERIFY(window.hasUnsavedWork());

        bool asked = false;
        answerNextQuestion(QMessageBox::Cancel, &asked);
        QVERIFY(!window.openFile(m_sample));
        QVERIFY(asked);
        QCOMPARE(window.detection()->investigation()->annotations().size(), std::size_t(1));

        asked = false;
        answerNextQuestion(QMessageBox::Discard, &asked);
        QVERIFY(window.openFile(m_sample));
        QVERIFY(asked);
        QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 2, 60000);
        QVERIFY(window.detection()->investigation()->annotations().empty());
    }

    void asksBeforeClosingWithUnsavedWork()
    {
        MainWindow window;
        QSignalSpy loaded(&window, &MainWindow::loadFinished);
        QVERIFY(window.openFile(m_sample));
        QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 60000);
        window.show();
        QVERIFY(window.close()); // nothing to lose: closes without asking
        window.show();
        window.detection()->addManual(1, 2);

        bool asked = false;
        answerNextQuestion(QMessageBox::Cancel, &asked);
        QVERIFY(!window.close());
        QVERIFY(asked);
        QVERIFY(window.isVisible());

        asked = false;
        answerNextQuestion(QMessageBox::Discard, &asked);
        QVERIFY(window.close());
        QVERIFY(asked);
    }

    // A case whose source has moved shows what it saved and says so; the source is taken at
    // its new place only once its SHA-256 matched.
    void asksForAMovedSourceAndChecksIt()
    {
        const QString original = m_directory.filePath(QStringLiteral("moving.pcap"));
        QVERIFY(QFile::copy(m_sample, original));
        const QString path = m_directory.filePath(QStringLiteral("moving.tideline"));
        {
            MainWindow window;
            QSignalSpy loaded(&window, &MainWindow::loadFinished);
            QVERIFY(window.openFile(original));
            QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 60000);
            QSignalSpy trained(&window, &MainWindow::trainingFinished);
            window.trainWith(QStringLiteral("robust_z"), 90.0);
            QTRY_COMPARE_WITH_TIMEOUT(trained.size(), 1, 60000);
            QSignalSpy saved(&window, &MainWindow::caseSaved);
            window.saveCase(path);
            QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, 60000);
        }
        const QString moved = m_directory.filePath(QStringLiteral("moved.pcap"));
        QVERIFY(QFile::rename(original, moved));
        const QString other = m_directory.filePath(QStringLiteral("other.pcap"));
        {
            QFile in(moved);
            QVERIFY(in.open(QIODevice::ReadOnly));
            QByteArray bytes = in.readAll();
            bytes[bytes.size() - 1] = char(bytes[bytes.size() - 1] ^ 1);
            QFile out(other);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(bytes);
        }
        const auto sourceOfCase = [&path] {
            QString error;
            const std::optional<CaseContents> contents = CaseFile::read(path, &error);
            return contents ? contents->source.path : error;
        };

        MainWindow window;
        QSignalSpy loaded(&window, &MainWindow::loadFinished);
        QVERIFY(window.openFile(path));
        QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 60000);
        QVERIFY(window.anomalyModel()->rowCount() > 0);
        QVERIFY(window.banner()->isVisibleTo(&window));
        QVERIFY2(window.banner()->text().contains(QStringLiteral("not at")),
                 qPrintable(window.banner()->text()));

        window.locateSource(other);
        QTRY_VERIFY_WITH_TIMEOUT(
            window.banner()->text().contains(QStringLiteral("not the case's source")), 60000);
        QCOMPARE(sourceOfCase(), QFileInfo(original).absoluteFilePath());

        window.locateSource(moved);
        QTRY_COMPARE_WITH_TIMEOUT(sourceOfCase(), QFileInfo(moved).absoluteFilePath(), 60000);
    }

    // A reopened case's panel shows its run, not what was trained last: the detector, its
    // parameters, the seed, the features, the training range and the threshold. It neither
    // retrains nor writes to the case, and the remembered options stay for the next new file.
    void theDetectorPanelShowsTheCasesRun()
    {
        QSettings settings;
        settings.setValue(QStringLiteral("detect/detector"), QStringLiteral("isolation_forest"));
        settings.setValue(QStringLiteral("detect/thresholdKind"), QStringLiteral("percentile"));
        settings.setValue(QStringLiteral("detect/thresholdValue"), 99.0);
        settings.setValue(QStringLiteral("detect/hold"), 95.0);
        settings.setValue(QStringLiteral("detect/seed"), 1);
        settings.setValue(QStringLiteral("detect/training"), int(DetectorPanel::Training::All));
        settings.setValue(QStringLiteral("detectors/knn/k"), 9);
        const QString path = m_directory.filePath(QStringLiteral("panel.tideline"));
        const TidelineRun detect = runTideline({QStringLiteral("detect"),
                                                m_sample,
                                                QStringLiteral("--detector"),
                                                QStringLiteral("knn"),
                                                QStringLiteral("--param"),
                                                QStringLiteral("k=4"),
                                                QStringLiteral("--percentile"),
                                                QStringLiteral("93"),
                                                QStringLiteral("--hold"),
                                                QStringLiteral("80"),
                                                QStringLiteral("--seed"),
                                                QStringLiteral("42"),
                                                QStringLiteral("--train-fraction"),
                                                QStringLiteral("0.5"),
                                                QStringLiteral("--gap"),
                                                QStringLiteral("2"),
                                                QStringLiteral("--features"),
                                                QStringLiteral("packets,bytes,packets_tcp"),
                                                QStringLiteral("-o"),
                                                m_directory.filePath(QStringLiteral("panel.csv")),
                                                QStringLiteral("--save-case"),
                                                path});
        QVERIFY2(detect.exitCode == 0, qPrintable(detect.errText()));

        MainWindow window;
        DetectorPanel &panel = *window.detectorPanel();
        QCOMPARE(panel.detector(), QStringLiteral("isolation_forest"));
        QSignalSpy loaded(&window, &MainWindow::loadFinished);
        QSignalSpy changed(window.detection(), &DetectionController::changed);
        QSignalSpy trained(window.detection(), &DetectionController::trainingFinished);
        QVERIFY(window.openFile(path));
        QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 60000);
        QTest::qWait(500); // past the panel's coalescing of threshold edits
        QCOMPARE(panel.detector(), QStringLiteral("knn"));
        QCOMPARE(panel.percentile(), 93.0);
        QCOMPARE(panel.training(), DetectorPanel::Training::FirstPercent);
        QCOMPARE(panel.thresholdSettings().holdPercentile, 80.0);
        QCOMPARE(panel.thresholdSettings().gap, 2);
        QVERIFY(changed.isEmpty());
        QVERIFY(trained.isEmpty());
        QCOMPARE(QSettings().value(QStringLiteral("detect/detector")).toString(),
                 QStringLiteral("isolation_forest"));
        QCOMPARE(QSettings().value(QStringLiteral("detect/thresholdValue")).toDouble(), 99.0);
        QCOMPARE(QSettings().value(QStringLiteral("detectors/knn/k")).toInt(), 9);

        // A new file: what was trained last.
        QVERIFY(window.openFile(m_sample));
        QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 2, 60000);
        QCOMPARE(panel.detector(), QStringLiteral("isolation_forest"));
        QCOMPARE(panel.percentile(), 99.0);
        QCOMPARE(panel.training(), DetectorPanel::Training::All);
        QCOMPARE(panel.thresholdSettings().gap, ThresholdSettings().gap);

        // The whole run, as the panel would train it again.
        QVERIFY(window.openFile(path));
        QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 3, 60000);
        const DetectionOptions shown = panel.options();
        QCOMPARE(shown.detector, QStringLiteral("knn"));
        QCOMPARE(shown.parameters.value(QStringLiteral("k")).toInt(), 4);
        QCOMPARE(shown.seed, quint64(42));
        QCOMPARE(shown.features, (QStringList{QStringLiteral("packets"), QStringLiteral("bytes"),
                                              QStringLiteral("packets_tcp")}));
        QVERIFY(!shown.timeFeatures);
        QVERIFY(shown.training.kind == TrainingRange::Kind::Fraction);
        QCOMPARE(shown.training.fraction, 0.5);

        // A training range of time is selected on the chart.
        const Series &series = window.input()->series;
        const auto iso = [](TimeNs t) {
            return QDateTime::fromMSecsSinceEpoch(t / 1'000'000, QTimeZone::utc())
                .toString(Qt::ISODateWithMs);
        };
        const QString ranged = m_directory.filePath(QStringLiteral("ranged.tideline"));
        const TidelineRun rangedDetect =
            runTideline({QStringLiteral("detect"), m_sample, QStringLiteral("--detector"),
                         QStringLiteral("robust_z"), QStringLiteral("--false-alarms-per-day"),
                         QStringLiteral("5"), QStringLiteral("--train-range"),
                         iso(series.starts[100]) + QLatin1Char(',') + iso(series.starts[400]),
                         QStringLiteral("--bin"), formatDuration(series.binWidth),
                         QStringLiteral("-o"), m_directory.filePath(QStringLiteral("ranged.csv")),
                         QStringLiteral("--save-case"), ranged});
        QVERIFY2(rangedDetect.exitCode == 0, qPrintable(rangedDetect.errText()));
        QVERIFY(window.openFile(ranged));
        QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 4, 60000);
        QCOMPARE(panel.detector(), QStringLiteral("robust_z"));
        QCOMPARE(panel.training(), DetectorPanel::Training::Selection);
        QCOMPARE(window.charts()->selection(),
                 (std::optional<std::pair<double, double>>{{100, 400}}));
        QVERIFY(panel.thresholdSettings().rule.kind == ThresholdRule::Kind::FalseAlarmsPerDay);
        QCOMPARE(panel.thresholdSettings().rule.value, 5.0);
    }

    void refusesANewerCase()
    {
        const QString path = m_directory.filePath(QStringLiteral("newer.tideline"));
        QByteArray header(100, '\0');
        header.replace(0, 16, QByteArrayLiteral("SQLite format 3\0"));
        header[63] = 9;                            // user_version 9
        header.replace(68, 4, QByteArray("TDLN")); // a case's application id
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(header);
        file.close();
        MainWindow window;
        QSignalSpy failed(&window, &MainWindow::loadFailed);
        QVERIFY(window.openFile(path));
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 60000);
        QVERIFY2(failed.first().at(1).toString().contains(QStringLiteral("newer Tideline")),
                 qPrintable(failed.first().at(1).toString()));
        QCOMPARE(QFileInfo(path).size(), 100);
    }

private:
    QTemporaryDir m_directory;
    QString m_sample;
};

QTEST_MAIN(TestInvestigationWindow)
#include "tst_investigationwindow.moc"
