#include "mainwindow.h"

#include "anomalymodel.h"
#include "capture/pcapversion.h"
#include "case/casefile.h"
#include "chartstack.h"
#include "classifierpanel.h"
#include "common/binwidth.h"
#include "detect/detectorregistry.h"
#include "detectioncontroller.h"
#include "detectorpanel.h"
#include "export/anomaliescsv.h"
#include "inspectorpanel.h"
#include "jobrunner.h"
#include "labeldelegate.h"
#include "liverecording.h"
#include "messagebanner.h"
#include "modelfileactions.h"
#include "prometheusdialog.h"
#include "timelinechart.h"
#include "trainfiledialog.h"

#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>

namespace tideline {

namespace {

constexpr int kMaximumRecentFiles = 10;
constexpr int kMaximumBinsOffered = 2'000'000;
const auto kRecentKey = QStringLiteral("recentFiles");
const auto kLastDirectoryKey = QStringLiteral("lastDirectory");
const auto kGeometryKey = QStringLiteral("window/geometry");
const auto kStateKey = QStringLiteral("window/state");
const auto kChartsKey = QStringLiteral("window/charts");
const auto kSeriesKey = QStringLiteral("view/series");
// Series box entries: the features they draw, and whether stacked.
constexpr int kFeaturesRole = Qt::UserRole;
constexpr int kStackedRole = Qt::UserRole + 1;

QString fileFilters()
{
    return MainWindow::tr("Captures, tables and cases (*.pcap *.pcapng *.cap *.dmp *.csv *.txt "
                          "*.tsv *.json *.jsonl *.log nfcapd.* *.tideline);;"
                          "Cases (*.tideline);;"
                          "Captures (*.pcap *.pcapng *.cap *.dmp);;"
                          "Tables (*.csv *.txt *.tsv *.json *.jsonl);;"
                          "Zeek and Suricata logs (*.log *.json);;"
                          "NetFlow / IPFIX (nfcapd.*);;"
                          "All files (*)");
}

// The per-protocol features of `measure` ("packets", "bytes"), in stacking order; none when the
// series lacks one.
QList<int> protocolFeatures(const Series &series, QLatin1String measure)
{
    QList<int> features;
    for (const char *protocol : {"tcp", "udp", "icmp", "other"}) {
        const int feature =
            series.featureIndex(QStringLiteral("%1_%2").arg(measure, QLatin1String(protocol)));
        if (feature < 0)
            return {};
        features << feature;
    }
    return features;
}

QList<int> chosenFeatures(const QComboBox *box)
{
    return box->currentData(kFeaturesRole).value<QList<int>>();
}

TimelineChart::Layout chosenLayout(const QComboBox *box)
{
    return box->currentData(kStackedRole).toBool() ? TimelineChart::Layout::Stacked
                                                   : TimelineChart::Layout::Overlaid;
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_loader(new JobRunner(this))
    , m_saver(new JobRunner(this))
    , m_trainFileReader(new JobRunner(this))
    , m_detection(new DetectionController(this))
    , m_banner(new MessageBanner(this))
    , m_charts(new ChartStack(this))
    , m_featureBox(new QComboBox(this))
    , m_binBox(new QComboBox(this))
{
    setWindowTitle(tr("Tideline"));
    setAcceptDrops(true);
    resize(1400, 900);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_banner);
    layout->addWidget(m_charts, 1);
    setCentralWidget(central);

    createDocks();
    createActions();
    createStatusBar();
    createCaptureActions();
    connectWork(m_loader, tr("Loading"));
    connectWork(m_detection->runner(), tr("Training"));
    connectWork(m_saver, tr("Saving"));

    connect(m_loader, &JobRunner::jobCancelled, this, [this] {
        statusBar()->showMessage(tr("Loading cancelled"), 5000);
        emit loadCancelled(m_loadingPath);
    });
    connect(m_featureBox, &QComboBox::currentIndexChanged, this, [this] {
        m_charts->setFeatures(chosenFeatures(m_featureBox), chosenLayout(m_featureBox));
        QSettings().setValue(kSeriesKey, m_featureBox->currentText());
    });
    connect(m_binBox, &QComboBox::activated, this, &MainWindow::changeBinWidth);
    connect(m_detectorPanel, &DetectorPanel::trainRequested, this, &MainWindow::train);
    connect(m_detectorPanel, &DetectorPanel::thresholdChanged, m_detection,
            &DetectionController::setThresholdSettings);
    connect(m_detectorPanel, &DetectorPanel::trainElsewhereRequested, this,
            &MainWindow::showTrainFromDialog);
    connect(m_detection, &DetectionController::resultChanged, this, &MainWindow::showResult);
    connect(m_detection, &DetectionController::thresholdChanged, this, &MainWindow::showThreshold);
    connect(m_detection, &DetectionController::anomaliesChanged, this, &MainWindow::showAnomalies);
    connect(m_detection, &DetectionController::descriptionsChanged, m_anomalyModel,
            &AnomalyModel::refreshDescriptions);
    connect(m_detection, &DetectionController::trainingFinished, this, [this] {
        statusBar()->showMessage(tr("Training finished"), 5000);
        emit trainingFinished();
    });
    connect(m_detection, &DetectionController::trainingFailed, this, [this](const QString &why) {
        m_banner->showMessage(MessageBanner::Level::Error, tr("Training failed"), {why});
        emit trainingFailed(why);
    });
    connect(m_detection, &DetectionController::modelFailed, this, [this](const QString &why) {
        m_banner->showMessage(MessageBanner::Level::Error, tr("The model could not be used"),
                              {why});
    });
    connect(m_modelFiles, &ModelFileActions::saveFailed, this, [this](const QString &why) {
        m_banner->showMessage(MessageBanner::Level::Error, tr("The model could not be saved"),
                              {why});
    });
    connect(m_modelFiles, &ModelFileActions::modelSaved, this, [this](const QString &path) {
        statusBar()->showMessage(tr("Model saved to %1").arg(QDir::toNativeSeparators(path)), 5000);
    });
    connect(m_charts, &ChartStack::bandClicked, this, &MainWindow::selectAnomaly);
    connect(m_charts, &ChartStack::selectionChanged, this, [this] {
        m_detectorPanel->setSelectionAvailable(true);
        m_markSelection->setEnabled(true);
    });
    // After the first save, every change is written as it happens.
    connect(m_detection, &DetectionController::changed, this,
            [this](Investigation::Change change, qint64 id) {
                if (m_case && !m_case->record(*m_detection->investigation(), change, id))
                    m_banner->showMessage(MessageBanner::Level::Error,
                                          tr("The case could not be saved"),
                                          {m_case->errorString()});
            });

    const QSettings settings;
    restoreGeometry(settings.value(kGeometryKey).toByteArray());
    restoreState(settings.value(kStateKey).toByteArray());
    m_charts->restoreSplitterState(settings.value(kChartsKey).toByteArray());
}

MainWindow::~MainWindow() = default;

TimelineChart *MainWindow::timeline() const
{
    return m_charts->timeline();
}

void MainWindow::createDocks()
{
    m_detectorPanel = new DetectorPanel(this);
    auto *detectorDock = new QDockWidget(tr("Detector"), this);
    detectorDock->setObjectName(QStringLiteral("detectorDock"));
    detectorDock->setWidget(m_detectorPanel);
    addDockWidget(Qt::RightDockWidgetArea, detectorDock);

    m_anomalyModel = new AnomalyModel(this);
    m_anomalyModel->setInvestigation(m_detection->investigation());
    m_anomalyProxy = new QSortFilterProxyModel(this);
    m_anomalyProxy->setSourceModel(m_anomalyModel);
    m_anomalyProxy->setSortRole(AnomalyModel::SortRole);
    m_anomalyView = new QTableView(this);
    m_anomalyView->setModel(m_anomalyProxy);
    m_anomalyView->setSortingEnabled(true);
    m_anomalyView->sortByColumn(AnomalyModel::Start, Qt::AscendingOrder);
    m_anomalyView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_anomalyView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_anomalyView->setItemDelegateForColumn(AnomalyModel::Label, new LabelDelegate(this));
    m_anomalyView->verticalHeader()->hide();
    m_anomalyView->horizontalHeader()->setStretchLastSection(true);
    m_anomalyView->setEditTriggers(QAbstractItemView::DoubleClicked |
                                   QAbstractItemView::EditKeyPressed |
                                   QAbstractItemView::AnyKeyPressed);
    connect(m_anomalyView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    selectAnomaly(m_anomalyProxy->mapToSource(current).row());
            });
    auto *anomalyDock = new QDockWidget(tr("Anomalies"), this);
    anomalyDock->setObjectName(QStringLiteral("anomalyDock"));
    anomalyDock->setWidget(m_anomalyView);
    addDockWidget(Qt::BottomDockWidgetArea, anomalyDock);

