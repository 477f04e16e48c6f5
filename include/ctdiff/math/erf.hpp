#ifndef CTDIFF_MATH_ERF_HPP
#define CTDIFF_MATH_ERF_HPP

/// \file
/// erf and erfc. |x| < 1: erf by the series 2/√π·e^{−x²}·Σ 2ⁿx^{2n+1}/(2n+1)!! (all terms
/// positive: no cancellation; 60 terms); |x| ≥ 1: erfc by its continued fraction (200 terms: full double precision from 1 on,
/// evaluated backwards), erf = 1 − erfc. erfc below 1 is 1 − erf, which loses up to ~0.8
/// digits near x = 1 (a known weakness, and slow: see README). erf(±0) = ±0, erf(±∞) = ±1,
/// erfc(+∞) = +0, erfc(−∞) = 2, NaN → NaN.

#include <ctdiff/math/detail/common.hpp>

#include <concepts>

namespace ctdiff::math {

namespace detail {
constexpr double two_over_sqrt_pi = 1.1283791670955126;
constexpr double inv_sqrt_pi = 0.5641895835477563;

// e = e^{−a²}, passed in so that Φ can supply it computed from x rather than from x/√2.
constexpr double erf_series(double a, double e) { // a in [0, 1)
    const double a2 = a * a;
    double term = a, sum = a;
    for (int n = 0; n < 60; ++n) {
        term = term * (2.0 * a2) / (2.0 * n + 3.0);
        sum = sum + term;
    }
    return two_over_sqrt_pi * e * sum;
}
constexpr double erfc_cf(double a, exp_pair e, double factor) { // a ≥ 1; returns factor·erfc(a)
    const double ac = a > 30.0 ? 30.0 : a;
    double f = ac;
    for (int n = 200; n >= 1; --n) {
        f = ac + (0.5 * n) / f;
    }
    return a > 27.3 ? 0.0 : e.big * (e.small * (factor * inv_sqrt_pi) / f);
}
/// erfc(a) for a ≥ 0 given e = e^{−a²}.
constexpr double erfc_pos(double a, exp_pair e, double factor = 1.0) { // factor·erfc(a)
    return a < 1.0 ? factor * (1.0 - erf_series(a, e.big * e.small)) : erfc_cf(a, e, factor);
}
} // namespace detail

/// erf x.
template <std::floating_point T>
constexpr T erf(T x) {
    const double xd = static_cast<double>(x);
    const double a = detail::fabs(xd);
    const double e = detail::exp_neg_square(a);
    const double r = a < 1.0 ? detail::erf_series(a, e) : 1.0 - detail::erfc_pos(a, detail::exp_neg_square_parts(a));
    const double s = xd < 0.0 ? -r : r;
    return static_cast<T>(a == 0.0 || detail::is_nan(xd) ? xd : s);
}

/// erfc x = 1 − erf x.
template <std::floating_point T>
constexpr T erfc(T x) {
    const double xd = static_cast<double>(x);
    const double a = detail::fabs(xd);
    const double tail = detail::erfc_pos(a, detail::exp_neg_square_parts(a));
    const double r = xd < 0.0 ? 2.0 - tail : tail;
    return static_cast<T>(detail::is_nan(xd) ? xd : r);
}

} // namespace ctdiff::math

#endif
