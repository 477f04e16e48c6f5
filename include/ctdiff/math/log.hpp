#ifndef CTDIFF_MATH_LOG_HPP
#define CTDIFF_MATH_LOG_HPP

/// \file
/// Natural logarithm and log(1 + x): constexpr, branch-free, bit-identical at compile and run time.

#include <ctdiff/math/detail/float_core.hpp>
#include <ctdiff/math/detail/log_core.hpp>
#include <ctdiff/math/wide_float.hpp>

#include <concepts>
#include <type_traits>

namespace ctdiff::math {

/// log x. Accuracy: ≤ 1 ULP over the whole domain, float and double (measured max: 0.78 double,
/// 0.5 float; docs/math.md).
/// log(±0) = −∞, log(x < 0) = NaN, log(+∞) = +∞, log(1) = +0, subnormal x handled, NaN → NaN.
template <std::floating_point T>
CTDIFF_MATH_INLINE constexpr T log(T x) {
    if constexpr (std::is_same_v<T, float>) {
        return detail::narrow<float>(detail::f32::log(static_cast<double>(x)));
    } else {
        return detail::narrow<T>(detail::log_core(static_cast<double>(x)));
    }
}

/// log(1 + x), accurate near 0. Accuracy: ≤ 1 ULP, float and double (measured max: 0.78 double,
/// 0.5 float).
/// log1p(±0) = ±0, log1p(−1) = −∞, log1p(x < −1) = NaN, log1p(+∞) = +∞, NaN → NaN.
template <std::floating_point T>
CTDIFF_MATH_INLINE constexpr T log1p(T x) {
    if constexpr (std::is_same_v<T, float>) {
        return detail::narrow<float>(detail::f32::log1p(static_cast<double>(x)));
    } else {
        return detail::narrow<T>(detail::log1p_core(static_cast<double>(x)));
    }
}

/// The same at float accuracy for a float evaluation carried in double (wide_float.hpp).
CTDIFF_MATH_INLINE constexpr wide_float log(wide_float x) { return wide_float(detail::f32::log(x.v)); }
CTDIFF_MATH_INLINE constexpr wide_float log1p(wide_float x) { return wide_float(detail::f32::log1p(x.v)); }

} // namespace ctdiff::math

#endif
