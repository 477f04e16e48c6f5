#ifndef CTDIFF_MATH_DETAIL_FAST_CORE_HPP
#define CTDIFF_MATH_DETAIL_FAST_CORE_HPP

/// \file
/// Private to ctdiff::math: float functions in float arithmetic, for math::fast_float (the
/// kernels' `ctdiff::fast` mode). Run time only — constant evaluation takes the correctly rounded
/// float functions instead (fast_float.hpp) — so these may compute on NaN and ∞ and overflow
/// (IEEE arithmetic propagates them), and they use the FMA instruction where the target has it.
/// Twice the lanes of the accurate float path (which computes in double) and about a third of
/// its operations. Errors (max over the strided float sweep, tests/sweep/math/float_sweep.cpp,
/// `[fast]`; the stated bounds there are these rounded up): exp 1.02, tanh 2.99, sech 2.21,
/// σ 2.33, φ 2.64, Φ 5.91 ULP; over every float, exp 1.10, σ 2.40, tanh 3.14 and sech 2.37 (tanh
/// was 2.50 from a reduction of its own, before it shared sech's). Branch-free: a loop over them
/// vectorizes.
///
/// Written once for two arithmetics: F = float (the scalar specification: `k.at(ctdiff::fast, …)`
/// and the loops without Highway) and F = math::fast_vec<D> (a Highway vector of float lanes: the
/// kernels' explicit-SIMD loops, math/fast_vec.hpp). Each core is the same sequence of IEEE
/// operations in both — the same fused multiply-adds, the same selects on the bits — so a vector
/// lane is the scalar result bit for bit (tests/sweep/math/simd_sweep.cpp checks every float).
/// What a core may use: + − × ÷ and comparisons of F, fmadd, sel(mask, a, b), at_least and
/// at_most (a clamp by a constant), and the bits as unsigned 32-bit lanes (as_bits, as_float;
/// + − & | ^ and << on them). For float these are the
/// functions below; for a vector type they are its own (found by argument-dependent lookup).

#include <ctdiff/math/detail/common.hpp>
#include <ctdiff/math/detail/config.hpp>

#include <bit>
#include <cstdint>

