#ifndef CTDIFF_MATH_SOFTPLUS_HPP
#define CTDIFF_MATH_SOFTPLUS_HPP

/// \file
/// softplus(x) = log(1 + e^x), constexpr and branch-free.

#include <ctdiff/math/detail/exp_core.hpp>
#include <ctdiff/math/detail/log_core.hpp>

#include <concepts>

namespace ctdiff::math {

/// log(1 + e^x) = max(x, 0) + log1p(e^{−|x|}): no overflow for large x, full relative accuracy for
/// very negative x (where it is ≈ e^x, with gradual underflow). softplus(+∞) = +∞,
/// softplus(−∞) = +0, NaN → NaN. Accuracy: ≤ 1.5 ULP double
/// (measured max 1.37), ≤ 1 ULP float (measured 0.5); docs/math.md.
template <std::floating_point T>
CTDIFF_MATH_INLINE constexpr T softplus(T x) {
    CTDIFF_MATH_STRICT
    const double x0 = static_cast<double>(x);
    const double xd = detail::finite(x0);
    const double l = detail::log1p_core(detail::exp_core(-detail::fabs(xd)));
    return detail::narrow<T>(detail::sel(detail::is_nan(x0) | (x0 == detail::inf), x0, detail::sel(xd > 0.0, xd + l, l)));
}

} // namespace ctdiff::math

#endif
