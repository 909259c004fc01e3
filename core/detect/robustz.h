#pragma once

#include "detect/detector.h"

#include <vector>

namespace tideline {

// Robust z-score (Iglewicz & Hoaglin 1993, "How to Detect and Handle Outliers"): each feature
// is centred on its training median and scaled by its MAD (× 1.4826, so it estimates σ for
// normal data); a row's score is its largest |z|. Explainable: the feature with that |z| is why.
// Where most training values are equal the MAD is 0, and the tail of the deviations stands in;
// the resolution of the feature's own values floors the scale (RobustScale).
class RobustZ : public Detector
{
public:
    static std::vector<ParameterSpec> parameterSpecs();

    RobustZ(const ParameterValues &values, quint64 seed);

    FitStatus fit(const Eigen::Ref<const Eigen::MatrixXd> &train,
                  const ProgressCallback &progress) override;
    Eigen::VectorXd score(const Eigen::Ref<const Eigen::MatrixXd> &rows) const override;

    const Eigen::VectorXd &medians() const { return m_median; }
    const Eigen::VectorXd &scales() const { return m_scale; }

private:
    Eigen::VectorXd m_median;
    Eigen::VectorXd m_scale;
};

} // namespace tideline
