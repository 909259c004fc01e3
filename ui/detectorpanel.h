#pragma once

#include "threshold/detectionrun.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QListWidget;
class QPushButton;
class QSlider;
class QSpinBox;
class QTimer;

namespace tideline {

// Choose a detector and its parameters (generated from the detector registry, remembered per
// detector), the features, the training range, the seed and the threshold: a percentile of the
// training scores (slider and spin box, up to 99.99999) or the same as expected false alarms
// per day of normal traffic, and the hold level intervals stay open above. Asks for training;
// moving the threshold asks for an instant re-threshold, once per burst of slider moves.
class DetectorPanel : public QWidget
{
    Q_OBJECT

public:
    enum class Training { All, FirstPercent, Selection };

    explicit DetectorPanel(QWidget *parent = nullptr);

    // The series' numeric columns, then its category columns (which supervised detectors
    // encode), all chosen.
    void setFeatures(const Series &series);
    void setSelectionAvailable(bool available);
    void setTrainingEnabled(bool enabled);

    QString detector() const;
    void setDetector(const QString &name);
    // What a row lasts, to show the threshold as false alarms per day (0: rows of a table).
    void setRowDuration(TimeNs duration);
    double percentile() const;
    // Programmatic changes re-threshold at once; the analyst's are coalesced.
    void setPercentile(double percentile);
    void setFalseAlarmsPerDay(double alarms);
    ThresholdSettings thresholdSettings() const;
    Training training() const;
    // The options for a run; the training range is left for the window to fill from the
    // chart's selection when training() is Training::Selection.
    DetectionOptions options() const;
    // Shows a run's options (a reopened case's) in every control, without remembering them or
    // asking for a re-threshold. A training range that is a stretch of time shows as
    // Training::Selection; selecting it on the chart is the window's part.
    void showOptions(const DetectionOptions &options);
    // Back to the options remembered from the last training (for a new file after a case).
    void showRemembered();
    void showOutcome(const QString &text);
    // Which file the shown model was fitted on; empty: the shown file.
    void showModelSource(const QString &path);
    // A supervised model's training rows per class ("normal 1,320 · attack 180"); empty: none.
    void showTrainingClasses(const QString &classes);

signals:
    void trainRequested();
    void thresholdChanged(const ThresholdSettings &settings);
    // "Train on another file…": fit on a file the analyst picks, score the shown one.
    void trainElsewhereRequested();

private:
    void rebuildParameters();
    void rememberParameters() const;
    // The rule changed: shows it in every control, and asks for a re-threshold now or after
    // the burst of edits settles.
    void showRule(bool now);
    void commitThreshold();
    // The threshold controls mean nothing for a supervised detector, which flags the rows it
    // predicts as attacks: disabled then, with a note saying why.
    void enableThresholdControls();

    QComboBox *m_detector = nullptr;
    QLabel *m_description = nullptr;
    QFormLayout *m_parameterForm = nullptr;
    QWidget *m_parameterBox = nullptr;
    std::vector<std::pair<ParameterSpec, QWidget *>> m_parameterEditors;
    QListWidget *m_features = nullptr;
    QCheckBox *m_timeFeatures = nullptr;
    QComboBox *m_training = nullptr;
    QSpinBox *m_trainingPercent = nullptr;
    QSpinBox *m_seed = nullptr;
    QSlider *m_percentileSlider = nullptr;
    QDoubleSpinBox *m_percentile = nullptr;
    QDoubleSpinBox *m_alarms = nullptr;
    QDoubleSpinBox *m_hold = nullptr;
    QTimer *m_thresholdTimer = nullptr; // coalesces slider and spin box bursts
    ThresholdRule m_rule;
    TimeNs m_rowDuration = 0;
    int m_gap = ThresholdSettings().gap; // no control of its own: the shown run's, kept
    QPushButton *m_train = nullptr;
    QPushButton *m_trainElsewhere = nullptr;
    QLabel *m_modelSource = nullptr;
    QLabel *m_trainingClasses = nullptr;
    QLabel *m_supervisedNote = nullptr;
    QLabel *m_outcome = nullptr;
};

} // namespace tideline
