#ifndef CTDIFF_ACTIVATIONS_GELU_HPP
#define CTDIFF_ACTIVATIONS_GELU_HPP

/// \file
/// GELU(x) = x·Φ(x) (Hendrycks & Gimpel 2016, the exact "erf" form), Φ the standard normal CDF.
///
/// - Domain ℝ; smooth. GELU(−∞) = 0, GELU(+∞) = +∞; minimum ≈ −0.1700 at x ≈ −0.7518.
/// - Derivatives: GELU' = Φ(x) + xφ(x), GELU'' = (2 − x²)φ(x).
///   Not as the texts claim: GELU' is negative for x < −0.7518 (minimum ≈ −0.1289 near
///   x = −1.41) and exceeds 1 for x > 0.7518 (maximum ≈ 1.1289 near x = 1.41); its range is
///   about (−0.129, 1.129), not (0, 1).
/// - Stability: the textbook x/2·(1 + erf(x/√2)) cancels for x < 0 and loses every digit below
///   x ≈ −2 (float) / −5.9 (double); Φ is evaluated through erfc(−x/√2)/2
///   (ctdiff::math::norm_cdf), which keeps its relative accuracy down to the underflow.
///   At ±∞ the pieces are the limits (detail/tails.hpp).

#include <ctdiff/activations/detail/tails.hpp>
#include <ctdiff/activations/detail/zero_series_data.hpp>
#include <ctdiff/core/constant.hpp>
#include <ctdiff/core/functions/normal.hpp>
#include <ctdiff/core/operators.hpp>
#include <ctdiff/core/variable.hpp>

namespace ctdiff::activations {

/// The refined evaluation (detail/zero_series.hpp): next to the zeros of GELU′ and GELU″, where the
/// formula's terms cancel, a fitted series keeps the relative accuracy (double and float).
struct gelu_spec : detail::zero_data::gelu_zeros {
    template <class U>
    static constexpr auto formula(U) { return U{} * norm_cdf(U{}); }
};

/// x·Φ(x), with its limits at ±∞.
inline constexpr auto gelu = detail::tails(x, zero, detail::refined<gelu_spec>, x);

/// The formula without the guard at ±∞.
inline constexpr auto gelu_formula = x * norm_cdf(x);

/// The texts' derivative GELU' = Φ + xφ.
inline constexpr auto gelu_prime = norm_cdf(x) + x * norm_pdf(x);

} // namespace ctdiff::activations

#endif