    m_inspector = new InspectorPanel(this);
    auto *inspectorDock = new QDockWidget(tr("Inspector"), this);
    inspectorDock->setObjectName(QStringLiteral("inspectorDock"));
    inspectorDock->setWidget(m_inspector);
    addDockWidget(Qt::BottomDockWidgetArea, inspectorDock);
    splitDockWidget(anomalyDock, inspectorDock, Qt::Horizontal);

    m_classifierPanel = new ClassifierPanel(this);
    m_classifierDock = new QDockWidget(tr("Classifier"), this);
    m_classifierDock->setObjectName(QStringLiteral("classifierDock"));
    m_classifierDock->setWidget(m_classifierPanel);
    addDockWidget(Qt::BottomDockWidgetArea, m_classifierDock);
    tabifyDockWidget(inspectorDock, m_classifierDock);
    m_classifierDock->hide(); // until a supervised run
}

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = file->addAction(tr("&Open…"), this, &MainWindow::showOpenDialog);
    open->setShortcut(QKeySequence::Open);
    file->addAction(tr("Open from &Prometheus…"), this, &MainWindow::showPrometheusDialog);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    refreshRecentMenu();
    file->addSeparator();
    file->addAction(tr("Open &Case…"), this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Open case"), QSettings().value(kLastDirectoryKey).toString(),
            tr("Cases (*.tideline)"));
        if (!path.isEmpty())
            openFile(path);
    });
    file->addAction(tr("&Save Case…"), this, &MainWindow::showSaveCaseDialog)
        ->setShortcut(QKeySequence::Save);
    m_locateSource =
        file->addAction(tr("&Locate Source…"), this, &MainWindow::showLocateSourceDialog);
    m_locateSource->setEnabled(false);
    file->addSeparator();
    m_modelFiles = new ModelFileActions(m_detection, m_detectorPanel, this);
    file->addAction(m_modelFiles->openAction());
    file->addAction(m_modelFiles->saveAction());
    file->addSeparator();
    QAction *exportMarked =
        file->addAction(tr("&Export Marked Anomalies…"), this, &MainWindow::showExportDialog);
    exportMarked->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    TimelineChart *chart = m_charts->timeline();
    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *zoomIn = view->addAction(tr("Zoom &In"), this, [chart] { chart->zoomBy(2.0); });
    zoomIn->setShortcuts(
        {QKeySequence(Qt::Key_Plus), QKeySequence(Qt::Key_Equal), QKeySequence::ZoomIn});
    QAction *zoomOut = view->addAction(tr("Zoom &Out"), this, [chart] { chart->zoomBy(0.5); });
    zoomOut->setShortcuts({QKeySequence(Qt::Key_Minus), QKeySequence::ZoomOut});
    QAction *reset = view->addAction(tr("&Reset Zoom"), chart, &TimelineChart::resetZoom);
    reset->setShortcut(QKeySequence(Qt::Key_0));
    QAction *back = view->addAction(tr("&Back"), chart, &TimelineChart::back);
    back->setShortcuts({QKeySequence::Back, QKeySequence(Qt::Key_Backspace)});
    QAction *forward = view->addAction(tr("&Forward"), chart, &TimelineChart::forward);
    forward->setShortcut(QKeySequence::Forward);
    view->addAction(tr("Pan &Left"), this, [chart] { chart->panBy(-0.25); })
        ->setShortcut(QKeySequence(Qt::Key_Left));
    view->addAction(tr("Pan Ri&ght"), this, [chart] { chart->panBy(0.25); })
        ->setShortcut(QKeySequence(Qt::Key_Right));
    view->addSeparator();
    QAction *logScale = view->addAction(tr("&Logarithmic Scale"));
    logScale->setCheckable(true);
    logScale->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    connect(logScale, &QAction::toggled, m_charts, &ChartStack::setLogScale);
    const auto updateHistory = [chart, back, forward] {
        back->setEnabled(chart->canGoBack());
        forward->setEnabled(chart->canGoForward());
    };
    connect(chart, &TimelineChart::historyChanged, this, updateHistory);
    updateHistory();

    QMenu *detect = menuBar()->addMenu(tr("&Detect"));
    QAction *trainAction = detect->addAction(tr("&Train"), this, &MainWindow::train);
    trainAction->setShortcut(QKeySequence(Qt::Key_F5));
    detect->addAction(tr("Train on &Another File…"), this, &MainWindow::showTrainFromDialog);
    detect->addAction(tr("&Cancel"), this, &MainWindow::cancelWork)
        ->setShortcut(QKeySequence(Qt::Key_Escape));
    detect->addAction(tr("Load T&ruth…"), this, &MainWindow::showLoadTruthDialog)
        ->setToolTip(tr("Known anomalies to draw under the timeline and match in the table"));
    detect->addSeparator();
    detect->addAction(tr("&Next Anomaly"), this, [this] { stepAnomaly(1); })
        ->setShortcut(QKeySequence(Qt::Key_F8));
    detect->addAction(tr("&Previous Anomaly"), this, [this] { stepAnomaly(-1); })
        ->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F8));
    m_markSelection =
        detect->addAction(tr("&Mark Selected Range"), this, &MainWindow::markSelection);
    m_markSelection->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_M));
    m_markSelection->setToolTip(tr("Ctrl+drag on a chart to select a range"));
    m_markSelection->setEnabled(false);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Tideline"), this, &MainWindow::showAbout);

    QToolBar *tools = addToolBar(tr("Timeline"));
    tools->setObjectName(QStringLiteral("timelineToolBar"));
    tools->addAction(open);
    tools->addSeparator();
    tools->addWidget(new QLabel(tr("Series: "), tools));
    m_featureBox->setObjectName(QStringLiteral("featureBox"));
    m_featureBox->setMinimumContentsLength(18);
    m_featureBox->setToolTip(tr("The features drawn on the timeline"));
    tools->addWidget(m_featureBox);
    tools->addWidget(new QLabel(tr(" Bin: "), tools));
    m_binBox->setToolTip(tr("Bin width; widths that are multiples of the kept resolution re-bin "
                            "without reading the file again"));
    tools->addWidget(m_binBox);
    tools->addAction(logScale);
    tools->addSeparator();
    tools->addAction(zoomIn);
    tools->addAction(zoomOut);
    tools->addAction(reset);
    tools->addAction(back);
    tools->addAction(forward);
    tools->addSeparator();
    tools->addAction(trainAction);
    tools->addAction(exportMarked);
}

