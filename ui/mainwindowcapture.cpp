// The window's Capture menu: starting a capture (or a replay) on a thread, showing its bins and
// anomalies as they come, and what stays after Stop. The rest of MainWindow is in mainwindow.cpp.

#include "anomalymodel.h"
#include "capturedialog.h"
#include "chartstack.h"
#include "common/timeutil.h"
#include "detectioncontroller.h"
#include "detectorpanel.h"
#include "jobrunner.h"
#include "liverecording.h"
#include "mainwindow.h"
#include "messagebanner.h"
#include "timelinechart.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QSortFilterProxyModel>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>

namespace tideline {

namespace {

constexpr TimeNs kFollowedSpan = 10 * 60 * kNsPerSecond; // the following window's length

// The newest file of a ring in `folder` (by time written: a ring started again in the same
// folder numbers its files from 1 again); empty when there is none.
QString newestRingFile(const QString &folder)
{
    const QFileInfoList files =
        QDir(folder).entryInfoList({QStringLiteral("tideline-*.pcapng")}, QDir::Files, QDir::Time);
    return files.isEmpty() ? QString() : files.front().absoluteFilePath();
}

} // namespace

void MainWindow::createCaptureActions()
{
    m_capture = new LiveCapture(this);
    connect(m_capture, &LiveCapture::batchArrived, this, &MainWindow::showLiveBatch);
    connect(m_capture, &LiveCapture::stopped, this, &MainWindow::captureEnded);

    auto *capture = new QMenu(tr("&Capture"), this);
    menuBar()->insertMenu(menuBar()->actions().constLast(), capture); // before Help, the last
    m_startCapture = capture->addAction(tr("&Start…"), this, &MainWindow::showCaptureDialog);
    m_startCapture->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    m_startCapture->setToolTip(tr("Capture on an interface and detect as it happens"));
    m_stopCapture = capture->addAction(tr("S&top"), this, &MainWindow::stopCapture);
    m_stopCapture->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K));
    m_stopCapture->setEnabled(false);
    m_followCapture = capture->addAction(tr("&Follow"));
    m_followCapture->setCheckable(true);
    m_followCapture->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    m_followCapture->setToolTip(tr("Keep the newest %1 in view; moving the view away unpins it")
                                    .arg(formatDuration(kFollowedSpan)));
    m_followCapture->setEnabled(false);
    connect(m_followCapture, &QAction::toggled, m_charts, &ChartStack::setFollowing);
    connect(m_charts, &ChartStack::followingChanged, m_followCapture, &QAction::setChecked);
    m_trainLive = capture->addAction(tr("&Train on Selection as Normal"), this,
                                     &MainWindow::trainLiveOnSelection);
    m_trainLive->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    m_trainLive->setToolTip(tr("Fit the detector on the bins selected on the chart (Ctrl+drag) "
                               "and score every new bin with it"));
    m_trainLive->setEnabled(false);
    capture->addSeparator();
    m_openCaptured =
        capture->addAction(tr("&Open Captured Packets"), this, &MainWindow::openCapturedPackets);
    m_openCaptured->setToolTip(tr("Open the last capture's packets (the ring's newest file) "
                                  "with the whole workbench"));
    m_openCaptured->setEnabled(false);

    QToolBar *tools = addToolBar(tr("Capture"));
    tools->setObjectName(QStringLiteral("captureToolBar"));
    tools->addAction(m_startCapture);
    tools->addAction(m_stopCapture);
    tools->addAction(m_followCapture);

    m_captureLabel = new QLabel(this);
    m_captureLabel->setObjectName(QStringLiteral("captureCounts"));
    statusBar()->addPermanentWidget(m_captureLabel);
    m_captureLabel->hide();
}

void MainWindow::showCaptureDialog()
{
    if (m_capture->isRunning())
        return;
    CaptureDialog dialog(this);
    LiveOptions options;
    options.detection = m_detectorPanel->options();
    dialog.setDetector(options.detection.detector, LivePipeline::problem(options));
    if (dialog.exec() == QDialog::Accepted)
        startCapture(dialog.request());
}

