// The analyst's path through the real window, offscreen: open the sample, train, click the
// first anomaly, read what the inspector says, mark it, export it and read the CSV back.

#include "anomalymodel.h"
#include "chartstack.h"
#include "detectioncontroller.h"
#include "detectorpanel.h"
#include "export/anomaliescsv.h"
#include "inspectorpanel.h"
#include "jobrunner.h"
#include "mainwindow.h"
#include "samplecapture.h"
#include "timelinechart.h"

#include <QAbstractItemModelTester>
#include <QCategoryAxis>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QLabel>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <sys/resource.h>

using namespace tideline;

namespace {

// Files this process writes cannot grow past `bytes` while it lives (EFBIG, as on a full
// disk), for root as for anyone; SIGXFSZ is ignored meanwhile so the write just fails.
class FileSizeLimit
{
public:
    explicit FileSizeLimit(rlim_t bytes)
    {
        getrlimit(RLIMIT_FSIZE, &m_saved);
        m_handler = std::signal(SIGXFSZ, SIG_IGN);
        rlimit limit = m_saved;
        limit.rlim_cur = bytes;
        setrlimit(RLIMIT_FSIZE, &limit);
    }
    ~FileSizeLimit()
    {
        setrlimit(RLIMIT_FSIZE, &m_saved);
        std::signal(SIGXFSZ, m_handler);
    }
    FileSizeLimit(const FileSizeLimit &) = delete;
    FileSizeLimit &operator=(const FileSizeLimit &) = delete;

private:
    rlimit m_saved{};
    void (*m_handler)(int) = nullptr;
};

} // namespace

