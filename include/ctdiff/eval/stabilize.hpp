#ifndef CTDIFF_EVAL_STABILIZE_HPP
#define CTDIFF_EVAL_STABILIZE_HPP

/// \file
/// Stable kernel forms for formulas written with raw exponentials, found and proved by the algebra.
///
/// A formula as a user writes it — σ′ = e^{−x}/(1 + e^{−x})², tanh = (eˣ − e^{−x})/(eˣ + e^{−x}) —
/// overflows where the function itself is tame: at x = −1000, e^{1000} = ∞ and ∞/∞ = NaN. Before a
/// kernel is built, each output expression E of x alone whose only function is exp, which has an
/// exponential and divides, is offered to the algebra: `as_polynomial_in(E, σ(kx))`, k the step of
/// the exponents of eˣ in E's normal form (σ′: 1, tanh′: 2). When E ≡ P(σ(kx)) — proved, not
/// sampled — the kernel evaluates instead
///
///     σ(kx)^a · σ(−kx)^b · Q(σ(kx)),     P(s) = s^a (1 − s)^b Q(s),
///
/// with σ's stable kernel form (one exp(−|kx|) for all of them): bounded factors, no ∞/∞, and the
/// factors σ, 1 − σ = σ(−kx) that vanish in the tails are products, not differences, so the tails
/// keep their relative accuracy (σ′ = σ(x)σ(−x), not σ − σ²). Formulas outside that class are kept
/// as written. Compile-time cost: one normal form and one `as_polynomial_in` per eligible output
/// (f, f′, f″ of σ and of tanh written with exp: 3.8 s for the TU against 3.5 s with the named σ, tanh).

#include <ctdiff/algebra/equivalent.hpp>
#include <ctdiff/core/constant.hpp>
#include <ctdiff/core/function.hpp>
#include <ctdiff/core/functions/exp.hpp>
#include <ctdiff/core/functions/sigmoid.hpp>
#include <ctdiff/core/operators.hpp>
#include <ctdiff/core/variable.hpp>
#include <ctdiff/eval/detail/horner.hpp>

#include <array>
#include <cstddef>
#include <type_traits>
#include <utility>

