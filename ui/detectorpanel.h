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

signals:
    void trainRequested();
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
    QCheckBox *m_timeFeatures = nullptr;
    QComboBox *m_training = nullptr;
    QSpinBox *m_trainingPercent = nullptr;
    QSpinBox *m_seed = nullptr;
    QSlider *m_percentileSlider = nullptr;
    QDoubleSpinBox *m_percentile = nullptr;
    QPushButton *m_train = nullptr;
    QLabel *m_outcome = nullptr;
};

} // namespace tideline
