#ifndef CTDIFF_MATH_SQRT_HPP
#define CTDIFF_MATH_SQRT_HPP

/// \file
/// √x. At run time the hardware instruction (correctly rounded); in constant evaluation Newton's
/// iteration (may differ from the correctly rounded value by 1 ULP in rare cases: not yet
/// checked exhaustively). sqrt(−0) = −0, sqrt(x < 0) = NaN, sqrt(+∞) = +∞.

#include <ctdiff/math/detail/common.hpp>

#include <concepts>

namespace ctdiff::math {

/// √x.
template <std::floating_point T>
constexpr T sqrt(T x) {
    if (std::is_constant_evaluated()) {
        return static_cast<T>(detail::sqrt_newton(static_cast<double>(x)));
    }
    if constexpr (std::same_as<T, float>) {
        return __builtin_sqrtf(x);
    } else {
        return __builtin_sqrt(static_cast<double>(x));
    }
}

} // namespace ctdiff::math

#endif
