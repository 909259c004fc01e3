#pragma once

#include "case/sourceidentity.h"
#include "evaluate/truth.h"
#include "input/inputloader.h"
#include "livecapture.h"

#include <QMainWindow>
#include <memory>
#include <optional>

class QAction;
class QComboBox;
class QDockWidget;
class QLabel;
class QMenu;
class QProgressBar;
class QSortFilterProxyModel;
class QTableView;
class QToolButton;

namespace tideline {

class AnomalyModel;
class CaseFile;
class ChartStack;
class ClassifierPanel;
class DetectionController;
class DetectorPanel;
class InspectorPanel;
class JobRunner;
class LiveRecording;
class MessageBanner;
class ModelFileActions;
class TimelineChart;
class TrainFileDialog;

// The workbench: open a capture or table, see its timeline, train a detector in the
// background, investigate the anomalous intervals, mark them and export them, and keep all of it
// in a case file. Long work goes through JobRunners, never the GUI thread.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Loads `path` in the background (replacing a load already running) and shows it; a case
    // file (*.tideline) is opened as a case. Unsaved work is asked about first; false when the
    // analyst cancelled.
    bool openFile(const QString &path, TimeNs binWidth = 0);
    // Reads a Prometheus-compatible server (`url` is prometheus+http(s)://…) the same way: in
    // the background, with progress and cancel, errors in the banner.
    bool openPrometheus(const QString &url, const PrometheusSource &source);
    // Writes the investigation as a case in the background; from then on every change is saved
    // as it happens. caseSaved or caseFailed tell the outcome.
    void saveCase(const QString &path);
    // Re-bins at `width` as the bin width box does; false when the box does not offer it.
    bool setBinWidth(TimeNs width);
    // Tells the case where its source is now (checked against its SHA-256 in the background).
    void locateSource(const QString &path);
    // Work that no case holds: runs or annotations made since the file was opened.
    bool hasUnsavedWork() const;
    const CaseFile *caseFile() const { return m_case.get(); }
    void train();
    // Sets the detector panel to `detector` (and `percentile` when given) and trains.
    void trainWith(const QString &detector, std::optional<double> percentile);
    // Fits the panel's detector on the file at `path` and scores the shown series with it.
    void trainFrom(const QString &path);
    // The same after showing the classes of the file's label column, as Train on Another
    // File… does for a supervised detector; trains when the dialog is accepted.
    TrainFileDialog *askTrainFrom(const QString &path);
    void cancelWork();
    void selectAnomaly(int index);
    // Reads known anomalies for the file shown (a truth CSV, a label table or NAB's
    // combined_windows.json), as Detect ▸ Load Truth… does: drawn as a lane under the timeline
    // and matched in the anomaly table. False, with the reason in the banner (and in `why`),
    // when unusable.
    bool loadTruth(const QString &path, QString *why = nullptr);
    // Writes the marked anomalies; false with the reason (the earlier file is left intact).
    bool exportMarked(const QString &path, QString *error);
    // Capture ▸ Start…: captures (or replays) on a thread with the detector panel's detector,
    // the timeline growing as bins close; false, with the reason in the banner, when it cannot
    // start. Stop keeps the bins and anomalies shown.
    bool startCapture(const CaptureRequest &request);
    void stopCapture();
    bool isCapturing() const { return m_capture->isRunning(); }
    // The file with the packets of the last capture (the ring's newest, the replayed one);
    // empty when they were not kept.
    const QString &capturedFile() const { return m_capturedFile; }
    void openCapturedPackets();
    // Capture ▸ Train on Selection as Normal: the detector fitted (in the background) on the
    // bins selected on the chart, which then scores every new bin; false when nothing is
    // selected or no capture runs.
    bool trainLiveOnSelection();

