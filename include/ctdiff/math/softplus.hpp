#ifndef CTDIFF_MATH_SOFTPLUS_HPP
#define CTDIFF_MATH_SOFTPLUS_HPP

/// \file
/// softplus(x) = log(1 + e^x), constexpr and branch-free.

#include <ctdiff/math/detail/exp_core.hpp>
#include <ctdiff/math/detail/float_core.hpp>
#include <ctdiff/math/detail/log_core.hpp>
#include <ctdiff/math/wide_float.hpp>

#include <concepts>
#include <type_traits>

namespace ctdiff::math {

/// log(1 + e^x) = max(x, 0) + log1p(e^{−|x|}), e^{−|x|} as a double-double: no overflow for large x, full relative accuracy for
/// very negative x (where it is ≈ e^x, with gradual underflow). softplus(+∞) = +∞,
/// softplus(−∞) = +0, NaN → NaN. Accuracy: ≤ 2 ULP double
/// (measured max 1.39: log1p's rounding, then x + log1p), ≤ 1 ULP float (measured 0.5); docs/math.md.
template <std::floating_point T>
CTDIFF_MATH_INLINE constexpr T softplus(T x) {
    if constexpr (std::is_same_v<T, float>) {
        return detail::narrow<float>(detail::f32::softplus(static_cast<double>(x)));
    } else {
        CTDIFF_MATH_STRICT
        const double x0 = static_cast<double>(x);
        const double xd = detail::finite(x0);
        const double a = detail::min(detail::fabs(xd), 746.0);
        const detail::dd e = detail::exp_dd(-a); // e^{−|x|} = e.hi + e.lo (exact scaling above 2^-1021)
        // log1p(e.hi + e.lo) = log1p(e.hi) + e.lo/(1 + e.hi): the rounding of e no longer passes on.
        const double l = detail::log1p_core(e.hi) + detail::sel(a > 708.0, 0.0, e.lo / (1.0 + e.hi));
        return detail::narrow<T>(detail::sel(detail::is_nan(x0) | (x0 == detail::inf), x0, detail::sel(xd > 0.0, xd + l, l)));
    }
}

/// The same at float accuracy for a float evaluation carried in double (wide_float.hpp).
CTDIFF_MATH_INLINE constexpr wide_float softplus(wide_float x) { return wide_float(detail::f32::softplus(x.v)); }

} // namespace ctdiff::math

#endif
