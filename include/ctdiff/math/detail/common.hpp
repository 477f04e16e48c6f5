#ifndef CTDIFF_MATH_DETAIL_COMMON_HPP
#define CTDIFF_MATH_DETAIL_COMMON_HPP

/// \file
/// Private to ctdiff::math: bit access, exact-arithmetic helpers and the rules every core follows.
///
/// Rules (docs/math.md explains them):
/// - One code path for constant evaluation and run time (sqrt alone differs, with the same bits).
/// - Branch-free: selects on the bits (sel), fully unrolled polynomials (index_sequence folds),
///   no float-to-integer conversions (2^k is built from the bits of k + 1.5·2^52), no integer
///   division, no calls (CTDIFF_MATH_INLINE): a loop over these functions vectorizes.
/// - No NaN or ∞ is computed, only selected (constant evaluation rejects such arithmetic): see
///   finite() and narrow().
/// - FMA policy: no fused multiply-add (exceptions: the double sqrt's rounding test, whose result
///   is the correctly rounded √ with or without it, sqrt_core.hpp; the fast mode's run-time-only
///   functions, fast_core.hpp). Every a·b + c rounds twice, at compile time and at
///   run time, so both give the same bits. Clang's default (-ffp-contract=on) would fuse within
///   an expression: each function body opens with CTDIFF_MATH_STRICT (`#pragma clang fp
///   contract(off)`). GCC 12 contracts by default in C++ even with -std=c++20 and has no pragma
///   that survives inlining: a GCC build needs -ffp-contract=off for bit-identity (ctdiff's own
///   targets get it). With contraction (or -ffast-math) the run-time results may differ from
///   constant evaluation in the last bit, and were not what the tests measured.
/// - float has cores of its own (float_core.hpp): short plain-double series accurate to ~2^-38,
///   rounded once to float (≤ 0.5 + 2^-13 ULP); the double cores keep compensated steps for
///   double's last bit.

#include <bit>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <type_traits>
#include <utility>

#if defined(__clang__)
#define CTDIFF_MATH_STRICT _Pragma("clang fp contract(off)")
#else
#define CTDIFF_MATH_STRICT
#endif
/// Every function of ctdiff::math is inlined into its caller's loop, whatever its size: a call
/// left out of line stops vectorization (Clang 16 otherwise keeps exp's core out of line).
#define CTDIFF_MATH_INLINE [[gnu::always_inline]] inline

