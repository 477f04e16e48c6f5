#ifndef CTDIFF_ACTIVATIONS_MISH_HPP
#define CTDIFF_ACTIVATIONS_MISH_HPP

/// \file
/// Mish(x) = x·tanh(softplus(x)) (Misra 2019).
///
/// - Domain ℝ; smooth. Mish(−∞) = 0, Mish(+∞) = +∞; minimum ≈ −0.3088 at x ≈ −1.1924.
/// - Derivatives: Mish' = tanh(sp) + x·sech²(sp)·σ(x), sp = softplus(x);
///   Mish'' = 2sech²(sp)σ + x·sech²(sp)·(σσ̄ − 2tanh(sp)σ²).
/// - Stability: tanh(softplus(x)) and sech(softplus(x)) are function tags (of_softplus_fn). Through
///   softplus, sech(sp(x)) ≈ 2e^{−sp} passed sp's rounding on multiplied by sp ≈ x (30 ULP in
///   Mish″ at x ≈ 20, which has sech² in every term). With e = exp(−|x|) and E = 1 + eˣ,
///   tanh(sp) = (E² − 1)/(E² + 1) and sech(sp) = 2E/(E² + 1), that is (all terms positive, no
///   cancellation, no overflow)
///
///       x ≥ 0:  tanh(sp) = (1 + 2e)/(1 + 2e + 2e²),   sech(sp) = 2e(1 + e)/((1 + e)² + e²) = 2e(1 − q)
///       x < 0:  tanh(sp) = e(2 + e)/(2 + 2e + e²),    sech(sp) = 2(1 + e)/(2 + 2e + e²)
///
///   with q = e(1 + 2e)/(1 + 2e(1 + e)) ≤ 0.14. evaluate() computes sech(sp) as 2e(1 − q) for
///   x ≥ 2 and as the two functions below 2, and tanh(sp) as the two functions (each within an
///   ULP; tanh's slope makes sp's rounding harmless); kernels use the rational forms as nodes on
///   σ's exp(−|x|), so f, f′, f″ cost one exp and no log1p. tanh′ = sech², σ′ = σ(x)σ(−x) (no
///   1 − tanh², no σ − σ²); in the left tail tanh(sp) ≈ eˣ keeps its relative accuracy, so Mish ≈
///   xeˣ does too. At ±∞ the pieces are the limits (detail/tails.hpp).

#include <ctdiff/activations/detail/tails.hpp>
#include <ctdiff/activations/detail/zero_series_data.hpp>
#include <ctdiff/core/constant.hpp>
#include <ctdiff/core/functions/hyperbolic.hpp>
#include <ctdiff/core/functions/sigmoid.hpp>
#include <ctdiff/core/functions/softplus.hpp>
#include <ctdiff/core/operators.hpp>
#include <ctdiff/core/variable.hpp>
#include <ctdiff/eval/lower.hpp>
#include <ctdiff/math/exp.hpp>
#include <ctdiff/math/select.hpp>
#include <ctdiff/math/softplus.hpp>
#include <ctdiff/math/tanh.hpp>

#include <string_view>

