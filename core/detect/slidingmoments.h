#pragma once

#include <Eigen/Core>
#include <vector>

namespace tideline {

// Count, mean and sum of squared deviations of a set of values; two sets combine exactly
// (Chan, Golub & LeVeque 1979), so a window never subtracts a large value it once added.
struct Moments
{
    double count = 0.0;
    double mean = 0.0;
    double m2 = 0.0;

    static Moments of(double x) { return {1.0, x, 0.0}; }
    Moments operator+(const Moments &other) const;
    // The population variance, m2 / count (0 for an empty set).
    double variance() const;
};

// The last `capacity` rows' moments per feature, as a queue built from two stacks: O(1)
// amortised per row with only exact combinations. The windowed detectors compare each row
// with it.
class SlidingMoments
{
public:
    SlidingMoments(Eigen::Index features, Eigen::Index capacity);

    Eigen::Index size() const { return m_frontCount + m_backCount; }
    Eigen::Index capacity() const { return m_capacity; }

    void push(const double *row);
    Moments total(Eigen::Index feature) const;

private:
    void pop();
    // Moves the back stack onto the front, newest at the bottom, each entry holding the
    // moments of itself and everything newer.
    void refill();

    Eigen::Index m_features;
    Eigen::Index m_capacity;
    std::vector<Moments> m_front; // stack, top = oldest row
    Eigen::Index m_frontCount = 0;
    std::vector<double> m_back; // raw rows, oldest first
    Eigen::Index m_backCount = 0;
    std::vector<Moments> m_backTotal;
};

} // namespace tideline
