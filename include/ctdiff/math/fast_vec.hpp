#ifndef CTDIFF_MATH_FAST_VEC_HPP
#define CTDIFF_MATH_FAST_VEC_HPP

/// \file
/// `fast_vec<D>`: a Highway vector of float lanes, each computed as math::fast_float computes —
/// what the kernels' explicit-SIMD loops evaluate a float formula in (eval/detail/simd_loop.hpp).
///
/// Why: the fast cores (detail/fast_core.hpp) are written once over their arithmetic. With
/// F = float they are the scalar specification; with F = fast_vec<D> the same IEEE operations run
/// on all lanes at once, through Highway's ops for the target the user compiles for (AVX-512,
/// AVX2, SSE4, NEON, SVE, or Highway's scalar emulation), so lane i of a vector result is the
/// scalar result at lane i's input, bit for bit (tests/sweep/math/simd_sweep.cpp: every float).
///
/// Contract:
/// - Arithmetic + − × ÷ is IEEE single precision, each operation rounded once: a product is
///   never fused with a following sum behind the formula's back (GCC would contract Highway's
///   Mul and Add under its default -ffp-contract=fast: each product passes an empty asm that keeps
///   it a product), so the results do not depend on the user's contraction flags.
/// - Comparisons give a mask (`fast_vec_mask<D>`), `sel(m, a, b)` picks lane by lane.
/// - `fmadd` is fused exactly where the scalar fmadd is (CTDIFF_HAS_FMA: the compiler targets FMA).
/// - exp, tanh, sech, σ, φ, Φ, e^{−|x|} and tanh(x/2) are the fast cores (math/fast_float.hpp
///   states their errors); no other function of ctdiff::math accepts a fast_vec.
///
/// Available when Highway's headers are (Debian `libhwy-dev`; `CTDIFF_HAS_HIGHWAY` says so) and
/// the user has not defined CTDIFF_NO_HIGHWAY. Static dispatch: the target is the one the
/// translation unit is compiled for (-march); this header defines HWY_COMPILE_ONLY_STATIC unless
/// the user has configured Highway's targets already.

#include <ctdiff/math/detail/common.hpp>
#include <ctdiff/math/detail/config.hpp>

#if CTDIFF_HAS_HIGHWAY

#include <ctdiff/math/detail/fast_core.hpp>

#ifndef HWY_COMPILE_ONLY_STATIC
#define HWY_COMPILE_ONLY_STATIC 1
#endif
// Highway 1.0.3 admits its SSE4 and AVX2 targets only where the compiler also targets PCLMUL and
// AES, which -march=x86-64-v3 does not: without this, such a build gets the 4-lane SSSE3 target.
// ctdiff uses neither instruction.
#ifndef HWY_DISABLE_PCLMUL_AES
#define HWY_DISABLE_PCLMUL_AES 1
#endif
#include <hwy/highway.h>

#include <bit>
#include <cstdint>
#include <type_traits>

// An x86 target with vector registers (not Highway's scalar or emulated ones).
#define CTDIFF_X86_SIMD_TARGET (HWY_ARCH_X86 && HWY_TARGET != HWY_EMU128 && HWY_TARGET != HWY_SCALAR)

namespace ctdiff::math {

namespace hn = hwy::HWY_NAMESPACE;

template <class D>
struct fast_vec;

/// Unsigned 32-bit lanes: the bits of a fast_vec (what the cores' bit manipulations act on).
template <class D>
struct u32_vec {
    using tag = hn::RebindToUnsigned<D>;
    hn::Vec<tag> v;

    CTDIFF_MATH_INLINE u32_vec(std::uint32_t c) : v(hn::Set(tag{}, c)) {} // NOLINT: broadcast, implicit on purpose
    CTDIFF_MATH_INLINE explicit u32_vec(hn::Vec<tag> r) : v(r) {}

