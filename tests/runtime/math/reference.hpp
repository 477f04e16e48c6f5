// References for ctdiff::math, independent of the code under test: MPFR at 192 bits (double
// tests) and glibc's long double (x87, 64-bit significand) functions (float sweeps, cross-checked
// against MPFR in tests/sweep/math). Also the ULP distance used by every math test.
//
// ULP convention: |got − exact| / ulp(exact), ulp(v) = 2^(e − p + 1) for v in [2^e, 2^(e+1)),
// floored at the smallest subnormal (2^-1074, 2^-149). A result that is ±∞ or NaN counts as 0
// when the correctly rounded exact value is the same, else as ∞.
#ifndef CTDIFF_TESTS_RUNTIME_MATH_REFERENCE_HPP
#define CTDIFF_TESTS_RUNTIME_MATH_REFERENCE_HPP

#include <ctdiff/math.hpp>

#include <mpfr.h>

#include <array>
#include <cmath>
#include <concepts>
#include <cstdint>
#include <limits>
#include <string_view>

namespace math_ref {

enum class fn { exp, expm1, log, log1p, sqrt, tanh, sech, erf, erfc, sigmoid, softplus, norm_cdf, norm_pdf };
inline constexpr std::array all_fns{fn::exp,     fn::expm1,   fn::log,      fn::log1p,    fn::sqrt,
                                    fn::tanh,    fn::sech,    fn::erf,      fn::erfc,     fn::sigmoid,
                                    fn::softplus, fn::norm_cdf, fn::norm_pdf};

constexpr std::string_view name(fn f) {
    constexpr std::string_view names[] = {"exp",  "expm1",   "log",      "log1p",    "sqrt",     "tanh",    "sech",
                                          "erf",  "erfc",    "sigmoid",  "softplus", "norm_cdf", "norm_pdf"};
    return names[static_cast<int>(f)];
}

/// The function under test.
template <std::floating_point T>
T eval(fn f, T x) {
    namespace m = ctdiff::math;
    switch (f) {
    case fn::exp: return m::exp(x);
    case fn::expm1: return m::expm1(x);
    case fn::log: return m::log(x);
    case fn::log1p: return m::log1p(x);
    case fn::sqrt: return m::sqrt(x);
    case fn::tanh: return m::tanh(x);
    case fn::sech: return m::sech(x);
    case fn::erf: return m::erf(x);
    case fn::erfc: return m::erfc(x);
    case fn::sigmoid: return m::sigmoid(x);
    case fn::softplus: return m::softplus(x);
    case fn::norm_cdf: return m::norm_cdf(x);
    case fn::norm_pdf: return m::norm_pdf(x);
    }
    return x;
}

inline constexpr mpfr_prec_t prec = 192;

/// A scoped mpfr_t at `prec` bits.
struct mp {
    mpfr_t v;
    mp() { mpfr_init2(v, prec); }
    mp(const mp&) = delete;
    mp& operator=(const mp&) = delete;
    ~mp() { mpfr_clear(v); }
};

/// f(x) to 192 bits, from MPFR's functions and closed forms without cancellation.
inline void exact(fn f, double x, mpfr_t r) {
    constexpr mpfr_rnd_t n = MPFR_RNDN;
    mp t, u;
    mpfr_set_d(t.v, x, n);
    switch (f) {
    case fn::exp: mpfr_exp(r, t.v, n); break;
    case fn::expm1: mpfr_expm1(r, t.v, n); break;
    case fn::log: mpfr_log(r, t.v, n); break;
    case fn::log1p: mpfr_log1p(r, t.v, n); break;
    case fn::sqrt: mpfr_sqrt(r, t.v, n); break;
    case fn::tanh: mpfr_tanh(r, t.v, n); break;
    case fn::sech: mpfr_sech(r, t.v, n); break;
    case fn::erf: mpfr_erf(r, t.v, n); break;
    case fn::erfc: mpfr_erfc(r, t.v, n); break;
    case fn::sigmoid: // 1/(1 + e^{−x})
        mpfr_neg(u.v, t.v, n);
        mpfr_exp(u.v, u.v, n);
        mpfr_add_ui(u.v, u.v, 1, n);
        mpfr_ui_div(r, 1, u.v, n);
        break;
    case fn::softplus: // x > 0: x + log1p(e^{−x}); else log1p(e^x)
        if (x > 0) {
            mpfr_neg(u.v, t.v, n);
            mpfr_exp(u.v, u.v, n);
            mpfr_log1p(u.v, u.v, n);
            mpfr_add(r, t.v, u.v, n);
        } else {
            mpfr_exp(u.v, t.v, n);
            mpfr_log1p(r, u.v, n);
        }
        break;
    case fn::norm_cdf: // erfc(−x/√2)/2
        mpfr_sqrt_ui(u.v, 2, n);
        mpfr_div(u.v, t.v, u.v, n);
        mpfr_neg(u.v, u.v, n);
        mpfr_erfc(r, u.v, n);
        mpfr_div_2ui(r, r, 1, n);
        break;
    case fn::norm_pdf: // e^{−x²/2}/√(2π)
        mpfr_sqr(u.v, t.v, n);
        mpfr_div_2ui(u.v, u.v, 1, n);
        mpfr_neg(u.v, u.v, n);
        mpfr_exp(r, u.v, n);
        mpfr_const_pi(u.v, n);
        mpfr_mul_2ui(u.v, u.v, 1, n);
        mpfr_sqrt(u.v, u.v, n);
        mpfr_div(r, r, u.v, n);
        break;
    }
}

/// The exact value rounded to T (correct rounding, subnormals included).
template <std::floating_point T>
T rounded(const mpfr_t e) {
    if constexpr (std::same_as<T, float>) {
        return mpfr_get_flt(e, MPFR_RNDN);
    } else {
        return mpfr_get_d(e, MPFR_RNDN);
    }
}

/// ULP distance of `got` from the exact value `e` (see the convention at the top).
template <std::floating_point T>
double ulp_error(T got, const mpfr_t e) {
    constexpr double infinite = std::numeric_limits<double>::infinity();
    if (mpfr_nan_p(e) || std::isnan(got)) {
        return mpfr_nan_p(e) && std::isnan(got) ? 0.0 : infinite;
    }
    const T cr = rounded<T>(e);
    if (std::isinf(got) || std::isinf(cr)) {
        return got == cr ? 0.0 : infinite;
    }
    constexpr int p = std::numeric_limits<T>::digits;
    constexpr int min_exp = std::numeric_limits<T>::min_exponent - p; // exponent of the smallest subnormal
    mp d;
    mpfr_set_d(d.v, static_cast<double>(got), MPFR_RNDN);
    mpfr_sub(d.v, d.v, e, MPFR_RNDN);
    mpfr_abs(d.v, d.v, MPFR_RNDN);
    // e = m·2^E with m in [1/2, 1): ulp = 2^(E − p)
    long ue = mpfr_zero_p(e) ? min_exp : static_cast<long>(mpfr_get_exp(e)) - p;
    ue = ue < min_exp ? min_exp : ue;
    mpfr_div_2si(d.v, d.v, ue, MPFR_RNDN);
    return mpfr_get_d(d.v, MPFR_RNDU);
}

/// f(x) in long double (glibc's x87 functions, closed forms without cancellation): the float
/// sweeps' reference. Its error (a few long double ULP, 2^-40 of a float ULP) is negligible.
inline long double exact_ld(fn f, long double x) {
    switch (f) {
    case fn::exp: return std::exp(x);
    case fn::expm1: return std::expm1(x);
    case fn::log: return std::log(x);
    case fn::log1p: return std::log1p(x);
    case fn::sqrt: return std::sqrt(x);
    case fn::tanh: return std::tanh(x);
    case fn::sech: return 1.0L / std::cosh(x);
    case fn::erf: return std::erf(x);
    case fn::erfc: return std::erfc(x);
    case fn::sigmoid: return 1.0L / (1.0L + std::exp(-x));
    case fn::softplus: return x > 0 ? x + std::log1p(std::exp(-x)) : std::log1p(std::exp(x));
    case fn::norm_cdf: return std::erfc(-x / std::sqrt(2.0L)) / 2.0L;
    case fn::norm_pdf: return std::exp(-x * x / 2.0L) / std::sqrt(2.0L * 3.14159265358979323846264338327950288L);
    }
    return x;
}

/// ULP distance of a float result from a long double reference.
inline double ulp_error_ld(float got, long double e) {
    constexpr double infinite = std::numeric_limits<double>::infinity();
    if (std::isnan(e) || std::isnan(got)) {
        return std::isnan(e) && std::isnan(got) ? 0.0 : infinite;
    }
    const float cr = static_cast<float>(e);
    if (std::isinf(got) || std::isinf(cr)) {
        return got == cr ? 0.0 : infinite;
    }
    int ex = 0;
    (void)std::frexp(e, &ex); // e = m·2^ex, m in [1/2, 1)
    int ue = e == 0.0L ? -149 : ex - 24;
    ue = ue < -149 ? -149 : ue;
    return static_cast<double>(std::fabs(static_cast<long double>(got) - e) / std::ldexp(1.0L, ue));
}

} // namespace math_ref

#endif
