#ifndef CTDIFF_EVAL_LOWER_HPP
#define CTDIFF_EVAL_LOWER_HPP

/// \file
/// Kernel forms: before the common-subexpression elimination, each function application may be
/// rewritten into primitives that other outputs share. The derivative rules keep named functions
/// (σ′ = σ(u)·σ(−u), readable and stable), but σ(u) and σ(−u) are two exponentials if evaluated as
/// written; their kernel forms share one:
///
///   e = exp(−|u|),  r = 1/(1 + e),  σ(u) = (u ≥ 0 ? 1 : e)·r,  σ(−u) = (u < 0 ? 1 : e)·r,
///   σ(u)·σ(−u) = (e·r)·r,  tanh(u/2) = −expm1(−|u|)·r with u's sign,
///   softplus(u) = max(u, 0) + log1p(e)
///
/// so f, f′, f″ of σ, SiLU or softplus cost one exp per element (see tests/static/eval). Every
/// form is branch-free (both sides computed, one selected) and as stable as the named function:
/// e ∈ [0, 1] never overflows, 1 + e never cancels. Error: σ's kernel form is within 3 ULP of the
/// exact value (exp ≤ 1 ULP, then one addition, one division and at most one product).
///
/// A kernel lowers its outputs twice. The first pass (`lowered_t`, each output alone) gives the
/// shared forms above. The second (`kernel_form_in_t<E, Es...>`, what fused_kernel computes) sees
/// the first pass's nodes of the whole kernel, and replaces F(a)'s shared form by the tag's `solo`
/// form where no other node reads the form's interior: σ alone (a forward pass of σ or SiLU) is then
/// one node, which the fast mode computes as one division of 2^64-scaled operands (two vector
/// operations fewer than (u ≥ 0 ? 1 : e)·r), and every other mode as that very composition. A
/// pass (detail::saturation_rule) drops select(t > c, X, X·σ(t)) for c ≥ 64, where the product
/// already gives X: SiLU's and Swish's guard at +∞; the last (detail::x_sigmoid_rule) makes
/// X·σ(X) one node where σ(X) is one (SiLU's forward: the fast mode computes it without a
/// subnormal intermediate).
///
/// Extension point: specialize `kernel_form<F>` for a function tag F with a member template
/// `of<A>` naming the replacement of `apply<F, A>` (A is already lowered), and optionally
/// `mirror_product<A>`, the replacement of the product F(a)·F(−a) (the kernels' counterpart of the
/// tag's `mirror_product_derivative`, core/function.hpp), and `solo<A>`, its replacement where
/// nothing else in the kernel reads the nodes inside `of<A>` (the same value, computed whole).
/// Unspecialized tags are kept as they are.

#include <ctdiff/core/constant.hpp>
#include <ctdiff/core/function.hpp>
#include <ctdiff/core/functions/abs.hpp>
#include <ctdiff/core/functions/exp.hpp>
#include <ctdiff/core/functions/hyperbolic.hpp>
#include <ctdiff/core/functions/log.hpp>
#include <ctdiff/core/functions/sigmoid.hpp>
#include <ctdiff/core/functions/softplus.hpp>
#include <ctdiff/core/operators.hpp>
#include <ctdiff/core/rewrite.hpp>
#include <ctdiff/core/select.hpp>
#include <ctdiff/core/node.hpp>
#include <ctdiff/core/variable.hpp>
#include <ctdiff/eval/dag.hpp>
#include <ctdiff/eval/detail/type_list.hpp>

#include <string_view>
#include <type_traits>

