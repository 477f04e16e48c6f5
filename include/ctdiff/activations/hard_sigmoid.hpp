#ifndef CTDIFF_ACTIVATIONS_HARD_SIGMOID_HPP
#define CTDIFF_ACTIVATIONS_HARD_SIGMOID_HPP

/// \file
/// The hard sigmoid, PyTorch's definition: hard_sigmoid(x) = ReLU6(x + 3)/6 = 0 for x ≤ −3,
/// 1 for x ≥ 3, (x + 3)/6 between. (Keras' older hard_sigmoid is 0.2x + 0.5 clipped at ±2.5: a
/// different function.)
///
/// - Domain ℝ, range [0, 1]. Kinks at ±3: the derivative there is 0 (the constant pieces hold the
///   boundary, `kink::as_defined`), as PyTorch's backward, which passes the gradient only on the
///   open interval (−3, 3). hard_sigmoid' = 1/6 inside, hard_sigmoid'' = 0.
/// - Evaluated as (x + 3)·(1/6): x + 3 is exact near −3 (Sterbenz), so the value keeps its relative
///   accuracy where it approaches 0 (x/6 + 1/2 would cancel there). NaN propagates.

#include <ctdiff/core/constant.hpp>
#include <ctdiff/core/operators.hpp>
#include <ctdiff/core/select.hpp>
#include <ctdiff/core/variable.hpp>

namespace ctdiff::activations {

/// 0 for x ≤ −3, 1 for x ≥ 3, (x + 3)/6 between.
inline constexpr auto hard_sigmoid =
    select(x <= c<ratio{-3}>, zero, select(x >= c<ratio{3}>, one, (x + c<ratio{3}>) / c<ratio{6}>));

} // namespace ctdiff::activations

#endif
