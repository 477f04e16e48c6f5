#ifndef CTDIFF_CORE_OPERATORS_HPP
#define CTDIFF_CORE_OPERATORS_HPP

/// \file
/// The arithmetic nodes (add, sub, mul, divide, neg, power) and the operators that build them.
///
/// The operators are *smart constructors*: they fold constants and apply the identities that keep
/// results readable (0 + e = e, 1·e = e, 0·e = 0, e + e = 2e, c₁e + c₂e = (c₁+c₂)e, e·e = e², eᵖ·eᑫ =
/// eᵖ⁺ᑫ, −(−e) = e, constants to the left of products). They never do anything that needs a proof:
/// equivalence of arbitrary forms is the algebra layer's job (ctdiff/algebra), not theirs.

#include <ctdiff/core/constant.hpp>
#include <ctdiff/core/node.hpp>
#include <ctdiff/core/ratio.hpp>

#include <type_traits>

namespace ctdiff {

template <class A, class B>
struct add : node<add<A, B>> {
    template <class Env>
    static constexpr auto eval(const Env& env) { return A::eval(env) + B::eval(env); }
};
template <class A, class B>
struct sub : node<sub<A, B>> {
    template <class Env>
    static constexpr auto eval(const Env& env) { return A::eval(env) - B::eval(env); }
};
template <class A, class B>
struct mul : node<mul<A, B>> {
    template <class Env>
    static constexpr auto eval(const Env& env) { return A::eval(env) * B::eval(env); }
};
template <class A, class B>
struct divide : node<divide<A, B>> {
    template <class Env>
    static constexpr auto eval(const Env& env) { return A::eval(env) / B::eval(env); }
};
template <class A>
struct neg : node<neg<A>> {
    template <class Env>
    static constexpr auto eval(const Env& env) { return -A::eval(env); }
};

namespace detail {
// Integer powers by repeated multiplication (exact for small exponents, vectorizes); rational
// powers through the function layer (sqrt), see core/functions/power_eval.hpp.
template <std::int64_t N, class T>
CTDIFF_INLINE constexpr T ipow(T v) {
    if constexpr (N < 0) {
        return T(1) / ipow<-N>(v);
    } else if constexpr (N == 0) {
        return T(1);
    } else if constexpr (N == 1) {
        return v;
    } else {
        const T h = ipow<N / 2>(v);
        if constexpr (N % 2 == 0) {
            return h * h;
        } else {
            return h * h * v;
        }
    }
}
template <ratio P>
struct power_evaluator; // defined for non-integer P by the function layer
} // namespace detail

/// A raised to the exact rational power P (sqrt(u) is power<u, ratio{1,2}>).
template <class A, ratio P>
struct power : node<power<A, P>> {
    static constexpr ratio exponent = P;
    template <class Env>
    static constexpr auto eval(const Env& env) {
        if constexpr (P.is_integer()) {
            return detail::ipow<P.num>(A::eval(env));
        } else {
            return detail::power_evaluator<P>::eval(A::eval(env));
        }
    }
};
namespace detail {
template <class A, ratio P> // a non-integer power is computed through √ or exp/log
struct has_function<power<A, P>> : std::bool_constant<!P.is_integer() || has_function<A>::value> {};
} // namespace detail

// ---------------------------------------------------------------------------------------------
// Smart constructors.
// ---------------------------------------------------------------------------------------------
namespace detail {

template <class E>
inline constexpr bool is_zero_v = false;
template <>
inline constexpr bool is_zero_v<constant<ratio{0}>> = true;
template <class E>
inline constexpr bool is_one_v = false;
template <>
inline constexpr bool is_one_v<constant<ratio{1}>> = true;

// A term as coefficient × rest, so that like terms can be collected: c·X ↦ (c, X), X ↦ (1, X).
template <class E>
struct split_coefficient {
    static constexpr ratio coef{1};
    using rest = E;
};
template <ratio C, class X>
struct split_coefficient<mul<constant<C>, X>> {
    static constexpr ratio coef = C;
    using rest = X;
};
template <class X>
struct split_coefficient<neg<X>> {
    static constexpr ratio coef = -split_coefficient<X>::coef;
    using rest = typename split_coefficient<X>::rest;
};

// A factor as base ^ exponent, so that powers can be collected: Xᵖ ↦ (X, p), X ↦ (X, 1).
template <class E>
struct split_power {
    using base = E;
    static constexpr ratio exp{1};
};
template <class X, ratio P>
struct split_power<power<X, P>> {
    using base = X;
    static constexpr ratio exp = P;
};

// Traits on constants that are false (not ill-formed) for other nodes: `if constexpr (a && b)`
// would still instantiate b.
template <class E>
inline constexpr bool is_negative_constant_v = false;
template <ratio R>
inline constexpr bool is_negative_constant_v<constant<R>> = R.num < 0;
template <class E>
inline constexpr bool is_zero_constant_v = false;
template <ratio R>
inline constexpr bool is_zero_constant_v<constant<R>> = R.num == 0;

template <class E>
inline constexpr bool is_neg_v = false;
template <class X>
inline constexpr bool is_neg_v<neg<X>> = true;
template <class E>
struct unneg;
template <class X>
struct unneg<neg<X>> {
    using type = X;
};

template <class A, class B>
constexpr auto make_mul(A, B);
template <class A>
constexpr auto make_neg(A);

template <class X, ratio C>
constexpr auto scaled() { // C · X, simplified
    if constexpr (C == ratio{0}) {
        return constant<ratio{0}>{};
    } else if constexpr (C == ratio{1}) {
        return X{};
    } else if constexpr (C == ratio{-1}) {
        return make_neg(X{});
    } else if constexpr (is_constant_v<X>) {
        return constant<C * X::value>{};
    } else {
        return mul<constant<C>, X>{};
    }
}

template <class A, class B>
constexpr auto make_add(A, B);
template <class A, class B>
constexpr auto make_sub(A, B);

template <class A>
constexpr auto make_neg(A) {
    if constexpr (is_constant_v<A>) {
        return constant<-A::value>{};
    } else if constexpr (is_neg_v<A>) {
        return typename unneg<A>::type{};
    } else if constexpr (!std::is_same_v<typename split_coefficient<A>::rest, A>) {
        return scaled<typename split_coefficient<A>::rest, -split_coefficient<A>::coef>();
    } else {
        return neg<A>{};
    }
}

template <class A, class B>
constexpr auto make_add(A, B) {
    using sa = split_coefficient<A>;
    using sb = split_coefficient<B>;
    if constexpr (is_constant_v<A> && is_constant_v<B>) {
        return constant<A::value + B::value>{};
    } else if constexpr (is_zero_v<A>) {
        return B{};
    } else if constexpr (is_zero_v<B>) {
        return A{};
    } else if constexpr (std::is_same_v<typename sa::rest, typename sb::rest>) {
        return scaled<typename sa::rest, sa::coef + sb::coef>(); // like terms
    } else if constexpr (is_neg_v<B>) {
        return make_sub(A{}, typename unneg<B>::type{});
    } else if constexpr (is_negative_constant_v<B>) {
        return sub<A, decltype(make_neg(B{}))>{};
    } else if constexpr (is_neg_v<A>) {
        return make_sub(B{}, typename unneg<A>::type{});
    } else {
        return add<A, B>{};
    }
}

template <class A, class B>
constexpr auto make_sub(A, B) {
    using sa = split_coefficient<A>;
    using sb = split_coefficient<B>;
    if constexpr (is_constant_v<A> && is_constant_v<B>) {
        return constant<A::value - B::value>{};
    } else if constexpr (is_zero_v<B>) {
        return A{};
    } else if constexpr (is_zero_v<A>) {
        return make_neg(B{});
    } else if constexpr (std::is_same_v<typename sa::rest, typename sb::rest>) {
        return scaled<typename sa::rest, sa::coef - sb::coef>(); // like terms
    } else if constexpr (is_neg_v<B>) {
        return make_add(A{}, typename unneg<B>::type{});
    } else {
        return sub<A, B>{};
    }
}

template <class X, std::int64_t N>
constexpr auto constant_pow() {
    return constant<pow(X::value, N)>{};
}

template <class X, ratio P>
constexpr auto make_pow_impl() {
    if constexpr (P == ratio{0}) {
        return constant<ratio{1}>{};
    } else if constexpr (P == ratio{1}) {
        return X{};
    } else if constexpr (is_constant_v<X> && P.is_integer() && !(is_zero_constant_v<X> && P.num < 0)) {
        return constant_pow<X, P.num>();
    } else if constexpr (!std::is_same_v<typename split_power<X>::base, X> && P.is_integer()) {
        // (Xᵖ)ⁿ = Xᵖⁿ for integer n (not for rational n: (x²)^½ = |x|).
        return make_pow_impl<typename split_power<X>::base, split_power<X>::exp * P>();
    } else {
        return power<X, P>{};
    }
}

template <class A, class B>
constexpr auto make_mul(A, B) {
    using pa = split_power<A>;
    using pb = split_power<B>;
    if constexpr (is_constant_v<A> && is_constant_v<B>) {
        return constant<A::value * B::value>{};
    } else if constexpr (is_zero_v<A> || is_zero_v<B>) {
        return constant<ratio{0}>{};
    } else if constexpr (is_one_v<A>) {
        return B{};
    } else if constexpr (is_one_v<B>) {
        return A{};
    } else if constexpr (is_constant_v<B>) {
        return make_mul(B{}, A{}); // constants to the left
    } else if constexpr (is_constant_v<A>) {
        using sb = split_coefficient<B>;
        return scaled<typename sb::rest, A::value * sb::coef>();
    } else if constexpr (is_neg_v<A>) {
        return make_neg(make_mul(typename unneg<A>::type{}, B{}));
    } else if constexpr (is_neg_v<B>) {
        return make_neg(make_mul(A{}, typename unneg<B>::type{}));
    } else if constexpr (!std::is_same_v<typename split_coefficient<A>::rest, A>) {
        using sa = split_coefficient<A>; // (cX)·B = c(X·B)
        return scaled<decltype(make_mul(typename sa::rest{}, B{})), sa::coef>();
    } else if constexpr (!std::is_same_v<typename split_coefficient<B>::rest, B>) {
        using sb = split_coefficient<B>;
        return scaled<decltype(make_mul(A{}, typename sb::rest{})), sb::coef>();
    } else if constexpr (std::is_same_v<typename pa::base, typename pb::base>) {
        return make_pow_impl<typename pa::base, pa::exp + pb::exp>(); // like factors
    } else {
        return mul<A, B>{};
    }
}

template <class A, class B>
constexpr auto make_div(A, B) {
    using pa = split_power<A>;
    using pb = split_power<B>;
    static_assert(!is_zero_v<B>, "ctdiff: division by the constant 0");
    if constexpr (is_zero_v<B>) {
        return A{}; // only reached after the static_assert above failed: stops the cascade
    } else if constexpr (is_constant_v<A> && is_constant_v<B>) {
        return constant<A::value / B::value>{};
    } else if constexpr (is_zero_v<A>) {
        return constant<ratio{0}>{};
    } else if constexpr (is_constant_v<B>) {
        return make_mul(constant<ratio{1} / B::value>{}, A{});
    } else if constexpr (is_neg_v<A>) {
        return make_neg(make_div(typename unneg<A>::type{}, B{}));
    } else if constexpr (is_neg_v<B>) {
        return make_neg(make_div(A{}, typename unneg<B>::type{}));
    } else if constexpr (!std::is_same_v<typename split_coefficient<A>::rest, A>) {
        using sa = split_coefficient<A>; // (cX)/B = c(X/B)
        return scaled<decltype(make_div(typename sa::rest{}, B{})), sa::coef>();
    } else if constexpr (std::is_same_v<typename pa::base, typename pb::base>) {
        return make_pow_impl<typename pa::base, pa::exp - pb::exp>(); // like factors
    } else {
        return divide<A, B>{};
    }
}

template <class T>
inline constexpr bool dependent_false_v = false;

} // namespace detail

// ---------------------------------------------------------------------------------------------
// Operators on expressions. A plain number is a run-time value and cannot be part of a
// compile-time formula: those overloads are deleted with a message saying what to write instead.
// ---------------------------------------------------------------------------------------------
template <Expression A, Expression B>
constexpr auto operator+(A, B) { return detail::make_add(A{}, B{}); }
template <Expression A, Expression B>
constexpr auto operator-(A, B) { return detail::make_sub(A{}, B{}); }
template <Expression A, Expression B>
constexpr auto operator*(A, B) { return detail::make_mul(A{}, B{}); }
template <Expression A, Expression B>
constexpr auto operator/(A, B) { return detail::make_div(A{}, B{}); }
template <Expression A>
constexpr auto operator-(A) { return detail::make_neg(A{}); }
template <Expression A>
constexpr A operator+(A) { return {}; }

namespace detail {
template <class N>
concept plain_number = std::is_arithmetic_v<N>;
template <class N>
constexpr bool reject_plain_number() {
    static_assert(dependent_false_v<N>, "ctdiff: a plain number is a run-time value and cannot be part of a "
                                        "compile-time formula; write 1_c, 2_c / 3_c or c<ratio{1,2}> instead");
    return false;
}
} // namespace detail

template <Expression A, detail::plain_number N>
constexpr auto operator+(A, N) { return detail::reject_plain_number<N>(); }
template <Expression A, detail::plain_number N>
constexpr auto operator+(N, A) { return detail::reject_plain_number<N>(); }
template <Expression A, detail::plain_number N>
constexpr auto operator-(A, N) { return detail::reject_plain_number<N>(); }
template <Expression A, detail::plain_number N>
constexpr auto operator-(N, A) { return detail::reject_plain_number<N>(); }
template <Expression A, detail::plain_number N>
constexpr auto operator*(A, N) { return detail::reject_plain_number<N>(); }
template <Expression A, detail::plain_number N>
constexpr auto operator*(N, A) { return detail::reject_plain_number<N>(); }
template <Expression A, detail::plain_number N>
constexpr auto operator/(A, N) { return detail::reject_plain_number<N>(); }
template <Expression A, detail::plain_number N>
constexpr auto operator/(N, A) { return detail::reject_plain_number<N>(); }

/// A raised to the exact rational power P: `pow<2>(x)`, `pow<ratio{1,2}>(x)`.
template <ratio P, Expression A>
constexpr auto pow(A) { return detail::make_pow_impl<A, P>(); }

/// √a, as a power with exponent 1/2 (so the algebra sees (√a)² = a).
template <Expression A>
constexpr auto sqrt(A) { return detail::make_pow_impl<A, ratio{1, 2}>(); }

} // namespace ctdiff

// Non-integer powers evaluate through math::sqrt/exp/log (kept apart: those headers are heavier).
#include <ctdiff/core/functions/power.hpp>

#endif
