#ifndef CTDIFF_MATH_DETAIL_FLOAT_CORE_HPP
#define CTDIFF_MATH_DETAIL_FLOAT_CORE_HPP

/// \file
/// Private to ctdiff::math: the float functions, computed in plain double arithmetic.
///
/// Why a path of its own: a float result needs a relative error far below 2^-24, not the ≤ 1 ULP
/// of double (2^-53) that the double cores buy with compensated steps (two-sums, Dekker
/// products, double-double divisions). Here every function is a short double evaluation with a
/// relative error below about 2^-38 (Taylor/atanh series truncated where the first dropped term
/// is < 2^-39.7, and a few double roundings), and the one conversion to float rounds it: the
/// float result is within 0.5 + 2^-13 ULP of the exact value (tests/sweep measures it).
/// Three to five times fewer operations than the double cores, still branch-free, no FMA, and
/// the same code in constant evaluation.
///
/// Every function takes a double and returns a double: a float argument (exact in double) whose
/// result the caller narrows once (narrow<float>: ±∞ beyond FLT_MAX), or an intermediate of a
/// float evaluation carried in double (math::wide_float), so each is right over the whole double
/// range (gradual underflow, overflow to +∞), not only over float's. Special values are selected,
/// never computed: the arithmetic runs on clamped finite operands (constant evaluation rejects
/// NaN and overflow).

#include <ctdiff/math/detail/common.hpp>
#include <ctdiff/math/detail/sqrt_core.hpp>

