#ifndef CTDIFF_MATH_DETAIL_LOG_CORE_HPP
#define CTDIFF_MATH_DETAIL_LOG_CORE_HPP

/// \file
/// Private to ctdiff::math: log x and log(1 + x) in double.

#include <ctdiff/math/detail/common.hpp>

namespace ctdiff::math::detail {

/// log u + c for finite u > 0 and a small correction c (|c| < 2^-50·|log u| or c = 0), after
/// fdlibm's e_log.c: u = 2^k·m with m in [√½, √2) (subnormals scaled by 2^54 first), f = m − 1
/// exact, s = f/(2 + f), log m = f − f²/2 + s·(f²/2 + R(s²)) with fdlibm's degree-7 minimax R
/// (|error| < 2^-58.45, checked with mpmath), k·ln2 in two parts. The exponent k is read from the
/// bits as a double (OR into 2^52, subtract): no integer-to-float conversion.
inline constexpr double log_lg[] = {1.479819860511658591e-01, 1.531383769920937332e-01, 1.818357216161805012e-01,
                                    2.222219843214978396e-01, 2.857142874366239149e-01, 3.999999999940941908e-01,
                                    6.666666666666735130e-01};
CTDIFF_MATH_INLINE constexpr double log_kernel(double u, double c) {
    CTDIFF_MATH_STRICT
    constexpr double ln2_hi = 6.93147180369123816490e-01;
    constexpr double ln2_lo = 1.90821492927058770002e-10;
    const exponent_split sp = split_log(u);
    const double k = sp.k;
    const double f = sp.m - 1.0;
    const double hfsq = 0.5 * f * f;
    const double s = f / (2.0 + f);
    const double z = s * s;
    const double w = z * z;
    const double t1 = w * (log_lg[5] + w * (log_lg[3] + w * log_lg[1]));
    const double t2 = z * (log_lg[6] + w * (log_lg[4] + w * (log_lg[2] + w * log_lg[0])));
    const double R = t2 + t1;
    return k * ln2_hi - ((hfsq - (s * (hfsq + R) + (k * ln2_lo + c))) - f);
}

/// log x: log(±0) = −∞, log(x < 0) = NaN, log(+∞) = +∞, log(1) = +0, NaN → NaN.
CTDIFF_MATH_INLINE constexpr double log_core(double x) {
    CTDIFF_MATH_STRICT
    const double xc = sel((x > 0.0) & (x < inf), x, 1.0); // & not &&: no branch
    const double r = log_kernel(xc, 0.0);
    const double special = sel(x == 0.0, -inf, sel(x < 0.0, nan, sel(x == inf, inf, r)));
    return sel(is_nan(x), x, special);
}

/// log(1 + x): u = fl(1 + x) and its rounding error e (two-sum, exact), then log u + e/u
/// (log(1 + x) = log u + log(1 + e/u), |e/u| ≤ 2^-53). When u = 1 (|x| < 2^-53), log1p x = x to
/// within 2^-107 relative (keeps ±0 and subnormals). log1p(−1) = −∞, log1p(x < −1) = NaN.
CTDIFF_MATH_INLINE constexpr double log1p_core(double x) {
    CTDIFF_MATH_STRICT
    const dd u = two_sum(1.0, finite(x));
    const bool ok = (u.hi > 0.0) & (u.hi < inf);
    const double uc = sel(ok, u.hi, 1.0);
    const double r = log_kernel(uc, sel(ok, u.lo / uc, 0.0));
    const double special = sel(u.hi == 1.0, x, sel(x == -1.0, -inf, sel(x < -1.0, nan, sel(x == inf, inf, r))));
    return sel(is_nan(x), x, special);
}

} // namespace ctdiff::math::detail

#endif
