#ifndef CTDIFF_MATH_LOG_HPP
#define CTDIFF_MATH_LOG_HPP

/// \file
/// Natural logarithm and log(1 + x). log(0) = −∞, log(x < 0) = NaN, log(+∞) = +∞, log(1) = 0;
/// log1p(±0) = ±0, log1p(−1) = −∞. Subnormal inputs are handled (scaled by 2^54).

#include <ctdiff/math/detail/common.hpp>

#include <concepts>

namespace ctdiff::math {

/// log x.
template <std::floating_point T>
constexpr T log(T x) { return static_cast<T>(detail::log_core(static_cast<double>(x))); }

/// log(1 + x), accurate near 0.
template <std::floating_point T>
constexpr T log1p(T x) { return static_cast<T>(detail::log1p_core(static_cast<double>(x))); }

} // namespace ctdiff::math

#endif
