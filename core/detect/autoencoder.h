#pragma once

#include "detect/detector.h"

#include <QString>
#include <QtGlobal>
#include <cstdint>
#include <memory>
#include <vector>

namespace tideline {

class AutoencoderNetwork;

// A dense autoencoder (Hinton & Salakhutdinov 2006) trained on normal traffic and scored by
// per-row reconstruction error, with Keras' training recipe: ReLU, dropout, L2 activity
// penalty, sigmoid output, MSE, Adam, early stopping with best-weight restore and
// learning-rate reduction on plateau. The `published` preset is the one-feature
// 1-8-4-2-4-8-1 network; it expects min-max scaling in the feature pipeline (the registry's
// FeatureScaling for this detector), the first 70 % as training range and the 95th percentile
// as threshold (publishedPresetAdvice()).
// Trained on rows that hold attacks, it would learn to reconstruct them and squeeze every normal
// row into a corner of the [0, 1] range they stretch: so it trains twice, the second time
// without the `trim` share of training rows it reconstructed worst (trimmedrefit.h), the range
// then coming from the rest.
class Autoencoder : public Detector
{
public:
    enum class Preset : std::uint8_t {
        General,   // widths sized from the number of features, linear bottleneck
        Published, // ReLU 8-4-2-4-8 hidden layers, whatever the number of features
    };

    struct Settings
    {
        Preset preset = Preset::General;
        int epochs = 50;
        int batchSize = 256;
        double learningRate = 1e-3;
        double dropout = 0.1;
        double l2 = 1e-5;
        int patience = 5;
        double validationFraction = 0.1;
        bool shuffle = true;
        double lrFactor = 0.5;
        int lrPatience = 3;
        double minLearningRate = 1e-5;
        int bottleneck = 0; // 0: from the preset
        double trim = 0.1;  // share of training rows left out of the second training; 0: one
    };

    // What the caller (CLI, UI) sets around the detector to reproduce the published run.
    struct PresetAdvice
    {
        QString feature;      // the published network's single input
        QString scaling;      // the feature pipeline's scaling, as `tideline detectors` names it
        double trainFraction; // train on this leading fraction of the rows, in time order
        double percentile;    // threshold percentile of the training scores
        QString note;         // one paragraph for `tideline detectors` and the UI
    };

    struct Epoch
    {
        double trainingLoss = 0.0;
        double validationLoss = 0.0; // the training loss again when there is no validation set
        double learningRate = 0.0;
    };

    Autoencoder(const ParameterValues &values, quint64 seed);
    ~Autoencoder() override;

    static QString name();
    static QString description();
    static std::vector<ParameterSpec> parameterSpecs();
    static PresetAdvice publishedPresetAdvice();

    // Input, hidden and output widths of the network for `features` inputs.
    static std::vector<int> layerWidths(Preset preset, int features, int bottleneck = 0);

    // Fails on empty input and on NaN or infinite values; with too few rows for a validation
    // set, early stopping watches the training loss instead.
    FitStatus fit(const Eigen::Ref<const Eigen::MatrixXd> &train,
                  const ProgressCallback &progress) override;

    // The network's weights grow with the square of the features (the general preset's first
    // layer is twice as wide as the input): above kMaxParameters it is refused. Its weights,
    // gradient, Adam's two moments and the best epoch's copy take 20 bytes a parameter.
    FitStatus checkSize(qint64 rows, qint64 columns) const override;
    static qint64 parameterCount(const std::vector<int> &widths);
    static constexpr qint64 kMaxParameters = 4'000'000; // about 80 MB

    // Mean squared reconstruction error per row, on the training range mapped to [0, 1]. NaN
    // and huge inputs are sanitized and scores clamped as finite.h says. Zeros before a
    // successful fit or for a different number of columns.
    Eigen::VectorXd score(const Eigen::Ref<const Eigen::MatrixXd> &rows) const override;
    Eigen::VectorXd scoreWithProgress(const Eigen::Ref<const Eigen::MatrixXd> &rows,
                                      const ProgressCallback &progress) const override;

    const Settings &settings() const { return m_settings; }
    std::vector<int> widths() const; // of the fitted network; empty before fit
    int epochsRun() const { return int(m_history.size()); }
    int bestEpoch() const { return m_bestEpoch; } // 1-based; its weights are the ones kept
    bool hasValidation() const { return m_hasValidation; }
    double bestValidationLoss() const { return m_bestLoss; } // the monitored loss
    const std::vector<Epoch> &history() const { return m_history; }

private:
    // Scales the rows to the range of these ones and trains the network on them.
    FitStatus fitOnce(const Eigen::Ref<const Eigen::MatrixXd> &train,
                      const ProgressCallback &progress);
    FitStatus train(const Eigen::MatrixXf &data, Eigen::Index trainingRows,
                    const ProgressCallback &progress);
    double validationLoss(const Eigen::Ref<const Eigen::MatrixXf> &rows) const;

    Settings m_settings;
    quint64 m_seed;
    std::unique_ptr<AutoencoderNetwork> m_network;
    bool m_fitted = false;
    Eigen::RowVectorXd m_minimum; // per column, of the training rows
    Eigen::RowVectorXd m_inverseRange;
    std::vector<Epoch> m_history;
    int m_bestEpoch = 0;
    bool m_hasValidation = false;
    double m_bestLoss = 0.0;
};

} // namespace tideline