void MainWindow::createStatusBar()
{
    m_summaryLabel = new QLabel(this);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1000);
    m_progress->setMaximumWidth(260);
    m_cancelButton = new QToolButton(this);
    m_cancelButton->setText(tr("Cancel"));
    m_cancelButton->setToolTip(tr("Stop the work in progress (Esc)"));
    connect(m_cancelButton, &QToolButton::clicked, this, &MainWindow::cancelWork);
    statusBar()->addWidget(m_summaryLabel, 1);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_cancelButton);
    m_progress->hide();
    m_cancelButton->hide();
}

void MainWindow::connectWork(JobRunner *runner, const QString &what)
{
    connect(runner, &JobRunner::jobStarted, this, [this, what] {
        m_progress->setValue(0);
        m_progress->setFormat(what + QStringLiteral("…"));
        m_progress->show();
        m_cancelButton->show();
    });
    connect(runner, &JobRunner::progressChanged, this,
            [this, what](double fraction, qint64 items, double itemsPerSecond) {
                if (fraction >= 0)
                    m_progress->setValue(int(fraction * 1000));
                m_progress->setFormat(
                    tr("%1 %p% · %L2 · %L3/s").arg(what).arg(items).arg(qint64(itemsPerSecond)));
            });
    const auto idle = [this] {
        if (!m_loader->isRunning() && !m_detection->isTraining()) {
            m_progress->hide();
            m_cancelButton->hide();
        }
    };
    connect(runner, &JobRunner::jobFinished, this, idle);
    connect(runner, &JobRunner::jobCancelled, this, idle);
}

bool MainWindow::openFile(const QString &path, TimeNs binWidth)
{
    if (!confirmDiscard())
        return false;
    if (QFileInfo(path).suffix() == CaseFile::suffix()) {
        openCase(path);
        return true;
    }
    LoadOptions options;
    options.binWidth = binWidth;
    load(path, options, false);
    return true;
}

bool MainWindow::openPrometheus(const QString &url, const PrometheusSource &source)
{
    if (!confirmDiscard())
        return false;
    LoadOptions options;
    options.prometheus = source;
    load(url, options, false);
    return true;
}

