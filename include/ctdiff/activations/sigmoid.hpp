#ifndef CTDIFF_ACTIVATIONS_SIGMOID_HPP
#define CTDIFF_ACTIVATIONS_SIGMOID_HPP

/// \file
/// The logistic sigmoid σ(x) = 1/(1 + e^{−x}).
///
/// - Domain ℝ, range (0, 1); smooth (no kinks). σ(±∞) = 1, 0; σ(NaN) = NaN.
/// - Derivatives (through the core's rule σ' = σ(x)·σ(−x)): σ' = σ(x)σ(−x) = σ(1 − σ),
///   σ'' = σ'·(σ(−x) − σ(x)) = −σ(x)σ(−x)·tanh(x/2) = σ(1 − σ)(1 − 2σ).
/// - Stability: σ evaluates through ctdiff::math::sigmoid (no overflow of e^{−x}); σ(−x) replaces
///   1 − σ(x), which rounds to 0 for x > 17 (float) / 37 (double) while σ(−x) keeps its digits.
///   σ'' comes out as the product −σ(x)σ(−x)·tanh(x/2) (the σ tag's mirror_product_derivative),
///   not the product rule's σσ̄² − σ²σ̄, which cancels near the zero x = 0 (238 ULP at x ≈ 0.007
///   in double; now 2.1), see docs/activations.md.

#include <ctdiff/core/constant.hpp>
#include <ctdiff/core/functions/sigmoid.hpp>
#include <ctdiff/core/operators.hpp>
#include <ctdiff/core/variable.hpp>

namespace ctdiff::activations {

/// σ(x) = 1/(1 + e^{−x}).
inline constexpr auto sigmoid = ctdiff::sigmoid(x);

/// The textbook derivatives (what the texts write; the algebra proves d(sigmoid, x) equal to them).
inline constexpr auto sigmoid_prime = ctdiff::sigmoid(x) * (one - ctdiff::sigmoid(x));
inline constexpr auto sigmoid_second = sigmoid_prime * (one - c<ratio{2}> * ctdiff::sigmoid(x));

} // namespace ctdiff::activations

#endif