namespace ctdiff::eval {

namespace detail {

// E is built from rational constants, x, + − × ÷, powers and exp only, and divides somewhere.
// (`exps`: E contains an exponential — without one there is nothing to stabilize.)
template <class E>
struct exp_rational : std::false_type {
    static constexpr bool divides = false;
    static constexpr bool exps = false;
};
template <ratio R>
struct exp_rational<constant<R>> : std::true_type {
    static constexpr bool divides = false;
    static constexpr bool exps = false;
};
template <>
struct exp_rational<variable<0>> : std::true_type {
    static constexpr bool divides = false;
    static constexpr bool exps = false;
};
template <class A>
struct exp_rational<apply<exp_fn, A>> : std::bool_constant<exp_rational<A>::value> {
    static constexpr bool divides = exp_rational<A>::divides;
    static constexpr bool exps = true;
};
template <class A>
struct exp_rational<neg<A>> : std::bool_constant<exp_rational<A>::value> {
    static constexpr bool divides = exp_rational<A>::divides;
    static constexpr bool exps = exp_rational<A>::exps;
};
template <class A, ratio P>
struct exp_rational<power<A, P>> : std::bool_constant<exp_rational<A>::value> {
    static constexpr bool divides = exp_rational<A>::divides || P.num < 0;
    static constexpr bool exps = exp_rational<A>::exps;
};
template <class A, class B>
struct exp_rational_binary : std::bool_constant<exp_rational<A>::value && exp_rational<B>::value> {
    static constexpr bool divides = exp_rational<A>::divides || exp_rational<B>::divides;
    static constexpr bool exps = exp_rational<A>::exps || exp_rational<B>::exps;
};
template <class A, class B>
struct exp_rational<add<A, B>> : exp_rational_binary<A, B> {};
template <class A, class B>
struct exp_rational<sub<A, B>> : exp_rational_binary<A, B> {};
template <class A, class B>
struct exp_rational<mul<A, B>> : exp_rational_binary<A, B> {};
template <class A, class B>
struct exp_rational<divide<A, B>> : exp_rational_binary<A, B> {
    static constexpr bool divides = true;
};

/// P(s) = s^a (1 − s)^b Q(s) for P found in σ(kx).
struct sigmoid_form {
    bool found = false;
    ratio k{1};
    int a = 0;
    int b = 0;
    std::size_t q_degree = 0;
    std::array<ratio, 5> q{};
};

template <class E, ratio K>
consteval sigmoid_form sigmoid_form_at() {
    const auto fit = as_polynomial_in(E{}, sigmoid(c<K> * x));
    sigmoid_form r;
    if (!fit.found) {
        return r;
    }
    r.found = true;
    r.k = K;
    std::array<ratio, 5> p = fit.c;
    std::size_t deg = fit.degree;
    while (deg > 0 && p[0].num == 0) { // P = s·P₁
        for (std::size_t i = 0; i < deg; ++i) {
            p[i] = p[i + 1];
        }
        p[deg--] = ratio{0};
        ++r.a;
    }
    for (;;) { // P = (1 − s)·P₁ when P(1) = 0: P₁ = −(P / (s − 1)) by synthetic division
        ratio at_one{0};
        for (std::size_t i = 0; i <= deg; ++i) {
            at_one = at_one + p[i];
        }
        if (deg == 0 || at_one.num != 0) {
            break;
        }
        std::array<ratio, 5> quotient{};
        ratio carry{0};
        for (std::size_t i = deg; i-- > 0;) { // coefficients of P / (s − 1), highest first
            carry = carry + p[i + 1];
            quotient[i] = carry;
        }
        for (std::size_t i = 0; i < deg; ++i) {
            p[i] = -quotient[i];
        }
        p[deg--] = ratio{0};
        ++r.b;
    }
    r.q_degree = deg;
    r.q = p;
    return r;
}

// k from the exponents of e^{x} in E's normal form (σ′: 1, tanh′: 2); one fit, at that k.
template <class E>
inline constexpr ratio exp_step_v = prove_detail::exp_step<E>();

template <class E>
consteval sigmoid_form find_sigmoid_form() {
    if constexpr (exp_step_v<E>.num == 0) {
        return {};
    } else {
        return sigmoid_form_at<E, exp_step_v<E>>();
    }
}

template <class E>
inline constexpr sigmoid_form sigmoid_form_v = find_sigmoid_form<E>();

template <int N, class S>
constexpr auto power_of(S) {
    if constexpr (N == 0) {
        return one;
    } else {
        return pow<ratio{N}>(S{});
    }
}

template <class E, std::size_t... I>
constexpr auto build_sigmoid_form(std::index_sequence<I...>) {
    constexpr sigmoid_form f = sigmoid_form_v<E>;
    constexpr auto s = sigmoid(c<f.k> * x);
    constexpr auto s_bar = sigmoid(-(c<f.k> * x));
    return power_of<f.a>(s) * power_of<f.b>(s_bar) * horner<decltype(s), f.q[I]...>();
}

template <class E>
constexpr auto stabilized() {
    if constexpr (exp_rational<E>::value && exp_rational<E>::divides && exp_rational<E>::exps) {
        if constexpr (sigmoid_form_v<E>.found) {
            return build_sigmoid_form<E>(std::make_index_sequence<sigmoid_form_v<E>.q_degree + 1>{});
        } else {
            return E{};
        }
    } else {
        return E{};
    }
}

} // namespace detail

/// The stable form of E the kernels evaluate (E itself when the algebra finds none; see above).
template <class E>
using stabilized_t = std::remove_cvref_t<decltype(detail::stabilized<std::remove_cvref_t<E>>())>;

} // namespace ctdiff::eval

#endif
