#pragma once

#include "detect/detector.h"

#include <limits>
#include <memory>
#include <vector>

namespace tideline {

class ContextModel;

// A contextual detector in the spirit of Smirnov's CAD OSE (NAB's "contextual anomaly detector",
// github.com/smirmik/CAD), our own design: each feature's value is cut into levels, and a
// variable-order context model remembers which level followed each run of the last 1..order
// levels. A row is anomalous when the contexts it continues did not predict it (the share of
// known contexts that had never seen this level next, each weighted by how often it was seen)
// and when it makes new contexts (the share of orders at which this continuation is new); the
// score is the mean of the two, in [0, 1].
// Online: it learns from every row it scores, starting afresh on each scoring pass. After an
// alarm (a score at or above `alarm`) it rests, reporting 0 for `rest` rows, so an event raises
// one early alarm rather than many (any alarm in the last `rest` rows, reported or not, keeps
// it resting). Several features: one model each, the row's score is the largest.
//
// The levels come from the training rows' range only (levels - 1 steps from their min to their
// max); values beyond it fall on new levels, which no context predicted.
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
    // Every value scored may add a context and a (context, level) pair at each order, about 40
    // bytes each: rows × features × order is refused above kMaxContexts / 2.
    FitStatus checkSize(qint64 rows, qint64 columns) const override;

    static constexpr qint64 kMaxContexts = 16'000'000; // about 640 MB

private:
    // One context model per feature, and the rest after an alarm; the detector must outlive it.
    class Stream : public RowStream
    {
    public:
        explicit Stream(const Contextual &detector);
        ~Stream() override;
        double next(std::span<const double> row, TimeNs time) override;

    private:
        const Contextual &m_detector;
        std::vector<std::unique_ptr<ContextModel>> m_models;
        qint64 m_rows = 0;
        qint64 m_lastAlarm = std::numeric_limits<qint64>::min() / 2;
    };

    Parameters m_parameters;
    std::vector<double> m_minimum; // per feature, over the training rows
    std::vector<double> m_step;
    qint64 m_quietRows = 0; // the first half of the probation: still learning, scores 0
    qint64 m_restRows = 0;
};

} // namespace tideline
