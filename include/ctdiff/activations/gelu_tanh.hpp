#ifndef CTDIFF_ACTIVATIONS_GELU_TANH_HPP
#define CTDIFF_ACTIVATIONS_GELU_TANH_HPP

/// \file
/// The tanh approximation of GELU (Hendrycks & Gimpel; PyTorch `approximate="tanh"`):
/// GELU_tanh(x) = x/2·(1 + tanh(√(2/π)·(x + 0.044715x³))), with 0.044715 = 44715/10⁶ exactly.
///
/// - Domain ℝ; smooth. Its limits at ±∞ are 0 and +∞.
/// - Stability: 1 + tanh(u) cancels for u < 0 and is 0 below u ≈ −9 (float) / −19 (double) while
///   the true value is e^{2u}-small but finite; the identity (1 + tanh u)/2 = σ(2u) gives the
///   form evaluated here, x·σ(2√(2/π)(x + 0.044715x³)), with no cancellation anywhere.
///   σ(w) passes a relative error of its argument w = 2u on multiplied by |w| (in the left tail
///   w reaches −745 before σ underflows), so a w rounded to double (a few ULP) cost up to 780 ULP
///   there. The gate σ(w(x)) is therefore a function tag, `gelu_tanh_gate_fn`, that computes w in
///   double-double (w_hi + w_lo, relative error ~2⁻¹⁰⁰, constants 2√(2/π) and 0.044715 split in
///   two doubles) and corrects σ to first order: σ(w_hi + w_lo) = σ(w_hi)(1 + w_lo·σ(−w_hi)),
///   where w_lo·σ(−w_hi) ≤ 2⁻⁴³ makes the dropped second-order term far below an ULP. Its rule
///   is g′ = g(x)·g(−x)·w′(x) (g(−x) = σ(−w(x)): w is odd, and so is its rounding), and
///   d(g(x)g(−x)) = −g(x)g(−x)·w′(x)·tanh(w/2) (the σ tag's product form), so f′, f″ use the
///   same corrected gate. float (evaluated in double, core/node.hpp) needs no double-double.
///   Kernels use the gate's kernel form (end of this file): g(x) and g(−x) on one exp, as σ(2u)
///   and σ(−2u) were.
///   At ±∞ the pieces are the limits (detail/tails.hpp).

#include <ctdiff/activations/detail/tails.hpp>
#include <ctdiff/activations/detail/zero_series_data.hpp>
#include <ctdiff/core/constant.hpp>
#include <ctdiff/core/functions/hyperbolic.hpp>
#include <ctdiff/core/functions/sigmoid.hpp>
#include <ctdiff/core/operators.hpp>
#include <ctdiff/core/variable.hpp>
#include <ctdiff/eval/lower.hpp>
#include <ctdiff/math/detail/common.hpp>
#include <ctdiff/math/sigmoid.hpp>

#include <string_view>
#include <type_traits>

