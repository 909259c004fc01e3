#include "robustz.h"

#include "common/throttledprogress.h"
#include "detect/finite.h"
#include "detect/robustscale.h"

#include <algorithm>
#include <cmath>

namespace tideline {

std::vector<ParameterSpec> RobustZ::parameterSpecs()
{
    return {};
}

RobustZ::RobustZ(const ParameterValues &, quint64) {}

FitStatus RobustZ::fit(const Eigen::Ref<const Eigen::MatrixXd> &train,
                       const ProgressCallback &progress)
{
    const FitStatus check = checkTrainingMatrix(train, QStringLiteral("robust_z"));
    if (!check.ok())
        return check;
    ThrottledProgress reporter(progress, train.cols());
    const Eigen::Index columns = train.cols();
    m_median.resize(columns);
    m_scale.resize(columns);
    std::vector<double> values(std::size_t(train.rows()));
    for (Eigen::Index c = 0; c < columns; ++c) {
        if (!reporter.update(c))
            return FitStatus::cancelled();
        for (Eigen::Index r = 0; r < train.rows(); ++r)
            values[std::size_t(r)] = sanitized(train(r, c));
        const RobustScale spread = RobustScale::of(values);
        m_median[c] = spread.centre;
        // A column constant on the training rows tells nothing of its spread: it is measured
        // in the feature pipeline's units (one IQR, or one log unit, as the pipeline does
        // itself for an IQR of 0), so that one packet where there were none is no alarm.
        m_scale[c] = spread.sigma() > 0.0 ? spread.sigma() : 1.0;
    }
    return reporter.force(columns) ? FitStatus{} : FitStatus::cancelled();
}

Eigen::VectorXd RobustZ::score(const Eigen::Ref<const Eigen::MatrixXd> &rows) const
{
    Eigen::VectorXd scores = Eigen::VectorXd::Zero(rows.rows());
    const Eigen::Index columns = std::min(rows.cols(), m_median.size());
    for (Eigen::Index c = 0; c < columns; ++c) {
        for (Eigen::Index r = 0; r < rows.rows(); ++r) {
            const double z = std::fabs(sanitized(rows(r, c)) - m_median[c]) / m_scale[c];
            scores[r] = std::max(scores[r], finiteScore(z));
        }
    }
    return scores;
}

} // namespace tideline
