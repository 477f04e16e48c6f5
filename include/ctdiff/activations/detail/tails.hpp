#ifndef CTDIFF_ACTIVATIONS_DETAIL_TAILS_HPP
#define CTDIFF_ACTIVATIONS_DETAIL_TAILS_HPP

/// \file
/// Private to ctdiff/activations. `tails(t, left, middle, right)`: the function `middle` of x,
/// evaluated as its exact limits `left`/`right` beyond |t| = 2¹⁰.
///
/// Why: activations of the form x·g(x) (SiLU, Mish, GELU) have finite limits at ±∞ but their
/// formula computes ∞·0 = NaN there, and their derivatives do so too (x·σ(x)σ(−x) at +∞). Beyond
/// |t| = 1024 the middle formula already evaluates to its limit in float and double (every
/// correction term is below e^{−1000}), so the guard changes no finite value: it only replaces the
/// NaN at ±∞. NaN itself falls through to `middle` (every comparison with NaN is false) and so
/// propagates.
///
/// The guard is an evaluation concern, not part of the function: the result is the function tag
/// `tails_fn<…, 0>` applied to x, whose value (`form<x>`, core/function.hpp: what `evaluate` and
/// the kernels compute) is the guarded select, while its `definition` (what the prover proves
/// identities on) and what it prints as are `middle` alone. Its derivative is `tails_fn<…, 1>`: the
/// value d(guarded select), the definition d(middle); and so on. So `equivalent(silu, x·σ(x))` is
/// proved and d(silu, x) prints as σ(x) + x·σ(x)·σ(−x), while every value computed is that of the
/// guarded form, node for node (the kernels lower the same select as before).

#include <ctdiff/core/constant.hpp>
#include <ctdiff/core/function.hpp>
#include <ctdiff/core/node.hpp>
#include <ctdiff/core/select.hpp>
#include <ctdiff/core/variable.hpp>
#include <ctdiff/diff/derivative.hpp>

#include <cstddef>
#include <string_view>
#include <type_traits>

namespace ctdiff::activations::detail {

inline constexpr constant<ratio{1024}> tail_start{};
inline constexpr constant<ratio{-1024}> minus_tail_start{};

/// The N-th derivative of `middle` (a function of x), evaluated with the limits beyond |t| = 1024.
template <class T, class Left, class Middle, class Right, std::size_t N>
struct tails_fn {
    static constexpr std::string_view name = "tails";
    static constexpr std::string_view latex = "\\operatorname{tails}";

    static constexpr auto guarded() {
        constexpr auto g = select(T{} < minus_tail_start, Left{}, select(T{} > tail_start, Right{}, Middle{}));
        if constexpr (N == 0) {
            return g;
        } else {
            return d<N>(g, x);
        }
    }
    static constexpr auto function() {
        if constexpr (N == 0) {
            return Middle{};
        } else {
            return d<N>(Middle{}, x);
        }
    }
    /// What the prover sees and what it prints as: the function without its guard.
    template <class U>
    static constexpr auto definition(U) {
        static_assert(std::is_same_v<U, variable<0>>, "ctdiff: a catalogue activation's guarded form applies to x only");
        return function();
    }
    template <class U>
    static constexpr auto shown(U) { return function(); }
    template <class U>
    static constexpr auto derivative(U) {
        return ctdiff::detail::make_apply<tails_fn<T, Left, Middle, Right, N + 1>>(U{});
    }

    using form_t = decltype(guarded());
    /// The value as nodes: the guarded select (evaluate() and the kernels compute this).
    template <class A>
        requires std::is_same_v<A, variable<0>>
    using form = form_t;

    /// The value at v alone (the Function interface; evaluate() and the kernels use form_t with the
    /// environment instead).
    template <class V>
    CTDIFF_INLINE static constexpr V eval(V v) {
        return form_t::eval(environment<V, 1, 0>{{v}, {}});
    }
};

/// `middle` (a function of x), with its limits `left` below t = −1024 and `right` above 1024.
template <Expression T, Expression Left, Expression Middle, Expression Right>
constexpr auto tails(T, Left, Middle, Right) {
    return ctdiff::detail::make_apply<tails_fn<T, Left, Middle, Right, 0>>(x);
}

} // namespace ctdiff::activations::detail

#endif
