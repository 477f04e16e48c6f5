#ifndef CTDIFF_ACTIVATIONS_SELU_HPP
#define CTDIFF_ACTIVATIONS_SELU_HPP

/// \file
/// The scaled exponential linear unit SELU(x) = λx for x > 0, λα(eˣ − 1) for x ≤ 0, with the
/// published constants (Klambauer et al. 2017, as in PyTorch and TensorFlow)
/// λ = 1.0507009873554804934193349852946…, α = 1.6732632423543772848170429916717….
///
/// - Constants: exact rationals of the published decimals truncated to 18 decimals, the most an
///   int64 denominator holds (10¹⁸ < 2⁶³ < 10¹⁹):
///   λ = 1050700987355480493/10¹⁸ (relative truncation error 4.0·10⁻¹⁹),
///   α = 1673263242354377284/10¹⁸ (4.9·10⁻¹⁹). Both are far below half an ULP of double
///   (1.1·10⁻¹⁶), and num/den evaluated in float and in double gives the correctly rounded
///   published value (checked in tests/static/activations). Note: λ·α as one ratio overflows
///   int64, so the formula keeps them as two factors.
/// - Domain ℝ, range (−λα, ∞). Kink at 0 (SELU' jumps from λα ≈ 1.758 to λ): default
///   `kink::as_defined` SELU'(0) = λα, SELU''(0) = λα (the x ≤ 0 piece, as PyTorch).
/// - Stability: expm1 for the negative piece (as ELU). NaN propagates.

#include <ctdiff/core/constant.hpp>
#include <ctdiff/core/functions/exp.hpp>
#include <ctdiff/core/operators.hpp>
#include <ctdiff/core/select.hpp>
#include <ctdiff/core/variable.hpp>

namespace ctdiff::activations {

/// SELU's λ, 1.050700987355480493 exactly.
inline constexpr constant<ratio{1050700987355480493, 1000000000000000000}> selu_lambda{};
/// SELU's α, 1.673263242354377284 exactly.
inline constexpr constant<ratio{1673263242354377284, 1000000000000000000}> selu_alpha{};

/// λ·(x for x > 0, α·expm1(x) otherwise).
inline constexpr auto selu = selu_lambda * select(x > zero, x, selu_alpha * expm1(x));

} // namespace ctdiff::activations

#endif
