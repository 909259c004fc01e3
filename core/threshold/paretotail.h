#pragma once

#include <vector>

namespace tideline {

// A generalised Pareto distribution of excesses y ≥ 0 over a high threshold, the tail every
// well-behaved score distribution approaches (Pickands–Balkema–de Haan): survival
// G(y) = (1 + γ·y/σ)^(−1/γ), or exp(−y/σ) when γ = 0. Used as in Siffer et al., "Anomaly
// Detection in Streams with Extreme Value Theory" (KDD 2017, peaks over threshold) to place a
// threshold beyond what the training rows resolve.
struct ParetoTail
{
    double shape = 0.0; // γ: > 0 heavy tail, 0 exponential, < 0 bounded at σ / |γ|
    double scale = 1.0; // σ > 0

    // Maximum likelihood over −0.5 ≤ γ < 1, penalised as Coles and Dixon (1999) propose for
    // small samples (−γ/(1 − γ) for γ > 0), so a dozen excesses do not make a tail so heavy
    // that a rare risk's threshold lands orders of magnitude past the data. Below γ = −0.5 the
    // likelihood grows without bound at the largest excess. Grimshaw's reduction makes it a
    // one-dimensional search: with θ = γ/σ, γ = mean(ln(1 + θy)) and the profile
    // log-likelihood is −n·ln(γ/θ) − n·γ − n, searched over a grid in θ and refined by
    // golden-section search. Fewer than kMinimumFitted excesses get an exponential tail (their
    // mean); without a positive excess there is no tail (fitted() is false).
    // `bound` is the largest excess the scores can reach (a detector whose scores end at 1):
    // a fit whose tail would reach past it, and so place thresholds no score can cross, gives
    // way to the tail that ends exactly there, fitted with that end known (γ = mean(ln(1 −
    // y/bound)), σ = −γ·bound). Excesses that reach the bound leave the fit unbounded.
    static ParetoTail fit(const std::vector<double> &excesses);
    static ParetoTail fit(const std::vector<double> &excesses, double bound);
    static constexpr int kMinimumFitted = 5;

    bool fitted() const { return scale > 0.0; }
    // ln G(y): the log of the share of the tail beyond excess y (−∞ past a bounded tail's end).
    double logSurvival(double y) const;
    // The excess whose survival is r, for r in (0, 1].
    double quantile(double r) const;
    // Where a bounded tail (γ < 0) ends; +∞ otherwise.
    double endpoint() const;
    // Σ ln g(y) of the excesses (−∞ when one lies past the end).
    double logLikelihood(const std::vector<double> &excesses) const;
};

} // namespace tideline
