#include "paretotail.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace tideline {

namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();
// |γ| below this is the exponential tail: (1 + γy/σ)^(−1/γ) loses every digit as γ → 0.
constexpr double kExponentialShape = 1e-9;
constexpr double kMinimumShape = -0.5;

// The profile of the likelihood along θ = γ/σ (Grimshaw 1993): for a fixed θ the best γ is
// the mean of ln(1 + θy), and σ = γ/θ.
struct Profile
{
    double shape = 0.0;
    double scale = 0.0;
    double logLikelihood = -kInfinity;
};

Profile profileAt(const std::vector<double> &y, double mean, double theta)
{
    const double n = double(y.size());
    Profile p;
    if (std::abs(theta) * mean < 1e-12) {
        p.shape = 0.0;
        p.scale = mean;
        p.logLikelihood = -n * std::log(mean) - n;
        return p;
    }
    double sum = 0.0;
    for (double v : y) {
        const double t = theta * v;
        if (t <= -1.0)
            return p;
        sum += std::log1p(t);
    }
    p.shape = sum / n;
    p.scale = p.shape / theta;
    if (!(p.scale > 0.0) || p.shape < kMinimumShape || p.shape >= 1.0)
        return {};
    // Coles and Dixon's penalty (1999, α = λ = 1): a few excesses cannot tell a heavy tail
    // from bad luck, and γ near 1 would put a threshold for a rare risk orders of magnitude
    // beyond the data. It fades against the likelihood as the excesses grow in number.
    const double penalty = p.shape > 0.0 ? p.shape / (1.0 - p.shape) : 0.0;
    p.logLikelihood = -n * std::log(p.scale) - n * p.shape - n - penalty;
    return p;
}

// The finite excesses, negative ones as 0.
std::vector<double> usable(const std::vector<double> &excesses)
{
    std::vector<double> y;
    y.reserve(excesses.size());
    for (double v : excesses) {
        if (std::isfinite(v))
            y.push_back(std::max(0.0, v));
    }
    return y;
}

// The tail ending at `bound`, the one parameter left fitted by maximum likelihood: with θ =
// −1/bound in Grimshaw's reduction, γ = mean(ln(1 + θy)) and σ = γ/θ.
ParetoTail endingAt(const std::vector<double> &y, double bound)
{
    double sum = 0.0;
    for (double v : y)
        sum += std::log1p(-v / bound);
    const double shape = std::min(sum / double(y.size()), -kExponentialShape);
    return {shape, -shape * bound};
}

} // namespace

ParetoTail ParetoTail::fit(const std::vector<double> &excesses, double bound)
{
    const ParetoTail free = fit(excesses);
    if (!free.fitted() || !(free.endpoint() > bound))
        return free;
    const std::vector<double> y = usable(excesses);
    if (!(*std::max_element(y.begin(), y.end()) < bound))
        return free;
    return endingAt(y, bound);
}

ParetoTail ParetoTail::fit(const std::vector<double> &excesses)
{
    const std::vector<double> y = usable(excesses);
    const double mean =
        y.empty() ? 0.0 : std::accumulate(y.begin(), y.end(), 0.0) / double(y.size());
    if (!(mean > 0.0))
        return {0.0, 0.0};
    if (int(y.size()) < kMinimumFitted)
        return {0.0, mean};
    const double largest = *std::max_element(y.begin(), y.end());

    // θ in units of 1 / mean: negative down to just short of −1 / largest (where 1 + θy
    // reaches 0), positive up to 10^4 (where γ passes 1 for any sample).
    std::vector<double> grid;
    const double lowest = -mean / largest; // θ·mean at the bound
    for (int i = 1; i <= 40; ++i)
        grid.push_back(lowest * (1.0 - std::pow(10.0, -double(i) / 8.0)));
    grid.push_back(0.0);
    for (int i = -60; i <= 40; ++i)
        grid.push_back(std::pow(10.0, double(i) / 10.0));
    std::sort(grid.begin(), grid.end());

    const auto at = [&](double t) { return profileAt(y, mean, t / mean); };
    std::size_t best = 0;
    Profile bestProfile;
    for (std::size_t i = 0; i < grid.size(); ++i) {
        const Profile p = at(grid[i]);
        if (p.logLikelihood > bestProfile.logLikelihood) {
            bestProfile = p;
            best = i;
        }
    }
    // Golden-section search between the best grid point's neighbours.
    double a = grid[best > 0 ? best - 1 : best];
    double b = grid[std::min(best + 1, grid.size() - 1)];
    const double ratio = (std::sqrt(5.0) - 1.0) / 2.0;
    double c = b - ratio * (b - a);
    double d = a + ratio * (b - a);
    Profile pc = at(c);
    Profile pd = at(d);
    for (int iteration = 0; iteration < 60 && b - a > 1e-12 * (1.0 + std::abs(a)); ++iteration) {
        if (pc.logLikelihood >= pd.logLikelihood) {
            b = d;
            d = c;
            pd = pc;
            c = b - ratio * (b - a);
            pc = at(c);
        } else {
            a = c;
            c = d;
            pc = pd;
            d = a + ratio * (b - a);
            pd = at(d);
        }
    }
    for (const Profile &p : {pc, pd}) {
        if (p.logLikelihood > bestProfile.logLikelihood)
            bestProfile = p;
    }
    if (std::abs(bestProfile.shape) < kExponentialShape)
        return {0.0, mean};
    return {bestProfile.shape, bestProfile.scale};
}

double ParetoTail::logSurvival(double y) const
{
    y = std::max(0.0, y);
    if (std::abs(shape) < kExponentialShape)
        return -y / scale;
    const double t = shape * y / scale;
    if (t <= -1.0)
        return -kInfinity;
    return -std::log1p(t) / shape;
}

double ParetoTail::quantile(double r) const
{
    r = std::clamp(r, std::numeric_limits<double>::min(), 1.0);
    if (std::abs(shape) < kExponentialShape)
        return -scale * std::log(r);
    return scale / shape * std::expm1(-shape * std::log(r));
}

double ParetoTail::endpoint() const
{
    return shape < -kExponentialShape ? -scale / shape : kInfinity;
}

double ParetoTail::logLikelihood(const std::vector<double> &excesses) const
{
    double sum = 0.0;
    for (double y : excesses) {
        // ln g(y) = −ln σ + (−1/γ − 1)·ln(1 + γy/σ), i.e. −ln σ + ln G(y)·(1 + γ).
        const double log = logSurvival(y);
        if (!std::isfinite(log))
            return -kInfinity;
        sum += -std::log(scale) + log * (1.0 + (std::abs(shape) < kExponentialShape ? 0 : shape));
    }
    return sum;
}

} // namespace tideline
