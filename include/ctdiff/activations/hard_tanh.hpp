#ifndef CTDIFF_ACTIVATIONS_HARD_TANH_HPP
#define CTDIFF_ACTIVATIONS_HARD_TANH_HPP

/// \file
/// The hard tanh: −1 for x ≤ −1, 1 for x ≥ 1, x between (PyTorch's Hardtanh with its default
/// bounds).
///
/// - Domain ℝ, range [−1, 1]. Kinks at ±1: the derivative there is 0 (the constant pieces hold the
///   boundary), as PyTorch's backward. hard_tanh' = 1 inside, hard_tanh'' = 0. Exact; NaN
///   propagates.

#include <ctdiff/core/constant.hpp>
#include <ctdiff/core/select.hpp>
#include <ctdiff/core/variable.hpp>

namespace ctdiff::activations {

/// −1 for x ≤ −1, 1 for x ≥ 1, x between.
inline constexpr auto hard_tanh = select(x <= c<ratio{-1}>, c<ratio{-1}>, select(x >= one, one, x));

} // namespace ctdiff::activations

#endif