void MainWindow::load(const QString &path, const LoadOptions &options, bool sameSource)
{
    leaveCapture();
    m_loadingPath = path;
    m_banner->hide();
    m_detection->cancel();
    const bool remote = PrometheusSource::isSourceUrl(path);
    statusBar()->showMessage(tr("Loading %1…").arg(remote ? path : QDir::toNativeSeparators(path)));
    if (!remote)
        QSettings().setValue(kLastDirectoryKey, QFileInfo(path).absolutePath());
    // A case's source is read again only when it is still the file the case was made from.
    const std::optional<SourceIdentity> expected =
        sameSource ? m_source : std::optional<SourceIdentity>();
    m_loader->start<std::shared_ptr<LoadedInput>>(
        [path, options, expected](const ProgressCallback &progress) {
            QString why;
            if (expected && !expected->matches(path, &why, progress)) {
                auto refused = std::make_shared<LoadedInput>();
                refused->path = path;
                refused->error = Diagnostic{Diagnostic::Severity::Error, path, 0, -1, 0, why};
                return refused;
            }
            return std::make_shared<LoadedInput>(loadInput(path, options, progress));
        },
        [this, options, sameSource](std::shared_ptr<LoadedInput> input) {
            if (!input->error)
                m_loadOptions = options;
            showInput(std::move(input), sameSource);
        });
}

bool MainWindow::hasUnsavedWork() const
{
    const Investigation &investigation = *m_detection->investigation();
    return !m_case && (!investigation.runs().empty() || !investigation.annotations().empty());
}

bool MainWindow::confirmDiscard()
{
    if (!hasUnsavedWork())
        return true;
    if (m_input && m_input->kind == LoadedInput::Kind::Live)
        return QMessageBox::question(
                   this, tr("Unsaved work"),
                   tr("The capture's bins and anomalies, and what you marked, labelled and noted, "
                      "cannot be kept as a case: a case needs the packets. Open the captured "
                      "packets (Capture ▸ Open Captured Packets) to keep one. Discard them?"),
                   QMessageBox::Discard | QMessageBox::Cancel,
                   QMessageBox::Cancel) == QMessageBox::Discard;
    if (m_input && m_input->kind == LoadedInput::Kind::Prometheus)
        return QMessageBox::question(
                   this, tr("Unsaved work"),
                   tr("The detector runs and what you marked, labelled and noted cannot be kept "
                      "as a case: its source is a Prometheus server, not a file. Discard them?"),
                   QMessageBox::Discard | QMessageBox::Cancel,
                   QMessageBox::Cancel) == QMessageBox::Discard;
    const auto answer = QMessageBox::question(
        this, tr("Unsaved work"),
        tr("The detector runs and what you marked, labelled and noted are not in a case yet. "
           "Save them as a case?"),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Cancel)
        return false;
    if (answer == QMessageBox::Discard)
        return true;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save case"), QSettings().value(kLastDirectoryKey).toString(),
        tr("Cases (*.tideline)"));
    if (path.isEmpty())
        return false;
    // Written here and now: the window is about to show something else.
    QString error;
    const std::optional<SourceIdentity> source =
        m_source ? m_source : SourceIdentity::of(m_input->path, &error);
    if (!source ||
        !CaseFile::write(path, *m_detection->investigation(), *source, m_loadOptions, &error)) {
        m_banner->showMessage(MessageBanner::Level::Error, tr("The case was not saved"), {error});
        return false;
    }
    return true;
}

void MainWindow::showSaveCaseDialog()
{
    if (!m_input)
        return;
    if (m_input->kind == LoadedInput::Kind::Live) {
        m_banner->showMessage(MessageBanner::Level::Error, tr("The case was not saved"),
                              {tr("A case needs a source file it can check again later, and a "
                                  "live capture's bins are none: open the captured packets "
                                  "(Capture ▸ Open Captured Packets) and keep a case of those.")});
        return;
    }
    if (m_input->kind == LoadedInput::Kind::Prometheus) {
        // A case checks its source file's checksum before it runs again; a server has none.
        m_banner->showMessage(MessageBanner::Level::Error, tr("The case was not saved"),
                              {tr("A case needs a source file it can check again later, and a "
                                  "Prometheus server is none: write the series to CSV "
                                  "(tideline series URL --query … -o metrics.csv) and open that "
                                  "to keep a case.")});
        return;
    }
    QString suggested = m_case ? m_case->path()
                               : QDir(QSettings().value(kLastDirectoryKey).toString())
                                     .filePath(QFileInfo(m_input->path).completeBaseName() +
                                               QStringLiteral(".tideline"));
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Save case"), suggested, tr("Cases (*.tideline)"));
    if (!path.isEmpty())
        saveCase(QFileInfo(path).suffix().isEmpty() ? path + QStringLiteral(".tideline") : path);
}

void MainWindow::saveCase(const QString &path)
{
    if (!m_input)
        return;
    if (m_case && QFileInfo(m_case->path()) == QFileInfo(path)) {
        emit caseSaved(path); // already saved as it changed
        return;
    }
    // The job writes a copy: the analyst goes on working meanwhile, and what changed is
    // written once the case is attached.
    const auto snapshot = std::make_shared<Investigation>(m_detection->investigation()->copy());
    const std::optional<SourceIdentity> known = m_source;
    const LoadOptions load = m_loadOptions;
    struct Saved
    {
        std::optional<SourceIdentity> source;
        QString error;
    };
    statusBar()->showMessage(tr("Saving %1…").arg(QDir::toNativeSeparators(path)));
    m_saver->start<std::shared_ptr<Saved>>(
        [snapshot, known, load, path](const ProgressCallback &progress) {
            auto saved = std::make_shared<Saved>();
            saved->source =
                known ? known
                      : SourceIdentity::of(snapshot->input()->path, &saved->error, progress);
            if (saved->source &&
                !CaseFile::write(path, *snapshot, *saved->source, load, &saved->error))
                saved->source.reset();
            return saved;
        },
        [this, path](std::shared_ptr<Saved> saved) {
            if (!saved->source) {
                m_banner->showMessage(MessageBanner::Level::Error, tr("The case was not saved"),
                                      {saved->error});
                emit caseFailed(path, saved->error);
                return;
            }
            attachCase(path, saved->source);
            if (m_case)
                emit caseSaved(path);
        });
}

