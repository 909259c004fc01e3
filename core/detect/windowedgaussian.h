#pragma once

#include "detect/detector.h"

#include <vector>

namespace tideline {

class SlidingMoments;

// Windowed Gaussian, the baseline of the Numenta Anomaly Benchmark (Lavin & Ahmad 2015,
// "Evaluating Real-time Anomaly Detection Algorithms", detector `windowedGaussian`): each row is
// compared with the mean and standard deviation of the `window` rows before it; the score is
// -log10 of the two-sided normal tail probability of the largest |z| over the features. Rows
// with fewer than ten predecessors use the training mean and deviation, and no window's
// deviation goes below the rounding noise of the feature's steps (RobustScale::resolution).
class WindowedGaussian : public Detector
{
public:
    struct Parameters
    {
        int window = 100;
    };

    static std::vector<ParameterSpec> parameterSpecs();

    WindowedGaussian(const ParameterValues &values, quint64 seed);
    explicit WindowedGaussian(const Parameters &parameters);

    FitStatus fit(const Eigen::Ref<const Eigen::MatrixXd> &train,
                  const ProgressCallback &progress) override;
    Eigen::VectorXd score(const Eigen::Ref<const Eigen::MatrixXd> &rows) const override;
    Eigen::VectorXd scoreWithProgress(const Eigen::Ref<const Eigen::MatrixXd> &rows,
                                      const ProgressCallback &progress) const override;

    std::unique_ptr<RowStream> stream() const override;

    // -log10 of P(|N(0,1)| >= z), finite for every finite z.
    static double tailScore(double z);

private:
    // The window so far; the detector must outlive it.
    class Stream : public RowStream
    {
    public:
        explicit Stream(const WindowedGaussian &detector);
        ~Stream() override;
        double next(std::span<const double> row, TimeNs time) override;

    private:
        const WindowedGaussian &m_detector;
        std::unique_ptr<SlidingMoments> m_window;
        std::vector<double> m_row; // sanitized
    };

    Parameters m_parameters;
    Eigen::VectorXd m_mean; // training mean and deviation, for the first rows
    Eigen::VectorXd m_deviation;
    Eigen::VectorXd m_floor; // smallest deviation a window may claim, per feature
};

} // namespace tideline
