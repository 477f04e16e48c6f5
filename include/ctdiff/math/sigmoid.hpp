#ifndef CTDIFF_MATH_SIGMOID_HPP
#define CTDIFF_MATH_SIGMOID_HPP

/// \file
/// The logistic function σ(x) = 1/(1 + e^{−x}), constexpr and branch-free.

#include <ctdiff/math/detail/exp_core.hpp>
#include <ctdiff/math/detail/float_core.hpp>
#include <ctdiff/math/wide_float.hpp>

#include <concepts>
#include <type_traits>

namespace ctdiff::math {

/// σ(x), from e = e^{−|x|} so that neither tail overflows or cancels: 1/(1 + e) for x ≥ 0,
/// e/(1 + e) for x < 0 (e and 1 + e as double-doubles,
/// one compensated division). σ(+∞) = 1, σ(−∞) = +0 (gradual underflow below −708), NaN → NaN.
/// Accuracy: ≤ 1.5 ULP double (measured max 0.62), ≤ 1 ULP float (measured 0.5); docs/math.md.
template <std::floating_point T>
CTDIFF_MATH_INLINE constexpr T sigmoid(T x) {
    if constexpr (std::is_same_v<T, float>) {
        return detail::narrow<float>(detail::f32::sigmoid(static_cast<double>(x)));
    } else {
        CTDIFF_MATH_STRICT
        const double x0 = static_cast<double>(x);
        const double xd = detail::finite(x0);
        const double a = detail::fabs(xd);
        const detail::dd e = detail::exp_dd(-detail::min(a, 746.0)); // e^{−|x|} (exact scaling above −708)
        const detail::dd d = detail::two_sum(1.0, e.hi);             // 1 + e = d.hi + (d.lo + e.lo)
        const bool pos = xd >= 0.0;
        const double q = detail::div_dd(detail::sel(pos, 1.0, e.hi), detail::sel(pos, 0.0, e.lo), d.hi, d.lo + e.lo);
        const double r = detail::sel(a > 708.0, detail::sel(pos, 1.0, e.hi), q); // σ(x) = e^x below −708
        return detail::narrow<T>(detail::sel(detail::is_nan(x0), x0, r));
    }
}

/// The same at float accuracy for a float evaluation carried in double (wide_float.hpp).
CTDIFF_MATH_INLINE constexpr wide_float sigmoid(wide_float x) { return wide_float(detail::f32::sigmoid(x.v)); }

} // namespace ctdiff::math

#endif