void MainWindow::openCase(const QString &path)
{
    leaveCapture();
    m_loadingPath = path;
    m_banner->hide();
    m_detection->cancel();
    statusBar()->showMessage(tr("Opening %1…").arg(QDir::toNativeSeparators(path)));
    struct Opened
    {
        std::optional<CaseContents> contents;
        QString error;
    };
    m_loader->start<std::shared_ptr<Opened>>(
        [path](const ProgressCallback &) {
            auto opened = std::make_shared<Opened>();
            opened->contents = CaseFile::read(path, &opened->error);
            return opened;
        },
        [this, path](std::shared_ptr<Opened> opened) {
            statusBar()->clearMessage();
            if (!opened->contents) {
                m_banner->showMessage(MessageBanner::Level::Error,
                                      tr("Cannot open %1").arg(QFileInfo(path).fileName()),
                                      {opened->error});
                emit loadFailed(path, opened->error);
                return;
            }
            CaseContents &contents = *opened->contents;
            closeCase();
            m_input = contents.input;
            m_loadOptions = contents.load;
            showSeries();
            refreshBinWidths();
            m_detection->restore(m_input, std::move(contents.runs), contents.currentRun,
                                 std::move(contents.annotations), contents.described);
            showCaseRun();
            attachCase(path, contents.source, contents.damage);
            rememberRecent(path);
            emit loadFinished(path);
        });
}

void MainWindow::attachCase(const QString &path, const std::optional<SourceIdentity> &source,
                            const QString &damage)
{
    QString error =
        damage.isEmpty()
            ? QString()
            : tr("%1 cannot be written: %2").arg(QDir::toNativeSeparators(path), damage);
    std::unique_ptr<CaseFile> file = damage.isEmpty() ? CaseFile::attach(path, &error) : nullptr;
    if (!file || !file->synchronize(*m_detection->investigation())) {
        m_banner->showMessage(MessageBanner::Level::Error, tr("The case cannot be written"),
                              {file ? file->errorString() : error});
        emit caseFailed(path, file ? file->errorString() : error);
        return;
    }
    m_case = std::move(file);
    m_source = source;
    setWindowTitle(tr("%1 — Tideline").arg(QFileInfo(path).fileName()));
    showSourceState();
}

void MainWindow::closeCase()
{
    m_case.reset();
    m_sourceFound = true;
    m_locateSource->setEnabled(false);
}

void MainWindow::showSourceState()
{
    m_sourceFound = m_source && QFileInfo::exists(m_source->path);
    m_locateSource->setEnabled(m_case && !m_sourceFound);
    if (m_case && !m_sourceFound)
        m_banner->showMessage(
            MessageBanner::Level::Warning,
            tr("The case's source is not at %1").arg(QDir::toNativeSeparators(m_source->path)),
            {tr("Everything saved in the case is shown. To re-bin finer than it was saved or to "
                "read the source again, tell Tideline where it is now: File ▸ Locate Source…")});
}

void MainWindow::showLocateSourceDialog()
{
    if (!m_source)
        return;
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Locate %1").arg(QFileInfo(m_source->path).fileName()),
        QFileInfo(m_source->path).absolutePath(), fileFilters());
    if (!path.isEmpty())
        locateSource(path);
}

void MainWindow::locateSource(const QString &path)
{
    if (!m_source)
        return;
    const SourceIdentity expected = *m_source;
    m_saver->start<QString>(
        [expected, path](const ProgressCallback &progress) {
            QString why;
            return expected.matches(path, &why, progress) ? QString() : why;
        },
        [this, path](const QString &why) {
            if (!why.isEmpty()) {
                m_banner->showMessage(MessageBanner::Level::Error,
                                      tr("That is not the case's source"), {why});
                return;
            }
            m_source->path = QFileInfo(path).absoluteFilePath();
            if (m_case && !m_case->setSourcePath(m_source->path))
                m_banner->showMessage(MessageBanner::Level::Error,
                                      tr("The case could not be saved"), {m_case->errorString()});
            m_banner->hide();
            showSourceState();
        });
}

void MainWindow::cancelWork()
{
    m_loader->cancel();
    m_detection->cancel();
}

void MainWindow::showInput(std::shared_ptr<LoadedInput> input, bool sameSource)
{
    statusBar()->clearMessage();
    const bool remote =
        input->kind == LoadedInput::Kind::Prometheus || PrometheusSource::isSourceUrl(input->path);
    const QString name = remote ? input->path : QFileInfo(input->path).fileName();
    if (input->error) {
        const QString message = input->error->toString();
        m_banner->showMessage(MessageBanner::Level::Error, tr("Cannot open %1").arg(name),
                              {message});
        emit loadFailed(input->path, message);
        return;
    }
    m_input = std::move(input);
    // Reopening a server needs its queries and range: the dialog remembers those.
    if (!remote)
        rememberRecent(m_input->path);
    if (!sameSource) {
        // The panel showed the case's run: a new file starts from what was trained last.
        if (m_case)
            m_detectorPanel->showRemembered();
        closeCase();
        m_source.reset();
        setWindowTitle(tr("%1 — Tideline").arg(name));
    }
    if (!m_input->warnings.empty()) {
        m_banner->showMessage(
            MessageBanner::Level::Warning,
            tr("%1 loaded with %n warning(s)", nullptr, int(m_input->warnings.size())).arg(name),
            toStrings(m_input->warnings));
    }
    showSeries();
    refreshBinWidths();
    if (sameSource)
        m_detection->setSeries(m_input);
    else
        m_detection->setInput(m_input);
    emit loadFinished(m_input->path);
    if (sameSource)
        emit seriesChanged();
}