bool MainWindow::startCapture(const CaptureRequest &request)
{
    if (m_capture->isRunning() || !confirmDiscard())
        return false;
    LiveOptions options;
    options.detection = m_detectorPanel->options();
    options.detection.training = TrainingRange::all(); // the warm-up, always
    // Every feature, as for any new input (showSeries() shows them all chosen).
    options.detection.features.clear();
    options.binWidth = request.binWidth;
    options.warmUpBins = request.warmUpBins;
    if (const QString problem = LivePipeline::problem(options); !problem.isEmpty()) {
        m_banner->showMessage(MessageBanner::Level::Error, tr("Cannot start the capture"),
                              {problem});
        return false;
    }
    m_loader->cancel();
    m_detection->cancel();
    m_banner->hide();
    closeCase();
    m_source.reset();
    m_captureRequest = request;
    m_capturedFile.clear();
    m_openCaptured->setEnabled(false);
    const QString source = request.isReplay() ? request.replay.path : request.capture.interface;
    m_recording = std::make_unique<LiveRecording>(source, options);
    m_input = m_recording->input();
    m_loadOptions = {};
    m_loadOptions.binWidth = request.binWidth;
    showSeries();
    {
        const QSignalBlocker blocker(m_binBox);
        m_binBox->clear();
        m_binBox->addItem(formatDuration(request.binWidth));
        m_binBox->setEnabled(false);
    }
    m_detection->setInput(m_input);
    m_charts->setFollowRows(double(kFollowedSpan / request.binWidth));
    m_charts->setFollowing(true);
    m_detectorPanel->setEnabled(false); // what it shows is what scores, until Stop
    setWindowTitle(tr("Capturing on %1 — Tideline").arg(request.sourceName()));
    m_capture->start(request, options);
    m_startCapture->setEnabled(false);
    m_stopCapture->setEnabled(true);
    m_followCapture->setEnabled(true);
    m_trainLive->setEnabled(true);
    showCaptureCounts(true);
    return true;
}

void MainWindow::stopCapture()
{
    m_capture->stop();
}

void MainWindow::leaveCapture()
{
    m_capture->stop();
    m_recording.reset();
    m_openCaptured->setEnabled(false);
    m_captureLabel->hide();
}

