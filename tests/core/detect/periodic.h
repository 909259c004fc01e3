#pragma once

// Test data for the online detectors: a noisy daily sine in half-hour rows, with a stretch
// where it stops (flat at its mean: every value there is one the sine also takes, so only the
// sequence is wrong).

#include "common/timeutil.h"
#include "planted.h"

#include <Eigen/Core>
#include <numbers>
#include <vector>

namespace tideline::testing {

struct Periodic
{
    Eigen::MatrixXd rows; // one column
    std::vector<TimeNs> times;
    Eigen::Index anomalyFirst = 0;
    Eigen::Index anomalyLast = 0;
};

inline Periodic periodicSeries(Eigen::Index count = 3000, Eigen::Index anomalyFirst = 2000,
                               Eigen::Index anomalyLength = 15, quint64 seed = 5)
{
    constexpr Eigen::Index kPeriod = 48; // rows per day
    PortableRandom rng(seed);
    Periodic p;
    p.rows.resize(count, 1);
    p.anomalyFirst = anomalyFirst;
    p.anomalyLast = anomalyFirst + anomalyLength - 1;
    for (Eigen::Index r = 0; r < count; ++r) {
        const bool stopped = r >= p.anomalyFirst && r <= p.anomalyLast;
        const double phase = 2.0 * std::numbers::pi * double(r % kPeriod) / double(kPeriod);
        p.rows(r, 0) = 10.0 + (stopped ? 0.0 : 5.0 * std::sin(phase)) + 0.1 * gaussian(rng);
        p.times.push_back(1'700'006'400 * kNsPerSecond + r * 1800 * kNsPerSecond);
    }
    return p;
}

} // namespace tideline::testing
