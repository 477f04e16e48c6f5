#ifndef CTDIFF_DIFF_DERIVATIVE_HPP
#define CTDIFF_DIFF_DERIVATIVE_HPP

/// \file
/// `d(e, x)`: the derivative of an expression by a variable, as an expression, at compile time.
/// One rule per node kind (below); the results are built with the core's smart constructors, so
/// they come out simplified (no 0·e, 1·e, e + 0; constants folded; like terms collected).
/// Functions differentiate through their tag's `derivative` rule (chain rule).
///
/// Kinks: `select(c, a, b)` differentiates piece by piece; what happens exactly on the boundary
/// is the `kink` convention (default `kink::as_defined`).

#include <ctdiff/core/constant.hpp>
#include <ctdiff/core/function.hpp>
#include <ctdiff/core/node.hpp>
#include <ctdiff/core/operators.hpp>
#include <ctdiff/core/select.hpp>
#include <ctdiff/core/variable.hpp>

#include <cstddef>
#include <type_traits>

namespace ctdiff {

/// The derivative's value exactly at a kink of `select(cond, a, b)` (where cond turns).
enum class kink {
    /// The derivative of the piece the function itself uses there: select(x > 0, x, 0) (ReLU)
    /// has derivative 0 at 0, select(x > 0, x, αx) (Leaky ReLU) has α — what PyTorch,
    /// TensorFlow and JAX use.
    as_defined,
    /// The other piece's derivative: ReLU'(0) = 1, LeakyReLU'(0) = 1.
    other_side,
    /// The mean of the two one-sided derivatives: ReLU'(0) = 1/2 (the subgradient's midpoint).
    average,
};

namespace detail {

template <class E, class V, kink K>
struct d_rule {
    static_assert(dependent_false_v<E>, "ctdiff::d: this node kind has no differentiation rule (is it an Expression "
                                        "of ctdiff's vocabulary, or a user node without one?)");
};

template <class E, class V, kink K>
using d_t = decltype(d_rule<E, V, K>::get());

template <ratio R, class V, kink K>
struct d_rule<constant<R>, V, K> {
    static constexpr auto get() { return zero; }
};
template <class Tag, class V, kink K>
struct d_rule<named_constant<Tag>, V, K> {
    static constexpr auto get() { return zero; }
};
template <std::size_t I, class V, kink K>
struct d_rule<parameter<I>, V, K> {
    static constexpr auto get() { return zero; }
};
// By a run-time parameter: ∂β/∂β = 1, every other parameter and every variable is constant.
template <std::size_t I, std::size_t J, kink K>
struct d_rule<parameter<I>, parameter<J>, K> {
    static constexpr auto get() {
        if constexpr (I == J) {
            return one;
        } else {
            return zero;
        }
    }
};
template <std::size_t I, std::size_t J, kink K>
struct d_rule<variable<I>, parameter<J>, K> {
    static constexpr auto get() { return zero; }
};
template <std::size_t I, std::size_t J, kink K>
struct d_rule<variable<I>, variable<J>, K> {
    static constexpr auto get() {
        if constexpr (I == J) {
            return one;
        } else {
            return zero;
        }
    }
};
template <class A, class B, class V, kink K>
struct d_rule<add<A, B>, V, K> {
    static constexpr auto get() { return d_t<A, V, K>{} + d_t<B, V, K>{}; }
};
template <class A, class B, class V, kink K>
struct d_rule<sub<A, B>, V, K> {
    static constexpr auto get() { return d_t<A, V, K>{} - d_t<B, V, K>{}; }
};
template <class A, class V, kink K>
struct d_rule<neg<A>, V, K> {
    static constexpr auto get() { return -d_t<A, V, K>{}; }
};
template <class A, class B, class V, kink K>
struct d_rule<mul<A, B>, V, K> {
    static constexpr auto get() { return d_t<A, V, K>{} * B{} + A{} * d_t<B, V, K>{}; }
};
template <class A, class B, class V, kink K>
struct d_rule<divide<A, B>, V, K> {
    // (a/b)' = a'/b − a·b'/b²: the quotient rule split so each part simplifies on its own
    // (a constant numerator gives −a·b'/b² directly).
    static constexpr auto get() { return d_t<A, V, K>{} / B{} - A{} * d_t<B, V, K>{} / pow<ratio{2}>(B{}); }
};
template <class A, ratio P, class V, kink K>
struct d_rule<power<A, P>, V, K> {
    static constexpr auto get() { return constant<P>{} * pow<P - ratio{1}>(A{}) * d_t<A, V, K>{}; }
};
template <class F, class A, class V, kink K>
struct d_rule<apply<F, A>, V, K> {
    static constexpr auto get() {
        if constexpr (is_parameter_node_v<V> && requires { typename F::template form<A>; } &&
                      requires { F::definition(A{}); }) {
            // A tag whose value is an expression of its own (form<A>, core/function.hpp) may hold the
            // parameter inside (the catalogue's swish: x·σ(βx) applied to x): by a parameter, its
            // definition is differentiated, not the chain rule through its argument.
            return d_t<std::remove_cvref_t<decltype(F::definition(A{}))>, V, K>{};
        } else {
            return F::derivative(A{}) * d_t<A, V, K>{};
        }
    }
};
// F(u)·F(−u) where F's tag states that product's derivative (`mirror_product_derivative`,
// core/function.hpp): σ′ = σ(u)σ(−u), whose product rule gives σσ̄² − σ²σ̄, a difference that
// cancels near u = 0; the tag's form −σ(u)σ(−u)·tanh(u/2) is a product.
template <class F, class U, class W, class V, kink K>
    requires(std::is_same_v<W, decltype(-U{})> && requires { F::mirror_product_derivative(U{}); })
struct d_rule<mul<apply<F, U>, apply<F, W>>, V, K> {
    static constexpr auto get() { return F::mirror_product_derivative(U{}) * d_t<U, V, K>{}; }
};

// The condition that decides the derivative's piece at the boundary, per convention.
template <class C, kink K>
struct kink_condition {
    using type = C;
};
template <class L, class R>
struct kink_condition<comparison<greater_op, L, R>, kink::other_side> {
    using type = comparison<greater_equal_op, L, R>;
};
template <class L, class R>
struct kink_condition<comparison<greater_equal_op, L, R>, kink::other_side> {
    using type = comparison<greater_op, L, R>;
};
template <class L, class R>
struct kink_condition<comparison<less_op, L, R>, kink::other_side> {
    using type = comparison<less_equal_op, L, R>;
};
template <class L, class R>
struct kink_condition<comparison<less_equal_op, L, R>, kink::other_side> {
    using type = comparison<less_op, L, R>;
};

template <class Op>
struct strict_of {
    using type = Op;
};
template <>
struct strict_of<greater_equal_op> {
    using type = greater_op;
};
template <>
struct strict_of<less_equal_op> {
    using type = less_op;
};
template <class Op>
struct mirror_of;
template <>
struct mirror_of<greater_op> {
    using type = less_op;
};
template <>
struct mirror_of<less_op> {
    using type = greater_op;
};

template <class Op, class L, class R, class A, class B, class V, kink K>
struct d_rule<select_node<comparison<Op, L, R>, A, B>, V, K> {
    static constexpr auto get() {
        using da = d_t<A, V, K>;
        using db = d_t<B, V, K>;
        if constexpr (K == kink::average) {
            // strictly inside each piece its own derivative, on the boundary the mean.
            using strict = typename strict_of<Op>::type;
            using other = typename mirror_of<strict>::type;
            return select(comparison<strict, L, R>{}, da{},
                          select(comparison<other, L, R>{}, db{}, (da{} + db{}) / c<ratio{2}>));
        } else {
            return select(typename kink_condition<comparison<Op, L, R>, K>::type{}, da{}, db{});
        }
    }
};

template <std::size_t N, class E, class V, kink K>
constexpr auto d_n() {
    if constexpr (N == 0) {
        return E{};
    } else {
        return d_n<N - 1, d_t<E, V, K>, V, K>();
    }
}

} // namespace detail

/// The variable a derivative is taken by.
template <class V>
concept Variable = is_variable_v<V>;
/// What a derivative may be taken by: a variable, or a run-time parameter (∂f/∂β, for learnable
/// activations: `d(swish, beta)`).
template <class V>
concept DifferentiationVariable = is_variable_v<V> || is_parameter_node_v<V>;

/// de/dv, v a variable or a run-time parameter. Example: `d(sigmoid(x), x)` is σ(x)·σ(−x);
/// `d(x * sigmoid(beta * x), beta)` is x·σ(βx)·σ(−βx)·x.
template <class E, class V, kink K = kink::as_defined>
constexpr auto d(E, V, std::integral_constant<kink, K> = {}) {
    static_assert(Expression<E>, "ctdiff::d(e, v): e must be a ctdiff expression");
    static_assert(DifferentiationVariable<V>, "ctdiff::d(e, v): v must be a variable (x, y, z or variable<I>) or a "
                                        "run-time parameter (alpha, beta or parameter<I>), not an expression");
    if constexpr (Expression<E> && DifferentiationVariable<V>) {
        return detail::d_t<E, V, K>{};
    } else {
        return zero; // only reached after a static_assert above failed: stops the cascade
    }
}

/// The N-th derivative dᴺe/dvᴺ: `d<2>(e, x)`.
template <std::size_t N, class E, class V, kink K = kink::as_defined>
constexpr auto d(E, V, std::integral_constant<kink, K> = {}) {
    static_assert(Expression<E>, "ctdiff::d<n>(e, v): e must be a ctdiff expression");
    static_assert(DifferentiationVariable<V>, "ctdiff::d<n>(e, v): v must be a variable (x, y, z or variable<I>) or a "
                                        "run-time parameter (alpha, beta or parameter<I>), not an expression");
    if constexpr (Expression<E> && DifferentiationVariable<V>) {
        return detail::d_n<N, E, V, K>();
    } else {
        return zero; // only reached after a static_assert above failed: stops the cascade
    }
}

/// Pass as the last argument of d to choose the derivative's value at kinks: `d(e, x, at_kink<kink::average>)`.
template <kink K>
inline constexpr std::integral_constant<kink, K> at_kink{};

} // namespace ctdiff

#endif
