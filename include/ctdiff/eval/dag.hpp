#ifndef CTDIFF_EVAL_DAG_HPP
#define CTDIFF_EVAL_DAG_HPP

/// \file
/// Common-subexpression elimination for the kernels. Equal subexpressions are equal types, so
/// the distinct subexpressions of a set of outputs are a set of types: `subexpressions_t<Es...>`
/// lists them in post-order (every node after its operands), and `evaluate_dag` computes each
/// once into a slot, in that order, reading its operands' slots. All indices are compile-time
/// constants, so after inlining the slots are registers and the per-element code is straight-line
/// — what lets the compiler vectorize the loop around it.
///
/// A node kind the engine does not know (a user's own node type) is evaluated whole through its
/// `eval(env)`: correct, just not shared below that node.
///
/// One deliberate difference from `E::eval`: a select whose condition compares a NaN returns that
/// NaN (E::eval takes the else-arm), so that a kernel's NaN in gives NaN out everywhere.

#include <ctdiff/core/constant.hpp>
#include <ctdiff/core/function.hpp>
#include <ctdiff/core/node.hpp>
#include <ctdiff/core/operators.hpp>
#include <ctdiff/core/select.hpp>
#include <ctdiff/core/variable.hpp>
#include <ctdiff/eval/detail/type_list.hpp>
#include <ctdiff/math/select.hpp>

#include <array>
#include <cstddef>
#include <type_traits>