namespace ctdiff::activations {

/// 0.044715, exactly.
inline constexpr constant<ratio{44715, 1000000}> gelu_tanh_cubic{};

namespace gelu_tanh_detail {
/// w(v) = 2√(2/π)(v + 0.044715v³) as hi + lo (relative error ~2⁻¹⁰⁰; NaN → 0, the callers select
/// NaN). Odd in v bit for bit (every step is), so w(−v) = −w(v) exactly.
CTDIFF_INLINE constexpr math::detail::dd w_dd(double v0) {
    CTDIFF_MATH_STRICT
    namespace m = math::detail;
    // 2√(2/π) and 0.044715 as hi + lo (mpmath, 300 bits; hi + lo exact to 2⁻¹⁰⁸ relative).
    constexpr double c_hi = 0x1.9884533d43651p+0, c_lo = -0x1.cbc0d30ebfd15p-54;
    constexpr double k_hi = 0x1.6e4e26d4801f7p-5, k_lo = 0x1.441355475a31ap-59;
    // |v| ≤ 64 changes no result (w(64) ≈ 1.9·10⁴: σ is 0 or 1 from |w| > 745 on) and keeps
    // every product finite; NaN → 0 (no NaN is computed).
    const double v = m::min(m::max(m::finite(v0), -64.0), 64.0);
    const m::dd v2 = m::two_prod(v, v);
    const m::dd v3 = m::two_prod(v2.hi, v);
    const double v3_lo = v3.lo + v2.lo * v;
    const m::dd kv3 = m::two_prod(k_hi, v3.hi);
    const double kv3_lo = kv3.lo + (k_hi * v3_lo + k_lo * v3.hi);
    const m::dd s = m::two_sum(v, kv3.hi); // v + 0.044715v³
    const double s_lo = s.lo + kv3_lo;
    const m::dd w = m::two_prod(c_hi, s.hi);
    return {w.hi, w.lo + (c_hi * s_lo + c_lo * s.hi)};
}
/// The parts of w for the kernel form (below): hi + lo in double; in any other type the plain w
/// and 0 (float is evaluated in double, where w's rounding is far below float's ULP).
template <class T>
CTDIFF_INLINE constexpr T w_plain(T v) {
    return T(2) * (sqrt2_tag::value<T>() / sqrt_pi_tag::value<T>()) * (v + T(0.044715) * (v * v * v));
}
/// w_hi (Hi) and w_lo: the two parts of w(v) as function tags. In a double kernel both evaluate
/// w_dd on the same v, which the compiler computes once.
template <bool Hi>
struct w_part_fn {
    static constexpr std::string_view name = Hi ? "w_hi" : "w_lo";
    static constexpr std::string_view latex = Hi ? "w_{hi}" : "w_{lo}";
    template <class T>
    CTDIFF_INLINE static constexpr T eval(T v) {
        if constexpr (std::is_same_v<T, double>) {
            const math::detail::dd w = w_dd(v);
            return math::detail::sel(math::detail::is_nan(v), v, Hi ? w.hi : w.lo);
        } else if constexpr (Hi) {
            return w_plain(v);
        } else {
            return T(0) * v; // NaN stays NaN
        }
    }
};
using w_hi_fn = w_part_fn<true>;
using w_lo_fn = w_part_fn<false>;
} // namespace gelu_tanh_detail

/// The gate g(v) = σ(w(v)), w(v) = 2√(2/π)(v + 0.044715v³) = 2u: GELU_tanh = x·g(x). A function
/// tag so that w is computed in double-double (see above).
struct gelu_tanh_gate_fn {
    static constexpr std::string_view name = "gelu_tanh_gate";
    static constexpr std::string_view latex = "\\operatorname{g}";
    static constexpr ratio at_zero{1, 2};
    template <class T>
    CTDIFF_INLINE static constexpr T eval(T v) {
        if constexpr (std::is_same_v<T, double>) {
            return eval_dd(v);
        } else { // float, wide_float (double arithmetic: its roundings are far below float's ULP), long double
            return math::sigmoid(gelu_tanh_detail::w_plain(v));
        }
    }
    /// w(v)/2 = u, w(v) and w′(v) as expressions.
    template <class U>
    static constexpr auto half_w(U) { return sqrt2 / sqrt_pi * (U{} + gelu_tanh_cubic * pow<ratio{3}>(U{})); }
    template <class U>
    static constexpr auto w(U) { return c<ratio{2}> * half_w(U{}); }
    template <class U>
    static constexpr auto w_prime(U) {
        return c<ratio{2}> * sqrt2 / sqrt_pi * (one + c<ratio{3}> * gelu_tanh_cubic * pow<ratio{2}>(U{}));
    }
    template <class U>
    static constexpr auto derivative(U) {
        return ctdiff::detail::make_apply<gelu_tanh_gate_fn>(U{}) * ctdiff::detail::make_apply<gelu_tanh_gate_fn>(-U{}) *
               w_prime(U{});
    }
    /// d/dv of g(v)·g(−v) = −g(v)g(−v)·w′(v)·tanh(w/2): a product (core/function.hpp).
    template <class U>
    static constexpr auto mirror_product_derivative(U) {
        return -(ctdiff::detail::make_apply<gelu_tanh_gate_fn>(U{}) * ctdiff::detail::make_apply<gelu_tanh_gate_fn>(-U{}) *
                 w_prime(U{}) * ctdiff::tanh(half_w(U{})));
    }
    template <class U>
    static constexpr auto definition(U) { return ctdiff::sigmoid(w(U{})); }

private:
    CTDIFF_INLINE static constexpr double eval_dd(double v0) {
        CTDIFF_MATH_STRICT
        namespace m = math::detail;
        const m::dd w = gelu_tanh_detail::w_dd(v0);
        const double g = math::sigmoid(w.hi);
        const double r = g + g * (w.lo * (1.0 - g)); // σ(w + w_lo) = σ(w)(1 + w_lo·σ(−w)), σ(−w) = 1 − σ(w) to ≤ ε absolute
        return m::sel(m::is_nan(v0), v0, r);
    }
};

/// g(x) = σ(2√(2/π)(x + 0.044715x³)), with w in double-double.
inline constexpr auto gelu_tanh_gate = ctdiff::detail::make_apply<gelu_tanh_gate_fn>(x);

/// The refined evaluation (detail/zero_series.hpp): next to the zeros of f′ and f″, where the
/// formula's terms cancel, a fitted series keeps the relative accuracy (double and float).
struct gelu_tanh_spec : detail::zero_data::gelu_tanh_zeros {
    template <class U>
    static constexpr auto formula(U) { return U{} * ctdiff::detail::make_apply<gelu_tanh_gate_fn>(U{}); }
};

/// x·σ(2√(2/π)(x + 0.044715x³)) = x/2·(1 + tanh(√(2/π)(x + 0.044715x³))), with its limits at ±∞.
inline constexpr auto gelu_tanh = detail::tails(x, zero, detail::refined<gelu_tanh_spec>, x);

/// The published formula, as written (unstable in the left tail; for the proofs and the tests).
inline constexpr auto gelu_tanh_formula =
    x / c<ratio{2}> * (one + ctdiff::tanh(sqrt2 / sqrt_pi * (x + gelu_tanh_cubic * pow<ratio{3}>(x))));

} // namespace ctdiff::activations

