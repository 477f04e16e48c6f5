#ifndef CTDIFF_CORE_FUNCTION_HPP
#define CTDIFF_CORE_FUNCTION_HPP

/// \file
/// `apply<F, A>`: a function F applied to an expression A, and the `Function` concept a tag F
/// models. The engine (diff/, algebra/, eval/) knows functions only through this interface:
///
/// | member | meaning |
/// |---|---|
/// | `name`, `latex` | how it prints |
/// | `eval(T u)` | its value, through ctdiff::math (constexpr, vectorizable), for T = float, double, long double, math::wide_float and math::fast_float (what a float formula computes in, by default and in a kernel called with ctdiff::fast: write eval as a template on T) |
/// | `derivative(U)` | d/du as an expression of u (what `d` uses: the stable, readable rule) |
/// | `definition(U)` | optional: the function in terms of exp, log, erf, powers and arithmetic; the algebra expands it to prove identities, and a static test proves `derivative` agrees with differentiating `definition` |
/// | `at_zero` | optional: the exact value at 0, folded by the constructor |
/// | `shown(U)` | optional: an expression printed in the application's place (the catalogue's refined activations print as their formulas) |
/// | `form<A>` | optional: an expression type that *is* the application's value: `evaluate` computes it with the whole environment (run-time parameters included) instead of `eval` on the argument's value, and kernels lower it in the application's place (the catalogue's refined activations: a select between their formula and a series) |
/// | `vectorized` | optional: `true` when `eval` also accepts math::fast_vec<D>, a Highway vector of float lanes (math/fast_vec.hpp) — it calls only functions of ctdiff::math that have lane forms, and selects through math::select — so that a float kernel using it runs its explicit-SIMD loop (eval/detail/simd_loop.hpp); without it such a kernel runs the plain loop |
/// | `mirror_product_derivative(U)` | optional: d/du of F(u)·F(−u), which `d` then uses for that product instead of the product rule (σ: σ′ = σ(u)σ(−u) differentiates to −σ(u)σ(−u)·tanh(u/2), not the cancelling σσ̄² − σ²σ̄) |
///
/// exp, log and erf are the primitives (no definition); a user's own function is a tag like any
/// of ctdiff's.

#include <ctdiff/core/constant.hpp>
#include <ctdiff/core/node.hpp>
#include <ctdiff/core/variable.hpp>

#include <concepts>
#include <string_view>

namespace ctdiff {

/// A function tag usable in `apply<F, A>`.
template <class F>
concept Function = requires {
    { F::name } -> std::convertible_to<std::string_view>;
    { F::latex } -> std::convertible_to<std::string_view>;
    { F::eval(1.0) } -> std::same_as<double>;
    { F::eval(1.0f) } -> std::same_as<float>;
};

template <class F>
concept DefinedFunction = Function<F> && requires { F::definition(variable<0>{}); };

/// F applied to A.
template <class F, class A>
struct apply : node<apply<F, A>> {
    using function = F;
    using argument = A;
    template <class Env>
    static constexpr auto eval(const Env& env) {
        if constexpr (requires { typename F::template form<A>; }) {
            return F::template form<A>::eval(env);
        } else {
            return F::eval(A::eval(env));
        }
    }
};
namespace detail {
template <class F, class A>
struct has_function<apply<F, A>> : std::true_type {};
} // namespace detail

template <class E>
inline constexpr bool is_apply_v = false;
template <class F, class A>
inline constexpr bool is_apply_v<apply<F, A>> = true;

namespace detail {
template <class F>
concept has_value_at_zero = requires { F::at_zero; };

/// The constructor every function's builder uses: folds F(0) when its value is exact.
template <Function F, Expression A>
constexpr auto make_apply(A) {
    static_assert(requires { F::eval(math::wide_float(1.0)); } && requires { F::eval(math::fast_float(1.0f)); },
                  "ctdiff: a function tag's eval must also accept ctdiff::math::wide_float and math::fast_float, the "
                  "types a float formula is computed in: write it as template <class T> static constexpr T eval(T u), "
                  "with ctdiff::math functions and T(...) constants");
    if constexpr (is_constant_v<A> && has_value_at_zero<F>) {
        if constexpr (A::value == ratio{0}) {
            return constant<F::at_zero>{};
        } else {
            return apply<F, A>{};
        }
    } else {
        return apply<F, A>{};
    }
}
} // namespace detail

} // namespace ctdiff

#endif
