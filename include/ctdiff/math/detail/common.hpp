#ifndef CTDIFF_MATH_DETAIL_COMMON_HPP
#define CTDIFF_MATH_DETAIL_COMMON_HPP

/// \file
/// Private to ctdiff::math: bit access and the double-precision cores every public function is
/// built from. float versions evaluate the double core and round once (float results are then
/// within about 0.5 ULP + one rounding); double versions use the core directly.

#include <bit>
#include <cstdint>
#include <limits>

namespace ctdiff::math::detail {

constexpr double inf = std::numeric_limits<double>::infinity();
constexpr double nan = std::numeric_limits<double>::quiet_NaN();

constexpr bool is_nan(double v) { return v != v; }
constexpr double fabs(double v) { return std::bit_cast<double>(std::bit_cast<std::uint64_t>(v) & 0x7fffffffffffffffull); }

/// 2^k for an integer k in [-1022, 1023], built from its bits.
constexpr double pow2i(std::int64_t k) { return std::bit_cast<double>(static_cast<std::uint64_t>(k + 1023) << 52); }

/// exp in double: k = round(x/ln2) by the 1.5·2^52 trick (vectorizes, unlike roundeven),
/// r = x − k·ln2 in two parts (Cody–Waite), e^r by a degree-13 Taylor polynomial (|r| ≤ 0.35:
/// truncation < 2^-60), scaled by 2^k in two steps so results reach the subnormal range.
constexpr double exp_core(double x) {
    constexpr double log2e = 1.4426950408889634;
    constexpr double ln2_hi = 6.93147180369123816490e-01;
    constexpr double ln2_lo = 1.90821492927058770002e-10;
    constexpr double shifter = 6755399441055744.0; // 1.5·2^52
    // NaN is replaced by 0 before the float-to-int conversion below (converting NaN is UB); the
    // result is NaN again through the last select.
    const double xc = is_nan(x) ? 0.0 : (x > 709.8 ? 709.8 : (x < -745.2 ? -745.2 : x));
    const double kd = (xc * log2e + shifter) - shifter;
    const double r = (xc - kd * ln2_hi) - kd * ln2_lo;
    double p = 1.0 / 6227020800.0; // 1/13!
    p = p * r + 1.0 / 479001600.0;
    p = p * r + 1.0 / 39916800.0;
    p = p * r + 1.0 / 3628800.0;
    p = p * r + 1.0 / 362880.0;
    p = p * r + 1.0 / 40320.0;
    p = p * r + 1.0 / 5040.0;
    p = p * r + 1.0 / 720.0;
    p = p * r + 1.0 / 120.0;
    p = p * r + 1.0 / 24.0;
    p = p * r + 1.0 / 6.0;
    p = p * r + 0.5;
    p = p * r + 1.0;
    p = p * r + 1.0;
    const auto k = static_cast<std::int64_t>(kd);
    const std::int64_t k1 = k / 2;
    const double y = p * pow2i(k1) * pow2i(k - k1);
    const double big = x > 709.782712893384 ? inf : y;
    const double res = x < -745.2 ? 0.0 : big;
    return is_nan(x) ? x : res;
}

/// log in double: x = m·2^e with m in [√½, √2), s = (m−1)/(m+1), log m = 2·atanh(s) by its odd
/// series to s^23 (|s| ≤ 0.1716: truncation < 2^-60); subnormals scaled by 2^54 first.
constexpr double log_core(double x) {
    const bool sub = x < 2.2250738585072014e-308;
    const double xs = sub ? x * 18014398509481984.0 : x; // 2^54
    const auto bits = std::bit_cast<std::uint64_t>(xs);
    std::int64_t e = static_cast<std::int64_t>((bits >> 52) & 0x7ff) - 1023;
    double m = std::bit_cast<double>((bits & 0x000fffffffffffffull) | 0x3ff0000000000000ull);
    const bool hi = m > 1.4142135623730951;
    m = hi ? m * 0.5 : m;
    e = hi ? e + 1 : e;
    e = sub ? e - 54 : e;
    const double s = (m - 1.0) / (m + 1.0);
    const double s2 = s * s;
    double q = 1.0 / 23;
    q = q * s2 + 1.0 / 21;
    q = q * s2 + 1.0 / 19;
    q = q * s2 + 1.0 / 17;
    q = q * s2 + 1.0 / 15;
    q = q * s2 + 1.0 / 13;
    q = q * s2 + 1.0 / 11;
    q = q * s2 + 1.0 / 9;
    q = q * s2 + 1.0 / 7;
    q = q * s2 + 1.0 / 5;
    q = q * s2 + 1.0 / 3;
    const double logm = 2.0 * s + 2.0 * s * s2 * q;
    const double ed = static_cast<double>(e);
    const double r = ed * 6.93147180369123816490e-01 + (ed * 1.90821492927058770002e-10 + logm);
    const double special = x == 0.0 ? -inf : (x < 0.0 ? nan : (x == inf ? inf : r));
    return is_nan(x) ? x : special;
}

/// e^{−a²} without the error of rounding a² (which, multiplied by a², costs a²·2^-53 relative:
/// 20 ULP at a = 3): a = h + l with h holding 26 bits, so h² is exact, and
/// e^{−a²} = e^{−h²}·e^{−(2hl + l²)}.
/// `scale` is 1 or 1/2 (exact): e^{−scale·a²} as a product big·small, kept apart so callers can
/// multiply their normal-range factors into `small` first and round only once in the subnormal range.
struct exp_pair {
    double big, small;
};
constexpr exp_pair exp_neg_square_parts(double a, double scale = 1.0) {
    const double h = std::bit_cast<double>(std::bit_cast<std::uint64_t>(a) & 0xfffffffff8000000ull);
    const double l = a - h;
    return {exp_core(-(h * h) * scale), exp_core(-(2.0 * h * l + l * l) * scale)};
}
constexpr double exp_neg_square(double a, double scale = 1.0) {
    const exp_pair p = exp_neg_square_parts(a, scale);
    return p.big * p.small;
}

/// e^x − 1: Taylor series to x^18 for |x| < 0.5 (no cancellation), exp(x) − 1 elsewhere.
constexpr double expm1_core(double x) {
    double p = 1.0 / 6402373705728000.0; // 1/18!
    constexpr double inv_fact[] = {1.0 / 355687428096000.0, 1.0 / 20922789888000.0, 1.0 / 1307674368000.0,
                                   1.0 / 87178291200.0,     1.0 / 6227020800.0,     1.0 / 479001600.0,
                                   1.0 / 39916800.0,        1.0 / 3628800.0,        1.0 / 362880.0,
                                   1.0 / 40320.0,           1.0 / 5040.0,           1.0 / 720.0,
                                   1.0 / 120.0,             1.0 / 24.0,             1.0 / 6.0,
                                   0.5,                     1.0};
    for (double c : inv_fact) {
        p = p * x + c;
    }
    const double small = p * x;
    const double big = exp_core(x) - 1.0;
    return fabs(x) < 0.5 ? (x == 0.0 ? x : small) : big;
}

/// log(1 + x) with the classic correction: u = 1 + x, log u − ((u − 1) − x)/u.
constexpr double log1p_core(double x) {
    const double u = 1.0 + x;
    const double corr = ((u - 1.0) - x) / u;
    const double r = log_core(u) - corr;
    const double tiny = u == 1.0 ? x : r; // |x| < 2^-53: log1p(x) = x to within half an ULP; keeps −0

    return x == inf ? inf : tiny;
}

/// √x: Newton's iteration from an exponent-halving guess (8 steps: quadratic convergence from
/// 2^-4 relative error), then one correction by the sign of the residual computed exactly with
/// a Dekker product. Used in constant evaluation; at run time the hardware sqrt (correctly rounded).
constexpr double sqrt_newton(double x) {
    const bool sub = x < 2.2250738585072014e-308;
    const double xs = sub ? x * 18014398509481984.0 : x; // 2^54
    const auto bits = std::bit_cast<std::uint64_t>(xs);
    double y = std::bit_cast<double>((bits >> 1) + 0x1ff8000000000000ull);
    for (int i = 0; i < 8; ++i) {
        y = 0.5 * (y + xs / y);
    }
    y = sub ? y * 7.450580596923828125e-9 : y; // 2^-27
    return x == 0.0 ? x : (x < 0.0 ? nan : (x == inf ? inf : (is_nan(x) ? x : y)));
}

} // namespace ctdiff::math::detail

#endif
