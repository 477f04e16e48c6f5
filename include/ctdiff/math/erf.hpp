#ifndef CTDIFF_MATH_ERF_HPP
#define CTDIFF_MATH_ERF_HPP

/// \file
/// erf and erfc, constexpr and branch-free: in double, polynomial fits chosen by selects
/// (detail/erf_core.hpp); in float, one global fit of erfcx (detail/float_core.hpp).

#include <ctdiff/math/detail/erf_core.hpp>
#include <ctdiff/math/detail/float_core.hpp>
#include <ctdiff/math/wide_float.hpp>

#include <concepts>
#include <type_traits>

namespace ctdiff::math {

/// erf x. Accuracy: ≤ 2 ULP over the whole domain, float and double (measured max: 0.92 double,
/// 0.5 float; docs/math.md).
/// erf(±0) = ±0, erf(±∞) = ±1 (and ±1 from |x| ≈ 5.9 on), subnormal x handled, NaN → NaN.
template <std::floating_point T>
CTDIFF_MATH_INLINE constexpr T erf(T x) {
    if constexpr (std::is_same_v<T, float>) {
        return detail::narrow<float>(detail::f32::erf(static_cast<double>(x)));
    } else {
        CTDIFF_MATH_STRICT
        const double x0 = static_cast<double>(x);
        const double xd = detail::finite(x0);
        const double a = detail::fabs(xd);
        const double small = detail::erf_small(detail::min(a, 1.125));
        const double big = 1.0 - detail::erfc_tail(a, detail::split_square(detail::min(a, 28.0)));
        const double r = detail::copysign(detail::sel(a < detail::erf_cut, small, big), xd);
        return detail::narrow<T>(detail::sel(detail::is_nan(x0), x0, r));
    }
}

/// erfc x = 1 − erf x, with full relative accuracy in the right tail. Accuracy: ≤ 2 ULP over the
/// whole domain, float and double (measured max: 1.24 double, 0.5 float). erfc(+∞) = +0, erfc(−∞) = 2, gradual underflow above x ≈ 26.5
/// (float: 10.05), erfc(x) = 0 above 27.3 (double), NaN → NaN.
template <std::floating_point T>
CTDIFF_MATH_INLINE constexpr T erfc(T x) {
    if constexpr (std::is_same_v<T, float>) {
        return detail::narrow<float>(detail::f32::erfc(static_cast<double>(x)));
    } else {
        CTDIFF_MATH_STRICT
        const double x0 = static_cast<double>(x);
        const double xd = detail::finite(x0);
        const double a = detail::fabs(xd);
        const double e = detail::erf_small(detail::min(a, 1.125));
        const double t = detail::erfc_tail(a, detail::split_square(detail::min(a, 28.0)));
        const double pos = detail::sel(a < 0.46875, 1.0 - e, t);
        const double neg = detail::sel(a < detail::erf_cut, 1.0 + e, 2.0 - t);
        const double r = detail::sel(xd < 0.0, neg, pos);
        return detail::narrow<T>(detail::sel(detail::is_nan(x0), x0, r));
    }
}

/// The same at float accuracy for a float evaluation carried in double (wide_float.hpp).
CTDIFF_MATH_INLINE constexpr wide_float erf(wide_float x) { return wide_float(detail::f32::erf(x.v)); }
CTDIFF_MATH_INLINE constexpr wide_float erfc(wide_float x) { return wide_float(detail::f32::erfc(x.v)); }

} // namespace ctdiff::math

#endif
