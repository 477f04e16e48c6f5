#ifndef CTDIFF_EVAL_BACKWARD_HPP
#define CTDIFF_EVAL_BACKWARD_HPP

/// \file
/// Backward kernels of an element-wise activation y = f(x).
///
/// The Jacobian of an element-wise f is diagonal, diag(f′(x)) (the texts' diag(σ′(h))), so the
/// vector-Jacobian product a backward pass needs is the gate
///
///     dx = dy ⊙ f′(x)        (element by element; no matrix is ever formed)
///
/// | builder | inputs | outputs |
/// |---|---|---|
/// | `backward(f)` | x, dy | dx = dy·f′(x) |
/// | `forward_backward(f)` | x, dy | y = f(x), dx = dy·f′(x) (one pass, shared subexpressions) |
/// | `derivatives<N>(f)` | x | f, f′, …, f⁽ᴺ⁾ |
/// | `double_backward(f)` | x, dy, ddx | d(dy) = ddx·f′(x), d(x) = ddx·dy·f″(x) |
///
/// `double_backward` is the backward of the backward (grad of grad, for second-order training):
/// the backward pass computes dx = dy·f′(x) from x and dy; given the gradient ddx flowing into dx,
/// its partial derivatives are ∂/∂dy = ddx·f′(x) and ∂/∂x = ddx·dy·f″(x).
///
/// f must be an expression of x alone (run-time parameters allowed: pass `ctdiff::params{…}`
/// after the arrays). The product with dy is kept as written (never folded), so NaN in dy gives NaN
/// in dx even where f′ is the constant 0.

#include <ctdiff/core/node.hpp>
#include <ctdiff/core/operators.hpp>
#include <ctdiff/core/variable.hpp>
#include <ctdiff/diff/derivative.hpp>
#include <ctdiff/eval/fused.hpp>

#include <cstddef>
#include <utility>

namespace ctdiff {

namespace eval::detail {
template <class F>
constexpr bool of_x_only() {
    return variables_used(subexpressions_t<F>{}) <= 1;
}
template <std::size_t N, class F, std::size_t... K>
constexpr auto derivatives_kernel(std::index_sequence<K...>) {
    return fused(d<K>(F{}, x)...);
}
} // namespace eval::detail

/// dx = dy·f′(x): inputs (x, dy), output dx.
template <Expression F>
constexpr auto backward(F) {
    static_assert(eval::detail::of_x_only<F>(), "ctdiff::backward(f): f must be an expression of x alone");
    return kernel<2>(mul<variable<1>, decltype(d(F{}, x))>{});
}

/// y = f(x) and dx = dy·f′(x) in one pass: inputs (x, dy), outputs (y, dx).
template <Expression F>
constexpr auto forward_backward(F) {
    static_assert(eval::detail::of_x_only<F>(), "ctdiff::forward_backward(f): f must be an expression of x alone");
    return kernel<2>(F{}, mul<variable<1>, decltype(d(F{}, x))>{});
}

/// f, f′, …, f⁽ᴺ⁾ of x in one pass: input x, N + 1 outputs.
template <std::size_t N, Expression F>
constexpr auto derivatives(F) {
    static_assert(eval::detail::of_x_only<F>(), "ctdiff::derivatives<N>(f): f must be an expression of x alone");
    return eval::detail::derivatives_kernel<N, F>(std::make_index_sequence<N + 1>{});
}

/// Grad of grad: inputs (x, dy, ddx), outputs (d(dy) = ddx·f′(x), d(x) = ddx·dy·f″(x)).
template <Expression F>
constexpr auto double_backward(F) {
    static_assert(eval::detail::of_x_only<F>(), "ctdiff::double_backward(f): f must be an expression of x alone");
    using d1 = decltype(d(F{}, x));
    using d2 = decltype(d(d1{}, x));
    return kernel<3>(mul<variable<2>, d1>{}, mul<mul<variable<2>, variable<1>>, d2>{});
}

} // namespace ctdiff

#endif