namespace ctdiff::math::detail::f32 {

/// 1/2!, …, 1/10! (constant term first, for estrin): e^r − 1 = r + r²·(1/2 + r/6 + … + r⁸/10!) +
/// O(r¹¹/11!), relative truncation < 0.347¹⁰/11! = 2^-40.5 for |r| ≤ ln2/2.
inline constexpr double expm1_taylor[] = {1.0 / 2.0,   1.0 / 6.0,     1.0 / 24.0,     1.0 / 120.0,    1.0 / 720.0,
                                          1.0 / 5040.0, 1.0 / 40320.0, 1.0 / 362880.0, 1.0 / 3628800.0};

/// e^x = 2^k·(1 + m), m = e^r − 1 with r = x − k·ln2, for |x| ≤ 746 (k from the shifter trick, ln2
/// in two parts: k·ln2_hi exact for |k| < 2^21).
struct exp_parts {
    double k, m;
};
CTDIFF_MATH_INLINE constexpr exp_parts exp_split(double x) {
    CTDIFF_MATH_STRICT
    constexpr double log2e = 1.4426950408889634;
    constexpr double ln2_hi = 6.93147180369123816490e-01;
    constexpr double ln2_lo = 1.90821492927058770002e-10;
    const double k = round_int(x * log2e);
    const double r = (x - k * ln2_hi) - k * ln2_lo;
    return {k, r + r * r * estrin<9>(r, coef_table{expm1_taylor})};
}

/// e^x in double for x in [−746, 709.78] (no special values): the scaling by 2^k is exact while
/// the result is a normal double and rounds once below (scale()), so intermediates of a float
/// evaluation in double (math::wide_float) keep the whole double range.
CTDIFF_MATH_INLINE constexpr double exp_value(double x) {
    CTDIFF_MATH_STRICT
    const exp_parts e = exp_split(x);
    return scale(1.0 + e.m, e.k);
}

/// e^x − 1 in double for x in [−40, 709.78]: 2^k·m + (2^k − 1) for k ≤ 60 — k = 0 (|x| < ln2/2)
/// gives m itself, so there is no cancellation near 0, otherwise |e^x − 1| > 0.29 and the sum
/// cancels at most a bit — and e^x itself above (the −1 is below its rounding).
CTDIFF_MATH_INLINE constexpr double expm1_value(double x) {
    CTDIFF_MATH_STRICT
    const exp_parts e = exp_split(x);
    const double p = pow2(min(e.k, 60.0));
    return sel(e.k > 60.0, scale(1.0 + e.m, e.k), p * e.m + (p - 1.0));
}

/// 1/3, …, 1/15 (constant term first): log m = 2s + 2s·z·(1/3 + z/5 + … + z⁶/15), s = (m − 1)/(m + 1),
/// z = s²; |s| ≤ 0.1716, z ≤ 0.02944, first dropped term (relative) z⁷/17 < 2^-39.7.
inline constexpr double atanh_series[] = {1.0 / 3.0, 1.0 / 5.0, 1.0 / 7.0, 1.0 / 9.0, 1.0 / 11.0, 1.0 / 13.0, 1.0 / 15.0};
CTDIFF_MATH_INLINE constexpr double log2_atanh(double s) { // 2·atanh(s) for |s| ≤ 0.1716
    CTDIFF_MATH_STRICT
    const double z = s * s;
    const double t = 2.0 * s;
    return t + t * z * estrin<7>(z, coef_table{atanh_series});
}

/// log u for a finite double u > 0: u = 2^e·m (split_log), log u = e·ln2 + 2·atanh(s).
CTDIFF_MATH_INLINE constexpr double log_value(double u) {
    CTDIFF_MATH_STRICT
    constexpr double ln2 = 0.6931471805599453;
    const exponent_split sp = split_log(u);
    return sp.k * ln2 + log2_atanh((sp.m - 1.0) / (sp.m + 1.0)); // m − 1 exact (Sterbenz)
}

/// log(1 + v) for finite v > −1: 2·atanh(v/(2 + v)) near 0 (no cancellation), log(1 + v)
/// elsewhere (1 + v exact in double for every float v in (−1, −0.29] and for 0.41 ≤ v < 2^29;
/// beyond, its rounding moves log by < 2^-53 absolute).
CTDIFF_MATH_INLINE constexpr double log1p_value(double v) {
    CTDIFF_MATH_STRICT
    const bool near0 = (v > -0.2928932188134524) & (v < 0.41421356237309515);
    const double vn = sel(near0, v, 0.0);
    const double u = sel(near0, 1.0, 1.0 + v);
    return sel(near0, log2_atanh(vn / (2.0 + vn)), log_value(u));
}

// --- the functions, with their special values. Argument and result are doubles: a float
// argument (exact) whose result the caller narrows to float, or an intermediate of a float
// evaluation carried in double (math::wide_float). Each is correct over the whole double range;
// the float accuracy (0.5 + 2^-13 ULP) is what the series were chosen for. ---------------------

CTDIFF_MATH_INLINE constexpr double exp(double x) {
    CTDIFF_MATH_STRICT
    const double y = exp_value(min(max(x, -746.0), exp_overflow)); // NaN: max gives −746
    return sel(is_nan(x), x, sel(x > exp_overflow, inf, y));  // below −745.1 y is +0
}

CTDIFF_MATH_INLINE constexpr double expm1(double x) {
    CTDIFF_MATH_STRICT
    const double y = expm1_value(min(max(x, -40.0), exp_overflow)); // −40: −1 in double
    return sel((x == 0.0) | is_nan(x), x, sel(x > exp_overflow, inf, y)); // expm1(−0) = −0
}

CTDIFF_MATH_INLINE constexpr double log(double x) {
    CTDIFF_MATH_STRICT
    const bool ok = (x > 0.0) & (x < inf);
    const double y = log_value(sel(ok, x, 1.0));
    const double special = sel(x == 0.0, -inf, sel(x == inf, inf, nan));
    return sel(ok, y, sel(is_nan(x), x, special));
}

CTDIFF_MATH_INLINE constexpr double log1p(double x) {
    CTDIFF_MATH_STRICT
    const bool ok = (x > -1.0) & (x < inf);
    const double y = log1p_value(sel(ok, x, 0.0));
    const double special = sel(x == -1.0, -inf, sel(x == inf, inf, nan));
    return sel(x == 0.0, x, sel(ok, y, sel(is_nan(x), x, special))); // log1p(±0) = ±0
}

/// σ(x) = 1/(1 + e) for x ≥ 0, e/(1 + e) for x < 0, e = e^{−|x|} (|x| clamped at 746: e is 0).
CTDIFF_MATH_INLINE constexpr double sigmoid(double x) {
    CTDIFF_MATH_STRICT
    const double e = exp_value(-min(fabs(finite(x)), 746.0));
    const double q = sel(x >= 0.0, 1.0, e) / (1.0 + e);
    return sel(is_nan(x), x, q);
}

/// tanh |x| = (1 − e²)/(1 + e²) = −m(1 + e)/(1 + e²), e = e^{−|x|}, m = e − 1 = 2^k·p + (2^k − 1)
/// (−1 from k < −60 on), both from one reduction of −|x| (no cancellation near 0: k = 0 there and
/// m = p), sign restored; |x| clamped at 746. e is computed exactly as sigmoid, sech and softplus
/// compute it, so where tanh and sech² are both needed (tanh's f and f′, in a kernel) the
/// compiler evaluates the reduction once.
CTDIFF_MATH_INLINE constexpr double tanh(double x) {
    CTDIFF_MATH_STRICT
    const double a = min(fabs(finite(x)), 746.0);
    const exp_parts q = exp_split(-a);
    const double e = scale(1.0 + q.m, q.k); // = exp_value(−a)
    const double p = pow2(max(q.k, -60.0));
    const double m = sel(q.k < -60.0, -1.0, p * q.m + (p - 1.0));
    return sel(is_nan(x), x, copysign(-m * (1.0 + e) / (1.0 + e * e), x));
}

/// sech x = 2e/(1 + e²), e = e^{−|x|} (|x| clamped at 746: e is 0).
CTDIFF_MATH_INLINE constexpr double sech(double x) {
    CTDIFF_MATH_STRICT
    const double e = exp_value(-min(fabs(finite(x)), 746.0));
    return sel(is_nan(x), x, 2.0 * e / (1.0 + e * e));
}

/// log(1 + e^x) = max(x, 0) + log1p(e^{−|x|}).
CTDIFF_MATH_INLINE constexpr double softplus(double x) {
    CTDIFF_MATH_STRICT
    const double xd = finite(x); // +∞ → DBL_MAX: the sum stays DBL_MAX (narrowed: +∞)
    const double l = log1p_value(exp_value(-min(fabs(xd), 746.0)));
    return sel(is_nan(x) | (x == inf), x, sel(xd > 0.0, xd + l, l));
}

/// φ(x) = e^{−x²/2}/√(2π) (x² exact in double for a float x); |x| clamped at 38.6 (φ is 0 beyond
/// in double).
CTDIFF_MATH_INLINE constexpr double norm_pdf(double x) {
    CTDIFF_MATH_STRICT
    const double a = min(fabs(finite(x)), 38.6);
    return sel(is_nan(x), x, exp_value(-0.5 * (a * a)) * 0.3989422804014327);
}


/// erfc(a) = e^{−a²}·t·h(t), t = 2/(2 + a), for a ≥ 0: h(t) = erfcx(a)/t is smooth on t ∈ [0, 1]
/// (h(0) = 1/(2√π)), one polynomial of degree 19 for every a — no intervals to select among
/// (mpmath chebyfit at 50 digits; relative error 2^-41.6 evaluated in double with these
/// coefficients over 23 000 arguments in [0, 30]).
inline constexpr double erfc_h[] = {
    0.28209479177378627,   0.2820947918473218,   0.2468329330647047,    0.17630975595698142,  0.08373275034652922,
    -0.004169737451265004, -0.059399732366415305, -0.032852229752533935, -0.11929289258325806, 0.527101378721104,
    -1.413670809612681,    3.3377560827176325,   -5.643207393412172,    6.407003827653673,    -4.834698356181153,
    2.3264581945675586,    -0.6074675076912506,  0.018065408204993128,  0.03398291163357541,  -0.006674167437178499};
/// erfc(a) for 0 ≤ a ≤ 27.3 given e^{−a²} (callers form it: Φ from x²/2 itself).
CTDIFF_MATH_INLINE constexpr double erfc_from(double a, double exp_minus_a2) {
    CTDIFF_MATH_STRICT
    const double t = 2.0 / (2.0 + a);
    return exp_minus_a2 * (t * estrin<20>(t, coef_table{erfc_h}));
}
/// erf(a)/a = S(a²) for a² ≤ 1/4 (chebyfit of erf(√z)/√z on [0, 1/4], relative error 2^-43.3).
inline constexpr double erf_s[] = {1.1283791670954115,     -0.37612638899222695,  0.11283791417078554,
                                   -0.02686610953797284,   0.005223275687173556, -0.0008506764816853653,
                                   0.00010822775559285537};

/// erf x: x·S(x²) below |x| = 1/2, 1 − erfc(|x|) above (erfc < 0.48 there: no cancellation worth a
/// bit), sign restored; ±1 from |x| = 6 on (erfc(6) < 2^-55).
CTDIFF_MATH_INLINE constexpr double erf(double x) {
    CTDIFF_MATH_STRICT
    const double a = min(fabs(finite(x)), 6.0);
    const double as = min(a, 0.5);
    const double small = as * estrin<7>(as * as, coef_table{erf_s});
    const double big = 1.0 - erfc_from(a, exp_value(-(a * a)));
    return sel(is_nan(x), x, copysign(sel(a < 0.5, small, big), x));
}

/// erfc x: erfc(|x|) for x ≥ 0, 2 − erfc(|x|) for x < 0; |x| clamped at 27.3 (erfc is 0 in double
/// beyond 27.3, 2 below −6).
CTDIFF_MATH_INLINE constexpr double erfc(double x) {
    CTDIFF_MATH_STRICT
    const double a = min(fabs(finite(x)), 27.3);
    const double c = erfc_from(a, exp_value(-(a * a)));
    return sel(is_nan(x), x, sel(x < 0.0, 2.0 - c, c));
}

/// Φ(x) = erfc(−x/√2)/2 for x < 0, 1 − erfc(x/√2)/2 for x ≥ 0 (neither cancels); e^{−x²/2} from x
/// itself, not from the rounded x/√2; |x| clamped at 38.6 (Φ(−38.6) is 0 in double).
CTDIFF_MATH_INLINE constexpr double norm_cdf(double x) {
    CTDIFF_MATH_STRICT
    const double ax = min(fabs(finite(x)), 38.6);
    const double c = 0.5 * erfc_from(ax * 0.70710678118654752440, exp_value(-0.5 * (ax * ax)));
    return sel(is_nan(x), x, sel(x < 0.0, c, 1.0 - c));
}


/// √u for a finite double u > 0 at float accuracy and better: u = m·2^(2j), m in [1, 4), and
/// r ≈ 1/√m (sqrt_reduce, sqrt_core.hpp), four Newton steps, √m = m·r with one correction
/// s + r·(m − s²)/2: relative error about 2^-51. Rounded to float it is the correctly rounded
/// float square root — checked against sqrtf for all 2^31 − 2^23 positive finite floats (0
/// differences). About half the operations of the correctly rounded double core.
CTDIFF_MATH_INLINE constexpr double sqrt_value(double u) {
    CTDIFF_MATH_STRICT
    const sqrt_parts p = sqrt_reduce(u);
    const double r = rsqrt_step(p.m, rsqrt_step(p.m, rsqrt_step(p.m, rsqrt_step(p.m, p.r))));
    const double s = p.m * r;
    const double s1 = s + 0.5 * r * (p.m - s * s);
    return s1 * pow2(p.j);
}

/// √x: sqrt(±0) = ±0, sqrt(x < 0) = NaN, sqrt(+∞) = +∞, NaN → NaN.
CTDIFF_MATH_INLINE constexpr double sqrt(double x) { return sqrt_with_specials<sqrt_value>(x); }

} // namespace ctdiff::math::detail::f32

#endif
