// "Train on another file…": the model is fitted on one capture and scores the one shown, the
// GUI's equivalent of `tideline detect --model-from`.

#include "chartstack.h"
#include "detectioncontroller.h"
#include "detectorpanel.h"
#include "input/inputloader.h"
#include "mainwindow.h"
#include "messagebanner.h"
#include "samplecapture.h"
#include "threshold/detectionrun.h"
#include "timelinechart.h"

#include <QLabel>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace tideline;

class TestModelFromFile : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("TidelineModelFromFileTest"));
        QSettings().clear();
        QVERIFY(m_shownDirectory.isValid() && m_trainingDirectory.isValid());
        m_shown = generateSample(m_shownDirectory.path(),
                                 {QStringLiteral("--duration"), QStringLiteral("120")});
        // Another day of the same network: another seed.
        m_training = generateSample(m_trainingDirectory.path(),
                                    {QStringLiteral("--duration"), QStringLiteral("120"),
                                     QStringLiteral("--seed"), QStringLiteral("11")});
        QVERIFY(!m_shown.isEmpty() && !m_training.isEmpty());
    }

    void scoresTheShownFileWithAModelFromAnother()
    {
        MainWindow window;
        window.show();
        QSignalSpy loaded(&window, &MainWindow::loadFinished);
        window.openFile(m_shown);
        QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 60000);
        window.detectorPanel()->setDetector(QStringLiteral("knn"));
        window.detectorPanel()->setPercentile(99.0);

        QSignalSpy trained(&window, &MainWindow::trainingFinished);
        window.trainFrom(m_training);
        QTRY_COMPARE_WITH_TIMEOUT(trained.size(), 1, 120000);

        // The same scores as fitting on the other file binned like this one and applying.
        const Series &series = window.input()->series;
        LoadOptions load;
        load.binWidth = series.binWidth;
        const LoadedInput training = loadInput(m_training, load);
        QVERIFY(training.ok());
        const DetectionOptions options = window.detectorPanel()->options();
        const DetectionModel model = fitModel(training.series, options, {});
        QVERIFY(model.ok());
        const DetectionResult expected = applyModel(model, series, options.threshold, {});
        const DetectionResult *result = window.detection()->result();
        QVERIFY(result);
        QCOMPARE(result->scores.size(), series.rowCount());
        QVERIFY(result->scores == expected.scores);
        QCOMPARE(result->threshold, expected.threshold);
        QVERIFY(std::none_of(result->training.begin(), result->training.end(),
                             [](bool row) { return row; }));
        QVERIFY(result->thresholdDescription().contains(QStringLiteral("sample.pcap")));

        // The panel names the file; no training strip, since no row here was trained on.
        QCOMPARE(window.detection()->modelSource(), m_training);
        auto *source = window.detectorPanel()->findChild<QLabel *>(QStringLiteral("modelSource"));
        QVERIFY(source && source->isVisible());
        QVERIFY(source->text().contains(QStringLiteral("sample.pcap")));
        QCOMPARE(window.charts()->timeline()->trainingRange(), std::nullopt);

        // Training on the shown file again: the label goes, the strip comes.
        window.train();
        QTRY_COMPARE_WITH_TIMEOUT(trained.size(), 2, 120000);
        QVERIFY(window.detection()->modelSource().isEmpty());
        QVERIFY(!source->isVisible());
        QVERIFY(window.charts()->timeline()->trainingRange().has_value());
    }

    void aFileThatCannotBeReadSaysWhy()
    {
        MainWindow window;
        window.show();
        QSignalSpy loaded(&window, &MainWindow::loadFinished);
        window.openFile(m_shown);
        QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 60000);
        QSignalSpy failed(&window, &MainWindow::trainingFailed);
        const QString missing = m_trainingDirectory.filePath(QStringLiteral("missing.pcap"));
        window.trainFrom(missing);
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 60000);
        QVERIFY2(failed.front().front().toString().contains(QStringLiteral("missing.pcap")),
                 qPrintable(failed.front().front().toString()));
        QVERIFY(window.banner()->isVisible());
        QVERIFY(!window.detection()->result());
    }

private:
    QTemporaryDir m_shownDirectory;
    QTemporaryDir m_trainingDirectory;
    QString m_shown;
    QString m_training;
};

QTEST_MAIN(TestModelFromFile)
#include "tst_modelfromfile.moc"
