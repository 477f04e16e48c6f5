#ifndef CTDIFF_MATH_FAST_FLOAT_HPP
#define CTDIFF_MATH_FAST_FLOAT_HPP

/// \file
/// `fast_float`: a float computation in float arithmetic with faster, less accurate functions —
/// what a float kernel computes in when called with `ctdiff::fast` (core/node.hpp:
/// compute_type_t; eval/fused.hpp).
///
/// Why: the default float evaluation (math::wide_float) computes in double, so that every
/// catalogue activation and its derivatives are correctly rounded in float. That costs half the
/// vector lanes and about three times the operations of a float evaluation. fast_float is the
/// trade a training kernel usually wants: float arithmetic (16 lanes with AVX-512), FMA where the
/// target has it, and e^x, σ, tanh, sech, φ, Φ in float arithmetic within 1.5–6.5 ULP
/// (detail/fast_core.hpp); the other functions keep their correctly rounded float versions. The
/// roundings of a formula's intermediates are float's again: a formula that amplifies them (a
/// cancellation, GELU-tanh's σ(2u)) loses what the float evaluation loses (docs/kernels.md gives
/// the measured ULP of every catalogue kernel in this mode).
///
/// Constant evaluation: every function gives its correctly rounded float value (the fast cores
/// are run-time only), so `k.at(ctdiff::fast, …)` in a static_assert is within the stated ULP of
/// the loop, not bit-identical to it.
///
/// What it is: a float with float's arithmetic and comparisons, constructible explicitly from any
/// arithmetic value; `static_cast<float>` gives the value. A user's function tag is written for it
/// like for float (its `eval(T u)` is called with T = fast_float in a fast kernel).

#include <ctdiff/math/detail/fast_core.hpp>
#include <ctdiff/math/detail/scalar_ops.hpp>
#include <ctdiff/math/erf.hpp>
#include <ctdiff/math/exp.hpp>
#include <ctdiff/math/log.hpp>
#include <ctdiff/math/normal.hpp>
#include <ctdiff/math/sigmoid.hpp>
#include <ctdiff/math/softplus.hpp>
#include <ctdiff/math/sqrt.hpp>
#include <ctdiff/math/tanh.hpp>

#include <type_traits>

namespace ctdiff::math {

struct fast_float : detail::scalar_ops<fast_float, float> {
    using scalar_ops::scalar_ops;
    CTDIFF_MATH_INLINE explicit constexpr operator float() const { return v; }
};

/// c ? a : b on the bits.
CTDIFF_MATH_INLINE constexpr fast_float select(bool c, fast_float a, fast_float b) { return fast_float(detail::sel(c, a.v, b.v)); }

// The fast cores at run time, the correctly rounded float functions in constant evaluation.
#define CTDIFF_FAST_FUNCTION(name)                                                                              \
    CTDIFF_MATH_INLINE constexpr fast_float name(fast_float x) {                                                \
        if (std::is_constant_evaluated()) {                                                                     \
            return fast_float(math::name(x.v));                                                                 \
        }                                                                                                       \
        return fast_float(detail::fast::name(x.v));                                                             \
    }
CTDIFF_FAST_FUNCTION(exp)
CTDIFF_FAST_FUNCTION(tanh)
CTDIFF_FAST_FUNCTION(sech)
CTDIFF_FAST_FUNCTION(sigmoid)
CTDIFF_FAST_FUNCTION(norm_cdf)
CTDIFF_FAST_FUNCTION(norm_pdf)
#undef CTDIFF_FAST_FUNCTION

/// e^{−|x|}: the fast core's one-step form at run time (the same bits as exp(−|x|)), the correctly
/// rounded float exp in constant evaluation.
CTDIFF_MATH_INLINE constexpr fast_float exp_neg_abs(fast_float x) {
    if (std::is_constant_evaluated()) {
        return fast_float(math::exp(-std::bit_cast<float>(std::bit_cast<std::uint32_t>(x.v) & 0x7fffffffu)));
    }
    return fast_float(detail::fast::exp_neg_abs(x.v));
}

/// tanh(x/2) (σ″'s kernel form): the fast core's form from σ's parts at run time, the correctly
/// rounded float tanh of x·1/2 in constant evaluation.
CTDIFF_MATH_INLINE constexpr fast_float tanh_half(fast_float x) {
    if (std::is_constant_evaluated()) {
        return fast_float(math::tanh(x.v * 0.5f));
    }
    return fast_float(detail::fast::tanh_half(x.v));
}

namespace detail {
/// A vector of fast_float lanes (math/fast_vec.hpp's fast_vec<D>): what the fast cores also
/// accept. Declared here, without Highway, so that the functions below exist for it wherever
/// ctdiff::math is seen (the function tags' eval calls them by qualified name).
template <class V>
concept fast_lanes = requires { typename V::mask_type; } && std::is_same_v<typename V::lane_type, float>;
} // namespace detail

// The fast cores on every lane (fast_vec: the kernels' explicit-SIMD loops): the same operations
// as on one fast_float at run time, so the same bits lane by lane.
#define CTDIFF_FAST_LANES_FUNCTION(name)                                                                        \
    template <detail::fast_lanes V>                                                                             \
    CTDIFF_MATH_INLINE V name(V x) {                                                                            \
        return detail::fast::name(x);                                                                           \
    }
CTDIFF_FAST_LANES_FUNCTION(exp)
CTDIFF_FAST_LANES_FUNCTION(tanh)
CTDIFF_FAST_LANES_FUNCTION(sech)
CTDIFF_FAST_LANES_FUNCTION(sigmoid)
CTDIFF_FAST_LANES_FUNCTION(norm_cdf)
CTDIFF_FAST_LANES_FUNCTION(norm_pdf)
CTDIFF_FAST_LANES_FUNCTION(exp_neg_abs)
CTDIFF_FAST_LANES_FUNCTION(tanh_half)
#undef CTDIFF_FAST_LANES_FUNCTION
/// |x| on every lane (the sign bits cleared).
template <detail::fast_lanes V>
CTDIFF_MATH_INLINE V abs(V x) {
    return detail::fast::fabsf(x);
}

/// x·σ(x) (SiLU's forward, a kernel form): the fast core's form at run time (no subnormal σ(x)
/// rounded before the product), x times the correctly rounded float σ in constant evaluation.
CTDIFF_MATH_INLINE constexpr fast_float x_sigmoid(fast_float x) {
    if (std::is_constant_evaluated()) {
        return fast_float(x.v * math::sigmoid(x.v));
    }
    return fast_float(detail::fast::x_sigmoid(x.v));
}
template <detail::fast_lanes V>
CTDIFF_MATH_INLINE V x_sigmoid(V x) {
    return detail::fast::x_sigmoid(x);
}

// No fast core (yet): the correctly rounded float function (which computes in double and still
// vectorizes).
#define CTDIFF_ACCURATE_FUNCTION(name)                                                                          \
    CTDIFF_MATH_INLINE constexpr fast_float name(fast_float x) { return fast_float(math::name(x.v)); }
CTDIFF_ACCURATE_FUNCTION(expm1)
CTDIFF_ACCURATE_FUNCTION(log)
CTDIFF_ACCURATE_FUNCTION(log1p)
CTDIFF_ACCURATE_FUNCTION(sqrt)
CTDIFF_ACCURATE_FUNCTION(erf)
CTDIFF_ACCURATE_FUNCTION(erfc)
CTDIFF_ACCURATE_FUNCTION(softplus)
#undef CTDIFF_ACCURATE_FUNCTION

} // namespace ctdiff::math

#endif
