#ifndef CTDIFF_ACTIVATIONS_GELU_TANH_HPP
#define CTDIFF_ACTIVATIONS_GELU_TANH_HPP

/// \file
/// The tanh approximation of GELU (Hendrycks & Gimpel; PyTorch `approximate="tanh"`):
/// GELU_tanh(x) = x/2·(1 + tanh(√(2/π)·(x + 0.044715x³))), with 0.044715 = 44715/10⁶ exactly.
///
/// - Domain ℝ; smooth. Its limits at ±∞ are 0 and +∞.
/// - Stability: 1 + tanh(u) cancels for u < 0 and is 0 below u ≈ −9 (float) / −19 (double) while
///   the true value is e^{2u}-small but finite; the identity (1 + tanh u)/2 = σ(2u) gives the
///   form evaluated here, x·σ(2√(2/π)(x + 0.044715x³)), with no cancellation anywhere. The
///   argument u is rounded (a few ULP), and σ(2u) amplifies a relative error of u by |2u| in the
///   left tail, so the relative error grows like |x|³ there (see docs/activations.md).
///   At ±∞ the pieces are the limits (detail/tails.hpp).

#include <ctdiff/activations/detail/tails.hpp>
#include <ctdiff/core/constant.hpp>
#include <ctdiff/core/functions/hyperbolic.hpp>
#include <ctdiff/core/functions/sigmoid.hpp>
#include <ctdiff/core/operators.hpp>
#include <ctdiff/core/variable.hpp>

namespace ctdiff::activations {

/// 0.044715, exactly.
inline constexpr constant<ratio{44715, 1000000}> gelu_tanh_cubic{};

/// x·σ(2√(2/π)(x + 0.044715x³)) = x/2·(1 + tanh(√(2/π)(x + 0.044715x³))), with its limits at ±∞.
inline constexpr auto gelu_tanh =
    detail::tails(x, zero, x * ctdiff::sigmoid(c<ratio{2}> * sqrt2 / sqrt_pi * (x + gelu_tanh_cubic * pow<ratio{3}>(x))),
                  x);

/// The published formula, as written (unstable in the left tail; for the proofs and the tests).
inline constexpr auto gelu_tanh_formula =
    x / c<ratio{2}> * (one + ctdiff::tanh(sqrt2 / sqrt_pi * (x + gelu_tanh_cubic * pow<ratio{3}>(x))));

} // namespace ctdiff::activations

#endif