namespace ctdiff::math::detail {

using u64 = std::uint64_t;

inline constexpr double inf = std::numeric_limits<double>::infinity();
inline constexpr double nan = std::numeric_limits<double>::quiet_NaN();

CTDIFF_MATH_INLINE constexpr bool is_nan(double v) { return v != v; }
CTDIFF_MATH_INLINE constexpr double fabs(double v) { return std::bit_cast<double>(std::bit_cast<u64>(v) & 0x7fffffffffffffffull); }
/// |mag| with the sign of sgn.
CTDIFF_MATH_INLINE constexpr double copysign(double mag, double sgn) {
    return std::bit_cast<double>((std::bit_cast<u64>(mag) & 0x7fffffffffffffffull) |
                                 (std::bit_cast<u64>(sgn) & 0x8000000000000000ull));
}
/// c ? a : b on the bits (both computed already). Written as bit operations, not `?:`, because
/// GCC lowers `?:` to a branch, sinks the arm's computation into it, and then refuses to
/// if-convert it under -ftrapping-math (the default): "control flow in loop", no vectorization.
CTDIFF_MATH_INLINE constexpr double sel(bool c, double a, double b) {
    const u64 m = u64{0} - static_cast<u64>(c);
    return std::bit_cast<double>((std::bit_cast<u64>(a) & m) | (std::bit_cast<u64>(b) & ~m));
}
CTDIFF_MATH_INLINE constexpr double min(double a, double b) { return sel(a < b, a, b); }
CTDIFF_MATH_INLINE constexpr double max(double a, double b) { return sel(a > b, a, b); }

/// NaN → 0, ±∞ → ±DBL_MAX: the value the cores compute on. Constant evaluation rejects any
/// arithmetic whose result is NaN (Clang: even from a NaN operand) or overflows (GCC), so no
/// core ever computes on NaN or ∞, nor overflows: special results are selected at the end, from
/// the argument itself or from constants.
inline constexpr double dbl_max = 1.7976931348623157e308;
CTDIFF_MATH_INLINE constexpr double finite(double x) {
    return sel(is_nan(x), 0.0, sel(fabs(x) > dbl_max, copysign(dbl_max, x), x));
}
/// c ? a : b on the bits of floats.
CTDIFF_MATH_INLINE constexpr float sel(bool c, float a, float b) {
    const std::uint32_t m = std::uint32_t{0} - static_cast<std::uint32_t>(c);
    return std::bit_cast<float>((std::bit_cast<std::uint32_t>(a) & m) | (std::bit_cast<std::uint32_t>(b) & ~m));
}
/// The double result r as a T: for float, values at or beyond 2^128 − 2^103 become ±∞ and NaN
/// stays NaN by selection, never by an overflowing or invalid conversion.
template <class T>
CTDIFF_MATH_INLINE constexpr T narrow(double r) {
    if constexpr (std::is_same_v<T, float>) {
        if (std::is_constant_evaluated()) { // GCC rejects an overflowing conversion as a constant
            const double a = fabs(r);
            const float f = static_cast<float>(copysign(min(a, 3.4028234663852886e38), r)); // NaN: min gives FLT_MAX
            constexpr float inf_f = std::numeric_limits<float>::infinity();
            const float special = sel(is_nan(r), std::numeric_limits<float>::quiet_NaN(), sel(r < 0.0, -inf_f, inf_f));
            return sel(is_nan(r) | (a >= 3.4028235677973366e38), special, f);
        }
        // At run time the IEEE conversion gives the same: round to nearest, ±∞ from 2^128 − 2^103
        // on, NaN stays NaN. (Well defined: with ±∞ in float every double lies between two floats.)
        return static_cast<float>(r);
    } else {
        return static_cast<T>(r);
    }
}

/// 1.5·2^52: v + shifter − shifter rounds v (|v| < 2^51) to the nearest integer, ties to even;
/// the bits of v + shifter hold that integer in their low bits. Vectorizes (roundeven does not).
inline constexpr double shifter = 6755399441055744.0;
CTDIFF_MATH_INLINE constexpr double round_int(double v) {
    CTDIFF_MATH_STRICT
    return (v + shifter) - shifter;
}
/// 2^k for an integral double k in [−1022, 1023]: the exponent field is k + 1023, taken from the
/// low bits of k + shifter (integer add and shift on the bits: no conversion instruction).
CTDIFF_MATH_INLINE constexpr double pow2(double k) {
    CTDIFF_MATH_STRICT
    return std::bit_cast<double>((std::bit_cast<u64>(k + shifter) + 1023u) << 52);
}
/// v·2^k for an integral double k in [−2044, 2046] and v in [2^-10, 2^10]: two exact scalings,
/// so the product rounds once, also when it is subnormal (gradual underflow) or overflows.
CTDIFF_MATH_INLINE constexpr double scale(double v, double k) {
    CTDIFF_MATH_STRICT
    const double k1 = round_int(k * 0.5);
    return v * pow2(k1) * pow2(k - k1);
}

/// The largest double whose e^x rounds to a finite double (e^x is 213 ULP of DBL_MAX below the
/// rounding midpoint there: mpmath), so the exp cores never overflow; +∞ is selected above it.
inline constexpr double exp_overflow = 709.782712893384;

/// u = 2^k·m for a finite double u > 0, m in [1, 2), k integral: subnormal u scaled by 2^54 first
/// (an even power, so √ can halve it too), the exponent read from the bits as a double (OR into
/// 2^52, subtract: no integer-to-float conversion).
struct exponent_split {
    double k, m;
};
CTDIFF_MATH_INLINE constexpr exponent_split split_exponent(double u) {
    CTDIFF_MATH_STRICT
    const bool sub = u < 2.2250738585072014e-308;
    const double us = sel(sub, min(u, 1.0) * 18014398509481984.0, u); // 2^54 (min: no overflow)
    const u64 bits = std::bit_cast<u64>(us);
    const double e = std::bit_cast<double>((bits >> 52) | 0x4330000000000000ull) - 4503599627371519.0; // 2^52 + 1023
    const double m = std::bit_cast<double>((bits & 0x000fffffffffffffull) | 0x3ff0000000000000ull);
    return {e - sel(sub, 54.0, 0.0), m};
}

/// u = 2^k·m with m in [√½, √2) — the split both log cores start from.
CTDIFF_MATH_INLINE constexpr exponent_split split_log(double u) {
    CTDIFF_MATH_STRICT
    const exponent_split s = split_exponent(u);
    const bool hi = s.m > 1.4142135623730951;
    return {sel(hi, s.k + 1.0, s.k), sel(hi, s.m * 0.5, s.m)};
}

/// Knuth's two-sum: s + e == a + b exactly, s = fl(a + b).
struct dd {
    double hi, lo;
};
CTDIFF_MATH_INLINE constexpr dd two_sum(double a, double b) {
    CTDIFF_MATH_STRICT
    const double s = a + b;
    const double bb = s - a;
    const double e = (a - (s - bb)) + (b - bb);
    return {s, e};
}

/// a = h + l exactly, h and l of at most 26 significant bits each, for finite a: h is a rounded
/// to 26 bits on the bits (add half of the 27 cleared bits, then clear them; a carry into the
/// exponent is a power of two, still exact), l = a − h (exact: |l| ≤ 2^26 ulp(a)). The split is
/// done with integer operations, so floating-point contraction cannot change it (Veltkamp's
/// split c − (c − a) can be fused), and it cannot overflow.
CTDIFF_MATH_INLINE constexpr dd split26(double a) {
    CTDIFF_MATH_STRICT
    const double h = std::bit_cast<double>((std::bit_cast<u64>(a) + 0x4000000ull) & 0xfffffffff8000000ull);
    return {h, a - h};
}

/// Dekker's product from split factors (split26): p + e == a·b exactly, p = fl(a·b) (every partial
/// product of 26-bit halves is exact, and so are the sums), while no partial product underflows.
/// A caller multiplying one factor several times splits it once.
CTDIFF_MATH_INLINE constexpr dd exact_product(double a, dd as, double b, dd bs) {
    CTDIFF_MATH_STRICT
    const double p = a * b;
    return {p, ((as.hi * bs.hi - p) + as.hi * bs.lo + as.lo * bs.hi) + as.lo * bs.lo};
}

/// Dekker's product without FMA: p + e == a·b exactly, p = fl(a·b), for finite a·b whose partial
/// products do not underflow.
CTDIFF_MATH_INLINE constexpr dd two_prod(double a, double b) { return exact_product(a, split26(a), b, split26(b)); }

/// (n_hi + n_lo)/(d_hi + d_lo) rounded about once (|n_lo| ≤ ulp(n_hi), |d_lo| ≤ ulp(d_hi)):
/// q0 = n_hi/d_hi, then one correction from the exact residual n_hi − q0·d_hi.
CTDIFF_MATH_INLINE constexpr double div_dd(double n_hi, double n_lo, double d_hi, double d_lo) {
    CTDIFF_MATH_STRICT
    const double q0 = n_hi / d_hi;
    const dd p = two_prod(q0, d_hi);
    const double rho = ((n_hi - p.hi) - p.lo + n_lo) - q0 * d_lo;
    return q0 + rho / d_hi;
}

/// a² as hi + lo: h = a with its low 27 bits cleared (26 significant bits), so h² is exact;
/// lo = 2hl + l² (|lo| < 2^-25·hi, its rounding is below 2^-78·a²).
CTDIFF_MATH_INLINE constexpr dd split_square(double a) {
    CTDIFF_MATH_STRICT
    const double h = std::bit_cast<double>(std::bit_cast<u64>(a) & 0xfffffffff8000000ull);
    const double l = a - h;
    const double hh = h * h;
    const double cross = 2.0 * h * l;
    return {hh, cross + l * l};
}

/// Horner's rule, fully unrolled at the source level (the vectorizer then sees straight-line
/// code): c(0) is the highest coefficient, c(N − 1) the constant term. Coef is a function object
/// whose call operator is CTDIFF_MATH_INLINE (a lambda's is not, and Clang leaves it out of line).
template <class Coef, std::size_t... K>
CTDIFF_MATH_INLINE constexpr double horner_unrolled(double v, const Coef& c, std::index_sequence<K...>) {
    CTDIFF_MATH_STRICT
    double p = c(0);
    ((p = p * v + c(K + 1)), ...);
    return p;
}
template <std::size_t N, class Coef>
CTDIFF_MATH_INLINE constexpr double horner(double v, const Coef& c) {
    return horner_unrolled(v, c, std::make_index_sequence<N - 1>{});
}
/// Estrin's scheme: Σ c(i)·v^i for i < N, c(0) the constant term (the opposite order of horner).
/// The same terms as Horner's rule, summed as a tree: the dependency chain is ~2·log2(N) steps
/// instead of 2N, which is what bounds a vectorized loop over a polynomial of degree 8
/// (measured on this machine: Horner's serial chain kept exp's float loop at 0.58 G/s).
/// pw[j] = v^(2^j).
template <std::size_t Lo, std::size_t N, class Coef, std::size_t P>
CTDIFF_MATH_INLINE constexpr double estrin_part(const double (&pw)[P], const Coef& c) {
    CTDIFF_MATH_STRICT
    if constexpr (N == 1) {
        return c(Lo);
    } else if constexpr (N == 2) {
        return c(Lo) + c(Lo + 1) * pw[0];
    } else {
        constexpr std::size_t m = std::bit_floor(N - 1); // the low part: the largest power of 2 below N
        constexpr std::size_t j = std::countr_zero(m);
        return estrin_part<Lo, m>(pw, c) + pw[j] * estrin_part<Lo + m, N - m>(pw, c);
    }
}
template <std::size_t N, class Coef>
CTDIFF_MATH_INLINE constexpr double estrin(double v, const Coef& c) {
    CTDIFF_MATH_STRICT
    static_assert(N >= 1 && N <= 32);
    const double v2 = v * v;
    const double v4 = v2 * v2;
    const double v8 = v4 * v4;
    const double v16 = v8 * v8;
    const double pw[5] = {v, v2, v4, v8, v16};
    return estrin_part<0, N>(pw, c);
}

/// Coefficients from an array.
struct coef_table {
    const double* c;
    CTDIFF_MATH_INLINE constexpr double operator()(std::size_t i) const { return c[i]; }
};

} // namespace ctdiff::math::detail

#endif
