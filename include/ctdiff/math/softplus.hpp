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
/// softplus(−∞) = +0, NaN → NaN. Accuracy: measured in docs/math.md (no bound promised).
template <std::floating_point T>
CTDIFF_MATH_INLINE constexpr T softplus(T x) {
    CTDIFF_MATH_STRICT
    const double xd = static_cast<double>(x);
    const double l = detail::log1p_core(detail::exp_core(-detail::fabs(xd)));
    return static_cast<T>(detail::sel(xd == detail::inf, xd, detail::sel(xd > 0.0, xd + l, l)));
}

} // namespace ctdiff::math

#endif
