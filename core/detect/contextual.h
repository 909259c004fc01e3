#pragma once

#include "detect/contextoperator.h"
#include "detect/detector.h"

#include <memory>
#include <vector>

namespace tideline {

// A contextual detector after Smirnov's CAD OSE (NAB's "contextual anomaly detector",
// github.com/smirmik/CAD): each feature's value is cut into levels whose binary digits are the
// facts of a ContextOperator, which scores how little the contexts learnt so far predicted them
// (contextoperator.h), in [0, 1].
// Online: it learns from every row it scores, starting afresh on each scoring pass. After an
// alarm (a score at or above `alarm`) it rests, reporting 0 for `rest` rows, so an event raises
// one early alarm rather than many (any alarm in the last `rest` rows, reported or not, keeps
// it resting). Several features: one model each, the row's score is the largest.
//
// The levels come from the training rows' range only (levels - 1 steps from their min to their
// max, a value taking the nearest); a level beyond all those reached so far scores 1, as HTM's
// spatial anomaly does.
class Contextual : public Detector
{
public:
    struct Parameters
    {
        int levels = 8; // CAD OSE's 3 bits
        int order = 7;  // CAD OSE's longest left semi-context
        double alarm = 0.75;
        int rest = 0; // 0: a fifth of the probation (CAD OSE's rest period)
        int probation = 750;
    };

    static std::vector<ParameterSpec> parameterSpecs();

    Contextual(const ParameterValues &values, quint64 seed);
    explicit Contextual(const Parameters &parameters);

    FitStatus fit(const Eigen::Ref<const Eigen::MatrixXd> &train,
                  const ProgressCallback &progress) override;
    Eigen::VectorXd score(const Eigen::Ref<const Eigen::MatrixXd> &rows) const override;
    Eigen::VectorXd scoreWithProgress(const Eigen::Ref<const Eigen::MatrixXd> &rows,
                                      const ProgressCallback &progress) const override;
    qint64 warmUpRows() const override { return m_quietRows; }
    std::unique_ptr<RowStream> stream() const override;
    double highestScore() const override { return 1.0; } // a new level
    // Every value scored may add a context and a (context, level) pair at each order, about 40
    // bytes each: rows × features × order is refused above kMaxContexts / 2.
    FitStatus checkSize(qint64 rows, qint64 columns) const override;

    static constexpr qint64 kMaxContexts = 16'000'000; // about 640 MB

private:
    // One context operator per feature, the levels each has reached, and the rest after an
    // alarm; the detector must outlive it.
    class Stream : public RowStream
    {
    public:
        explicit Stream(const Contextual &detector);
        double next(std::span<const double> row, TimeNs time) override;

    private:
        const Contextual &m_detector;
        std::vector<ContextOperator> m_models;
        std::vector<std::pair<qint64, qint64>> m_reached;
        int m_digits = 1;
        qint64 m_rows = 0;
        qint64 m_lastAlarm = -1;
    };

    Parameters m_parameters;
    std::vector<double> m_minimum; // per feature, over the training rows
    std::vector<double> m_step;
    qint64 m_quietRows = 0; // the first half of the probation: still learning, scores 0
    qint64 m_restRows = 0;
};

} // namespace tideline
