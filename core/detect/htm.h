#pragma once

#include "detect/detector.h"

#include <functional>
#include <memory>
#include <vector>

namespace tideline {

class HtmFeatureModel;

// Hierarchical Temporal Memory as Numenta ran it on the Numenta Anomaly Benchmark (Ahmad,
// Lavin, Purdy & Agha, "Unsupervised real-time anomaly detection for streaming data",
// Neurocomputing 2017): a random distributed scalar encoder for the value and a periodic
// encoder for the time of day feed a spatial pooler and a temporal memory; the share of active
// columns the memory did not predict is the raw anomaly, and its anomaly likelihood, as NAB's
// log score in [0, 1], is the score (0.5 is a tail probability of 1e-5). A value more than
// `spatial_tolerance` of the range seen so far beyond it scores 1 (Numenta's spatial anomaly).
//
// Online: each scoring pass starts a fresh model that learns from every row it scores, so the
// first rows are its probation (scored 0.03: likelihood 0.5). The encoder's resolution and the
// first range come from the training rows only: (max - min + 40 % padding) / buckets, at least
// 0.001; the range then grows with what has been seen. Several features: one model each (run in
// parallel), and a row's score is the largest of theirs — so a single feature's surprise is
// never diluted by the others.
class Htm : public Detector
{
public:
    struct Parameters
    {
        int columns = 2048;
        int cellsPerColumn = 32;
        int buckets = 130;
        bool timeOfDay = true;
        double spatialTolerance = 0.05;
        int probation = 750;
        // Numenta's two NAB settings of the temporal memory: "nab" (the detector that scored
        // 70.1, activation 13, +-0.1) or "tm" (NumentaTM, activation 20, +0.04 / -0.008).
        QString memory = QStringLiteral("nab");
    };

    // Each feature's model reads every row, and the per-feature scores are kept until their
    // maximum is taken: rows × features is refused above this (16 MB of scores, and about
    // half an hour of learning at a millisecond per value on one core).
    static constexpr qint64 kMaxRowFeatures = 2'000'000;

    static std::vector<ParameterSpec> parameterSpecs();

    Htm(const ParameterValues &values, quint64 seed);
    Htm(const Parameters &parameters, quint64 seed);

    FitStatus fit(const Eigen::Ref<const Eigen::MatrixXd> &train,
                  const ProgressCallback &progress) override;
    FitStatus fitTimed(const Eigen::Ref<const Eigen::MatrixXd> &train, RowTimes times,
                       const ProgressCallback &progress) override;
    Eigen::VectorXd score(const Eigen::Ref<const Eigen::MatrixXd> &rows) const override;
    Eigen::VectorXd scoreWithProgress(const Eigen::Ref<const Eigen::MatrixXd> &rows,
                                      const ProgressCallback &progress) const override;
    Eigen::VectorXd scoreTimed(const Eigen::Ref<const Eigen::MatrixXd> &rows, RowTimes times,
                               const ProgressCallback &progress) const override;
    FitStatus checkSize(qint64 rows, qint64 columns) const override;
    qint64 warmUpRows() const override { return m_probation; }
    // Live rows always have times, so the stream reads the time of day when the parameter asks.
    std::unique_ptr<RowStream> stream() const override;
    // The likelihood's log score: a tail probability of 1e-10 to the power of the score.
    double logTailUnit() const override;
    double highestScore() const override { return 1.0; } // a tail of 1e-10, or out of range

private:
    // One model per feature, stepped together; the detector must outlive it.
    class Stream : public RowStream
    {
    public:
        explicit Stream(const Htm &detector);
        ~Stream() override;
        double next(std::span<const double> row, TimeNs time) override;

    private:
        std::vector<std::unique_ptr<HtmFeatureModel>> m_models;
    };

    HtmFeatureModel featureModel(Eigen::Index feature, bool useTime) const;
    // One feature's model over all rows; false when `keepGoing` said stop.
    bool scoreFeature(const Eigen::Ref<const Eigen::MatrixXd> &rows, RowTimes times,
                      Eigen::Index feature, double *out,
                      const std::function<bool(qint64)> &keepGoing) const;

    Parameters m_parameters;
    quint64 m_seed;
    std::vector<double> m_minimum; // per feature, over the training rows
    std::vector<double> m_maximum;
    qint64 m_probation = 0;
};

} // namespace tideline
