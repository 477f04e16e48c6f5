#ifndef CTDIFF_MATH_EXP_HPP
#define CTDIFF_MATH_EXP_HPP

/// \file
/// e^x and e^x − 1. constexpr; branch-free (selects only), so loops over them vectorize.
/// Special values: exp(±0) = 1, exp(+∞) = +∞ (overflow above 709.78 in double, 88.72 in float),
/// exp(−∞) = +0 with gradual underflow, NaN → NaN; expm1(±0) = ±0, expm1(−∞) = −1.
/// Accuracy: not yet measured against MPFR over the whole range (see docs/math.md); the design
/// bound is about 1 ULP in double, 0.5 ULP + one rounding in float.

#include <ctdiff/math/detail/common.hpp>

#include <concepts>

namespace ctdiff::math {

/// e^x.
template <std::floating_point T>
constexpr T exp(T x) { return static_cast<T>(detail::exp_core(static_cast<double>(x))); }

/// e^x − 1, without cancellation near 0.
template <std::floating_point T>
constexpr T expm1(T x) { return static_cast<T>(detail::expm1_core(static_cast<double>(x))); }

} // namespace ctdiff::math

#endif
