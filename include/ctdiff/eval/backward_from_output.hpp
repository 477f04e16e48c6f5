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
/// `polynomial<c₀, c₁, …>` is P(y) = c₀ + c₁y + c₂y² + …, evaluated in Horner form. f′ = P(f) is
/// checked at compile time numerically (at eight points, to 1e-12, through ctdiff::math): a
/// fallback stated as such, until ctdiff/algebra's `as_polynomial_in` finds and proves P.
///
/// Accuracy: only as good as y. In the tails the polynomial form cancels (1 − y² for tanh once
/// y rounds to ±1 gives exactly 0 where sech² is tiny but not 0); that is inherent to computing
/// from y, not an error of the kernel. Use `backward(f)` (from x) when the tails matter.

#include <ctdiff/core/constant.hpp>
#include <ctdiff/core/operators.hpp>
#include <ctdiff/core/ratio.hpp>
#include <ctdiff/core/variable.hpp>
#include <ctdiff/diff/derivative.hpp>
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

namespace eval::detail {
// f′(t) = P(f(t)) at sample points, in double through ctdiff::math, to 1e-12 relative: the
// numeric fallback until the algebra proves the form (it catches a wrong coefficient, and any
// P for an f whose derivative is no polynomial in f, such as GELU's).
template <class F, class P>
consteval bool derivative_is_polynomial_of_value() {
    using D = decltype(d(F{}, x));
    using PX = decltype(evaluate_polynomial(P{}, x));
    constexpr double samples[] = {-2.25, -1.1, -0.45, -0.1, 0.2, 0.7, 1.6, 3.1};
    for (double t : samples) {
        const environment<double, 1, 0> at_x{{t}, {}};
        const double fx = F::eval(at_x);
        const environment<double, 1, 0> at_y{{fx}, {}};
        const double want = D::eval(at_x);
        const double got = PX::eval(at_y);
        const double diff = want > got ? want - got : got - want;
        const double size = (want < 0 ? -want : want) + (got < 0 ? -got : got);
        if (!(diff <= 1e-12 * size + 1e-300)) {
            return false;
        }
    }
    return true;
}
} // namespace eval::detail

/// dx = dy·P(y): inputs (y, dy), output dx. The form f′ = P(f) is checked at compile time at
/// sample points (see derivative_is_polynomial_of_value): a wrong P does not compile.
template <Expression F, ratio... C>
constexpr auto backward_from_output(F, polynomial<C...> p) {
    static_assert(fused_kernel<1, F>::parameters == 0,
                  "ctdiff::backward_from_output(f, P): f must not use run-time parameters (P's coefficients are "
                  "exact constants)");
    if constexpr (fused_kernel<1, F>::parameters == 0) {
        static_assert(eval::detail::derivative_is_polynomial_of_value<F, polynomial<C...>>(),
                      "ctdiff::backward_from_output(f, P): f′ is not P(f) — the saved output does not determine "
                      "the derivative through this polynomial (for GELU no polynomial does; use backward(f) from x)");
    }
    return kernel<2>(mul<variable<1>, decltype(evaluate_polynomial(p, x))>{});
}

} // namespace ctdiff

#endif
