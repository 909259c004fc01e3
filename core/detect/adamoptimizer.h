#pragma once

#include <Eigen/Core>

namespace tideline {

// Adam (Kingma & Ba 2015) on one flat parameter vector, in the form Keras uses: the bias
// corrections are folded into the step size and ε is added to √v, so that a network trained
// here follows the same update rule as the published Keras model.
class AdamOptimizer
{
public:
    explicit AdamOptimizer(Eigen::Index size, double beta1 = 0.9, double beta2 = 0.999,
                           double epsilon = 1e-7);

    void step(Eigen::VectorXf &parameters, const Eigen::VectorXf &gradient, double learningRate);

private:
    double m_beta1;
    double m_beta2;
    double m_epsilon;
    double m_beta1Power = 1.0; // β1^t
    double m_beta2Power = 1.0;
    Eigen::VectorXf m_first;  // m: running mean of the gradient
    Eigen::VectorXf m_second; // v: running mean of its square
};

} // namespace tideline
