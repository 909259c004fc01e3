#include "detect/adamoptimizer.h"

#include <cmath>

namespace tideline {

AdamOptimizer::AdamOptimizer(Eigen::Index size, double beta1, double beta2, double epsilon)
    : m_beta1(beta1)
    , m_beta2(beta2)
    , m_epsilon(epsilon)
    , m_first(Eigen::VectorXf::Zero(size))
    , m_second(Eigen::VectorXf::Zero(size))
{}

void AdamOptimizer::step(Eigen::VectorXf &parameters, const Eigen::VectorXf &gradient,
                         double learningRate)
{
    m_beta1Power *= m_beta1;
    m_beta2Power *= m_beta2;
    const auto rate = float(learningRate * std::sqrt(1.0 - m_beta2Power) / (1.0 - m_beta1Power));
    const auto beta1 = float(m_beta1);
    const auto beta2 = float(m_beta2);
    m_first = beta1 * m_first + (1.0f - beta1) * gradient;
    m_second = beta2 * m_second + (1.0f - beta2) * gradient.cwiseAbs2();
    parameters.array() -= rate * m_first.array() / (m_second.array().sqrt() + float(m_epsilon));
}

} // namespace tideline
