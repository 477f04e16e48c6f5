#ifndef CTDIFF_MATH_EXP_HPP
#define CTDIFF_MATH_EXP_HPP

/// \file
/// e^x and e^x − 1. constexpr, the same code at compile time and at run time (bit-identical: see
/// detail/common.hpp for the FMA policy); branch-free, so loops over them vectorize.

#include <ctdiff/math/detail/exp_core.hpp>
#include <ctdiff/math/detail/float_core.hpp>
#include <ctdiff/math/wide_float.hpp>

#include <concepts>
#include <type_traits>

namespace ctdiff::math {

/// e^x. Accuracy: ≤ 1 ULP over the whole domain, float and double (measured max: 0.53 double,
/// 0.5 float; docs/math.md).
/// exp(±0) = 1, exp(+∞) = +∞ (overflow above ln(max): 709.78 in double, 88.72 in float),
/// exp(−∞) = +0 with gradual underflow through the subnormals, NaN → NaN.
template <std::floating_point T>
CTDIFF_MATH_INLINE constexpr T exp(T x) {
    if constexpr (std::is_same_v<T, float>) {
        return detail::narrow<float>(detail::f32::exp(static_cast<double>(x)));
    } else {
        return detail::narrow<T>(detail::exp_core(static_cast<double>(x)));
    }
}

/// e^x − 1, without cancellation near 0. Accuracy: ≤ 1 ULP, float and double (measured max: 0.78
/// double, 0.5 float).
/// expm1(±0) = ±0, expm1(−∞) = −1, expm1(+∞) = +∞, subnormal x gives x, NaN → NaN.
template <std::floating_point T>
CTDIFF_MATH_INLINE constexpr T expm1(T x) {
    if constexpr (std::is_same_v<T, float>) {
        return detail::narrow<float>(detail::f32::expm1(static_cast<double>(x)));
    } else {
        return detail::narrow<T>(detail::expm1_core(static_cast<double>(x)));
    }
}

/// The same at float accuracy for a float evaluation carried in double (wide_float.hpp).
CTDIFF_MATH_INLINE constexpr wide_float exp(wide_float x) { return wide_float(detail::f32::exp(x.v)); }
CTDIFF_MATH_INLINE constexpr wide_float expm1(wide_float x) { return wide_float(detail::f32::expm1(x.v)); }

} // namespace ctdiff::math

#endif