void MainWindow::showSeries()
{
    const auto series = std::shared_ptr<const Series>(m_input, &m_input->series);
    // The entry shown before (a reload, a new bin width), else the one chosen last time.
    const QString feature = m_featureBox->count() > 0 ? m_featureBox->currentText()
                                                      : QSettings().value(kSeriesKey).toString();
    {
        const QSignalBlocker blocker(m_featureBox);
        m_featureBox->clear();
        for (int f = 0; f < int(series->features.size()); ++f)
            m_featureBox->addItem(series->features[std::size_t(f)].name,
                                  QVariant::fromValue(QList{f}));
        const auto addProtocolViews = [this, &series](QLatin1String measure, const QString &stacked,
                                                      const QString &overlaid) {
            const QList<int> features = protocolFeatures(*series, measure);
            if (features.isEmpty())
                return;
            m_featureBox->addItem(stacked, QVariant::fromValue(features));
            m_featureBox->setItemData(m_featureBox->count() - 1, true, kStackedRole);
            m_featureBox->addItem(overlaid, QVariant::fromValue(features));
        };
        addProtocolViews(QLatin1String("packets"), tr("packets by protocol (stacked)"),
                         tr("packets by protocol (overlaid)"));
        addProtocolViews(QLatin1String("bytes"), tr("bytes by protocol (stacked)"),
                         tr("bytes by protocol (overlaid)"));
        m_featureBox->setCurrentIndex(std::max(0, m_featureBox->findText(feature)));
    }
    m_charts->setSeries(series, chosenFeatures(m_featureBox), chosenLayout(m_featureBox));
    m_detectorPanel->setFeatures(*series);
    m_detectorPanel->setRowDuration(rowDuration(*series));
    m_detectorPanel->setSelectionAvailable(false);
    m_markSelection->setEnabled(false);
    m_anomalyModel->setTimeAxis(series->axis == Series::Axis::Time);
    m_inspector->clear();

    QString summary;
    if (m_input->capture) {
        summary = tr("%L1 packets · %L2 bytes · %3 bins of %4 · %L5 flows")
                      .arg(m_input->capture->packets)
                      .arg(m_input->capture->bytes)
                      .arg(series->rowCount())
                      .arg(formatDuration(series->binWidth))
                      .arg(m_input->traffic ? qint64(m_input->traffic->flows().size()) : 0);
    } else if (m_input->prometheus) {
        summary = tr("%L1 steps of %2 · %3 series · %L4 requests in %5 s")
                      .arg(series->rowCount())
                      .arg(formatDuration(series->binWidth))
                      .arg(series->features.size())
                      .arg(m_input->prometheus->requests)
                      .arg(QString::number(m_input->prometheus->seconds, 'f', 1));
    } else {
        summary = tr("%L1 rows").arg(series->rowCount());
    }
    m_summaryLabel->setText(summary);
    showTruth();
}

bool MainWindow::loadTruth(const QString &path, QString *why)
{
    if (!m_input || !readTruth(path, why))
        return false;
    showTruth();
    return true;
}

bool MainWindow::readTruth(const QString &path, QString *why)
{
    Diagnostics diagnostics;
    std::optional<CsvTimes> form;
    auto truth = readTruthFile(path, m_input->path, diagnostics, &form);
    QStringList problems;
    for (const Diagnostic &d : diagnostics) {
        if (d.severity == Diagnostic::Severity::Error)
            problems << d.toString();
    }
    const bool rows = m_input->series.axis == Series::Axis::Row;
    if (truth && problems.isEmpty() && form && (*form == CsvTimes::RowNumbers) != rows)
        problems << (rows ? tr("%1 has no time column, but the truth has times")
                          : tr("the truth numbers rows, but %1 has times"))
                        .arg(QFileInfo(m_input->path).fileName());
    if (!truth || !problems.isEmpty()) {
        if (why)
            *why = problems.join(QStringLiteral("; "));
        m_banner->showMessage(MessageBanner::Level::Warning,
                              tr("No truth from %1").arg(QFileInfo(path).fileName()), problems);
        return false;
    }
    m_fileTruth = std::move(truth);
    m_truthFile = path;
    m_truthInput = m_input->path;
    return true;
}

void MainWindow::showTruth()
{
    // A new source: its own truth file, when one lies beside it.
    if (m_truthInput != m_input->path) {
        m_truthInput = m_input->path;
        m_fileTruth.reset();
        m_truthFile.clear();
        if (const QString beside = truthFileBeside(m_input->path); !beside.isEmpty())
            readTruth(beside);
    }
    std::optional<std::vector<TruthInterval>> truth = m_fileTruth;
    QString source = QFileInfo(m_truthFile).fileName();
    if (!truth && !m_input->series.labels.isEmpty()) {
        truth = truthFromLabels(m_input->series);
        source = tr("the file's label column");
    }
    m_anomalyView->setColumnHidden(AnomalyModel::Truth, !truth);
    m_anomalyModel->setTruth(truth);
    m_charts->setTruth(std::move(truth), source);
}

void MainWindow::showLoadTruthDialog()
{
    if (!m_input)
        return;
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Load truth"), QFileInfo(m_input->path).absolutePath(),
        tr("Truth (*.csv *.txt *.json);;All files (*)"));
    if (!path.isEmpty())
        loadTruth(path);
}

void MainWindow::refreshBinWidths()
{
    const QSignalBlocker blocker(m_binBox);
    m_binBox->clear();
    const Series &series = m_input->series;
    if (!hasChoosableBinWidth(*m_input)) {
        m_binBox->addItem(tr("as in the file"));
        m_binBox->setEnabled(false);
        return;
    }
    m_binBox->setEnabled(true);
    // Gaps are one row whatever their length: only time with data makes bins.
    const TimeNs span = TimeNs(series.rowsWithData()) * series.binWidth;
    for (TimeNs width : binwidth::niceWidths()) {
        if (width != series.binWidth && (span / width > kMaximumBinsOffered || width > span))
            continue;
        m_binBox->addItem(formatDuration(width), QVariant::fromValue(width));
    }
    m_binBox->setCurrentIndex(m_binBox->findData(QVariant::fromValue(series.binWidth)));
}