void MainWindow::showLiveBatch(const LiveBatch &batch)
{
    if (!m_recording)
        return; // something else is shown now
    m_recording->add(batch);
    m_input = m_recording->input();
    m_charts->growSeries(std::shared_ptr<const Series>(m_input, &m_input->series));
    // The table is rebuilt: the anomaly selected in it stays selected (without zooming to it,
    // which would stop following).
    const QModelIndex current = m_anomalyView->currentIndex();
    const int selected = current.isValid() ? m_anomalyProxy->mapToSource(current).row() : -1;
    const TimeNs selectedStart = selected >= 0 ? m_anomalyModel->anomaly(selected).start : 0;
    m_detection->showLive(m_input, m_recording->detection(), m_recording->result(),
                          m_recording->anomalies());
    const auto &rows = m_detection->rows();
    const auto again = std::find_if(rows.begin(), rows.end(), [selectedStart](const auto &row) {
        return row.anomaly.start == selectedStart;
    });
    if (selected >= 0 && again != rows.end()) {
        const int index = int(again - rows.begin());
        const QSignalBlocker blocker(m_anomalyView->selectionModel());
        m_anomalyView->selectionModel()->setCurrentIndex(
            m_anomalyProxy->mapFromSource(m_anomalyModel->index(index, 0)),
            QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        m_charts->setSelectedBand(index);
    }
    std::vector<TimelineChart::DropBand> bands;
    for (const LiveRecording::Drops &drops : m_recording->drops())
        bands.push_back({drops.firstRow, drops.lastRow,
                         tr("%L1 packets dropped here (kernel %L2, interface %L3): these bins "
                            "count less than was sent")
                             .arg(drops.kernel + drops.interface)
                             .arg(drops.kernel)
                             .arg(drops.interface)});
    m_charts->setDropBands(bands);
    showCaptureCounts(true);
    emit liveBinsShown();
}

void MainWindow::showCaptureCounts(bool running)
{
    const CaptureStats &counts = m_recording->counts();
    const qint64 dropped = counts.kernelDrops + counts.interfaceDrops;
    QString text = tr("%1: %L2 bins · %n anomaly(s)", nullptr, int(m_recording->anomalies().size()))
                       .arg(m_captureRequest.sourceName())
                       .arg(m_recording->binCount());
    if (!m_captureRequest.isReplay())
        text += tr(" · dropped %L1 (kernel %L2, interface %L3)")
                    .arg(dropped)
                    .arg(counts.kernelDrops)
                    .arg(counts.interfaceDrops);
    if (running && !m_recording->isScoring())
        text += tr(" · warming up");
    m_captureLabel->setText(text);
    m_captureLabel->setStyleSheet(dropped > 0 ? QStringLiteral("color: #c62828") : QString());
    m_captureLabel->show();
    m_summaryLabel->setText(running ? tr("Capturing") : tr("Capture stopped"));
}

void MainWindow::captureEnded(const QString &error, const CaptureStats &counts)
{
    m_startCapture->setEnabled(true);
    m_stopCapture->setEnabled(false);
    m_charts->setFollowing(false); // nothing new will come; the view stays where it is
    m_followCapture->setEnabled(false);
    m_trainLive->setEnabled(false);
    m_detectorPanel->setEnabled(true);
    if (!m_recording) { // left for a file
        emit captureStopped(error);
        return;
    }
    setWindowTitle(tr("%1 (captured) — Tideline").arg(m_captureRequest.sourceName()));
    showCaptureCounts(false);
    if (m_captureRequest.isReplay())
        m_capturedFile = QFileInfo(m_captureRequest.replay.path).absoluteFilePath();
    else if (!m_captureRequest.capture.ringDirectory.isEmpty())
        m_capturedFile = newestRingFile(m_captureRequest.capture.ringDirectory);
    m_openCaptured->setEnabled(!m_capturedFile.isEmpty());
    if (!error.isEmpty()) {
        m_banner->showMessage(MessageBanner::Level::Error,
                              tr("The capture on %1 stopped").arg(m_captureRequest.sourceName()),
                              {error});
    } else if (!m_recording->modelFailure().isEmpty()) {
        m_banner->showMessage(MessageBanner::Level::Error,
                              tr("The detector could not be fitted on the warm-up"),
                              {m_recording->modelFailure()});
    } else {
        QStringList details;
        if (!m_capturedFile.isEmpty())
            details << tr("The bins and anomalies stay here. Capture ▸ Open Captured Packets "
                          "opens %1 with the whole workbench: flows, the inspector, other "
                          "detectors and a case.")
                           .arg(QDir::toNativeSeparators(m_capturedFile));
        else
            details << tr("The packets were not kept (no ring of files was chosen): the bins "
                          "and anomalies stay here, but flows and re-binning need the packets.");
        if (!m_recording->isScoring())
            details << tr("Fewer than %n bin(s) with traffic came: the detector never finished "
                          "its warm-up.",
                          nullptr, m_recording->warmUpBins());
        m_banner->showMessage(MessageBanner::Level::Information,
                              tr("Capture stopped: %L1 packets, %L2 bins, %n anomaly(s)", nullptr,
                                 int(m_recording->anomalies().size()))
                                  .arg(counts.packets)
                                  .arg(m_recording->binCount()),
                              details);
    }
    emit captureStopped(error);
}

bool MainWindow::trainLiveOnSelection()
{
    const auto rows = m_charts->selection();
    if (!m_capture->isRunning() || !m_recording || !rows) {
        if (m_capture->isRunning())
            m_banner->showMessage(MessageBanner::Level::Information,
                                  tr("Select the normal stretch first"),
                                  {tr("Ctrl+drag across the bins to take as normal, then train "
                                      "on them.")});
        return false;
    }
    const std::shared_ptr<const LoadedInput> input = m_input;
    const Series &series = input->series;
    const auto first = std::clamp<qsizetype>(qsizetype(rows->first), 0, series.rowCount() - 1);
    const auto last = std::clamp<qsizetype>(qsizetype(rows->second), first + 1, series.rowCount());
    DetectionOptions options = m_recording->detection();
    options.training =
        TrainingRange::between(series.starts[std::size_t(first)], rowEnd(series, last - 1));
    const QString stretch = options.training.describe();
    m_detection->runner()->start<DetectionModel>(
        [input, options](const ProgressCallback &progress) {
            return fitModel(input->series, options, progress);
        },
        [this, stretch](DetectionModel model) {
            if (!m_capture->isRunning())
                return;
            if (!model.ok()) {
                m_banner->showMessage(MessageBanner::Level::Error,
                                      tr("The detector could not be fitted on the selection"),
                                      {model.status.message});
                return;
            }
            m_capture->useModel(model);
            m_banner->showMessage(MessageBanner::Level::Information,
                                  tr("Trained on the selection as normal"),
                                  {tr("%1 now scores every new bin with the model of %2.")
                                       .arg(model.detector, stretch)});
            emit liveModelTrained();
        });
    return true;
}

void MainWindow::openCapturedPackets()
{
    if (!m_capturedFile.isEmpty() && !m_capture->isRunning())
        openFile(m_capturedFile);
}

} // namespace tideline
