#ifndef CTDIFF_MATH_SIGMOID_HPP
#define CTDIFF_MATH_SIGMOID_HPP

/// \file
/// The logistic function σ(x) = 1/(1 + e^{−x}), from e^{−|x|} so that neither tail overflows or
/// cancels: σ(x) = 1/(1 + e) for x ≥ 0, e/(1 + e) for x < 0. σ(+∞) = 1, σ(−∞) = +0, NaN → NaN.

#include <ctdiff/math/detail/common.hpp>

#include <concepts>

namespace ctdiff::math {

/// σ(x).
template <std::floating_point T>
constexpr T sigmoid(T x) {
    const double xd = static_cast<double>(x);
    const double e = detail::exp_core(-detail::fabs(xd));
    const double s = 1.0 / (1.0 + e);
    return static_cast<T>(xd >= 0.0 ? s : (detail::is_nan(xd) ? xd : e * s));
}

} // namespace ctdiff::math

#endif