namespace ctdiff::activations {

namespace mish_detail {
/// sech(softplus(v)) for v ≥ 0 from e = exp(−v): 2e(1 + e)/((1 + e)² + e²) (the file comment).
template <class T>
CTDIFF_INLINE constexpr T sech_softplus_right(T v) {
    const T e0 = math::exp(-math::select(v >= T(0), v, T(0)));
    const T e = math::select(math::is_nan(e0), T(0), e0); // NaN: computed on 0, selected by the caller
    // 2e(1 + e)/(1 + 2e + 2e²) = 2e·(1 − q), q = e(1 + 2e)/(1 + 2e + 2e²) ≤ 0.14: q's rounding
    // reaches the result times q/(1 − q) ≤ 0.16, so the product 2e·(1 − q) is within e's error
    // plus about one ULP (the direct quotient rounds five times).
    const T q = e * (T(1) + T(2) * e) / (T(1) + T(2) * e * (T(1) + e));
    return T(2) * e * (T(1) - q);
}
/// The tags' values. tanh(softplus(v)) and, for v < 2, sech(softplus(v)) as the two functions
/// (each within an ULP: the most accurate there, sp ≤ 2.2 amplifies sp's rounding by ≤ 2.2); for
/// v ≥ 2 sech(sp) from exp(−v), where sp ≈ v would amplify it by v (30 ULP in Mish″ at 20).
template <bool Tanh, class T>
CTDIFF_INLINE constexpr T of_softplus(T v) {
    if constexpr (Tanh) {
        return math::tanh(math::softplus(v));
    } else {
        return math::select(v >= T(2), sech_softplus_right(v), math::sech(math::softplus(v)));
    }
}
template <bool Tanh>
struct softplus_kernel_form; // the kernels' forms (end of file)
} // namespace mish_detail

/// tanh(softplus(u)) (Tanh) and sech(softplus(u)), evaluated as above: tanh(sp)′ = sech(sp)²·σ(u),
/// sech(sp)′ = −sech(sp)·tanh(sp)·σ(u).
template <bool Tanh>
struct of_softplus_fn {
    static constexpr std::string_view name = Tanh ? "tanh_softplus" : "sech_softplus";
    static constexpr std::string_view latex = Tanh ? "\\operatorname{tanh\\_softplus}" : "\\operatorname{sech\\_softplus}";
    template <class T>
    CTDIFF_INLINE static constexpr T eval(T u) { return mish_detail::of_softplus<Tanh>(u); }
    template <class U>
    static constexpr auto derivative(U) {
        constexpr auto sech_sp = ctdiff::detail::make_apply<of_softplus_fn<false>>(U{});
        if constexpr (Tanh) {
            return pow<ratio{2}>(sech_sp) * ctdiff::sigmoid(U{});
        } else {
            return -(sech_sp * ctdiff::detail::make_apply<of_softplus_fn<true>>(U{}) * ctdiff::sigmoid(U{}));
        }
    }
    template <class U>
    static constexpr auto definition(U) {
        if constexpr (Tanh) {
            return ctdiff::tanh(ctdiff::softplus(U{}));
        } else {
            return ctdiff::sech(ctdiff::softplus(U{}));
        }
    }
    template <class U>
    static constexpr auto shown(U) { return definition(U{}); }
};
using tanh_softplus_fn = of_softplus_fn<true>;
using sech_softplus_fn = of_softplus_fn<false>;

/// The refined evaluation (detail/zero_series.hpp): next to the zeros of Mish′ and Mish″, where the
/// formula's terms cancel, a fitted series keeps the relative accuracy (double and float).
struct mish_spec : detail::zero_data::mish_zeros {
    template <class U>
    static constexpr auto formula(U) { return U{} * ctdiff::detail::make_apply<tanh_softplus_fn>(U{}); }
};

/// x·tanh(softplus(x)), with its limits at ±∞.
inline constexpr auto mish = detail::tails(x, zero, detail::refined<mish_spec>, x);

/// The formula without the guard at ±∞.
inline constexpr auto mish_formula = x * ctdiff::tanh(ctdiff::softplus(x));

} // namespace ctdiff::activations

/// Kernels: the same forms as nodes on σ's e = exp(−|u|) (eval/lower.hpp), shared with σ(x),
/// σ(−x) and each other.
template <bool Tanh>
struct ctdiff::activations::mish_detail::softplus_kernel_form {
    template <class A>
    struct make {
        using p = eval::detail::exp_minus_abs<A>;
        using e = typename p::e;
        using k1 = constant<ratio{1}>;
        using k2 = constant<ratio{2}>;
        using ee = mul<e, e>;
        using one_e = add<k1, e>;
        using two_e = mul<k2, e>;
        using den_neg = add<add<k2, two_e>, ee>; // 2 + 2e + e²
        using q = divide<mul<e, add<k1, two_e>>, add<k1, mul<two_e, one_e>>>; // as sech_softplus_right
        using pos = std::conditional_t<Tanh, divide<add<k1, two_e>, add<add<k1, two_e>, mul<k2, ee>>>,
                                       mul<two_e, sub<k1, q>>>;
        using neg = std::conditional_t<Tanh, divide<mul<e, add<k2, e>>, den_neg>, divide<mul<k2, one_e>, den_neg>>;
        using type = select_node<typename p::nonneg, pos, neg>;
    };
    template <class A>
    using of = typename make<A>::type;
};
template <bool Tanh>
struct ctdiff::eval::kernel_form<ctdiff::activations::of_softplus_fn<Tanh>> : activations::mish_detail::softplus_kernel_form<Tanh> {};

#endif
