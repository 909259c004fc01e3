#include "robustz.h"

#include "common/throttledprogress.h"
#include "detect/finite.h"

#include <algorithm>
#include <cmath>

namespace tideline {

namespace {

// MAD × 1.4826 is σ for normal data.
constexpr double kMadToSigma = 1.4826;
// Mean absolute deviation × 1.2533 is σ for normal data: the fallback when more than half the
// values are equal and the MAD is 0 (IBM SPSS's modified z-score does the same).
constexpr double kMeanAdToSigma = 1.2533;

// The median by selection, O(n): the mean of the two middle values for an even count.
double median(std::vector<double> &values)
{
    const auto middle = values.begin() + std::ptrdiff_t(values.size() / 2);
    std::nth_element(values.begin(), middle, values.end());
    if (values.size() % 2 == 1)
        return *middle;
    const double below = *std::max_element(values.begin(), middle);
    return below + (*middle - below) / 2.0;
}

} // namespace

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
        const double centre = median(values);
        double meanAbs = 0.0;
        for (double &v : values) {
            v = std::fabs(v - centre);
            meanAbs += v;
        }
        meanAbs /= double(values.size());
        double scale = kMadToSigma * median(values);
        if (!(scale > 0.0))
            scale = kMeanAdToSigma * meanAbs;
        if (!(scale > 0.0)) // a constant column: any change at all is news
            scale = 1e-9 * std::max(1.0, std::fabs(centre));
        m_median[c] = centre;
        m_scale[c] = scale;
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
