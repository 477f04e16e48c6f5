#ifndef CTDIFF_CORE_NODE_HPP
#define CTDIFF_CORE_NODE_HPP

/// \file
/// What every expression node is: an empty type deriving from `node<Self>`. The formula lives in
/// the type, so equal subexpressions are equal types (what the kernels' common-subexpression
/// elimination and the algebra's lowering rely on), and values of node types carry no state.

#include <ctdiff/math/fast_float.hpp>
#include <ctdiff/math/wide_float.hpp>

#include <array>
#include <concepts>
#include <cstddef>
#include <type_traits>

/// Marks a function tag's `eval` (and the engine's evaluation helpers) for inlining into the
/// kernels' loops whatever the optimizer's budget: Clang 16 does not inline through the loop's
/// `[[gnu::flatten]]` past the first level, and one call left in the loop body keeps it scalar.
/// A user's own tag should mark its `eval` the same way (`CTDIFF_INLINE static constexpr T eval(T)`).
#define CTDIFF_INLINE [[gnu::always_inline]]

namespace ctdiff {

struct node_base {};

/// An expression: an empty node type of ctdiff's vocabulary (or a user's, deriving from `node`).
template <class E>
concept Expression = std::is_base_of_v<node_base, std::remove_cvref_t<E>> && std::is_empty_v<std::remove_cvref_t<E>>;

/// A type expressions are evaluated in: float, double, long double, math::wide_float (what a
/// float evaluation computes in), math::fast_float (what a float kernel called with
/// ctdiff::fast computes in) or a vector of fast_float lanes (math::fast_vec: the kernels'
/// explicit-SIMD loops).
template <class T>
concept Scalar = std::floating_point<T> || std::same_as<T, math::wide_float> || std::same_as<T, math::fast_float> ||
                 math::detail::fast_lanes<T>;

/// How a float kernel computes (eval/fused.hpp): `accurate` by default; `ctdiff::fast` passed after
/// the arrays asks for float arithmetic and fast functions (math/fast_float.hpp). double kernels
/// compute the same either way.
struct accurate_t {
    explicit constexpr accurate_t() = default;
};
struct fast_t {
    explicit constexpr fast_t() = default;
};
inline constexpr accurate_t accurate{};
inline constexpr fast_t fast{};

/// Values of the variables and run-time parameters an expression is evaluated at.
/// `vars[i]` is variable<i> (x = variable<0>), `params[j]` is parameter<j> (α = parameter<0>).
template <Scalar T, std::size_t NV, std::size_t NP = 0>
struct environment {
    std::array<T, NV> vars{};
    std::array<T, NP> params{};
};

namespace detail {
/// Whether an expression (or a list of nodes) applies a function: every node template of the
/// vocabulary is looked into, `apply` (core/function.hpp) is the yes, and power<A, P>
/// (core/operators.hpp) is looked into there.
template <class E>
struct has_function : std::false_type {};
template <template <class...> class N, class... Ts>
struct has_function<N<Ts...>> : std::bool_constant<(has_function<Ts>::value || ...)> {};
} // namespace detail

/// The type an evaluation in T of E computes in: math::wide_float (double arithmetic,
/// float-accuracy functions) for a float evaluation of an expression with a function in it, T
/// otherwise. Where a formula applies exp, σ, erf… the roundings of float intermediates are
/// amplified (σ(2u) passes on u's relative error times |2u|; σ + xσσ̄ cancels near SiLU′'s
/// zero): computed in double and rounded once, every catalogue activation's f, f′, f″ is within
/// 0.5 ULP in float (docs/activations.md). A formula of +, −, ×, ÷ and selects alone stays in
/// float: it is memory-bound in a kernel (Leaky ReLU: double would cost 2.7× there) and its
/// roundings are the few the formula shows.
/// With Mode = fast_t, a float formula with a function computes in math::fast_float instead.
template <class T, class E, class Mode = accurate_t>
using compute_type_t = std::conditional_t<
    std::is_same_v<T, float> && detail::has_function<E>::value,
    std::conditional_t<std::is_same_v<Mode, fast_t>, math::fast_float, math::wide_float>, T>;

namespace detail {
/// env with every value converted to U.
template <class U, class T, std::size_t NV, std::size_t NP>
CTDIFF_INLINE constexpr environment<U, NV, NP> convert_environment(const environment<T, NV, NP>& env) {
    environment<U, NV, NP> r{};
    for (std::size_t i = 0; i < NV; ++i) {
        r.vars[i] = U(env.vars[i]);
    }
    for (std::size_t j = 0; j < NP; ++j) {
        r.params[j] = U(env.params[j]);
    }
    return r;
}
} // namespace detail

/// Evaluates `e` in `env` with ctdiff's own constexpr math: the same code in a static_assert and at
/// run time, and the same rounding as the kernels: in compute_type_t<T, E> (a float formula with a
/// function in it is computed in double and rounded to float once).
template <Expression E, std::floating_point T, std::size_t NV, std::size_t NP>
[[nodiscard]] constexpr T evaluate(E, const environment<T, NV, NP>& env) {
    using C = compute_type_t<T, E>;
    if constexpr (!std::is_same_v<C, T>) {
        return static_cast<T>(E::eval(detail::convert_environment<C>(env)));
    } else {
        return E::eval(env);
    }
}

/// CRTP base of every node. `e(x0, x1, …)` evaluates e at x = x0, y = x1, … (no parameters), as
/// `evaluate` does.
template <class Self>
struct node : node_base {
    template <std::floating_point T, std::same_as<T>... Ts>
    constexpr T operator()(T x0, Ts... xs) const {
        return evaluate(Self{}, environment<T, 1 + sizeof...(Ts), 0>{{x0, xs...}, {}});
    }
};

} // namespace ctdiff

#endif