/// The gate's kernel form: g(±b) = σ(±w_hi)·(1 ± w_lo·σ(∓w_hi)), w_hi + w_lo = w(b), with σ's
/// kernel form, so that g(x) and g(−x) (f′ needs both) share one exp(−|w_hi|) and the nodes
/// w_hi(x), w_lo(x), as σ(2u) and σ(−2u) shared one exp before the gate was a tag
/// (eval/lower.hpp). σ's kernel form is within 3 ULP, so a kernel's gate is a little less exact
/// than evaluate()'s (measured: f within 2.8 ULP in double against 1.55; docs/activations.md).
template <>
struct ctdiff::eval::kernel_form<ctdiff::activations::gelu_tanh_gate_fn> {
    template <class A>
    struct make {
        using s = detail::sign_split<A>;
        using hi = apply<activations::gelu_tanh_detail::w_hi_fn, typename s::base>;
        using lo = apply<activations::gelu_tanh_detail::w_lo_fn, typename s::base>;
        using sig_pos = kernel_form<sigmoid_fn>::of<hi>;      // σ(w_hi)
        using sig_neg = kernel_form<sigmoid_fn>::of<neg<hi>>; // σ(−w_hi), the same exp
        using one_c = constant<ratio{1}>;
        using type = std::conditional_t<s::negated, mul<sig_neg, sub<one_c, mul<lo, sig_pos>>>,
                                        mul<sig_pos, add<one_c, mul<lo, sig_neg>>>>;
    };
    template <class A>
    using of = typename make<A>::type;
};

#endif
