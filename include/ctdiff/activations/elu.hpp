#ifndef CTDIFF_ACTIVATIONS_ELU_HPP
#define CTDIFF_ACTIVATIONS_ELU_HPP

/// \file
/// The exponential linear unit ELU(x) = x for x > 0, α(eˣ − 1) for x ≤ 0; α = ctdiff::alpha
/// (run-time; the usual value is 1).
///
/// - Domain ℝ, range (−α, ∞). At 0 the function is continuous; its derivative jumps unless α = 1.
///   Default convention (`kink::as_defined`): ELU'(0) = α·e⁰ = α, ELU''(0) = α (the x ≤ 0 piece,
///   as PyTorch's backward); `kink::other_side` gives 1 and 0.
/// - Derivatives: ELU' = 1 | αeˣ, ELU'' = 0 | αeˣ.
/// - Stability: the negative piece is α·expm1(x), exact in its relative accuracy near 0 where
///   α(eˣ − 1) would cancel; ELU(−∞) = −α, ELU'(−∞) = 0. NaN propagates.

#include <ctdiff/core/constant.hpp>
#include <ctdiff/core/functions/exp.hpp>
#include <ctdiff/core/operators.hpp>
#include <ctdiff/core/select.hpp>
#include <ctdiff/core/variable.hpp>

namespace ctdiff::activations {

/// x for x > 0, α·expm1(x) otherwise.
inline constexpr auto elu = select(x > zero, x, alpha * expm1(x));

/// 1 for x > 0, αeˣ otherwise.
inline constexpr auto elu_prime = select(x > zero, one, alpha * exp(x));

} // namespace ctdiff::activations

#endif