namespace ctdiff::eval {

namespace detail {
template <class F, class A>
struct default_kernel_form {
    using type = apply<F, A>;
};
template <class F, class A>
    requires requires { typename F::template form<A>; }
struct default_kernel_form<F, A>; // defined below, after lower_t
} // namespace detail

/// The kernel form of `apply<F, A>`; the default keeps the application, or, for a tag with a
/// `form<A>` (core/function.hpp), lowers that form in its place.
template <class F>
struct kernel_form {
    template <class A>
    using of = typename detail::default_kernel_form<F, A>::type;
    using default_form = void; // marks the primary template (detail::form_in)
};

namespace detail {
// The kernels' rewriting rule: each application to its tag's kernel form. Ctx is void in the first
// pass (lowered_t: one expression alone); in the second (kernel_form_in_t) it is the node list of
// the whole kernel's first pass, against which a tag's `solo` form is chosen (choose_form, below).
template <class Ctx>
struct kernel_rule_in;
template <class E, class Ctx = void>
using lower_t = rewrite_t<E, kernel_rule_in<Ctx>>;

template <class F, class A>
    requires requires { typename F::template form<A>; }
struct default_kernel_form<F, A> {
    using type = lower_t<typename F::template form<A>>;
};

// u = ±b with b not a negation: the pieces σ(b) and σ(−b) share.
template <class A>
struct sign_split {
    using base = A;
    static constexpr bool negated = false;
};
template <class A>
struct sign_split<neg<A>> {
    using base = A;
    static constexpr bool negated = true;
};

/// A node of the kernel forms that stands for a composition of other nodes: `Node::exact(u)`
/// computes that composition exactly as its nodes would, in every type but the fast mode's float
/// (math::fast_float), where `Node::fast(u)` lets the fast core compute it from parts it shares
/// with the nodes around it (math/detail/fast_core.hpp).
template <class Node>
struct fast_form_node {
    static constexpr bool vectorized = true; // eval also takes math::fast_vec (the kernels' SIMD loop)
    template <class T>
    CTDIFF_INLINE static constexpr T eval(T u) {
        if constexpr (std::is_same_v<T, math::fast_float> || math::detail::fast_lanes<T>) {
            return Node::fast(u);
        } else {
            return Node::exact(u);
        }
    }
};

/// e^{−|u|}: exp(−|u|); in the fast mode the fast core needs fewer operations for an argument known
/// to be ≤ 0 (exp_neg_abs: the same bits).
struct exp_neg_abs_fn : fast_form_node<exp_neg_abs_fn> {
    static constexpr std::string_view name = "exp_neg_abs";
    static constexpr std::string_view latex = "\\operatorname{exp\\_neg\\_abs}";
    template <class F>
    CTDIFF_INLINE static constexpr F fast(F u) { return math::exp_neg_abs(u); }
    template <class T>
    CTDIFF_INLINE static constexpr T exact(T u) {
        return exp_fn::eval(-abs_fn::eval(u));
    }
};

/// tanh(u/2) (σ″ = −σ(u)σ(−u)·tanh(u/2)): tanh(1/2·u); in the fast mode −expm1(−|u|)/(1 + e) from
/// σ's own e = e^{−|u|} and 1/(1 + e) (tanh_half), which the compiler then evaluates once for both.
struct tanh_half_fn : fast_form_node<tanh_half_fn> {
    static constexpr std::string_view name = "tanh_half";
    static constexpr std::string_view latex = "\\operatorname{tanh\\_half}";
    template <class F>
    CTDIFF_INLINE static constexpr F fast(F u) { return math::tanh_half(u); }
    template <class T>
    CTDIFF_INLINE static constexpr T exact(T u) {
        return tanh_fn::eval(T(0.5) * u);
    }
};

template <class B>
struct exp_minus_abs { // e = exp(−|b|) ∈ [0, 1], r = 1/(1 + e)
    using e = apply<exp_neg_abs_fn, B>;
    using r = divide<constant<ratio{1}>, add<constant<ratio{1}>, e>>;
    using nonneg = comparison<greater_equal_op, B, constant<ratio{0}>>;
    using negative = comparison<less_op, B, constant<ratio{0}>>;
    // σ(b) = r for b ≥ 0, e·r below; σ(−b) the other way round. Written as a select of 1 or e,
    // times r: the same bits (1·r is r), but the select then picks a constant or e, which GCC 12
    // emits as one masked move, where a select between r and e·r costs three more vector
    // operations with AVX-512 (fast σ forward 3.2 → 3.7 G/s back to back). σ(−b) tests b < 0
    // rather than taking 1 in the else-arm: the else-arm e carries a NaN b (dag.hpp), so the
    // select needs no NaN guard, and ±0 takes e·r = 1/2 either way.
    using sigma = mul<select_node<nonneg, constant<ratio{1}>, e>, r>;
    using sigma_neg = mul<select_node<negative, constant<ratio{1}>, e>, r>;
};

/// σ(u) as one node, where nothing else in the kernel uses the parts of σ's kernel form (e and r:
/// a forward pass of σ or SiLU). In the fast mode σ is then one division of 2^64-scaled operands
/// (math::sigmoid: (u < 0 ? E : 2^64)/(E + 2^64), E = 2^64·e^{−|u|}), two vector operations
/// fewer than (u ≥ 0 ? 1 : e)·r: no 2^-64·E, no product (fast σ forward 4.14 → 4.67 G/s). In
/// every other mode it evaluates σ's shared form itself (the same nodes, so the same bits).
struct sigmoid_solo_fn : fast_form_node<sigmoid_solo_fn> {
    static constexpr std::string_view name = "sigmoid_solo";
    static constexpr std::string_view latex = "\\operatorname{sigmoid\\_solo}";
    template <class F>
    CTDIFF_INLINE static constexpr F fast(F u) { return math::sigmoid(u); }
    // The shared form of σ(x) itself, evaluated at x = u through the kernels' own steps.
    using shared = exp_minus_abs<variable<0>>::sigma;
    template <class T>
    CTDIFF_INLINE static constexpr T exact(T u) {
        using nodes = subexpressions_t<shared>;
        return evaluate_dag<nodes>(environment<T, 1>{{u}, {}})[slot_v<shared, nodes>];
    }
};

} // namespace detail

template <>
struct kernel_form<sigmoid_fn> {
    template <class A>
    struct make {
        using s = detail::sign_split<A>;
        using p = detail::exp_minus_abs<typename s::base>;
        using type = std::conditional_t<s::negated, typename p::sigma_neg, typename p::sigma>;
    };
    template <class A>
    using of = typename make<A>::type;
    // σ(a)·σ(−a) (σ′, and a factor of σ″) = e/(1 + e)² for either sign of a: (e·r)·r, no select.
    // The same bits as the product of the two forms above, r·(e·r) for a ≥ 0 and (e·r)·r below;
    // three vector operations fewer (two selects and a compare).
    template <class A>
    struct make_mirror_product {
        using p = detail::exp_minus_abs<typename detail::sign_split<A>::base>;
        using type = mul<mul<typename p::e, typename p::r>, typename p::r>;
    };
    template <class A>
    using mirror_product = typename make_mirror_product<A>::type;
    // σ(a) where nothing else in the kernel reads e or r (kernel_form_in_t).
    template <class A>
    using solo = apply<detail::sigmoid_solo_fn, A>;
};

template <>
struct kernel_form<softplus_fn> {
    // softplus(u) = max(u, 0) + log1p(exp(−|u|)): the exp is σ's.
    template <class A>
    struct make {
        using s = detail::sign_split<A>;
        using p = detail::exp_minus_abs<typename s::base>;
        using pos = select_node<comparison<greater_op, A, constant<ratio{0}>>, A, constant<ratio{0}>>;
        using type = add<pos, apply<log1p_fn, typename p::e>>;
    };
    template <class A>
    using of = typename make<A>::type;
};

template <>
struct kernel_form<tanh_fn> {
    // tanh(1/2·u), σ″'s factor, from σ's parts of u; any other argument: tanh itself.
    template <class A>
    struct make {
        using type = detail::default_kernel_form<tanh_fn, A>::type;
    };
    template <class B>
    struct make<mul<constant<ratio{1, 2}>, B>> {
        using type = apply<detail::tanh_half_fn, B>;
    };
    template <class A>
    using of = typename make<A>::type;
};

/// The kernel form of E: every application replaced by its tag's kernel form.
template <class E>
using lowered_t = detail::lower_t<std::remove_cvref_t<E>>;

namespace detail {
// L·R = F(a)·F(−a) in either order: its tag's mirror_product form where it has one, else the
// product of the factors' forms (what rewrite does with any product). A void_t test, not a
// requires-expression: GCC 12 does not see a member alias template through one.
template <class F, class A, class L, class R, class Ctx, class = void>
struct mirror_product_rewrite {
    using type = mul<lower_t<L, Ctx>, lower_t<R, Ctx>>;
};
template <class F, class A, class L, class R, class Ctx>
struct mirror_product_rewrite<F, A, L, R, Ctx, std::void_t<typename kernel_form<F>::template mirror_product<lower_t<A, Ctx>>>> {
    using type = typename kernel_form<F>::template mirror_product<lower_t<A, Ctx>>;
};

template <class T, class L>
inline constexpr bool listed_v = false;
template <class T, class... Ts>
inline constexpr bool listed_v<T, type_list<Ts...>> = contains_v<T, Ts...>;

// Whether a node of Nodes outside Form (the kernel form of F(a)) reads one of Form's interior
// nodes, those between Form and its argument A (σ's e and r; leaves — constants — cost nothing and
// do not count): then they are shared, and Form stays. A heuristic on the first pass's nodes:
// either choice is the same function, with the same bits in every mode but the fast one.
template <class Form, class A, class... Os>
consteval bool reads_interior(type_list<Os...>) {
    using inner = subexpressions_t<Form>;
    using arg = subexpressions_t<A>;
    return ((operands<Os>::type::size != 0 && listed_v<Os, inner> && !listed_v<Os, arg> && !std::is_same_v<Os, Form>) || ... ||
            false);
}
template <class Form, class A, class... Ns>
consteval bool interior_shared(type_list<Ns...>) {
    using inner = subexpressions_t<Form>;
    return ([] {
        if constexpr (listed_v<Ns, inner>) {
            return false;
        } else {
            return reads_interior<Form, A>(typename operands<Ns>::type{});
        }
    }() || ...);
}

// kernel_form<F>::of<A>; for a tag lowered through its own form<A> (the default kernel form), that
// form lowered in the same context, so that a σ inside it (SiLU's x·σ(x)) may take its solo form.
template <class F, class A, class Ctx, class = void>
struct form_in {
    using type = typename kernel_form<F>::template of<A>;
};
template <class F, class A, class Ctx>
struct form_in<F, A, Ctx, std::void_t<typename kernel_form<F>::default_form, typename F::template form<A>>> {
    using type = lower_t<typename F::template form<A>, Ctx>;
};

// F(A)'s form: form_in, or the tag's `solo<A>` where it has one and the kernel's other nodes (Ctx)
// read none of the interior of its shared form of<A>.
template <class F, class A, class Ctx, class = void>
struct choose_form {
    using type = typename form_in<F, A, Ctx>::type;
};
template <class F, class A, class Ctx>
    requires(!std::is_void_v<Ctx>)
struct choose_form<F, A, Ctx, std::void_t<typename kernel_form<F>::template solo<A>>> {
    using shared = typename kernel_form<F>::template of<A>;
    using type = std::conditional_t<interior_shared<shared, A>(Ctx{}), shared, typename kernel_form<F>::template solo<A>>;
};

template <class Ctx>
struct kernel_rule_in {
    template <class F, class A>
    using on_apply = typename choose_form<F, A, Ctx>::type;
};
} // namespace detail

namespace detail {
/// x·σ(x) as one node, where σ(x) is already one node (σ's solo form: SiLU's forward). In the
/// fast mode the fast core computes it without rounding a subnormal σ(x) before the product
/// (math::x_sigmoid: ~2 ULP, where the product of the two nodes is ~50 ULP off near x = −100); in
/// every other mode it is that very product (the same bits).
struct x_sigmoid_solo_fn : fast_form_node<x_sigmoid_solo_fn> {
    static constexpr std::string_view name = "x_sigmoid_solo";
    static constexpr std::string_view latex = "\\operatorname{x\\_sigmoid\\_solo}";
    template <class F>
    CTDIFF_INLINE static constexpr F fast(F u) { return math::x_sigmoid(u); }
    template <class T>
    CTDIFF_INLINE static constexpr T exact(T u) {
        return u * sigmoid_solo_fn::exact(u);
    }
};

// Whether S is a kernel form of σ(T), shared or solo.
template <class S, class T>
inline constexpr bool is_sigma_form_v =
    std::is_same_v<S, apply<sigmoid_solo_fn, T>> || std::is_same_v<S, typename kernel_form<sigmoid_fn>::template of<T>>;

// The last pass over a kernel form: select(t > c, X, X·σ(t)) → X·σ(t) for c ≥ 64 (σ(t) is exactly
// 1 for every t > 38 in every evaluation type, at t = +∞ too, and X·1 is X for any X, ±∞ and NaN
// included), so the select only repeated what the product gives: the same bits, two compares, a
// masked move and an or fewer with GCC 12. It is SiLU's and Swish's guard at +∞ in f
// (activations/detail/tails.hpp: the limit x beyond t = 1024); the guard at −∞ stays (−∞·0).
struct saturation_rule {
    template <class F, class A>
    using on_apply = apply<F, A>;
};

// After it: X·σ(X), with σ(X) in its solo form, → x_sigmoid_solo(X) (either order of the factors).
struct x_sigmoid_rule {
    template <class F, class A>
    using on_apply = apply<F, A>;
};
} // namespace detail

/// The kernel form of E in a kernel that computes Es... (E among them): lowered_t<E>, except that
/// an application whose tag has a `solo` form takes it where no other node of the kernel reads the
/// parts of its shared form (σ alone: one node, kernel_form<sigmoid_fn>), and that a guard which
/// repeats what the formula gives is dropped (detail::saturation_rule).
template <class E, class... Es>
using kernel_form_in_t = rewrite_t<
    rewrite_t<detail::lower_t<std::remove_cvref_t<E>, subexpressions_t<lowered_t<Es>...>>, detail::saturation_rule>,
    detail::x_sigmoid_rule>;

} // namespace ctdiff::eval

