#pragma once

#include "common/progress.h"
#include "common/timeutil.h"

#include <Eigen/Core>
#include <QString>
#include <QVariant>
#include <cstdint>
#include <limits>
#include <memory>
#include <span>
#include <vector>

namespace tideline {

// One typed, bounded parameter of a detector. The CLI's `detectors` command and the UI's
// detector panel are both generated from these.
struct ParameterSpec
{
    enum class Type : std::uint8_t { Int, Double, Bool, Choice };

    QString name;        // machine name, as in --param name=value
    QString description; // one line, shown as a tooltip and in `tideline detectors`
    Type type = Type::Double;
    QVariant defaultValue;
    double minimum = 0.0; // for Int and Double
    double maximum = 0.0;
    QStringList choices; // for Choice
};

using ParameterValues = QVariantMap;

// Each row's start time (UTC), for detectors that read the clock; empty when the rows have no
// times (a table numbered by row).
using RowTimes = std::span<const TimeNs>; // name → value; missing names take their defaults

// The outcome of fit(): ok, stopped on request, or failed with a reason a person can act on.
struct FitStatus
{
    enum class Code : std::uint8_t { Ok, Cancelled, Failed };
    Code code = Code::Ok;
    QString message;

    bool ok() const { return code == Code::Ok; }
    static FitStatus cancelled() { return {Code::Cancelled, QString()}; }
    static FitStatus failed(const QString &why) { return {Code::Failed, why}; }
};

// Scores rows one at a time as they arrive and learns from each, for live data that never ends:
// the i-th row given gets the score a scoring pass over rows 0..i would give it.
class RowStream
{
public:
    virtual ~RowStream() = default;
    // `row` has the columns the detector was fitted on; `time` is the row's start (UTC).
    virtual double next(std::span<const double> row, TimeNs time) = 0;
};

// An unsupervised anomaly detector. Rows are samples in time order (bins or records), columns
// are features that the feature pipeline has already transformed and scaled. fit() learns what
// normal looks like from the training rows; score() gives one score per row, higher = more
// anomalous, always finite. The same input and seed give the same scores, bit for bit.
class Detector
{
public:
    virtual ~Detector() = default;

    virtual FitStatus fit(const Eigen::Ref<const Eigen::MatrixXd> &train,
                          const ProgressCallback &progress) = 0;
    virtual Eigen::VectorXd score(const Eigen::Ref<const Eigen::MatrixXd> &rows) const = 0;

    // score() for long runs (millions of rows): reports progress and stops when the callback
    // returns false, giving an empty vector then. The default scores in one go.
    virtual Eigen::VectorXd scoreWithProgress(const Eigen::Ref<const Eigen::MatrixXd> &rows,
                                              const ProgressCallback &progress) const
    {
        if (!reportProgress(progress, Progress{0.0, 0, 0.0}))
            return {};
        return score(rows);
    }

    // fit() and scoreWithProgress() with each row's time. Detectors that know the time of day
    // (htm) override these; the others ignore the times.
    virtual FitStatus fitTimed(const Eigen::Ref<const Eigen::MatrixXd> &train, RowTimes times,
                               const ProgressCallback &progress)
    {
        Q_UNUSED(times);
        return fit(train, progress);
    }
    virtual Eigen::VectorXd scoreTimed(const Eigen::Ref<const Eigen::MatrixXd> &rows,
                                       RowTimes times, const ProgressCallback &progress) const
    {
        Q_UNUSED(times);
        return scoreWithProgress(rows, progress);
    }
    // Whether this detector can take `rows` rows of `columns` features within its limits
    // (memory that grows faster than the input does); failed, naming the limit, when not.
    // Checked before fitting and before scoring, so that a table too wide for a detector is
    // refused at once instead of filling the memory.
    virtual FitStatus checkSize(qint64 rows, qint64 columns) const
    {
        Q_UNUSED(rows);
        Q_UNUSED(columns);
        return {};
    }
    // How many of the first rows a scoring pass gives a placeholder score while an online
    // detector is still learning (its probation). Their scores say nothing of how normal rows
    // score, so thresholds are not calibrated on them.
    virtual qint64 warmUpRows() const { return 0; }
    // A stream at the start of a scoring pass, for detectors that learn online (htm,
    // contextual, windowed_gaussian); null for those that score rows only together.
    virtual std::unique_ptr<RowStream> stream() const { return nullptr; }
    // Negative when a score s already is the log of a tail probability, exp(s × this): such
    // scores are calibrated by their own meaning, not by the training rows'. 0 otherwise.
    virtual double logTailUnit() const { return 0.0; }
    // The largest score the detector can give (1 for scores in [0, 1]); infinity when its
    // scores have no bound. A threshold at or above it flags nothing (rows are flagged above).
    virtual double highestScore() const { return std::numeric_limits<double>::infinity(); }
};

} // namespace tideline
