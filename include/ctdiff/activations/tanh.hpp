#ifndef CTDIFF_ACTIVATIONS_TANH_HPP
#define CTDIFF_ACTIVATIONS_TANH_HPP

/// \file
/// The hyperbolic tangent tanh x = (eˣ − e^{−x})/(eˣ + e^{−x}) = 2σ(2x) − 1.
///
/// - Domain ℝ, range (−1, 1); odd; smooth. tanh(±∞) = ±1, tanh(NaN) = NaN.
/// - Derivatives: tanh' = sech² x (= 1 − tanh² x), tanh'' = −2 sech² x · tanh x.
/// - Stability: the core's rule gives sech², not 1 − tanh², which rounds to 0 for |x| > 9 (float)
///   / 19 (double) while sech² keeps its digits down to the underflow; every derivative is a
///   product, so the relative accuracy holds everywhere, also near tanh''(0) = 0.

#include <ctdiff/core/constant.hpp>
#include <ctdiff/core/functions/hyperbolic.hpp>
#include <ctdiff/core/operators.hpp>
#include <ctdiff/core/variable.hpp>

namespace ctdiff::activations {

/// tanh x.
inline constexpr auto tanh = ctdiff::tanh(x);

/// The textbook derivatives.
inline constexpr auto tanh_prime = one - pow<ratio{2}>(ctdiff::tanh(x));
inline constexpr auto tanh_second = -(c<ratio{2}> * ctdiff::tanh(x) * tanh_prime);

} // namespace ctdiff::activations

#endif
