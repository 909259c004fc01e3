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

namespace tideline {

// Choose a detector and its parameters (generated from the detector registry, remembered per
// detector), the features, the training range, the seed and the threshold percentile. Asks
// for training; moving the percentile asks for an instant re-threshold.
class DetectorPanel : public QWidget
{
    Q_OBJECT

public:
    enum class Training { All, FirstPercent, Selection };

    explicit DetectorPanel(QWidget *parent = nullptr);

    void setFeatures(const std::vector<FeatureInfo> &features);
    void setSelectionAvailable(bool available);
    void setTrainingEnabled(bool enabled);

    QString detector() const;
    void setDetector(const QString &name);
    double percentile() const;
    void setPercentile(double percentile);
    Training training() const;
    // The options for a run; the training range is left for the window to fill from the
    // chart's selection when training() is Training::Selection.
    DetectionOptions options() const;
    void showOutcome(const QString &text);
    // Which file the shown model was fitted on; empty: the shown file.
    void showModelSource(const QString &path);

signals:
    void trainRequested();
    // "Train on another file…": fit on a file the analyst picks, score the shown one.
    void trainElsewhereRequested();
    void percentileChanged(double percentile);

private:
    void rebuildParameters();
    void rememberParameters() const;

    QComboBox *m_detector = nullptr;
    QLabel *m_description = nullptr;
    QFormLayout *m_parameterForm = nullptr;
    QWidget *m_parameterBox = nullptr;
    std::vector<std::pair<ParameterSpec, QWidget *>> m_parameterEditors;
    QListWidget *m_features = nullptr;
    QComboBox *m_training = nullptr;
    QSpinBox *m_trainingPercent = nullptr;
    QSpinBox *m_seed = nullptr;
    QSlider *m_percentileSlider = nullptr;
    QDoubleSpinBox *m_percentile = nullptr;
    QPushButton *m_train = nullptr;
    QPushButton *m_trainElsewhere = nullptr;
    QLabel *m_modelSource = nullptr;
    QLabel *m_outcome = nullptr;
};

} // namespace tideline