void MainWindow::changeBinWidth()
{
    if (!m_input)
        return;
    const TimeNs width = m_binBox->currentData().value<TimeNs>();
    if (width <= 0 || width == m_input->series.binWidth)
        return;
    if (!canRebin(*m_input, width)) {
        // Finer than the kept resolution: read the source again.
        if (!m_sourceFound) {
            showLocateSourceDialog();
            return;
        }
        LoadOptions options = m_loadOptions;
        options.binWidth = width;
        load(m_source ? m_source->path : m_input->path, options, true);
        return;
    }
    const std::shared_ptr<const LoadedInput> current = m_input;
    m_loader->start<std::shared_ptr<LoadedInput>>(
        [current, width](const ProgressCallback &) {
            auto input = std::make_shared<LoadedInput>(*current);
            input->series = *rebin(*current, width);
            return input;
        },
        [this, width](std::shared_ptr<LoadedInput> input) {
            m_input = std::move(input);
            m_loadOptions.binWidth = width;
            showSeries();
            m_detection->setSeries(m_input);
            statusBar()->showMessage(tr("Re-binned; train again to score the new bins"), 5000);
            emit seriesChanged();
        });
}

bool MainWindow::setBinWidth(TimeNs width)
{
    const int index = m_binBox->findData(QVariant::fromValue(width));
    if (index < 0 || !m_binBox->isEnabled())
        return false;
    m_binBox->setCurrentIndex(index);
    changeBinWidth();
    return true;
}

void MainWindow::train()
{
    if (!m_input || m_capture->isRunning())
        return;
    DetectionOptions options = m_detectorPanel->options();
    if (m_detectorPanel->training() == DetectorPanel::Training::Selection) {
        const auto rows = m_charts->selection();
        if (rows) {
            const Series &series = m_input->series;
            const auto first =
                std::clamp<qsizetype>(qsizetype(rows->first), 0, series.rowCount() - 1);
            const auto last = std::clamp<qsizetype>(qsizetype(rows->second), 1, series.rowCount());
            options.training =
                TrainingRange::between(series.starts[std::size_t(first)], rowEnd(series, last - 1));
        }
    }
    m_banner->hide();
    m_detection->train(options);
}

void MainWindow::trainFrom(const QString &path)
{
    if (!m_input || m_capture->isRunning())
        return;
    // A range selected on this file's chart means nothing in the other file: the panel leaves
    // it out, and the model learns from all of that file or the first part of it.
    m_banner->hide();
    m_detection->trainFrom(path, m_detectorPanel->options());
}

void MainWindow::showTrainFromDialog()
{
    if (!m_input)
        return;
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Train on another file"), QSettings().value(kLastDirectoryKey).toString(),
        fileFilters());
    if (path.isEmpty())
        return;
    // A supervised detector learns the file's classes: they are shown before it trains.
    const DetectorInfo *info = findDetector(m_detectorPanel->detector());
    if (info && info->supervised)
        askTrainFrom(path);
    else
        trainFrom(path);
}

TrainFileDialog *MainWindow::askTrainFrom(const QString &path)
{
    if (!m_input)
        return nullptr;
    auto *dialog = new TrainFileDialog(path, m_input->series.binWidth, m_detectorPanel->options(),
                                       m_trainFileReader, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        m_banner->hide();
        m_detection->trainOn(dialog->training(), dialog->path(), dialog->options());
    });
    dialog->open();
    return dialog;
}

void MainWindow::trainWith(const QString &detector, std::optional<double> percentile)
{
    m_detectorPanel->setDetector(detector);
    if (percentile)
        m_detectorPanel->setPercentile(*percentile);
    train();
}

void MainWindow::showCaseRun()
{
    const Investigation &investigation = *m_detection->investigation();
    const DetectorRun *run = investigation.currentRun();
    if (!run && !investigation.runs().empty())
        run = &investigation.runs().back(); // re-binned since: the last run is still the case's
    if (!run)
        return;
    DetectionOptions options = run->options;
    if (options.training.kind == TrainingRange::Kind::Time) {
        // A stretch of another file (--model-from) cannot be selected on this one.
        const auto rows =
            run->modelFrom.isEmpty()
                ? rowsBetween(m_input->series, options.training.start, options.training.end)
                : std::nullopt;
        if (rows) {
            m_charts->setSelection(double(rows->first), double(rows->second + 1));
            m_markSelection->setEnabled(true);
        } else {
            options.training = TrainingRange::all();
        }
    }
    m_detectorPanel->showOptions(options);
}

void MainWindow::showResult()
{
    m_modelFiles->refresh(m_input != nullptr);
    m_charts->setResult(m_detection->result());
    const bool supervised =
        m_input && m_classifierPanel->showResult(m_detection->result(), m_input->series);
    // Brought to the front when a supervised run first shows it, behind the inspector after.
    const bool appears = supervised && m_classifierDock->isHidden();
    m_classifierDock->setVisible(supervised);
    if (appears)
        m_classifierDock->raise();
    showOutcome();
}

void MainWindow::showThreshold()
{
    if (const DetectionResult *result = m_detection->result())
        m_charts->setThreshold(result->threshold, result->hold);
    showOutcome();
}

void MainWindow::showOutcome()
{
    const DetectionResult *result = m_detection->result();
    m_detectorPanel->showModelSource(result ? m_detection->modelSource() : QString());
    m_detectorPanel->showTrainingClasses(result ? result->model.describeClasses() : QString());
    if (!result) {
        m_detectorPanel->showOutcome(QString());
        return;
    }
    m_detectorPanel->showOutcome(tr("Threshold %1 = %2, hold %3 · %n anomalous interval(s)",
                                    nullptr, int(m_detection->rows().size()))
                                     .arg(QLocale().toString(result->threshold, 'g', 5))
                                     .arg(result->thresholdDescription())
                                     .arg(QLocale().toString(result->hold, 'g', 5)));
}

