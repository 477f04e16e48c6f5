// MPFR references for the activations' values and first two derivatives, written from the closed
// forms independently of the library's expressions (no ctdiff header here), and the ULP
// distance of a float/double result from them.
#ifndef CTDIFF_TESTS_RUNTIME_ACTIVATIONS_REFERENCE_HPP
#define CTDIFF_TESTS_RUNTIME_ACTIVATIONS_REFERENCE_HPP

#include <mpfr.h>

#include <cmath>
#include <limits>
#include <string_view>
#include <vector>

namespace activation_ref {

inline constexpr mpfr_prec_t prec = 320;
inline constexpr mpfr_rnd_t rnd = MPFR_RNDN;

/// A scoped mpfr_t.
struct num {
    mpfr_t v;
    num() { mpfr_init2(v, prec); mpfr_set_zero(v, 1); }
    explicit num(long double d) { mpfr_init2(v, prec); mpfr_set_ld(v, d, rnd); }
    explicit num(const char* s) { mpfr_init2(v, prec); mpfr_set_str(v, s, 10, rnd); }
    num(const num& o) { mpfr_init2(v, prec); mpfr_set(v, o.v, rnd); }
    num& operator=(const num& o) { mpfr_set(v, o.v, rnd); return *this; }
    ~num() { mpfr_clear(v); }
};
inline num operator+(const num& a, const num& b) { num r; mpfr_add(r.v, a.v, b.v, rnd); return r; }
inline num operator-(const num& a, const num& b) { num r; mpfr_sub(r.v, a.v, b.v, rnd); return r; }
inline num operator*(const num& a, const num& b) { num r; mpfr_mul(r.v, a.v, b.v, rnd); return r; }
inline num operator/(const num& a, const num& b) { num r; mpfr_div(r.v, a.v, b.v, rnd); return r; }
inline num operator-(const num& a) { num r; mpfr_neg(r.v, a.v, rnd); return r; }
inline num k(long double d) { return num(d); }
#define ACTREF_UNARY(name, fn) inline num name(const num& a) { num r; fn(r.v, a.v, rnd); return r; }
ACTREF_UNARY(exp, mpfr_exp)
ACTREF_UNARY(log, mpfr_log)
ACTREF_UNARY(log1p, mpfr_log1p)
ACTREF_UNARY(tanh, mpfr_tanh)
ACTREF_UNARY(sech, mpfr_sech)
ACTREF_UNARY(erfc, mpfr_erfc)
ACTREF_UNARY(erf, mpfr_erf)
ACTREF_UNARY(sqrt, mpfr_sqrt)
#undef ACTREF_UNARY
inline num pi() { num r; mpfr_const_pi(r.v, rnd); return r; }
inline int sgn(const num& a) { return mpfr_sgn(a.v); }

/// σ(t) = 1/(1 + e^{−t}), computed without 1 − σ anywhere.
inline num sigma(const num& t) { return k(1) / (k(1) + exp(-t)); }
inline num Phi(const num& t) { return erfc(-t / sqrt(k(2))) / k(2); }
/// log(1 + eᵗ) without overflowing e^t for large t.
inline num softplus(const num& t) { return sgn(t) > 0 ? t + log1p(exp(-t)) : log1p(exp(t)); }
inline num phi(const num& t) { return exp(-(t * t) / k(2)) / sqrt(k(2) * pi()); }

/// The n-th derivative (n = 0, 1, 2) of the activation `name` at t (finite); α is the run-time
/// parameter the library was given (as its T value), β = 1.
inline num derivative(std::string_view name, int n, const num& t, long double alpha) {
    const num one = k(1), two = k(2);
    if (name == "sigmoid") {
        const num s = sigma(t), q = sigma(-t);
        return n == 0 ? s : n == 1 ? s * q : s * q * (q - s);
    }
    if (name == "tanh") {
        const num th = tanh(t), S = sech(t);
        return n == 0 ? th : n == 1 ? S * S : -(two * S * S * th);
    }
    if (name == "softplus") {
        return n == 0 ? softplus(t) : n == 1 ? sigma(t) : sigma(t) * sigma(-t);
    }
    if (name == "silu" || name == "swish") {
        const num s = sigma(t), q = sigma(-t);
        return n == 0 ? t * s : n == 1 ? s + t * s * q : s * q * (two + t * (q - s));
    }
    if (name == "mish") {
        const num sp = softplus(t), th = tanh(sp), S = sech(sp), S2 = S * S, s = sigma(t), q = sigma(-t);
        return n == 0 ? t * th : n == 1 ? th + t * S2 * s : two * S2 * s + t * S2 * (s * q - two * th * s * s);
    }
    if (name == "gelu") {
        return n == 0 ? t * Phi(t) : n == 1 ? Phi(t) + t * phi(t) : (two - t * t) * phi(t);
    }
    if (name == "gelu_tanh") {
        // (1 + tanh u)/2 = σ(2u), u = √(2/π)(t + 0.044715t³).
        const num c = num("0.044715"), kk = sqrt(two / pi());
        const num u2 = two * kk * (t + c * t * t * t), du2 = two * kk * (one + k(3) * c * t * t), ddu2 = two * kk * k(6) * c * t;
        const num s = sigma(u2), q = sigma(-u2);
        if (n == 0) return t * s;
        if (n == 1) return s + t * s * q * du2;
        return two * s * q * du2 + t * (s * q * (q - s) * du2 * du2 + s * q * ddu2);
    }
    if (name == "softsign") {
        const num a = sgn(t) < 0 ? -t : t, b = one + a;
        return n == 0 ? t / b : n == 1 ? one / (b * b) : -(k(2 * sgn(t)) / (b * b * b));
    }
    if (name == "logit") {
        const num w = t * (one - t);
        return n == 0 ? log(t / (one - t)) : n == 1 ? one / w : (two * t - one) / (w * w);
    }
    // Piecewise functions: the library's kink conventions (as_defined), stated independently.
    const long double x = mpfr_get_ld(t.v, rnd);
    if (name == "relu") {
        return n == 0 ? (x <= 0 ? k(0) : t) : k(n == 1 && x > 0 ? 1 : 0);
    }
    if (name == "leaky_relu") {
        return n == 0 ? (x > 0 ? t : k(alpha) * t) : n == 1 ? k(x > 0 ? 1 : alpha) : k(0);
    }
    if (name == "elu" || name == "selu") {
        const num lam = name == "selu" ? num("1.0507009873554804934193349852946") : k(1);
        const num a = name == "selu" ? num("1.6732632423543772848170429916717") : k(alpha);
        if (x > 0) return n == 0 ? lam * t : n == 1 ? lam : k(0);
        const num e = exp(t);
        return n == 0 ? lam * a * (e - one) : lam * a * e;
    }
    if (name == "hard_sigmoid") {
        if (x <= -3) return k(0);
        if (x >= 3) return k(n == 0 ? 1 : 0);
        return n == 0 ? (t + k(3)) / k(6) : n == 1 ? one / k(6) : k(0);
    }
    if (name == "hard_tanh") {
        if (x <= -1) return k(n == 0 ? -1 : 0);
        if (x >= 1) return k(n == 0 ? 1 : 0);
        return n == 0 ? t : k(n == 1 ? 1 : 0);
    }
    return num(std::numeric_limits<long double>::quiet_NaN());
}

/// The ULP of T at the correctly rounded value of r (the subnormal spacing below the normals).
template <class T>
long double ulp_at(const num& r) {
    T v = std::fabs(static_cast<T>(mpfr_get_ld(r.v, rnd)));
    if (!std::isfinite(v)) {
        v = std::numeric_limits<T>::max();
    }
    const T m = std::fmax(v, std::numeric_limits<T>::min());
    int e = 0;
    std::frexp(m, &e);
    return std::ldexp(1.0L, e - std::numeric_limits<T>::digits);
}

/// |got − r| in ULPs of T at r.
template <class T>
long double ulp_error(T got, const num& r) {
    num g(static_cast<long double>(got));
    num diff = g - r;
    mpfr_abs(diff.v, diff.v, rnd);
    return mpfr_get_ld(diff.v, rnd) / ulp_at<T>(r);
}

/// The points the activation tests sample (accuracy.cpp; eval/accuracy.cpp for the kernels): a 1/64
/// grid on [−20, 20], ±2ᵏ(1 + j/8) from the smallest subnormal to the largest finite value (every
/// binade near 1, every third elsewhere), ±1000, ±0, ±denorm_min, ±max; for logit (unit_interval)
/// a 1/4096 grid on (0, 1), 2⁻ᵏ and 1 − 2⁻ᵏ, powers of two down to the smallest subnormal, 1/2 ± ε.
template <class T>
std::vector<T> sample_points(bool unit_interval) {
    std::vector<T> pts;
    if (unit_interval) {
        for (int i = 1; i < 4096; ++i) pts.push_back(T(i) / T(4096));
        for (int e = 1; e < std::numeric_limits<T>::digits; ++e) {
            pts.push_back(std::ldexp(T(1), -e));
            pts.push_back(T(1) - std::ldexp(T(1), -e));
        }
        for (int e = std::numeric_limits<T>::min_exponent - std::numeric_limits<T>::digits; e < 0; e += 3) {
            pts.push_back(std::ldexp(T(1), e));
        }
        pts.push_back(T(0.5) - std::numeric_limits<T>::epsilon());
        pts.push_back(T(0.5) + std::numeric_limits<T>::epsilon());
        return pts;
    }
    for (int i = -20 * 64; i <= 20 * 64; ++i) pts.push_back(T(i) / T(64));
    const int lo = std::numeric_limits<T>::min_exponent - std::numeric_limits<T>::digits;
    const int hi = std::numeric_limits<T>::max_exponent - 1;
    for (int e = lo; e <= hi; e += (e > -30 && e < 12 ? 1 : 3)) {
        for (int j = 0; j < 8; ++j) {
            const T v = std::ldexp(T(1) + T(j) / T(8), e);
            if (std::isfinite(v)) {
                pts.push_back(v);
                pts.push_back(-v);
            }
        }
    }
    for (T v : {T(1000), T(-1000), T(0), -T(0), std::numeric_limits<T>::denorm_min(), -std::numeric_limits<T>::denorm_min(),
                std::numeric_limits<T>::max(), -std::numeric_limits<T>::max()}) {
        pts.push_back(v);
    }
    return pts;
}

/// The zeros of f⁽ⁿ⁾ on [−8, 8] (where the derivatives of the catalogue have theirs), found on
/// the MPFR reference alone: sign changes on a 1/64 grid, then 300 bisection steps (2⁻³⁰⁰·2⁻⁶).
inline std::vector<num> zeros_of(std::string_view name, int n, long double alpha) {
    std::vector<num> roots;
    auto sign_at = [&](const num& t) { return mpfr_sgn(derivative(name, n, t, alpha).v); };
    for (int i = -8 * 64; i < 8 * 64; ++i) {
        num a(static_cast<long double>(i) / 64), b(static_cast<long double>(i + 1) / 64);
        const int sa = sign_at(a), sb = sign_at(b);
        if (sa == 0 || sa * sb >= 0) continue; // an exact zero on the grid (x = 0) needs no search
        for (int k = 0; k < 300; ++k) {
            num m;
            mpfr_add(m.v, a.v, b.v, rnd);
            mpfr_div_2ui(m.v, m.v, 1, rnd);
            (sign_at(m) == sa ? a : b) = m;
        }
        roots.push_back(a);
    }
    return roots;
}

/// Points that close in on each zero r of f⁽ⁿ⁾: the 81 values of T nearest r, and r(1 ± 2⁻ʲ)
/// rounded to T for j = 2 … digits. Where the formula cancels (SiLU′ = σ + xσσ̄ at its zero) the
/// relative error is largest here.
template <class T>
std::vector<T> points_near_zeros(std::string_view name, int n, long double alpha) {
    std::vector<T> pts;
    for (const num& r : zeros_of(name, n, alpha)) {
        const long double rl = mpfr_get_ld(r.v, rnd);
        T v = static_cast<T>(rl);
        for (int k = 0; k < 40; ++k) v = std::nextafter(v, T(-1e30));
        for (int k = 0; k <= 80; ++k, v = std::nextafter(v, T(1e30))) pts.push_back(v);
        for (int j = 2; j <= std::numeric_limits<T>::digits; ++j) {
            pts.push_back(static_cast<T>(rl * (1 + std::ldexp(1.0L, -j))));
            pts.push_back(static_cast<T>(rl * (1 - std::ldexp(1.0L, -j))));
        }
    }
    return pts;
}

/// Whether t is within a relative 2⁻⁶ (plus an absolute 2⁻⁸) of a zero of f⁽ⁿ⁾ (the reference
/// changes sign, or is 0), given want = f⁽ⁿ⁾(t): there the error is absolute (a few ε times the
/// size of the terms) and a ULP count says nothing, so the tests leave such points out of their
/// maxima.
inline bool near_zero(std::string_view name, int n, long double t, long double alpha, const num& want) {
    const long double d = std::fabs(t) * 0x1p-6L + 0x1p-8L;
    const num lo = derivative(name, n, num(t - d), alpha);
    const num hi = derivative(name, n, num(t + d), alpha);
    return sgn(want) == 0 || sgn(lo) != sgn(want) || sgn(hi) != sgn(want);
}

} // namespace activation_ref

#endif