    const LoadedInput *input() const { return m_input.get(); }
    TimelineChart *timeline() const;
    ChartStack *charts() const { return m_charts; }
    MessageBanner *banner() const { return m_banner; }
    DetectorPanel *detectorPanel() const { return m_detectorPanel; }
    DetectionController *detection() const { return m_detection; }
    AnomalyModel *anomalyModel() const { return m_anomalyModel; }
    QTableView *anomalyView() const { return m_anomalyView; }
    InspectorPanel *inspector() const { return m_inspector; }
    ClassifierPanel *classifierPanel() const { return m_classifierPanel; }
    ModelFileActions *modelFiles() const { return m_modelFiles; }

signals:
    void loadFinished(const QString &path);
    void loadFailed(const QString &path, const QString &message);
    void caseSaved(const QString &path);
    void caseFailed(const QString &path, const QString &message);
    void seriesChanged();
    void loadCancelled(const QString &path);
    void trainingFinished();
    void trainingFailed(const QString &message);
    void anomalySelected(int index);
    // A batch of bins (and anomalies, drop counts) of the capture is shown.
    void liveBinsShown();
    void captureStopped(const QString &error);
    // The capture scores with a model trained on a selected stretch from now on.
    void liveModelTrained();

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createDocks();
    void createActions();
    void createStatusBar();
    void connectWork(JobRunner *runner, const QString &what);
    void showOpenDialog();
    void showPrometheusDialog();
    void showCaptureDialog();
    void createCaptureActions();
    // Stops the capture (if it runs) and forgets it: something else is about to be shown.
    void leaveCapture();
    void showLiveBatch(const LiveBatch &batch);
    void captureEnded(const QString &error, const CaptureStats &counts);
    void showCaptureCounts(bool running);
    void showSaveCaseDialog();
    void showLocateSourceDialog();
    void showTrainFromDialog();
    void showExportDialog();
    void showLoadTruthDialog();
    // Reads a truth file for the input shown into m_fileTruth; false (and the banner says why)
    // when it cannot be used.
    bool readTruth(const QString &path, QString *why = nullptr);
    // The file's truth, else its label column's, on the charts and in the anomaly table.
    void showTruth();
    // Save / Discard / Cancel when there is unsaved work; false when the analyst cancelled.
    bool confirmDiscard();
    void load(const QString &path, const LoadOptions &options, bool sameSource);
    void openCase(const QString &path);
    // `damage`: why the case read as damaged must not be written to (CaseContents::damage).
    void attachCase(const QString &path, const std::optional<SourceIdentity> &source,
                    const QString &damage = {});
    void closeCase();
    void showSourceState();
    void showAbout();
    void showInput(std::shared_ptr<LoadedInput> input, bool sameSource);
    void showSeries();
    void changeBinWidth();
    void refreshBinWidths();
    // The detector panel as the case's run was set: its detector, parameters, features,
    // training range (selected on the chart) and threshold.
    void showCaseRun();
    void showResult();
    void showThreshold();
    void showOutcome();
    void showAnomalies();
    void stepAnomaly(int step);
    void markSelection();
    void rememberRecent(const QString &path);
    void refreshRecentMenu();

    LiveCapture *m_capture = nullptr;
    std::unique_ptr<LiveRecording> m_recording; // the last capture's, kept after it stopped
    CaptureRequest m_captureRequest;
    QString m_capturedFile;
    QAction *m_startCapture = nullptr;
    QAction *m_stopCapture = nullptr;
    QAction *m_followCapture = nullptr;
    QAction *m_openCaptured = nullptr;
    QAction *m_trainLive = nullptr;
    QLabel *m_captureLabel = nullptr;
    JobRunner *m_loader = nullptr;
    JobRunner *m_saver = nullptr;
    JobRunner *m_trainFileReader = nullptr; // TrainFileDialog's reading
    DetectionController *m_detection = nullptr;
    MessageBanner *m_banner = nullptr;
    ChartStack *m_charts = nullptr;
    DetectorPanel *m_detectorPanel = nullptr;
    AnomalyModel *m_anomalyModel = nullptr;
    QSortFilterProxyModel *m_anomalyProxy = nullptr;
    QTableView *m_anomalyView = nullptr;
    InspectorPanel *m_inspector = nullptr;
    ClassifierPanel *m_classifierPanel = nullptr;
    ModelFileActions *m_modelFiles = nullptr;
    QDockWidget *m_classifierDock = nullptr;
    QComboBox *m_featureBox = nullptr;
    QComboBox *m_binBox = nullptr;
    QAction *m_markSelection = nullptr;
    QLabel *m_summaryLabel = nullptr;
    QProgressBar *m_progress = nullptr;
    QToolButton *m_cancelButton = nullptr;
    QMenu *m_recentMenu = nullptr;
    QAction *m_locateSource = nullptr;
    QString m_loadingPath;
    std::shared_ptr<LoadedInput> m_input;
    LoadOptions m_loadOptions;
    // Known anomalies from a file: Load Truth…, or the truth file beside the input.
    std::optional<std::vector<TruthInterval>> m_fileTruth;
    QString m_truthFile;  // where m_fileTruth came from
    QString m_truthInput; // the input m_fileTruth belongs to
    std::unique_ptr<CaseFile> m_case;
    std::optional<SourceIdentity> m_source; // known once hashed (saved or opened as a case)
    bool m_sourceFound = true;              // false: the case's source is not at its path
};

} // namespace tideline
