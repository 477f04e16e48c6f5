#ifndef CTDIFF_ACTIVATIONS_SILU_HPP
#define CTDIFF_ACTIVATIONS_SILU_HPP

/// \file
/// SiLU(x) = x·σ(x) and Swish_β(x) = x·σ(βx), β = ctdiff::beta a run-time parameter
/// (parameter<1>: evaluate with `environment<T, 1, 2>{{x0}, {0, β}}`; Swish₁ = SiLU).
///
/// - Domain ℝ; smooth. SiLU(−∞) = 0, SiLU(+∞) = +∞; minimum ≈ −0.2785 at x ≈ −1.2785.
/// - Derivatives: SiLU' = σ(x) + xσ(x)σ(−x) (= σ(1 + x(1 − σ))), SiLU'' = σσ̄(2 + x(σ̄ − σ)).
/// - Stability: σ(−x) instead of 1 − σ(x) (see sigmoid.hpp). At ±∞ the product x·σ(x) and its
///   derivatives compute ∞·0: beyond |βx| = 1024 the pieces are the exact limits (0, or x with
///   slope 1), which the formula itself already gives at every finite x there, so only ±∞ changes
///   (detail/tails.hpp). Valid for any sign of β (for β < 0 the roles of the tails swap, and so do
///   the pieces: x·σ(βx) → x where βx → +∞). β = 0 gives x/2 except at ±∞ (NaN).
/// - Accuracy: f′, f″ keep their relative accuracy at their zeros (a fitted series there,
///   detail/zero_series.hpp); Swish's series are SiLU's at z = βx, exact where βx is.

#include <ctdiff/activations/detail/tails.hpp>
#include <ctdiff/activations/detail/zero_series_data.hpp>
#include <ctdiff/core/constant.hpp>
#include <ctdiff/core/functions/sigmoid.hpp>
#include <ctdiff/core/operators.hpp>
#include <ctdiff/core/variable.hpp>

#include <cstddef>

namespace ctdiff::activations {

/// The refined evaluation (detail/zero_series.hpp): next to the zeros of SiLU′ and SiLU″, where the
/// formula's terms cancel, a fitted series keeps the relative accuracy (double and float).
struct silu_spec : detail::zero_data::silu_zeros {
    template <class U>
    static constexpr auto formula(U) { return U{} * ctdiff::sigmoid(U{}); }
};

/// x·σ(x), with its limits at ±∞.
inline constexpr auto silu = detail::tails(x, zero, detail::refined<silu_spec>, x);

/// Swish's refinement: swish′(x) = SiLU′(z), swish″(x) = β·SiLU″(z), z = βx, so SiLU's series at z.
/// Exact where βx is (β = 1, a power of two, …); otherwise z's rounding, ≤ 2⁻⁵³|z|, is what is
/// left of the error at a zero — the condition of x·σ(βx) with respect to the product βx.
struct swish_spec : detail::zero_data::silu_zeros {
    template <class U>
    static constexpr auto formula(U) { return U{} * ctdiff::sigmoid(beta * U{}); }
    template <class U>
    static constexpr auto argument(U) { return beta * U{}; }
    template <std::size_t N, class S>
    static constexpr auto scaled(S) {
        if constexpr (N == 2) {
            return beta * S{};
        } else {
            return S{};
        }
    }
};

/// x·σ(βx), with its limits at ±∞.
inline constexpr auto swish = detail::tails(beta * x, zero, detail::refined<swish_spec>, x);

/// The formulas without the guard at ±∞ (what the identities are proved on).
inline constexpr auto silu_formula = x * ctdiff::sigmoid(x);
inline constexpr auto swish_formula = x * ctdiff::sigmoid(beta * x);

/// SiLU' = σ(x)(1 + x(1 − σ(x))), the textbook form.
inline constexpr auto silu_prime = ctdiff::sigmoid(x) * (one + x * (one - ctdiff::sigmoid(x)));

} // namespace ctdiff::activations

#endif