void MainWindow::showAnomalies()
{
    const auto &rows = m_detection->rows();
    std::vector<std::pair<qsizetype, qsizetype>> bands;
    bands.reserve(rows.size());
    for (const InvestigationRow &row : rows) {
        // Kept in step with the rows (a band's index is its row); empty when outside the series.
        if (row.firstRow >= 0)
            bands.emplace_back(row.firstRow, row.lastRow);
        else
            bands.emplace_back(0, -1);
    }
    m_charts->setBands(bands, -1);
    m_anomalyModel->refresh();
    m_anomalyView->resizeColumnsToContents();
    showOutcome();
    m_inspector->clear();
}

void MainWindow::selectAnomaly(int index)
{
    const auto &rows = m_detection->rows();
    if (index < 0 || std::size_t(index) >= rows.size())
        return;
    const InvestigationRow &entry = rows[std::size_t(index)];
    m_charts->setSelectedBand(index);
    if (entry.firstRow >= 0)
        m_charts->focusRows(entry.firstRow, entry.lastRow);
    const QModelIndex proxyIndex = m_anomalyProxy->mapFromSource(m_anomalyModel->index(index, 0));
    if (m_anomalyView->currentIndex().row() != proxyIndex.row()) {
        const QSignalBlocker blocker(m_anomalyView->selectionModel());
        m_anomalyView->selectionModel()->setCurrentIndex(
            proxyIndex, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    }
    m_anomalyView->scrollTo(proxyIndex);
    if (entry.firstRow >= 0)
        m_inspector->showInterval(m_input, m_detection->result(), entry.firstRow, entry.lastRow,
                                  m_detection->otherRanges(std::size_t(index)));
    else
        m_inspector->clear();
    emit anomalySelected(index);
}

void MainWindow::stepAnomaly(int step)
{
    const int rows = m_anomalyProxy->rowCount();
    if (rows == 0)
        return;
    const int current = m_anomalyView->currentIndex().isValid()
                            ? m_anomalyView->currentIndex().row()
                            : (step > 0 ? -1 : rows);
    const int next = std::clamp(current + step, 0, rows - 1);
    selectAnomaly(m_anomalyProxy->mapToSource(m_anomalyProxy->index(next, 0)).row());
}

void MainWindow::markSelection()
{
    const auto rows = m_charts->selection();
    if (!rows || !m_input)
        return;
    const int index = m_detection->addManual(qsizetype(rows->first), qsizetype(rows->second) - 1);
    selectAnomaly(index);
}

bool MainWindow::exportMarked(const QString &path, QString *error)
{
    m_detection->describeMarkedNow(); // what is exported says what each one was
    return writeInvestigationCsv(path, *m_detection->investigation(), AnomalySelection::Marked,
                                 error);
}

void MainWindow::showExportDialog()
{
    if (m_anomalyModel->markedAnomalies().empty()) {
        m_banner->showMessage(MessageBanner::Level::Information,
                              tr("Nothing to export: tick the anomalies to export in the "
                                 "Anomalies table first"));
        return;
    }
    QSettings settings;
    const QString suggested = QDir(settings.value(kLastDirectoryKey).toString())
                                  .filePath(QFileInfo(m_input->path).completeBaseName() +
                                            QStringLiteral(".anomalies.csv"));
    const QString path = QFileDialog::getSaveFileName(this, tr("Export marked anomalies"),
                                                      suggested, tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportMarked(path, &error)) {
        m_banner->showMessage(MessageBanner::Level::Error, tr("Export failed"), {error});
        return;
    }
    settings.setValue(kLastDirectoryKey, QFileInfo(path).absolutePath());
    statusBar()->showMessage(
        tr("Exported %n anomaly(s) to %1", nullptr, int(m_anomalyModel->markedAnomalies().size()))
            .arg(QDir::toNativeSeparators(path)),
        5000);
}

void MainWindow::showOpenDialog()
{
    const QString directory = QSettings().value(kLastDirectoryKey).toString();
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Open capture or table"), directory, fileFilters());
    if (!path.isEmpty())
        openFile(path);
}

void MainWindow::showPrometheusDialog()
{
    PrometheusDialog dialog(this);
    if (dialog.exec() == QDialog::Accepted)
        openPrometheus(dialog.url(), dialog.source());
}

void MainWindow::rememberRecent(const QString &path)
{
    QSettings settings;
    QStringList recent = settings.value(kRecentKey).toStringList();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    recent.removeAll(absolute);
    recent.prepend(absolute);
    while (recent.size() > kMaximumRecentFiles)
        recent.removeLast();
    settings.setValue(kRecentKey, recent);
    refreshRecentMenu();
}

void MainWindow::refreshRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(kRecentKey).toStringList();
    for (const QString &path : recent)
        m_recentMenu->addAction(QFileInfo(path).fileName(), this, [this, path] { openFile(path); })
            ->setToolTip(path);
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::showAbout()
{
    QMessageBox::about(
        this, tr("About Tideline"),
        tr("<h3>Tideline %1</h3>"
           "<p>A workbench for finding and investigating anomalies in network traffic.</p>"
           "<p>Copyright © 2026 the Tideline developers. Licensed under the GNU General Public "
           "License, version 3 or later.</p>"
           "<p>Built with Qt %2 (Widgets, Charts), Eigen %3.%4.%5, %6 and Abseil's hash "
           "maps.</p>")
            .arg(QApplication::applicationVersion(), QString::fromLatin1(qVersion()))
            .arg(EIGEN_WORLD_VERSION)
            .arg(EIGEN_MAJOR_VERSION)
            .arg(EIGEN_MINOR_VERSION)
            .arg(libpcapVersion()));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!confirmDiscard()) {
        event->ignore();
        return;
    }
    cancelWork();
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState());
    settings.setValue(kChartsKey, m_charts->splitterState());
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (!urls.isEmpty() && urls.front().isLocalFile())
        openFile(urls.front().toLocalFile());
}

} // namespace tideline
