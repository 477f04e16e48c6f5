#ifndef CTDIFF_ACTIVATIONS_SOFTPLUS_HPP
#define CTDIFF_ACTIVATIONS_SOFTPLUS_HPP

/// \file
/// softplus(x) = log(1 + eˣ), the smooth ReLU.
///
/// - Domain ℝ, range (0, ∞); smooth. softplus(−∞) = 0, softplus(+∞) = +∞, NaN propagates.
/// - Derivatives: softplus' = σ(x), softplus'' = σ(x)σ(−x).
/// - Stability: evaluated by ctdiff::math::softplus as max(x, 0) + log1p(e^{−|x|}): log(1 + eˣ)
///   overflows for x > 88.7 (float) / 709.8 (double) and loses every digit of e^{x} for x < −17 /
///   −37 (1 + eˣ rounds to 1); the stable form keeps the relative accuracy over the whole range.

#include <ctdiff/core/functions/softplus.hpp>
#include <ctdiff/core/variable.hpp>

namespace ctdiff::activations {

/// log(1 + eˣ).
inline constexpr auto softplus = ctdiff::softplus(x);

/// softplus' = σ.
inline constexpr auto softplus_prime = ctdiff::sigmoid(x);

} // namespace ctdiff::activations

#endif
