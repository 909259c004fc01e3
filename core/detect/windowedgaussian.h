#pragma once

#include "detect/detector.h"

#include <memory>
#include <vector>

namespace tideline {

class SlidingMoments;

// Windowed Gaussian, the baseline of the Numenta Anomaly Benchmark (Lavin & Ahmad 2015,
// "Evaluating Real-time Anomaly Detection Algorithms", detector `windowedGaussian`): each row is
// compared with the mean and standard deviation of the `window` rows before it; the score is
// -log10 of the two-sided normal tail probability of the largest |z| over the features. Rows
// with fewer than ten predecessors use the training mean and deviation, and no window's
// deviation goes below the rounding noise of the feature's steps (RobustScale::resolution).
//
// With `counts` (the detector windowed_counts), a feature whose training values are all whole
// numbers ≥ 0 — packets, SYNs, distinct ports in a bin — is compared with the negative binomial
// of the window's mean and variance instead (the Poisson where the variance is no larger than
// the mean), on the raw counts, and the score is -log10 of the two-sided tail of the most
// surprising feature. Traffic is bursty: a second of 138 packets among seconds of 1 is
// ordinary, and a normal on log counts, whose spread such bursts widen, puts a scan's 232 SYNs
// among seconds of 0 to 16 only six deviations out. The negative binomial's tail falls
// geometrically beyond the bursts it has seen, so the same burst of packets scores 0.2 and the
// SYNs 13.6 (countScore()). Other features — a mean packet size, a fraction — are compared
// with Student's t of 3 degrees of freedom on the window's deviation (studentScore()): such a
// mean over a bin's few packets is far noisier than over many (one 1,514-byte packet in an
// idle second is 12 deviations from the window's mean size, 10^-32 to a normal and 10^-3 to
// the t; in a few minutes of web traffic such seconds outscored a port scan). A run of rows it
// scores beyond kSurelyAnomalous enters the window only when the run ends, so the rest of an
// attack — and the larger bins of one that ramps up — is compared with the traffic before it
// rather than with its own first bins, while a burst that comes back is known; a run that
// lasts half a window is the new normal, and the window takes it. Rows scored before the window
// holds ten (with the training moments) always enter it, as there is no window yet to keep them
// from: a capture or live session that starts in an attack takes the attack as its window.
class WindowedGaussian : public Detector
{
public:
    struct Parameters
    {
        int window = 100;
        bool counts = false; // whole-number features as negative binomial counts
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

    // windowed_counts: the same with `counts` set, for the detector table.
    static std::unique_ptr<Detector> makeCounting(const ParameterValues &values, quint64 seed);

    // -log10 of P(|N(0,1)| >= z), finite for every finite z.
    static double tailScore(double z);
    // -log10 of P(|T| >= t) for Student's t with 3 degrees of freedom, finite for every t.
    static double studentScore(double t);
    // -log10 of the two-sided tail of a count x under the negative binomial with this mean and
    // variance (the Poisson where variance <= mean), by Chernoff's bound: the exact exponent,
    // P(X >= x) <= exp(-x·ln(x / (q(x + r))) - r·ln(r / (p(x + r)))) with p = mean / variance,
    // q = 1 - p and r = mean·p / q, and P(X <= x) alike below the mean; twice the smaller
    // tail, at most 1. The mean is at least half a count: a window that saw none of a feature
    // does not make its first few impossible.
    static double countScore(double x, double mean, double variance);
    // A tail probability of 10^-4: ordinary rows are rarely held, and the early bins of an
    // attack that ramps up are (chosen among 10^-3 to 10^-10 on the spliced captures).
    static constexpr double kSurelyAnomalous = 4.0;

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
        // With `counts`: the run of surely anomalous rows so far, row after row, kept out of
        // the window until it ends.
        std::vector<double> m_held;
    };

    Parameters m_parameters;
    Eigen::VectorXd m_mean; // training mean and deviation, for the first rows
    Eigen::VectorXd m_deviation;
    Eigen::VectorXd m_floor;   // smallest deviation a window may claim, per feature
    std::vector<bool> m_count; // per feature: compared as a count (only with `counts`)
};

} // namespace tideline