class TestWorkbench : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("TidelineWorkbenchTest"));
        QSettings().clear();
        QVERIFY(m_directory.isValid());
        m_sample = generateSample(m_directory.path());
        QVERIFY(!m_sample.isEmpty());
    }

    void aFirstTrainingWithTheDefaultsFindsTheLoudAttacks()
    {
        // A new user opens the sample and presses Train without changing anything.
        QSettings().clear();
        MainWindow window;
        window.show();
        QSignalSpy loaded(&window, &MainWindow::loadFinished);
        window.openFile(m_sample);
        QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 60000);
        QCOMPARE(window.detectorPanel()->detector(), QStringLiteral("windowed_counts"));
        QSignalSpy trained(&window, &MainWindow::trainingFinished);
        window.train();
        QTRY_COMPARE_WITH_TIMEOUT(trained.size(), 1, 120000);
        const auto kinds = [&] {
            QStringList found;
            for (const InvestigationRow &row : window.detection()->rows())
                found << row.anomaly.kind;
            found.sort();
            return found;
        };
        QTRY_COMPARE(kinds(),
                     (QStringList{QStringLiteral("amplification"), QStringLiteral("port_scan"),
                                  QStringLiteral("syn_flood")}));
    }

    void thePanelSendsOnlyTheParametersTheAnalystChanged()
    {
        // knn's trim defaults to 0 where the analyst chose the training rows as normal, and to
        // 0.01 on every row (detectionrun.cpp): a panel that sent its editors' defaults would
        // trim a chosen range in the window but not on the command line.
        DetectorPanel panel;
        DetectionOptions run;
        run.detector = QStringLiteral("knn");
        run.parameters.insert(QStringLiteral("k"), 4);
        panel.showOptions(run);
        DetectionOptions options = panel.options();
        QCOMPARE(options.parameters.value(QStringLiteral("k")).toInt(), 4);
        QVERIFY(!options.parameters.contains(QStringLiteral("trim")));
        QVERIFY(!options.parameters.contains(QStringLiteral("aggregate")));

        run.parameters.insert(QStringLiteral("trim"), 0.05);
        panel.showOptions(run);
        options = panel.options();
        QCOMPARE(options.parameters.value(QStringLiteral("trim")).toDouble(), 0.05);
    }

    void trainInvestigateMarkExport()
    {
        MainWindow window;
        window.show();
        QSignalSpy loaded(&window, &MainWindow::loadFinished);
        window.openFile(m_sample);
        QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 60000);

        QSignalSpy trained(&window, &MainWindow::trainingFinished);
        window.trainWith(QStringLiteral("isolation_forest"), 97.0);
        QTRY_COMPARE_WITH_TIMEOUT(trained.size(), 1, 120000);
        // The rows show at once; their actors come from the background a moment later.
        QTRY_VERIFY_WITH_TIMEOUT(!window.detection()->isDescribing(), 60000);
        QAbstractItemModelTester tester(window.anomalyModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const int anomalies = window.anomalyModel()->rowCount();
        QVERIFY(anomalies > 0);
        QCOMPARE(std::size_t(anomalies), window.detection()->rows().size());
        QVERIFY(window.charts()->scores()->isVisible());

        // Click the first row of the table, as sorted on screen.
        QTableView *view = window.anomalyView();
        QSignalSpy selected(&window, &MainWindow::anomalySelected);
        const QModelIndex first = view->model()->index(0, AnomalyModel::Start);
        view->selectionModel()->setCurrentIndex(first, QItemSelectionModel::ClearAndSelect |
                                                           QItemSelectionModel::Rows);
        QCOMPARE(selected.size(), 1);
        const int index = selected.front().front().toInt();
        // A copy: re-thresholding below rebuilds the controller's list.
        const InvestigationRow entry = window.detection()->rows()[std::size_t(index)];

        // The charts moved to the interval, with context around it.
        TimelineChart *timeline = window.timeline();
        QVERIFY(timeline->visibleFrom() <= double(entry.firstRow));
        QVERIFY(timeline->visibleTo() >= double(entry.lastRow + 1));
        QVERIFY(timeline->visibleTo() - timeline->visibleFrom() <
                double(window.input()->series.rowCount()));
        QCOMPARE(window.charts()->scores()->visibleFrom(), timeline->visibleFrom());

        // The inspector names the interval's top source.
        const QString topSource = entry.anomaly.topSource;
        QVERIFY(!topSource.isEmpty());
        auto *header = window.inspector()->findChild<QLabel *>(QStringLiteral("header"));
        QVERIFY(header);
        QVERIFY(header->text().contains(QString::number(*entry.anomaly.packets)) ||
                header->text().contains(QLocale().toString(*entry.anomaly.packets)));
        auto *comparison =
            window.inspector()->findChild<QTableView *>(QStringLiteral("comparisonView"));
        QVERIFY(comparison);
        QTRY_VERIFY_WITH_TIMEOUT(comparison->model()->rowCount() > 0, 60000);
        bool listed = false;
        for (int r = 0; r < comparison->model()->rowCount(); ++r)
            listed = listed || comparison->model()->index(r, 0).data().toString() == topSource;
        QVERIFY2(listed, qPrintable(topSource));

        // Mark and annotate it, then export the marked ones.
        AnomalyModel *model = window.anomalyModel();
        QVERIFY(model->setData(model->index(index, AnomalyModel::Marked), Qt::Checked,
                               Qt::CheckStateRole));
        QVERIFY(model->setData(model->index(index, AnomalyModel::Label), QStringLiteral("scan")));
        QVERIFY(model->setData(model->index(index, AnomalyModel::Note),
                               QStringLiteral("probe, then \"quiet\"")));
        const QString csv = m_directory.filePath(QStringLiteral("marked.csv"));
        QString error;
        QVERIFY2(window.exportMarked(csv, &error), qPrintable(error));
        Diagnostics problems;
        const auto back = readAnomaliesCsv(csv, problems);
        QVERIFY(back);
        QCOMPARE(back->size(), std::size_t(1));
        QCOMPARE(back->front().start, entry.anomaly.start);
        QCOMPARE(back->front().end, entry.anomaly.end);
        QCOMPARE(back->front().topSource, topSource);
        QCOMPARE(back->front().label, QStringLiteral("scan"));
        QCOMPARE(back->front().note, QStringLiteral("probe, then \"quiet\""));
        QCOMPARE(back->front().detector, QStringLiteral("isolation_forest"));

        // Moving the percentile re-thresholds from cached scores and keeps the annotation.
        const double threshold = window.detection()->result()->threshold;
        window.detectorPanel()->setPercentile(99.5);
        QVERIFY(window.detection()->result()->threshold > threshold);
        QCOMPARE(trained.size(), 1); // no retraining
        window.detectorPanel()->setPercentile(97.0);
        const auto &again = window.detection()->rows();
        const auto kept = std::find_if(again.begin(), again.end(), [&](const auto &e) {
            return e.firstRow == entry.firstRow && e.lastRow == entry.lastRow;
        });
        QVERIFY(kept != again.end());
        QCOMPARE(kept->anomaly.label, QStringLiteral("scan"));
        QVERIFY(kept->anomaly.marked);
    }

    void rethresholdingMovesOnlyTheLinesAndBands()
    {
        MainWindow window;
        window.show();
        QSignalSpy loaded(&window, &MainWindow::loadFinished);
        window.openFile(m_sample);
        QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 60000);
        QSignalSpy trained(&window, &MainWindow::trainingFinished);
        window.trainWith(QStringLiteral("isolation_forest"), 97.0);
        QTRY_COMPARE_WITH_TIMEOUT(trained.size(), 1, 120000);
        TimelineChart *timeline = window.timeline();
        TimelineChart *scores = window.charts()->scores();
        const auto bandsDrawn = [&](TimelineChart *chart) {
            const QList<QRectF> rects = chart->bandRects();
            const auto placed = std::count_if(rects.begin(), rects.end(), [](const QRectF &r) {
                return r.width() > 0 && r.height() > 0;
            });
            return qsizetype(placed);
        };
        const auto bandCount = [&] { return qsizetype(window.detection()->rows().size()); };
        // Right after the first training: every band drawn on both charts, and the score
        // chart (hidden until now) labels its time axis across its width.
        QTRY_VERIFY(bandCount() > 0);
        QTRY_COMPARE(bandsDrawn(timeline), bandCount());
        QCOMPARE(bandsDrawn(scores), bandCount());
        auto *timeAxis =
            qobject_cast<QCategoryAxis *>(scores->chart()->axes(Qt::Horizontal).value(0));
        QVERIFY(timeAxis);
        QTRY_VERIFY(timeAxis->categoriesLabels().size() > 2);

        // A burst of slider moves re-thresholds once, after it settles, from the cached scores:
        // the drawn scores are the same vector, and the new bands are drawn without a zoom.
        const double *drawn = scores->values().data();
        auto *slider =
            window.detectorPanel()->findChild<QSlider *>(QStringLiteral("percentileSlider"));
        QVERIFY(slider);
        QSignalSpy rethresholded(window.detectorPanel(), &DetectorPanel::thresholdChanged);
        const double before = window.detection()->result()->threshold;
        for (int step = 1; step <= 20; ++step)
            slider->setValue(slider->value() + 20);
        QCOMPARE(rethresholded.size(), 0);
        QTRY_COMPARE(rethresholded.size(), 1);
        QVERIFY(window.detection()->result()->threshold > before);
        QCOMPARE(trained.size(), 1);
        QCOMPARE(scores->values().data(), drawn);
        QCOMPARE(bandsDrawn(timeline), bandCount());
        QCOMPARE(bandsDrawn(scores), bandCount());

        // The same threshold as false alarms per day: one a day of 0.5 s bins.
        window.detectorPanel()->setFalseAlarmsPerDay(1.0);
        const DetectionResult *result = window.detection()->result();
        QCOMPARE(result->falseAlarmsPerDay(), 1.0);
        QCOMPARE(result->percentile, 100.0 - 100.0 / 172800);
        auto *percentile =
            window.detectorPanel()->findChild<QDoubleSpinBox *>(QStringLiteral("percentile"));
        QVERIFY(percentile);
        QCOMPARE(percentile->value(), 99.99942);
        QCOMPARE(bandsDrawn(timeline), bandCount());
    }

    void aFailedExportKeepsTheEarlierFile()
    {
        MainWindow window;
        const QString csv = m_directory.filePath(QStringLiteral("earlier.csv"));
        {
            QFile earlier(csv);
            QVERIFY(earlier.open(QIODevice::WriteOnly));
            earlier.write("earlier\n");
        }
        QString error;
        bool written = false;
        {
            // The disk fills up a few bytes into the new file; permissions would not stop root.
            const FileSizeLimit full(4);
            written = window.exportMarked(csv, &error);
        }
        QVERIFY(!written);
        QVERIFY2(!error.isEmpty(), "a failed export says why");
        QFile earlier(csv);
        QVERIFY(earlier.open(QIODevice::ReadOnly));
        QCOMPARE(earlier.readAll(), QByteArray("earlier\n"));
        QCOMPARE(QDir(m_directory.path())
                     .entryList({QStringLiteral("earlier.csv*")}, QDir::Files | QDir::Hidden),
                 QStringList{QStringLiteral("earlier.csv")});
    }

    void anExportThatCannotStartSaysWhy()
    {
        // A directory where the file should go stops the export before it writes, for root too.
        MainWindow window;
        const QString path = m_directory.filePath(QStringLiteral("taken.csv"));
        QVERIFY(QDir().mkpath(path + QStringLiteral("/inside")));
        QString error;
        QVERIFY(!window.exportMarked(path, &error));
        QVERIFY2(!error.isEmpty(), "a failed export says why");
        QVERIFY(QFileInfo(path + QStringLiteral("/inside")).isDir());
        QCOMPARE(QDir(m_directory.path())
                     .entryList({QStringLiteral("taken.csv*")},
                                QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                 QStringList{QStringLiteral("taken.csv")});
    }

    void cancellingTrainingLeavesNoHalfResult()
    {
        MainWindow window;
        window.show();
        QSignalSpy loaded(&window, &MainWindow::loadFinished);
        window.openFile(m_sample);
        QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 60000);
        QSignalSpy trained(&window, &MainWindow::trainingFinished);
        QSignalSpy cancelled(window.detection()->runner(), &JobRunner::jobCancelled);
        // The autoencoder reports after every epoch, so a cancel lands before it finishes.
        window.trainWith(QStringLiteral("autoencoder"), std::nullopt);
        window.cancelWork();
        QTRY_COMPARE_WITH_TIMEOUT(cancelled.size(), 1, 60000);
        QCOMPARE(trained.size(), 0);
        QVERIFY(!window.detection()->result());
        QCOMPARE(window.anomalyModel()->rowCount(), 0);
        QVERIFY(window.charts()->scores()->isHidden());

        // The window still works: a new run goes through.
        window.trainWith(QStringLiteral("robust_z"), 99.0);
        QTRY_COMPARE_WITH_TIMEOUT(trained.size(), 1, 60000);
        QVERIFY(window.detection()->result());
    }

private:
    QTemporaryDir m_directory;
    QString m_sample;
};

QTEST_MAIN(TestWorkbench)
#include "tst_workbench.moc"
