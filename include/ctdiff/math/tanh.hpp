#ifndef CTDIFF_MATH_TANH_HPP
#define CTDIFF_MATH_TANH_HPP

/// \file
/// tanh x = t/(t + 2) with t = expm1(2|x|) (no cancellation near 0), sign restored; ±1 beyond
/// |x| > 22; tanh(±0) = ±0, tanh(±∞) = ±1. sech x = 2e^{−|x|}/(1 + e^{−2|x|}): finite everywhere.

#include <ctdiff/math/detail/common.hpp>

#include <concepts>

namespace ctdiff::math {

/// tanh x.
template <std::floating_point T>
constexpr T tanh(T x) {
    const double xd = static_cast<double>(x);
    const double a = detail::fabs(xd);
    const double t = detail::expm1_core(2.0 * (a > 22.0 ? 22.0 : a));
    const double r = a > 22.0 ? 1.0 : t / (t + 2.0);
    const double s = xd < 0.0 ? -r : r;
    return static_cast<T>(a == 0.0 || detail::is_nan(xd) ? xd : s);
}

/// sech x = 1/cosh x.
template <std::floating_point T>
constexpr T sech(T x) {
    const double e = detail::exp_core(-detail::fabs(static_cast<double>(x)));
    return static_cast<T>(2.0 * e / (1.0 + e * e));
}

} // namespace ctdiff::math

#endif
