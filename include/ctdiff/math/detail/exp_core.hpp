#ifndef CTDIFF_MATH_DETAIL_EXP_CORE_HPP
#define CTDIFF_MATH_DETAIL_EXP_CORE_HPP

/// \file
/// Private to ctdiff::math: e^x, e^x − 1 and e^{−(hi + lo)} in double.

#include <ctdiff/math/detail/common.hpp>

namespace ctdiff::math::detail {

/// e^{hi + lo} = 2^k·(1 + r + h + t), for |hi| ≤ 760 and |lo| ≤ 2^-20:
/// k = round(hi/ln2) (shifter trick); r = hi − k·ln2 + lo (ln2 in two parts, Cody–Waite: k·ln2_hi
/// is exact for |k| < 2^21 and hi − k·ln2_hi exact by Sterbenz), kept as r + r_lo, |r| ≤ 0.347;
/// e^r − 1 − r = r²/2 + r³·(1/6 + r/24 + … + r^10/13!) (Taylor; truncation < 2^-57 relative).
/// r²/2 is split exactly: r = rh + rl with rh of 26 bits, h = rh²/2 exact, the rest of r²/2 goes
/// into t. So 1 + r + h carry the large parts exactly and t (|t| < 0.008) is all that rounds:
/// callers sum the three large terms exactly (two_sum) and round once.
struct exp_reduced {
    double k, r, h, t;
};
inline constexpr double exp_taylor3[] = {1.0 / 6227020800.0, 1.0 / 479001600.0, 1.0 / 39916800.0, 1.0 / 3628800.0,
                                         1.0 / 362880.0,     1.0 / 40320.0,     1.0 / 5040.0,      1.0 / 720.0,
                                         1.0 / 120.0,        1.0 / 24.0,        1.0 / 6.0};
CTDIFF_MATH_INLINE constexpr exp_reduced exp_reduce(double hi, double lo) {
    CTDIFF_MATH_STRICT
    constexpr double log2e = 1.4426950408889634;
    constexpr double ln2_hi = 6.93147180369123816490e-01; // 32 significant bits
    constexpr double ln2_lo = 1.90821492927058770002e-10;
    const double k = round_int(hi * log2e);
    const double t0 = hi - k * ln2_hi;         // exact
    const dd r = two_sum(t0, lo - k * ln2_lo); // the roundings in lo − k·ln2_lo: < 2^-70
    const double rh = std::bit_cast<double>(std::bit_cast<u64>(r.hi) & 0xfffffffff8000000ull);
    const double rl = r.hi - rh;
    const double h = 0.5 * (rh * rh);                     // exact
    const double m = rh * rl + 0.5 * (rl * rl);           // r.hi²/2 − h (rh·rl exact)
    const double q = horner<11>(r.hi, coef_table{exp_taylor3});
    const double t = m + (r.lo + r.lo * r.hi) + r.hi * r.hi * r.hi * q;
    return {k, r.hi, h, t};
}

/// c + a + b + t with one final rounding of the large parts (|a|, |b| may cancel against c).
CTDIFF_MATH_INLINE constexpr double sum4(double c, double a, double b, double t) {
    CTDIFF_MATH_STRICT
    const dd s1 = two_sum(c, a);
    const dd s2 = two_sum(s1.hi, b);
    return s2.hi + ((s1.lo + s2.lo) + t);
}

/// c + a + b + t as hi + lo (hi = fl of the sum, about).
CTDIFF_MATH_INLINE constexpr dd sum4_dd(double c, double a, double b, double t) {
    CTDIFF_MATH_STRICT
    const dd s1 = two_sum(c, a);
    const dd s2 = two_sum(s1.hi, b);
    return two_sum(s2.hi, (s1.lo + s2.lo) + t);
}

/// e^r − 1 = s as s_hi + s_lo (s_hi = fl(s), |s_lo| ≤ ulp(s_hi)): for callers that multiply.
CTDIFF_MATH_INLINE constexpr dd expm1_parts(const exp_reduced& e) {
    CTDIFF_MATH_STRICT
    const dd s = two_sum(e.r, e.h);
    return two_sum(s.hi, s.lo + e.t);
}

/// e^x in double. Overflow to +∞ above ln(DBL_MAX), gradual underflow to 0 (the final scaling
/// rounds once), exp(±0) = 1 exactly, NaN → NaN.
CTDIFF_MATH_INLINE constexpr double exp_core(double x) {
    CTDIFF_MATH_STRICT
    // Clamping keeps k in range and NaN out of the bit tricks; the selects below restore the
    // limits (the clamped ends already overflow / underflow by themselves).
    const double xc = sel(is_nan(x), 0.0, min(max(x, -746.0), exp_overflow));
    const exp_reduced e = exp_reduce(xc, 0.0);
    const double y = scale(sum4(1.0, e.r, e.h, e.t), e.k);
    const double lim = sel(x > exp_overflow, inf, sel(x < -746.0, 0.0, y));
    return sel(is_nan(x), x, lim);
}

/// e^x − 1 in double: with e^x = 2^k(1 + r + h + t), e^x − 1 = (2^k − 1) + 2^k·r + 2^k·h + 2^k·t,
/// the first three exact (2^k − 1 for k ≤ 53; above, 2^k dominates) and summed with one rounding;
/// for |x| < 0.347, k = 0 and r = x: no cancellation near 0. Above x = 600, e^x − 1 = e^x in
/// double. expm1(±0) = ±0, expm1(−∞) = −1, expm1(+∞) = +∞, subnormal x gives x, NaN → NaN.
CTDIFF_MATH_INLINE constexpr double expm1_core(double x) {
    CTDIFF_MATH_STRICT
    const double xc = sel(is_nan(x), 0.0, min(max(x, -60.0), exp_overflow));
    const exp_reduced e = exp_reduce(xc, 0.0);
    const double p = pow2(min(e.k, 1000.0));
    const double mid = sum4(p - 1.0, p * e.r, p * e.h, p * e.t);
    const double big = scale(sum4(1.0, e.r, e.h, e.t), e.k);
    const double r = sel(x > exp_overflow, inf, sel(x > 600.0, big, sel(x < -60.0, -1.0, mid)));
    return sel((x == 0.0) | is_nan(x), x, r);
}

/// e^x − 1 as hi + lo for |x| ≤ 600 (no special values): tanh divides it exactly.
CTDIFF_MATH_INLINE constexpr dd expm1_dd(double x) {
    CTDIFF_MATH_STRICT
    const exp_reduced e = exp_reduce(x, 0.0);
    const double p = pow2(e.k);
    return sum4_dd(p - 1.0, p * e.r, p * e.h, p * e.t);
}

/// e^x as hi + lo for −746 ≤ x ≤ 0; exact scaling (hi + lo to ~2^-100) while e^x ≥ 2^-1021,
/// below that hi = exp(x) rounded once into the subnormals: σ divides it exactly.
CTDIFF_MATH_INLINE constexpr dd exp_dd(double x) {
    CTDIFF_MATH_STRICT
    const exp_reduced e = exp_reduce(x, 0.0);
    const dd m = sum4_dd(1.0, e.r, e.h, e.t);
    return {scale(m.hi, e.k), scale(m.lo, e.k)};
}

} // namespace ctdiff::math::detail

#endif
