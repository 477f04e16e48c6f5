#ifndef CTDIFF_ACTIVATIONS_LEAKY_RELU_HPP
#define CTDIFF_ACTIVATIONS_LEAKY_RELU_HPP

/// \file
/// Leaky ReLU(x) = x for x > 0, αx for x ≤ 0, with α = ctdiff::alpha a run-time parameter
/// (usually 0.01; the texts' max(αx, x) agrees only for α ≤ 1).
///
/// - Domain ℝ. One kink at 0: with the default `kink::as_defined` LeakyReLU'(0) = α (PyTorch);
///   `kink::other_side` gives 1. LeakyReLU'' = 0.
/// - Evaluate with the parameter: `evaluate(leaky_relu, environment<double, 1, 1>{{x0}, {0.01}})`.
/// - NaN propagates (the else-piece αx is NaN). Exact up to the one rounding of αx.

#include <ctdiff/core/constant.hpp>
#include <ctdiff/core/operators.hpp>
#include <ctdiff/core/select.hpp>
#include <ctdiff/core/variable.hpp>

namespace ctdiff::activations {

/// x for x > 0, αx otherwise.
inline constexpr auto leaky_relu = select(x > zero, x, alpha * x);

/// 1 for x > 0, α otherwise.
inline constexpr auto leaky_relu_prime = select(x > zero, one, alpha);

} // namespace ctdiff::activations

#endif
