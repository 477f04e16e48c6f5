#ifndef CTDIFF_EVAL_BACKWARD_FROM_OUTPUT_HPP
#define CTDIFF_EVAL_BACKWARD_FROM_OUTPUT_HPP

/// \file
/// Backward from the saved output: dx = dy·P(y) where y = f(x) was kept by the forward pass and
/// f′ = P(f) for a polynomial P with rational coefficients (σ′ = y − y², tanh′ = 1 − y², exp′ = y).
/// It reads y and dy and writes dx — no transcendental function, so it runs at memory speed.
///
///     auto k = ctdiff::backward_from_output(sigmoid(x), ctdiff::polynomial<0, 1, -1>{});
///     k(ys, dys, dxs);
///
/// `polynomial<c₀, c₁, …>` is P(y) = c₀ + c₁y + c₂y² + …, evaluated in Horner form. The caller
/// vouches for f′ = P(f) here; where ctdiff/algebra provides `as_polynomial_in`, the overload
/// without a polynomial finds and proves P at compile time (and refuses where none exists).
///
/// Accuracy: only as good as y. In the tails the polynomial form cancels (1 − y² for tanh once
/// y rounds to ±1 gives exactly 0 where sech² is tiny but not 0); that is inherent to computing
/// from y, not an error of the kernel. Use `backward(f)` (from x) when the tails matter.

#include <ctdiff/core/constant.hpp>
#include <ctdiff/core/operators.hpp>
#include <ctdiff/core/ratio.hpp>
#include <ctdiff/core/variable.hpp>
#include <ctdiff/eval/fused.hpp>

#include <array>
#include <cstddef>

namespace ctdiff {

/// The polynomial c₀ + c₁y + c₂y² + … with exact rational coefficients.
template <ratio... C>
struct polynomial {
    static constexpr std::array<ratio, sizeof...(C)> coefficients{C...};
    static constexpr std::size_t degree = sizeof...(C) == 0 ? 0 : sizeof...(C) - 1;
};

namespace eval::detail {
// Horner form of Σ cₖ yᵏ (k ≥ K) in y = V, built with the smart constructors (zero terms vanish).
template <class V, ratio C, ratio... Cs>
constexpr auto horner() {
    if constexpr (sizeof...(Cs) == 0) {
        return constant<C>{};
    } else {
        return constant<C>{} + V{} * horner<V, Cs...>();
    }
}
} // namespace eval::detail

/// P(y) as an expression of y = V.
template <class V, ratio... C>
constexpr auto evaluate_polynomial(polynomial<C...>, V) {
    static_assert(sizeof...(C) >= 1, "ctdiff::polynomial needs at least one coefficient");
    return eval::detail::horner<V, C...>();
}

/// dx = dy·P(y): inputs (y, dy), output dx. F is only documentation here (the caller vouches
/// for f′ = P(f)); see the file comment.
template <Expression F, ratio... C>
constexpr auto backward_from_output(F, polynomial<C...> p) {
    return kernel<2>(mul<variable<1>, decltype(evaluate_polynomial(p, x))>{});
}

} // namespace ctdiff

#endif