    CTDIFF_MATH_INLINE friend u32_vec operator+(u32_vec a, u32_vec b) { return u32_vec(hn::Add(a.v, b.v)); }
    CTDIFF_MATH_INLINE friend u32_vec operator-(u32_vec a, u32_vec b) { return u32_vec(hn::Sub(a.v, b.v)); }
    CTDIFF_MATH_INLINE friend u32_vec operator&(u32_vec a, u32_vec b) { return u32_vec(hn::And(a.v, b.v)); }
    CTDIFF_MATH_INLINE friend u32_vec operator|(u32_vec a, u32_vec b) { return u32_vec(hn::Or(a.v, b.v)); }
    CTDIFF_MATH_INLINE friend u32_vec operator^(u32_vec a, u32_vec b) { return u32_vec(hn::Xor(a.v, b.v)); }
    CTDIFF_MATH_INLINE friend u32_vec operator<<(u32_vec a, int s) { return u32_vec(hn::ShiftLeftSame(a.v, s)); }
    CTDIFF_MATH_INLINE friend fast_vec<D> as_float(u32_vec a) { return fast_vec<D>(std::bit_cast<hn::Vec<D>>(a.v)); }
};

/// The lanes where a comparison of fast_vecs held.
template <class D>
struct fast_vec_mask {
    hn::Mask<D> m;

    CTDIFF_MATH_INLINE friend fast_vec_mask operator|(fast_vec_mask a, fast_vec_mask b) { return {hn::Or(a.m, b.m)}; }
    CTDIFF_MATH_INLINE friend fast_vec_mask operator&(fast_vec_mask a, fast_vec_mask b) { return {hn::And(a.m, b.m)}; }
    CTDIFF_MATH_INLINE friend fast_vec_mask operator||(fast_vec_mask a, fast_vec_mask b) { return a | b; }
    CTDIFF_MATH_INLINE friend fast_vec_mask operator&&(fast_vec_mask a, fast_vec_mask b) { return a & b; }
    CTDIFF_MATH_INLINE friend fast_vec_mask operator!(fast_vec_mask a) { return {hn::Not(a.m)}; }
    /// c ? a : b lane by lane (the chosen operand's bits, NaN payloads and −0 included).
    CTDIFF_MATH_INLINE friend fast_vec<D> sel(fast_vec_mask c, fast_vec<D> a, fast_vec<D> b) {
        return fast_vec<D>(hn::IfThenElse(c.m, a.v, b.v));
    }
};

template <class D>
struct fast_vec {
    static_assert(std::is_same_v<hn::TFromD<D>, float>, "ctdiff::math::fast_vec: a vector of float lanes");
    using tag = D;
    using lane_type = float;
    using mask_type = fast_vec_mask<D>;
    hn::Vec<D> v;

    CTDIFF_MATH_INLINE fast_vec() : v(hn::Zero(D{})) {}
    /// Every lane c. Implicit, so that a core's float constants read as in the scalar code.
    CTDIFF_MATH_INLINE fast_vec(float c) : v(hn::Set(D{}, c)) {} // NOLINT: broadcast, implicit on purpose
    /// Every lane static_cast<float>(u), as fast_float(u).
    template <class U>
        requires(std::is_arithmetic_v<U> && !std::is_same_v<U, float>)
    CTDIFF_MATH_INLINE explicit fast_vec(U u) : v(hn::Set(D{}, static_cast<float>(u))) {}
    CTDIFF_MATH_INLINE explicit fast_vec(hn::Vec<D> r) : v(r) {}