namespace ctdiff::eval {

namespace detail {

// The operands of each node kind. Leaves and unknown nodes have none.
template <class E>
struct operands {
    using type = type_list<>;
};
template <class A, class B>
struct operands<add<A, B>> {
    using type = type_list<A, B>;
};
template <class A, class B>
struct operands<sub<A, B>> {
    using type = type_list<A, B>;
};
template <class A, class B>
struct operands<mul<A, B>> {
    using type = type_list<A, B>;
};
template <class A, class B>
struct operands<divide<A, B>> {
    using type = type_list<A, B>;
};
template <class A>
struct operands<neg<A>> {
    using type = type_list<A>;
};
template <class A, ratio P>
struct operands<power<A, P>> {
    using type = type_list<A>;
};
template <class F, class A>
struct operands<apply<F, A>> {
    using type = type_list<A>;
};
template <class Op, class L, class R, class A, class B>
struct operands<select_node<comparison<Op, L, R>, A, B>> {
    using type = type_list<L, R, A, B>;
};

// Post-order collection. A node already in the list is skipped whole, so shared subtrees are
// walked once: derivative types repeat large subtrees, and walking them again would be
// exponential in the derivative's order.
template <class L, class E, bool Seen>
struct collect_node;
template <class L, class E>
using collect_t = typename collect_node<L, E, false>::type;

template <class L, class Ops>
struct collect_operands;
template <class L>
struct collect_operands<L, type_list<>> {
    using type = L;
};
template <class L, class O, class... Os>
struct collect_operands<L, type_list<O, Os...>> {
    template <class L2>
    struct seen;
    template <class... Ts>
    struct seen<type_list<Ts...>> : std::bool_constant<contains_v<O, Ts...>> {};
    using type = typename collect_operands<typename collect_node<L, O, seen<L>::value>::type, type_list<Os...>>::type;
};

template <class L, class E>
struct collect_node<L, E, true> {
    using type = L;
};
template <class L, class E>
struct collect_node<L, E, false> {
    using type = push_unique_t<typename collect_operands<L, typename operands<E>::type>::type, E>;
};

template <class L, class... Es>
struct collect_all {
    using type = L;
};
template <class L, class E, class... Es>
struct collect_all<L, E, Es...> {
    using type = typename collect_all<collect_t<L, E>, Es...>::type;
};

// One node's value from its operands' slots.
template <class E>
struct step { // a node kind the engine does not know: evaluated whole
    template <class Nodes, class S, class Env>
    CTDIFF_INLINE static constexpr auto get(const S&, const Env& env) { return E::eval(env); }
};
template <std::size_t I>
struct step<variable<I>> {
    template <class Nodes, class S, class Env>
    CTDIFF_INLINE static constexpr auto get(const S&, const Env& env) { return env.vars[I]; }
};
template <std::size_t I>
struct step<parameter<I>> {
    template <class Nodes, class S, class Env>
    CTDIFF_INLINE static constexpr auto get(const S&, const Env& env) { return env.params[I]; }
};

template <class E, class Nodes>
inline constexpr std::size_t slot_v = index_in<E>(Nodes{});

template <class A, class B>
struct step<add<A, B>> {
    template <class Nodes, class S, class Env>
    CTDIFF_INLINE static constexpr auto get(const S& s, const Env&) { return s[slot_v<A, Nodes>] + s[slot_v<B, Nodes>]; }
};
template <class A, class B>
struct step<sub<A, B>> {
    template <class Nodes, class S, class Env>
    CTDIFF_INLINE static constexpr auto get(const S& s, const Env&) { return s[slot_v<A, Nodes>] - s[slot_v<B, Nodes>]; }
};
template <class A, class B>
struct step<mul<A, B>> {
    template <class Nodes, class S, class Env>
    CTDIFF_INLINE static constexpr auto get(const S& s, const Env&) { return s[slot_v<A, Nodes>] * s[slot_v<B, Nodes>]; }
};
template <class A, class B>
struct step<divide<A, B>> {
    template <class Nodes, class S, class Env>
    CTDIFF_INLINE static constexpr auto get(const S& s, const Env&) { return s[slot_v<A, Nodes>] / s[slot_v<B, Nodes>]; }
};
template <class A>
struct step<neg<A>> {
    template <class Nodes, class S, class Env>
    CTDIFF_INLINE static constexpr auto get(const S& s, const Env&) { return -s[slot_v<A, Nodes>]; }
};
template <class A, ratio P>
struct step<power<A, P>> {
    template <class Nodes, class S, class Env>
    CTDIFF_INLINE static constexpr auto get(const S& s, const Env&) {
        if constexpr (P.is_integer()) {
            return ctdiff::detail::ipow<P.num>(s[slot_v<A, Nodes>]);
        } else {
            return ctdiff::detail::power_evaluator<P>::eval(s[slot_v<A, Nodes>]);
        }
    }
};
template <class F, class A>
struct step<apply<F, A>> {
    template <class Nodes, class S, class Env>
    CTDIFF_INLINE static constexpr auto get(const S& s, const Env&) { return F::eval(s[slot_v<A, Nodes>]); }
};
// Whether a select passes on a NaN of its condition's operands by itself. Every comparison with
// NaN is false, so a NaN condition always takes the else-arm: enough that the else-arm reads every
// variable the condition reads (arithmetic, ctdiff::math functions and guarded selects all turn a
// NaN operand into a NaN result).
template <class... Ns>
consteval bool reads_all_variables_of(type_list<Ns...>, auto arm_nodes) {
    return ([&] {
        if constexpr (is_variable_v<Ns>) {
            return []<class... Ms>(type_list<Ms...>) { return contains_v<Ns, Ms...>; }(arm_nodes);
        } else {
            return true;
        }
    }() && ...);
}
template <class C, class A, class B>
inline constexpr bool arms_carry_nan_v = false;
template <class Op, class L, class R, class A, class B>
inline constexpr bool arms_carry_nan_v<comparison<Op, L, R>, A, B> =
    reads_all_variables_of(typename collect_all<type_list<>, L, R>::type{}, typename collect_all<type_list<>, B>::type{});

template <class Op, class L, class R, class A, class B>
struct step<select_node<comparison<Op, L, R>, A, B>> {
    template <class Nodes, class S, class Env>
    CTDIFF_INLINE static constexpr auto get(const S& s, const Env&) {
        const auto l = s[slot_v<L, Nodes>];
        const auto r = s[slot_v<R, Nodes>];
        // math::select, not `?:`: GCC turns `?:` into a branch and then leaves the loop scalar.
        const auto v = math::select(Op::test(l, r), s[slot_v<A, Nodes>], s[slot_v<B, Nodes>]);
        if constexpr (arms_carry_nan_v<comparison<Op, L, R>, A, B>) {
            return v; // a NaN condition takes the else-arm, which already carries the NaN
        } else {
            // A NaN in the condition is passed on (not the else-arm): NaN in gives NaN out even
            // where the arms are constants (Leaky ReLU′ = select(x > 0, 1, α) at NaN is NaN, not α).
            return math::select(math::is_nan(l), l, math::select(math::is_nan(r), r, v));
        }
    }
};

} // namespace detail

/// The distinct subexpressions of Es..., each once, every node after its operands.
template <class... Es>
using subexpressions_t = typename detail::collect_all<detail::type_list<>, std::remove_cvref_t<Es>...>::type;

/// How many distinct nodes the fused evaluation of Es... computes per element.
template <class... Es>
inline constexpr std::size_t node_count_v = subexpressions_t<Es...>::size;

namespace detail {
template <class F>
struct is_apply_of {
    template <class E>
    struct pred : std::false_type {};
    template <class A>
    struct pred<apply<F, A>> : std::true_type {};
};
} // namespace detail

/// How many distinct applications of the function F (e.g. exp_fn) the fused evaluation of
/// Es... computes per element: `applications_v<exp_fn, …> == 1` is "one exponential".
template <class F, class... Es>
inline constexpr std::size_t applications_v =
    detail::count_if<detail::is_apply_of<F>::template pred>(subexpressions_t<Es...>{});

/// Evaluates the nodes of `Nodes` (a post-order list) at `env`, each once; returns the slots.
template <class Nodes, class Env>
CTDIFF_INLINE constexpr auto evaluate_dag(const Env& env) {
    using T = typename decltype(env.vars)::value_type;
    return [&]<class... Ns>(detail::type_list<Ns...>) __attribute__((always_inline)) {
        std::array<T, sizeof...(Ns)> s{};
        ((s[detail::slot_v<Ns, Nodes>] = static_cast<T>(detail::step<Ns>::template get<Nodes>(s, env))), ...);
        return s;
    }(Nodes{});
}

} // namespace ctdiff::eval

#endif