namespace ctdiff::math::detail::fast {

using u32 = std::uint32_t;

/// The bits of a float, and the float of bits (the vector types have their own).
CTDIFF_MATH_INLINE u32 as_bits(float v) { return std::bit_cast<u32>(v); }
CTDIFF_MATH_INLINE float as_float(u32 b) { return std::bit_cast<float>(b); }

/// v < c ? c : v and v > c ? c : v for a constant c that is neither NaN nor zero: NaN passes (a
/// comparison with NaN is false). One instruction on the vector types (max/min with v second,
/// which x86 and Arm return for a NaN v).
CTDIFF_MATH_INLINE float at_least(float v, float c) { return sel(v < c, c, v); }
CTDIFF_MATH_INLINE float at_most(float v, float c) { return sel(v > c, c, v); }

/// a·b + c: fused (one rounding) where the target has FMA, else two roundings (Highway's MulAdd
/// does the same on its targets: fused on AVX2 and AVX-512, two roundings on SSE4).
CTDIFF_MATH_INLINE float fmadd(float a, float b, float c) {
#if CTDIFF_HAS_FMA
    return __builtin_fmaf(a, b, c);
#else
    return a * b + c;
#endif
}
template <class F>
CTDIFF_MATH_INLINE F fabsf(F v) { return as_float(as_bits(v) & 0x7fffffffu); }
/// t with the sign of s, for t ≥ +0 (or NaN): t's sign flipped where s is negative. One vector
/// operation (vpternlogd), where copying the sign onto any t takes two (the and that clears t's
/// sign, and a vpternlogd), so the callers make t ≥ +0 instead — 0 − w, not −w, is +0 at w = +0.
template <class F>
CTDIFF_MATH_INLINE F with_sign_of(F t, F s) {
    return as_float(as_bits(t) ^ (as_bits(s) & 0x80000000u));
}

/// 1.5·2^23 + 191: v + shifter − shifter rounds |v| < 2^22 to an integer k (floats in [2^23, 2^24)
/// are the integers), and the bits of n = k + shifter are those of 1.5·2^23 plus 191 + k. Their
/// low 9 bits shifted to the exponent field, bits(n) << 23, are therefore 2^(k + 64) for k in
/// [−190, 63]: one shift, no conversion instruction and no integer add for the bias.
inline constexpr float shifter = 12582912.0f + 191.0f;
/// 2^(k + 64) from the bits of n = k + shifter, k integral in [−190, 63].
template <class F>
CTDIFF_MATH_INLINE F pow2_64_of_shifted(F n) { return as_float(as_bits(n) << 23); }
/// 2^k from the bits of n = k + shifter, k integral in [−126, 127].
template <class F>
CTDIFF_MATH_INLINE F pow2_of_shifted(F n) { return as_float((as_bits(n) - 64u) << 23); }

/// e^x = 2^k·(1 + p) for finite x in [−104, 89]: n = k + shifter with k = round(x/ln2),
/// r = x − k·ln2 (ln2 in two parts, k·ln2_hi exact), p = e^r − 1 = r + r²·q(r) to degree 6, q an
/// mpmath chebyfit of (e^r − 1 − r)/r² on |r| ≤ 1.0001·ln2/2 with float coefficients: 1 + p within
/// 2^-26.5 of e^r (degree 7 by Taylor: 2^-27.0, one FMA more).
template <class F>
struct exp_parts {
    F n, k, p;
};
template <class F>
CTDIFF_MATH_INLINE exp_parts<F> exp_split(F x) {
    const F n = fmadd(x, 1.44269504f, shifter);
    const F k = n - shifter;
    const F r = fmadd(k, -1.428606765330187e-06f, fmadd(k, -0.693145751953125f, x));
    F q = fmadd(r, 1.392618404e-03f, 8.363178931e-03f);
    q = fmadd(q, r, 4.166655615e-02f);
    q = fmadd(q, r, 1.666657627e-01f);
    q = fmadd(q, r, 0.5f);
    return {n, k, fmadd(r * r, q, r)};
}

/// 2^(k + B)·(1 + p) for the parts of exp_split, in two exact steps 2^k1·2^(k − k1 + B),
/// k1 = round(k/2): each factor is a normal float for k + B in [−252, 254] (B = 64: e^{−x²/2}
/// scaled, below). The exponents come from the bits of n = k + shifter and n1 = k1 + shifter:
/// k − k1 is their integer difference.
template <unsigned B = 0, class F>
CTDIFF_MATH_INLINE F scaled(const exp_parts<F>& e) {
    const F n1 = fmadd(e.k, 0.5f, shifter);
    const F s1 = pow2_of_shifted(n1);
    const F s2 = as_float((as_bits(e.n) - as_bits(n1) + (127u + B)) << 23);
    return fmadd(e.p, s1, s1) * s2;
}

/// e^x (measured max 1.01 ULP): x clamped to [−104, 88.8] (NaN passes the selects), 2^k applied
/// in two exact steps (scaled), so a subnormal result rounds once more at most (gradual underflow
/// kept), and the product overflows to +∞ by itself above ln(FLT_MAX). Speed: a vector with a
/// subnormal operand or result takes a microcode assist on x86 (~20×, measured here), so
/// arguments below −87.3 run slowly; the accurate path, which computes in double, does not.
template <class F>
CTDIFF_MATH_INLINE F exp(F x) {
    return scaled(exp_split(at_least(at_most(x, 88.8f), -104.0f)));
}

/// e^{−|x|} (σ's, softplus's and Mish's kernel forms): the same bits as exp(−|x|) in fewer
/// operations. The argument is ≤ 0, so only the lower clamp (104) is needed, and 2^k is applied in
/// one step with a bias, 2^(k + 64)·(1 + p) (normal for k ∈ [−150, 0]) times 2^-64: the mantissa
/// rounds once in the fma as before and the last product is exact unless the result is
/// subnormal, where it rounds once, as exp's second step did. −|x| is one operation (the sign bit
/// set), NaN passes the clamp (NaN < −104 is false), and the clamp is one masked move.
template <class F>
struct neg_abs_parts { // e^{−|x|} = 2^-64·s·(1 + p): s = 2^(k + 64)
    F p, s;
};
// Floor: where −|x| is clamped (104 by default, where e^{−|x|} is below half the least subnormal;
// x_sigmoid needs 126, where |x|·e^{−|x|} is, for |x| up to 1024); 2^(k + 64) is normal down to
// k = −190, so any floor up to 131 keeps the parts exact.
template <int Floor = 104, class F>
CTDIFF_MATH_INLINE neg_abs_parts<F> split_neg_abs(F x) {
    const F na = as_float(as_bits(x) | 0x80000000u); // −|x| in one operation (NaN stays NaN)
    const exp_parts<F> e = exp_split(at_least(na, -static_cast<float>(Floor)));
    return {e.p, pow2_64_of_shifted(e.n)};
}
template <int Floor = 104, class F>
CTDIFF_MATH_INLINE F exp_neg_abs_2p64(F x) { // 2^64·e^{−|x|}: all but the last product
    const neg_abs_parts<F> e = split_neg_abs<Floor>(x);
    return fmadd(e.p, e.s, e.s);
}
template <class F>
CTDIFF_MATH_INLINE F exp_neg_abs(F x) { return exp_neg_abs_2p64(x) * 0x1p-64f; }

/// What tanh and sech share, from one reduction of −|x| (the one of exp_neg_abs, so σ's e as
/// well): e = e^{−|x|} and m = e − 1 = 2^k·p + (2^k − 1) without cancellation (k = 0 near 0). A
/// loop that computes tanh(x) and sech(x) — tanh's f and f′ — then reduces x once, not twice.
/// m is computed scaled by 2^64, with 2^(k + 64) (normal for k ∈ [−150, 0]): the same roundings
/// as with 2^k where 2^k is normal, and −1 where it is not (|x| > 87.3), with no subnormal
/// operand on the way (each would cost a microcode assist on x86).
template <class F>
struct tanh_sech_parts {
    F e, m;
};
template <class F>
CTDIFF_MATH_INLINE tanh_sech_parts<F> tanh_sech(F x) {
    const neg_abs_parts<F> e = split_neg_abs(x);
    return {exp_neg_abs(x), fmadd(e.s, e.p, e.s - 0x1p64f) * 0x1p-64f};
}

/// tanh |x| = −w/(2 + w) with w = e^{−2|x|} − 1 = m² + 2m in one rounding (tanh_sech_parts: as
/// accurate as m, since ∂w/∂m = 2e; near 0, w ≈ 2m), the sign of x put back (±0 and subnormals
/// come out as themselves: tanh|x| is +0 at x = ±0, from 0 − w).
template <class F>
CTDIFF_MATH_INLINE F tanh(F x) {
    const tanh_sech_parts<F> t = tanh_sech(x);
    const F w = fmadd(t.m, t.m, 2.0f * t.m);
    return with_sign_of((0.0f - w) / (2.0f + w), x);
}

/// sech x = 2e/(1 + e²), e = e^{−|x|} ∈ [0, 1] (tanh_sech_parts: no overflow).
template <class F>
CTDIFF_MATH_INLINE F sech(F x) {
    const F e = tanh_sech(x).e;
    return (2.0f * e) / fmadd(e, e, 1.0f);
}

/// tanh(x/2) = −m/(1 + e) (tanh_sech_parts; 1 + e = 2 + m, no cancellation), the sign of x put
/// back: σ″ = −σσ̄·tanh(x/2) in a kernel. Written with σ's very operations — the reduction of
/// −|x|, e, and 1/(1 + e) as σ's kernel form computes it (eval/lower.hpp) — so that beside σ(x) the
/// compiler evaluates them once, and tanh(x/2) costs m and a product, not a second reduction and
/// division.
template <class F>
CTDIFF_MATH_INLINE F tanh_half(F x) {
    const tanh_sech_parts<F> t = tanh_sech(x);
    return with_sign_of((0.0f - t.m) * (1.0f / (1.0f + t.e)), x);
}

/// σ(x) = 1/(1 + e) for x ≥ 0, e/(1 + e) below, e = e^{−|x|} ∈ [0, 1]: one division, of operands
/// scaled by 2^64 — E = 2^64·e as exp_neg_abs computes it before its last product, and
/// (x < 0 ? E : 2^64)/(E + 2^64) — so neither 2^-64·E nor a product by 1/(1 + e) is needed (two
/// vector operations fewer than the kernels' shared form, eval/lower.hpp). The same bits as
/// e/(1 + e) on every float (checked over all 2^32: the scaling is exact, and where e is subnormal
/// E + 2^64 is 2^64, so the quotient rounds E·2^-64 once, as e did). Measured max 2.33 ULP
/// (strided sweep, tests/sweep), 2.40 over every float.
template <class F>
CTDIFF_MATH_INLINE F sigmoid(F x) {
    const F big = exp_neg_abs_2p64(x);
    return sel(x < 0.0f, big, F(0x1p64f)) / (big + 0x1p64f);
}

/// x·σ(x) (SiLU's forward alone): for x < 0, (x·E)/(E + 2^64) with E = 2^64·e^{−|x|} (−|x| clamped
/// at −126, where |x|·e^{−|x|} rounds to 0 for every |x| ≤ 1024, the guard of the catalogue's SiLU
/// beyond), so that no
/// subnormal σ(x) is rounded before the product (x·σ(x) computed as written loses ~50 ULP near
/// x = −100, where σ(x) is subnormal and x·σ(x) is not); for x ≥ 0, x/(1 + e) with
/// 1 + e = (E + 2^64)·2^-64 (exact scaling: no overflow of x·2^64). Errors: E's, one product, one
/// rounding of E + 2^64 and the division.
template <class F>
CTDIFF_MATH_INLINE F x_sigmoid(F x) {
    const F big = exp_neg_abs_2p64<126>(x);
    const F d = big + 0x1p64f;
    const auto negative = x < 0.0f;
    return sel(negative, x * big, x) / sel(negative, d, d * 0x1p-64f);
}

/// a² = h + l exactly (with FMA: l = fma(a, a, −h); without, Dekker's product on a 12 + 12-bit
/// split of the bits).
template <class F>
struct square_parts {
    F h, l;
};
template <class F>
CTDIFF_MATH_INLINE square_parts<F> exact_square(F a) {
    const F h = a * a;
#if CTDIFF_HAS_FMA
    return {h, fmadd(a, a, -h)};
#else
    const F ah = as_float((as_bits(a) + 0x800u) & 0xfffff000u);
    const F al = a - ah;
    return {h, ((ah * ah - h) + 2.0f * ah * al) + al * al};
#endif
}

/// v/2^64 for v = w·2^64 with w ≥ 0 (v finite, normal or 0): w itself, subnormal or not, without
/// a floating-point operation on a subnormal value (each costs ~20× on x86, see exp). Normal w:
/// v·2^-64 (exact). Subnormal w: its bits are round(w·2^149) = round(v·2^85), v·2^85 < 2^23,
/// rounded to an integer (ties to even, as the subnormal rounding) by the addition of 2^23 and
/// read from the bits (2^23 + 2^23 gives FLT_MIN, right).
template <class F>
CTDIFF_MATH_INLINE F unscale64(F v) {
    const auto tiny = v < 0x1p-62f;
    const F normal = sel(tiny, F(0x1p-62f), v) * 0x1p-64f;
    const F q = sel(tiny, v, F(0.0f)) * 0x1p85f;
    const F sub = as_float(as_bits(q + 8388608.0f) - 0x4b000000u);
    return sel(tiny, sub, normal);
}

/// e^{−a²/2}·2^64 for a in [0, 16], from the exact a² = h + l: e^{−h/2}·(1 − l/2) (−h/2 is exact;
/// l/2 ≤ ulp(h)/4, so the first-order correction is exact to far below float's rounding). The
/// 2^64 keeps every value normal (≥ 2^-121) where e^{−a²/2} itself is subnormal (a > 13.2):
/// φ and Φ scale back once, with unscale64.
template <class F>
CTDIFF_MATH_INLINE F exp_minus_half_square_2p64(F a) {
    const square_parts<F> q = exact_square(a);
    const F v = scaled<64>(exp_split(-0.5f * q.h)); // k in [−185, 0]: factors 2^[−93, 0], 2^[−29, 64]
    return fmadd(v, -0.5f * q.l, v);
}

/// |x| clamped at 15, where φ and Φ are 0 in float (from 14.2 and 14.1 on): φ and Φ of one x take
/// e^{−x²/2} from the very same operations, which the compiler then evaluates once (GELU's f′ =
/// Φ + xφ in a kernel).
template <class F>
CTDIFF_MATH_INLINE F normal_abs(F x) {
    const F a = fabsf(x);
    return at_most(a, 15.0f);
}

/// φ(x) = e^{−x²/2}/√(2π) (|x| clamped at 15: normal_abs). Measured max 2.64 ULP.
template <class F>
CTDIFF_MATH_INLINE F norm_pdf(F x) {
    return unscale64(exp_minus_half_square_2p64(normal_abs(x)) * 0.398942280f);
}

/// erfc(|x|/√2)·e^{x²/2} = t·H(t) with t = c/(c + |x|), c = 2√2 rounded to float (2.828427076),
/// for |x| ≤ 15 (t in [0.158, 1]): t from x in two roundings (the variable is defined with the
/// float c, so c's rounding is not an error), H of degree 10, mpmath chebyfit of
/// erfc(a)e^{a²}/t (a = c(1/t − 1)/√2) on [0.1576, 1] with float coefficients, relative error 2^-25.5.
template <class F>
CTDIFF_MATH_INLINE F erfc_scaled_of_x(F ax) {
    const F t = 2.828427076f / (2.828427076f + ax);
    F q = 3.386111930e-02f;
    q = fmadd(q, t, -1.804071963e-01f);
    q = fmadd(q, t, 3.556693792e-01f);
    q = fmadd(q, t, -2.540093362e-01f);
    q = fmadd(q, t, -5.287779868e-02f);
    q = fmadd(q, t, 5.297172815e-02f);
    q = fmadd(q, t, 4.830457270e-02f);
    q = fmadd(q, t, 1.871851981e-01f);
    q = fmadd(q, t, 2.449427098e-01f);
    q = fmadd(q, t, 2.822717726e-01f);
    q = fmadd(q, t, 2.820878625e-01f);
    return t * q;
}

/// Φ(x) = erfc(|x|/√2)/2 for x < 0, 1 − that for x ≥ 0 (no cancellation: it is ≤ 1/2), with
/// e^{−x²/2} from x itself (exp_minus_half_square_2p64, φ's), |x| clamped at 15 (normal_abs).
/// Measured max 5.9 ULP (near x = −1.59: t's two roundings pass to t·H(t) times 1.8, plus H's
/// fit and evaluation and the products).
template <class F>
CTDIFF_MATH_INLINE F norm_cdf(F x) {
    const F a = normal_abs(x);
    const F c = unscale64(0.5f * exp_minus_half_square_2p64(a) * erfc_scaled_of_x(a));
    return sel(x < 0.0f, c, 1.0f - c);
}

} // namespace ctdiff::math::detail::fast

#endif