    CTDIFF_MATH_INLINE friend fast_vec operator+(fast_vec a, fast_vec b) { return fast_vec(hn::Add(a.v, b.v)); }
    CTDIFF_MATH_INLINE friend fast_vec operator-(fast_vec a, fast_vec b) { return fast_vec(hn::Sub(a.v, b.v)); }
    CTDIFF_MATH_INLINE friend fast_vec operator*(fast_vec a, fast_vec b) { return fast_vec(rounded(hn::Mul(a.v, b.v))); }
    CTDIFF_MATH_INLINE friend fast_vec operator/(fast_vec a, fast_vec b) { return fast_vec(hn::Div(a.v, b.v)); }
    CTDIFF_MATH_INLINE friend fast_vec operator-(fast_vec a) {
#if CTDIFF_X86_SIMD_TARGET
        // The compiler's own negation of the register (flips the sign bit, as Neg does), which it
        // folds into a following fused multiply-add (vfnmadd); hn::Neg's xor it does not.
        return fast_vec(hn::Vec<D>{-a.v.raw});
#else
        return fast_vec(hn::Neg(a.v));
#endif
    }
    CTDIFF_MATH_INLINE friend fast_vec operator+(fast_vec a) { return a; }
    CTDIFF_MATH_INLINE friend mask_type operator==(fast_vec a, fast_vec b) { return {hn::Eq(a.v, b.v)}; }
    // IEEE's ≠ holds where = does not, NaN lanes included (Highway's Ne is the ordered one).
    CTDIFF_MATH_INLINE friend mask_type operator!=(fast_vec a, fast_vec b) { return {hn::Not(hn::Eq(a.v, b.v))}; }
    CTDIFF_MATH_INLINE friend mask_type operator<(fast_vec a, fast_vec b) { return {hn::Lt(a.v, b.v)}; }
    CTDIFF_MATH_INLINE friend mask_type operator<=(fast_vec a, fast_vec b) { return {hn::Le(a.v, b.v)}; }
    CTDIFF_MATH_INLINE friend mask_type operator>(fast_vec a, fast_vec b) { return {hn::Gt(a.v, b.v)}; }
    CTDIFF_MATH_INLINE friend mask_type operator>=(fast_vec a, fast_vec b) { return {hn::Ge(a.v, b.v)}; }

    /// a·b + c (detail/fast_core.hpp's fmadd for lanes).
    CTDIFF_MATH_INLINE friend fast_vec fmadd(fast_vec a, fast_vec b, fast_vec c) {
#if HWY_ARCH_X86 && CTDIFF_HAS_FMA && (HWY_TARGET == HWY_SSSE3 || HWY_TARGET == HWY_SSE4)
        // Highway's 128-bit x86 targets multiply and add; the scalar fmadd fuses where the
        // compiler targets FMA, so the lanes do too.
        return fast_vec(hn::Vec<D>{_mm_fmadd_ps(a.v.raw, b.v.raw, c.v.raw)});
#else
        return fast_vec(hn::MulAdd(a.v, b.v, c.v));
#endif
    }
    /// v < c ? c : v and v > c ? c : v (detail/fast_core.hpp): on x86, Highway's Max(c, v) and
    /// Min(c, v) are maxps/minps, which return their second operand, v, where either is NaN, and c
    /// is neither NaN nor zero: those selects, bit for bit, in one instruction. Elsewhere the select.
    CTDIFF_MATH_INLINE friend fast_vec at_least(fast_vec v, float c) {
#if CTDIFF_X86_SIMD_TARGET
        return fast_vec(hn::Max(hn::Set(D{}, c), v.v));
#else
        return sel(v < c, fast_vec(c), v);
#endif
    }
    CTDIFF_MATH_INLINE friend fast_vec at_most(fast_vec v, float c) {
#if CTDIFF_X86_SIMD_TARGET
        return fast_vec(hn::Min(hn::Set(D{}, c), v.v));
#else
        return sel(v > c, fast_vec(c), v);
#endif
    }
    // std::bit_cast rather than hn::BitCast: the same register, but GCC 12 keeps a dead copy of
    // a struct member on the stack after a BitCast of it (one store per use in the σ loop).
    CTDIFF_MATH_INLINE friend u32_vec<D> as_bits(fast_vec a) { return u32_vec<D>(std::bit_cast<hn::Vec<typename u32_vec<D>::tag>>(a.v)); }

private:
    // The product as a product: an empty asm the value passes through, so that GCC cannot fuse it
    // with the sum that reads it (it would under -ffp-contract=fast, its default) and the lanes
    // round as the scalar specification does. No instruction is emitted.
    CTDIFF_MATH_INLINE static hn::Vec<D> rounded(hn::Vec<D> p) {
#if defined(__GNUC__) && !defined(__clang__) && CTDIFF_X86_SIMD_TARGET
#if defined(__AVX512F__)
        asm("" : "+v"(p.raw));
#else
        asm("" : "+x"(p.raw));
#endif
#endif
        return p;
    }
};

} // namespace ctdiff::math

#endif // CTDIFF_HAS_HIGHWAY

#endif
