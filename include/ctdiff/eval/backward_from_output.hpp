#ifndef CTDIFF_EVAL_BACKWARD_FROM_OUTPUT_HPP
#define CTDIFF_EVAL_BACKWARD_FROM_OUTPUT_HPP

/// \file
/// Backward from the saved output: dx = dy·P(y) where y = f(x) was kept by the forward pass and
/// f′ = P(f) for a polynomial P with rational coefficients (σ′ = y − y², tanh′ = 1 − y², exp′ = y).
/// It reads y and dy and writes dx — no transcendental function, so it runs at memory speed.
///
///     auto k = ctdiff::backward_from_output(sigmoid(x));   // finds P(y) = y − y² at compile time
///     k(ys, dys, dxs);
///     ctdiff::backward_from_output(tanh(x), ctdiff::polynomial<1, 0, -1>{});  // P given
///
/// `polynomial<c₀, c₁, …>` is P(y) = c₀ + c₁y + c₂y² + …, evaluated in Horner form. Without P,
/// ctdiff finds it: `as_polynomial_in(d(f, x), f)` (ctdiff/algebra) solves for P of degree ≤ 4 by
/// exact linear algebra on the canonical forms and *proves* f′ ≡ P(f). A given P is proved the same
/// way (`compare(d(f, x), P(f))`). Where no P exists (GELU), or P is wrong, the call does not
/// compile, with one sentence.
///
/// Accuracy: only as good as y. In the tails the polynomial form cancels (1 − y² for tanh once
/// y rounds to ±1 gives exactly 0 where sech² is tiny but not 0); that is inherent to computing
/// from y, not an error of the kernel. Use `backward(f)` (from x) when the tails matter.

#include <ctdiff/algebra/equivalent.hpp>
#include <ctdiff/core/constant.hpp>
#include <ctdiff/core/operators.hpp>
#include <ctdiff/core/ratio.hpp>
#include <ctdiff/core/variable.hpp>
#include <ctdiff/diff/derivative.hpp>
#include <ctdiff/eval/detail/horner.hpp>
#include <ctdiff/eval/fused.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <utility>

namespace ctdiff {

/// The polynomial c₀ + c₁y + c₂y² + … with exact rational coefficients.
template <ratio... C>
struct polynomial {
    static constexpr std::array<ratio, sizeof...(C)> coefficients{C...};
    static constexpr std::size_t degree = sizeof...(C) == 0 ? 0 : sizeof...(C) - 1;
};

/// P(y) as an expression of y = V.
template <class V, ratio... C>
constexpr auto evaluate_polynomial(polynomial<C...>, V) {
    static_assert(sizeof...(C) >= 1, "ctdiff::polynomial needs at least one coefficient");
    return eval::detail::horner<V, C...>();
}

/// dx = dy·P(y): inputs (y, dy), output dx. f′ ≡ P(f) is proved at compile time: a wrong P does
/// not compile.
template <Expression F, ratio... C>
constexpr auto backward_from_output(F, polynomial<C...> p) {
    static_assert(fused_kernel<1, F>::parameters == 0,
                  "ctdiff::backward_from_output(f, P): f must not use run-time parameters (P's coefficients are "
                  "exact constants)");
    if constexpr (fused_kernel<1, F>::parameters == 0) {
        using D = decltype(d(F{}, x));
        using PF = decltype(evaluate_polynomial(p, F{}));
        static_assert(!verdict_v<D, PF>.refuted(),
                      "ctdiff::backward_from_output(f, P): f′ is not P(f) — the saved output does not determine "
                      "the derivative through this polynomial (for GELU no polynomial does; use backward(f) from x)");
        static_assert(!verdict_v<D, PF>.undecided(),
                      "ctdiff::backward_from_output(f, P): the algebra cannot prove f′ = P(f) (see "
                      "ctdiff::compare(d(f, x), P(f)).reason); use backward(f) from x");
    }
    return kernel<2>(mul<variable<1>, decltype(evaluate_polynomial(p, x))>{});
}

namespace eval::detail {
template <class F>
inline constexpr prove_detail::polynomial_fit derivative_in_value = as_polynomial_in(d(F{}, x), F{});

template <class F, std::size_t... K>
constexpr auto found_polynomial_type(std::index_sequence<K...>) {
    return polynomial<derivative_in_value<F>.c[K]...>{};
}
} // namespace eval::detail

/// dx = dy·P(y) with P found and proved at compile time: `backward_from_output(sigmoid(x))` is
/// dx = dy·y(1 − y), `backward_from_output(tanh(x))` is dx = dy·(1 − y²) (as_polynomial_in, degree
/// ≤ 4). Where none exists (GELU) this does not compile, with one sentence saying so.
template <Expression F>
constexpr auto backward_from_output(F) {
    static_assert(fused_kernel<1, F>::parameters == 0,
                  "ctdiff::backward_from_output(f): f must not use run-time parameters (P's coefficients are "
                  "exact constants)");
    if constexpr (fused_kernel<1, F>::parameters == 0) {
        constexpr const prove_detail::polynomial_fit& r = eval::detail::derivative_in_value<F>;
        static_assert(r.found, "ctdiff::backward_from_output(f): f′ is no polynomial in f (degree ≤ 4): the saved "
                               "output does not determine the derivative; use backward(f) from x");
        if constexpr (r.found) {
            return backward_from_output(F{}, eval::detail::found_polynomial_type<F>(std::make_index_sequence<r.degree + 1>{}));
        } else {
            return kernel<2>(variable<1>{}); // only reached after the static_assert failed: stops the cascade
        }
    } else {
        return kernel<2>(variable<1>{});
    }
}

} // namespace ctdiff

#endif
