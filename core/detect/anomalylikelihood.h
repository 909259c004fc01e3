#pragma once

#include <QtGlobal>
#include <vector>

namespace tideline {

// Numenta's anomaly likelihood (Ahmad, Lavin, Purdy & Agha, "Unsupervised real-time anomaly
// detection for streaming data", Neurocomputing 2017): how unusual the recent raw anomaly
// scores are for this stream. The raw scores' moving average is compared with a normal
// distribution fitted to the averages of the recent past (re-fitted every 100 rows), and the
// tail probability becomes NAB's log score, ln(tail + 1e-10) / ln(1e-10), in [0, 1]: 0.5 is a
// tail of 1e-5. During the probation it reports a likelihood of 0.5 (a score of 0.03): the
// first half lets the model learn, the second half gives the first fit.
//
// After a tail below 1e-5 ("red"), red rows within the rest period after a red row, reported or
// not, count as "yellow"
// (1e-3), so an event raises one early alarm, not one per row.
// Differences from Numenta's: the rest is CAD OSE's (a fifth of the probation) rather than one
// row, the tail is one-sided (averages below the mean are not unusual),
// and the fit uses the last `historyWindow` averages after the learning half.
class AnomalyLikelihood
{
public:
    struct Parameters
    {
        qint64 probation = 750;
        int averageWindow = 10;
        int historyWindow = 8640;
        int refitEvery = 100;
        double minimumMean = 0.03;
        double minimumVariance = 0.0003;
        qint64 rest = 0; // rows after a red one that are at most yellow; 0: probation / 5
    };

    explicit AnomalyLikelihood(const Parameters &parameters);

    // The log score for the next raw anomaly score.
    double update(double rawScore);

    // NAB's log score of a tail probability: ln(tail + kLogFloor) / ln(kLogFloor).
    static double logScore(double tail);
    static constexpr double kLogFloor = 1e-10;

    qint64 restRows() const;

private:
    void refit();

    Parameters m_parameters;
    qint64 m_rows = 0;
    std::vector<double> m_recentRaw; // ring of averageWindow raw scores
    double m_recentSum = 0.0;
    std::vector<double> m_history; // ring of historyWindow averages, after the learning half
    qsizetype m_historyNext = 0;
    double m_mean = 0.0;
    double m_deviation = 1.0;
    bool m_fitted = false;
    qint64 m_lastRed = -(qint64(1) << 40);
};

} // namespace tideline
