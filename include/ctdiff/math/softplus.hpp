#ifndef CTDIFF_MATH_SOFTPLUS_HPP
#define CTDIFF_MATH_SOFTPLUS_HPP

/// \file
/// softplus(x) = log(1 + e^x) = max(x, 0) + log1p(e^{−|x|}): no overflow for large x, full
/// relative accuracy for very negative x (where it is ≈ e^x). softplus(+∞) = +∞, softplus(−∞) = +0.

#include <ctdiff/math/detail/common.hpp>

#include <concepts>

namespace ctdiff::math {

/// log(1 + e^x).
template <std::floating_point T>
constexpr T softplus(T x) {
    const double xd = static_cast<double>(x);
    const double l = detail::log1p_core(detail::exp_core(-detail::fabs(xd)));
    return static_cast<T>(xd == detail::inf ? xd : (xd > 0.0 ? xd + l : l));
}

} // namespace ctdiff::math

#endif
