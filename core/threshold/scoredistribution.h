#pragma once

#include "threshold/paretotail.h"

#include <Eigen/Core>
#include <QtGlobal>
#include <cstdint>
#include <limits>
#include <optional>
#include <vector>

namespace tideline {

// The training rows' scores as a calibrated distribution of normal scores: the empirical
// distribution in the body, a generalised Pareto tail fitted by maximum likelihood to the
// scores above a high quantile (peaks over threshold). From it come
//  - thresholds for any percentile, also far past what the rows resolve (99.999 of 1,000), and
//  - for any score, the share of normal rows expected to score higher (its exceedance), which
//    means the same in every file and for every detector.
// Training on every row of a file, the rows are rarely all normal: an attack in them scores high
// and would make the tail its own, placing the threshold above itself. So the largest scores that
// the rest of the rows' tail calls too extreme to be among them are left out first (outliers()),
// the way Rosner's generalised ESD test (1983) tests the k largest together so that a run of
// similar anomalies cannot mask each other. Six attack bins in a day of 10 s bins make the tail
// theirs as surely as 80 bins of a five-minute capture do. Given the rows in time order, whole
// runs of high rows are tested the same way, so an attack goes with its weaker bins
// (outlierRunsLeftOut()); whichever leaves out more is kept.
// Sorted and fitted once; every lookup after that is a binary search or a formula, so the
// threshold studio can drag through thousands of percentiles.
class ScoreDistribution
{
public:
    // The tail starts at the top kTailShare of the rows, with at least kMinimumTail and at
    // most kMaximumTail rows in it (half the rows when there are fewer than 2·kMinimumTail).
    static constexpr double kTailShare = 0.02; // Siffer et al.'s 98th percentile
    static constexpr int kMinimumTail = 10;
    static constexpr int kMaximumTail = 5000;
    // At most this share of the rows is left out as outliers: attacks take less of any
    // training range an analyst would choose, and a quarter leaves the body intact.
    static constexpr double kMaximumOutlierShare = 0.25;
    // The k largest scores are outliers when the other rows' tail expects fewer than this many
    // of them to score as high as the smallest of the k.
    static constexpr double kOutlierExpectation = 0.01;
    // A run of high rows leaves with its shoulders, which flatters the other rows' tail, and
    // benign scores come in runs too: a run's peak must lie where they expect far fewer rows.
    // (On heavy-tailed benign series in runs, 1e-4 left normal runs out of a tenth of them.)
    static constexpr double kRunOutlierExpectation = 1e-6;
    // The screen tries every k; the full tail fit confirms at most this many of them.
    static constexpr int kMaximumConfirmations = 16;

    ScoreDistribution() = default;
    // Whether the largest scores may be outliers to leave out: yes when nobody said the rows
    // are normal (training on every row of a file holds whatever it holds), no when an analyst
    // chose them as normal (a clean stretch, the first part of a series).
    enum class Outliers : std::uint8_t { Keep, LeaveOut };

    // The finite scores of the rows where `mask` is true (an empty mask means every row).
    // `highest`: the most any score can be (Detector::highestScore()); the tail never reaches
    // past it (ParetoTail::fit), so every threshold for a risk above zero lies below it.
    ScoreDistribution(const Eigen::Ref<const Eigen::VectorXd> &scores,
                      const std::vector<bool> &mask, Outliers outliers = Outliers::Keep,
                      double highest = std::numeric_limits<double>::infinity());
    explicit ScoreDistribution(std::vector<double> scores, Outliers outliers = Outliers::Keep,
                               double highest = std::numeric_limits<double>::infinity());
    // Scores that are already the log of a tail probability, exp(score × unit) with unit < 0
    // (Detector::logTailUnit): thresholds and exceedances follow from that alone, the same in
    // every file whatever its training rows; `scores` are only kept for sorted() and size().
    static ScoreDistribution ofLogTails(const Eigen::Ref<const Eigen::VectorXd> &scores,
                                        const std::vector<bool> &mask, double unit);

    // The scores calibrated on: the finite ones without the outliers.
    qsizetype size() const { return qsizetype(m_sorted.size()); }
    const std::vector<double> &sorted() const { return m_sorted; }
    // How many finite scores were left out as anomalies of the training rows: the largest, or
    // whole runs of high rows.
    qsizetype outliers() const { return m_outliers; }

    // The threshold that a share `risk` of normal rows scores above: numpy's linear percentile
    // in the body, the Pareto tail beyond tailStart(). Non-decreasing as risk falls; +∞ for
    // risk ≤ 0, the lowest score for risk ≥ 1, NaN without scores.
    double thresholdForRisk(double risk) const;
    // thresholdForRisk(1 − p/100).
    double percentile(double p) const;

    // ln of the estimated share of normal rows scoring above `score`: 0 below every training
    // score, strictly falling from the tail on and without end beyond the largest training
    // score (a bounded tail continues exponentially there), so no two big anomalies tie. NaN
    // without scores.
    double logExceedance(double score) const;
    // "1 in N normal rows score this high": 1 / exceedance.
    double rarity(double score) const;
    // The calibrated anomaly probability, 1 − exceedance, in [0, 1): the same number means the
    // same rarity in every file and for every detector. Below an exceedance e of 1e-9, where
    // 1 − e would soon round to 1, it goes on rising as 1 − 1e-9·sqrt(ln 1e-9 / ln e), so it
    // still ranks every score and never reaches 1.
    double normalized(double score) const;
    Eigen::VectorXd normalized(const Eigen::Ref<const Eigen::VectorXd> &scores) const;

    // Where the fitted tail starts, the share of rows above it, and the tail itself.
    double tailStart() const { return m_tailStart; }
    double tailShare() const { return m_tailShare; }
    const ParetoTail &tail() const { return m_tail; }

private:
    // How many of n rows the tail is fitted to.
    static qsizetype tailRows(qsizetype n);
    void leaveOutOutliers();
    // `sorted` without the runs of `ordered` (the same scores in row order, `rows` their rows)
    // that are outliers.
    static std::vector<double> outlierRunsLeftOut(const std::vector<double> &sorted,
                                                  const std::vector<double> &ordered,
                                                  const std::vector<Eigen::Index> &rows);
    // Whether an excess y is too extreme for a tail of these excesses over the same start that
    // `units` rows reach: fewer than `expectation` rows are expected to reach it, both by the
    // exponential of the excesses' mean (at least `floor`) and by the fitted Pareto tail.
    static bool tooExtreme(const std::vector<double> &excesses, double units, double y,
                           double floor, double expectation);
    void fitTail();
    // The share of training rows below a score in the body (the empirical part, below the
    // tail's start), interpolated between neighbours; none for a score in the tail, a NaN, no
    // scores, or scores that are log tails.
    std::optional<double> shareBelowInBody(double score) const;
    double largest() const { return m_sorted.back(); }
    // ln exceedance of the largest training score, and the scale of the exponential decay
    // beyond it when the fitted tail is bounded.
    double m_tailStart = 0.0;
    double m_tailShare = 0.0;
    ParetoTail m_tail;
    double m_logBeyond = 0.0;
    double m_beyondScale = 0.0; // 0: the Pareto tail itself continues past the largest score
    double m_highest = std::numeric_limits<double>::infinity();
    qsizetype m_outliers = 0;
    double m_logTailUnit = 0.0; // < 0: the scores are log tails (ofLogTails)
    std::vector<double> m_sorted;
};

} // namespace tideline
