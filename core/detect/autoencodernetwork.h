#pragma once

#include <Eigen/Core>
#include <vector>

namespace tideline {

class PortableRandom;

// The autoencoder's dense network: ReLU hidden layers (the bottleneck optionally linear), a sigmoid
// output layer, inverted dropout after every hidden layer but the bottleneck (dropping one of two
// code units would erase half of what the decoder can know), and an L2 penalty on the hidden
// activations like Keras' activity_regularizer. Single precision like Keras; all weights and biases
// live in one flat vector so that the optimiser, and keeping the best weights, are single vector
// operations.
class AutoencoderNetwork
{
public:
    // `widths` = input, hidden…, output (input == output for an autoencoder). A linear
    // bottleneck cannot die: a ReLU code of two units that loses one sees a 1-D world.
    AutoencoderNetwork(std::vector<int> widths, float dropout, float activityL2,
                       bool linearBottleneck = false);

    const std::vector<int> &widths() const { return m_widths; }

    // Glorot-uniform weights (Keras' default) and zero biases.
    void initialise(PortableRandom &random);

    Eigen::VectorXf &parameters() { return m_parameters; }
    const Eigen::VectorXf &parameters() const { return m_parameters; }
    const Eigen::VectorXf &gradient() const { return m_gradient; }

    // One training step's forward and backward pass on a mini-batch (rows = samples) with fresh
    // dropout masks: fills gradient() and returns the batch loss (mean squared reconstruction
    // error + the activity penalty divided by the batch size, as Keras does).
    double trainBatch(const Eigen::Ref<const Eigen::MatrixXf> &batch, PortableRandom &random);

    // Inference (no dropout): the reconstruction of `rows`; adds the sum of the squared hidden
    // activations to `activitySquares` when given.
    void reconstruct(const Eigen::Ref<const Eigen::MatrixXf> &rows, Eigen::MatrixXf &output,
                     double *activitySquares = nullptr) const;

private:
    int layerCount() const { return int(m_widths.size()) - 1; }
    bool isRectified(int layer) const; // ReLU, rather than sigmoid output or linear code
    bool hasDropout(int layer) const;
    Eigen::Map<const Eigen::MatrixXf> weights(int layer) const;
    Eigen::Map<const Eigen::RowVectorXf> bias(int layer) const;
    Eigen::Map<Eigen::MatrixXf> weightGradient(int layer);
    Eigen::Map<Eigen::RowVectorXf> biasGradient(int layer);
    void fillDropoutMask(Eigen::MatrixXf &mask, PortableRandom &random) const;

    std::vector<int> m_widths;
    std::vector<Eigen::Index> m_offsets; // where each layer's weights start in m_parameters
    int m_bottleneck = 0;                // index of the narrowest hidden layer
    float m_dropout = 0.0f;
    float m_activityL2 = 0.0f;
    bool m_linearBottleneck = false;
    Eigen::VectorXf m_parameters;
    Eigen::VectorXf m_gradient;

    // Per-layer training buffers, kept between batches so that a step of the usual batch size
    // allocates nothing.
    std::vector<Eigen::MatrixXf> m_activations; // after ReLU / sigmoid, before dropout
    std::vector<Eigen::MatrixXf> m_dropped;     // after dropout (unused where there is none)
    std::vector<Eigen::MatrixXf> m_masks;
    std::vector<Eigen::MatrixXf> m_deltas; // dLoss/d(pre-activation) per layer
};

} // namespace tideline
