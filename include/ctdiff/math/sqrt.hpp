#ifndef CTDIFF_MATH_SQRT_HPP
#define CTDIFF_MATH_SQRT_HPP

/// \file
/// √x, correctly rounded, branch-free, the same code in constant evaluation and at run time.
/// float: a Newton evaluation in double, rounded once (detail/float_core.hpp). double: Newton,
/// an exact residual and Tuckerman's rounding test (detail/sqrt_core.hpp).

#include <ctdiff/math/detail/float_core.hpp>
#include <ctdiff/math/detail/sqrt_core.hpp>
#include <ctdiff/math/wide_float.hpp>

#include <concepts>
#include <limits>
#include <type_traits>

namespace ctdiff::math {

/// √x, correctly rounded (≤ 0.5 ULP), float and double. sqrt(±0) = ±0, sqrt(x < 0) = NaN,
/// sqrt(+∞) = +∞, NaN → NaN. float: Newton's method in double, rounded once (checked equal to
/// sqrtf for every positive finite float) — in constant evaluation, and at run time with GCC,
/// whose loop over the instruction does not vectorize; Clang runs the instruction (same bits).
/// A float loop vectorizes with both compilers (GCC: 0.58 G/s, its scalar instruction loop 0.55
/// with the errno check, one run). double: in software (detail/sqrt_core.hpp, checked against
/// the instruction), because a loop over the instruction vectorizes only with -fno-math-errno —
/// with the default -fmath-errno GCC and Clang keep the C library call for negative arguments
/// (software: 0.62 G/s at 64 Ki with FMA, the scalar instruction loop 0.67, one run). With
/// -fno-math-errno both types run the instruction at run time (it vectorizes then).
template <std::floating_point T>
CTDIFF_MATH_INLINE constexpr T sqrt(T x) {
#if defined(__NO_MATH_ERRNO__)
    // -fno-math-errno (GCC and Clang define this macro then): the instruction has no errno path,
    // a loop over it vectorizes, and it is correctly rounded too — the same bits, faster.
    if (!std::is_constant_evaluated()) {
        if constexpr (std::same_as<T, float>) {
            return __builtin_sqrtf(x);
        } else {
            return static_cast<T>(__builtin_sqrt(static_cast<double>(x)));
        }
    }
#endif
    if constexpr (std::same_as<T, float>) {
#if defined(__clang__)
        // Clang drops the errno path for the instruction on |x| and vectorizes it (5.4 G/s at 64 Ki
        // against 0.58 for the Newton loop, one run), with the same bits (both correctly rounded).
        // GCC keeps the errno call (no vectorization), so it runs the Newton evaluation, as
        // constant evaluation does.
        if (!std::is_constant_evaluated()) {
            const float r = __builtin_sqrtf(__builtin_fabsf(x));
            return detail::sel(x < 0.0f, std::numeric_limits<float>::quiet_NaN(), detail::sel(x == 0.0f, x, r));
        }
#endif
        return detail::narrow<float>(detail::f32::sqrt(static_cast<double>(x)));
    } else {
        return static_cast<T>(detail::sqrt(static_cast<double>(x)));
    }
}

/// The same at float accuracy for a float evaluation carried in double (wide_float.hpp).
CTDIFF_MATH_INLINE constexpr wide_float sqrt(wide_float x) { return wide_float(detail::f32::sqrt(x.v)); }

} // namespace ctdiff::math

#endif
