#ifndef CTDIFF_MATH_DETAIL_SQRT_CORE_HPP
#define CTDIFF_MATH_DETAIL_SQRT_CORE_HPP

/// \file
/// Private to ctdiff::math: the square root's argument reduction (shared with the float core) and
/// the correctly rounded double √x in software — branch-free arithmetic and selects, the same
/// code in constant evaluation and at run time. Why not the instruction: with the default
/// -fmath-errno neither GCC 12 nor Clang 16 vectorizes a loop over it (GCC keeps the errno call
/// for negative arguments, which no rewrite of the argument removes: GCC 12 has no floating-point
/// range information), and one scalar call in a kernel keeps the whole loop scalar.

#include <ctdiff/math/detail/common.hpp>

#include <type_traits>

namespace ctdiff::math::detail {

/// u = m·2^(2j) for a finite double u > 0: m in [1, 4), j integral (subnormal u scaled first,
/// split_exponent), so √u = √m·2^j with √m in [1, 2); r ≈ 1/√m from the bits (relative error
/// ≤ 3.4 %, the magic constant of the fast inverse square root, for double).
struct sqrt_parts {
    double m, j, r;
};
CTDIFF_MATH_INLINE constexpr sqrt_parts sqrt_reduce(double u) {
    CTDIFF_MATH_STRICT
    const exponent_split sp = split_exponent(u); // m in [1, 2)
    const double j = round_int(sp.k * 0.5 - 0.25); // ⌊k/2⌋ for an integral k
    const double m = sel(sp.k != 2.0 * j, 2.0 * sp.m, sp.m); // [1, 4)
    return {m, j, std::bit_cast<double>(0x5fe6eb50c7b537a9ull - (std::bit_cast<u64>(m) >> 1))};
}

/// The ULP of [1, 2), where √m lies.
inline constexpr double sqrt_nu = 0x1p-52;

/// One Newton step for 1/√m: ε → 1.5·ε² (relative).
CTDIFF_MATH_INLINE constexpr double rsqrt_step(double m, double r) {
    CTDIFF_MATH_STRICT
    return r * (1.5 - 0.5 * m * r * r);
}

/// m > a·b, decided exactly, for m, a·b within a factor 2 of each other: with a·b = p + e
/// (exact_product, common.hpp; all factors here are in [1, 2]), m − p is exact (Sterbenz), and
/// m − p > e is a comparison of two doubles.
CTDIFF_MATH_INLINE constexpr bool exceeds_product(double m, double a, dd as, double b) {
    CTDIFF_MATH_STRICT
    const dd pe = exact_product(a, as, b, split26(b));
    return m - pe.hi > pe.lo;
}

/// √u, correctly rounded, for a finite double u > 0. With u = m·2^(2j) (sqrt_reduce):
/// 1. r ≈ 1/√m by three Newton steps (relative error ρ < 2^-34).
/// 2. s = m·r, then y = s + (r/2)·(m − s²) with m − s² from the exact product s²: the correction
///    leaves an error of about 1.5·ρ²·√m < 2^-67, so y is within 0.5 + 2^-15 ULP of √m — the
///    correctly rounded value or its neighbour toward √m.
/// 3. Tuckerman's test picks between y − ν, y and y + ν (ν = 2^-52, the ULP of [1, 2)): √m
///    rounds below y iff m ≤ y(y − ν), above iff m > y(y + ν). Exact, because m is a multiple of
///    2^-52 and y(y ± ν) of 2^-104, so m − (y ± ν/2)² = m − y(y ± ν) − ν²/4 never changes sign
///    from m − y(y ± ν) (and √m is never a midpoint). y = 2 (m just below 4) gives y − ν, right.
/// 4. ·2^j: exact (√u is a normal double for every u > 0).
/// The residuals of steps 2 and 3: Fused = false, Dekker's exact products (exact_product,
/// exceeds_product); Fused = true (run time with FMA only), one fma each — fma(−a, b, m) is m − a·b
/// rounded once, so its sign is the exact one (rounding keeps signs and gives 0 only for an exact
/// 0), and y's correction is as accurate. Both return the correctly rounded √u: the same bits.
/// About 70 operations (Dekker) or 40 (fused), branch-free: a loop over it vectorizes.
template <bool Fused>
CTDIFF_MATH_INLINE constexpr double sqrt_rounded(double u) {
    CTDIFF_MATH_STRICT
    const sqrt_parts p = sqrt_reduce(u);
    const double r = rsqrt_step(p.m, rsqrt_step(p.m, rsqrt_step(p.m, p.r)));
    const double s = p.m * r;
    double y = 0.0;
    bool down = false, up = false;
    if constexpr (Fused) {
        y = s + (0.5 * r) * __builtin_fma(-s, s, p.m);
        down = __builtin_fma(-y, y - sqrt_nu, p.m) <= 0.0;
        up = __builtin_fma(-y, y + sqrt_nu, p.m) > 0.0;
    } else {
        const dd ss = split26(s);
        const dd s2 = exact_product(s, ss, s, ss);
        y = s + (0.5 * r) * ((p.m - s2.hi) - s2.lo);
        const dd ys = split26(y);
        down = !exceeds_product(p.m, y, ys, y - sqrt_nu);
        up = exceeds_product(p.m, y, ys, y + sqrt_nu);
    }
    return sel(down, y - sqrt_nu, sel(up, y + sqrt_nu, y)) * pow2(p.j);
}

/// The Dekker variant: constant evaluation, machines without FMA; the tests run it at run time
/// everywhere.
CTDIFF_MATH_INLINE constexpr double sqrt_value_dekker(double u) { return sqrt_rounded<false>(u); }

/// √u, correctly rounded, for a finite double u > 0: the fused variant at run time on a machine
/// with FMA (x86-64-v3 and up), the Dekker variant otherwise (Clang 16 cannot constant-evaluate
/// an fma).
CTDIFF_MATH_INLINE constexpr double sqrt_value(double u) {
#if defined(__FMA__)
    if (!std::is_constant_evaluated()) {
        return sqrt_rounded<true>(u);
    }
#endif
    return sqrt_value_dekker(u);
}

/// √x from a core `value` for finite x > 0: sqrt(±0) = ±0, sqrt(x < 0) = NaN, sqrt(+∞) = +∞,
/// NaN → NaN (selected; the core runs on 1 there).
template <double (*value)(double)>
CTDIFF_MATH_INLINE constexpr double sqrt_with_specials(double x) {
    CTDIFF_MATH_STRICT
    const bool ok = (x > 0.0) & (x < inf);
    const double y = value(sel(ok, x, 1.0));
    return sel(ok, y, sel(x < 0.0, nan, x)); // ±0, +∞ and NaN are their own square roots
}

/// √x for double, correctly rounded, with the special values above.
CTDIFF_MATH_INLINE constexpr double sqrt(double x) { return sqrt_with_specials<sqrt_value>(x); }

} // namespace ctdiff::math::detail

#endif
