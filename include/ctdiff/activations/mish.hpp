#ifndef CTDIFF_ACTIVATIONS_MISH_HPP
#define CTDIFF_ACTIVATIONS_MISH_HPP

/// \file
/// Mish(x) = x·tanh(softplus(x)) (Misra 2019).
///
/// - Domain ℝ; smooth. Mish(−∞) = 0, Mish(+∞) = +∞; minimum ≈ −0.3088 at x ≈ −1.1924.
/// - Derivatives: Mish' = tanh(sp) + x·sech²(sp)·σ(x), sp = softplus(x);
///   Mish'' = 2sech²(sp)σ + x·sech²(sp)·(σσ̄ − 2tanh(sp)σ²).
/// - Stability: softplus evaluated stably (ctdiff::math::softplus), tanh' as sech² (no 1 − tanh²),
///   σ' as σ(x)σ(−x). In the left tail softplus(x) ≈ eˣ and tanh(eˣ) ≈ eˣ keep their relative
///   accuracy, so Mish ≈ xeˣ does too. At ±∞ the pieces are the limits (detail/tails.hpp).

#include <ctdiff/activations/detail/tails.hpp>
#include <ctdiff/activations/detail/zero_series_data.hpp>
#include <ctdiff/core/constant.hpp>
#include <ctdiff/core/functions/hyperbolic.hpp>
#include <ctdiff/core/functions/softplus.hpp>
#include <ctdiff/core/operators.hpp>
#include <ctdiff/core/variable.hpp>

#include <string_view>
#include <tuple>

namespace ctdiff::activations {

/// The refined evaluation of f, f′, f″ near the zeros of f′ and f″ (detail/zero_series.hpp).
struct mish_spec {
    static constexpr std::string_view names[] = {"mish", "mish′", "mish″"};
    template <class U>
    static constexpr auto formula(U) { return U{} * ctdiff::tanh(ctdiff::softplus(U{})); }
    static constexpr auto zeros = std::tuple{detail::no_zeros, detail::zero_data::mish_1, detail::zero_data::mish_2};
};

/// x·tanh(softplus(x)), with its limits at ±∞.
inline constexpr auto mish = detail::tails(x, zero, detail::refined<mish_spec>, x);

/// The formula without the guard at ±∞.
inline constexpr auto mish_formula = x * ctdiff::tanh(ctdiff::softplus(x));

} // namespace ctdiff::activations

#endif