template <class T, ctdiff::ratio C, class X, class S>
    requires(ctdiff::eval::detail::is_sigma_form_v<S, T> && !(C < ctdiff::ratio{64}))
struct ctdiff::rewrite<ctdiff::select_node<ctdiff::comparison<ctdiff::greater_op, T, ctdiff::constant<C>>, X, ctdiff::mul<X, S>>,
                       ctdiff::eval::detail::saturation_rule> {
    using type = ctdiff::rewrite_t<ctdiff::mul<X, S>, ctdiff::eval::detail::saturation_rule>;
};

template <class F, class A, class Ctx>
struct ctdiff::rewrite<ctdiff::mul<ctdiff::apply<F, A>, ctdiff::apply<F, ctdiff::neg<A>>>, ctdiff::eval::detail::kernel_rule_in<Ctx>>
    : ctdiff::eval::detail::mirror_product_rewrite<F, A, ctdiff::apply<F, A>, ctdiff::apply<F, ctdiff::neg<A>>, Ctx> {};
template <class F, class A, class Ctx>
struct ctdiff::rewrite<ctdiff::mul<ctdiff::apply<F, ctdiff::neg<A>>, ctdiff::apply<F, A>>, ctdiff::eval::detail::kernel_rule_in<Ctx>>
    : ctdiff::eval::detail::mirror_product_rewrite<F, A, ctdiff::apply<F, ctdiff::neg<A>>, ctdiff::apply<F, A>, Ctx> {};

template <class X>
struct ctdiff::rewrite<ctdiff::mul<X, ctdiff::apply<ctdiff::eval::detail::sigmoid_solo_fn, X>>, ctdiff::eval::detail::x_sigmoid_rule> {
    using type = ctdiff::apply<ctdiff::eval::detail::x_sigmoid_solo_fn, X>;
};
template <class X>
struct ctdiff::rewrite<ctdiff::mul<ctdiff::apply<ctdiff::eval::detail::sigmoid_solo_fn, X>, X>, ctdiff::eval::detail::x_sigmoid_rule> {
    using type = ctdiff::apply<ctdiff::eval::detail::x_sigmoid_solo_fn, X>;
};

#endif
