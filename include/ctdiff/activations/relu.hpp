#ifndef CTDIFF_ACTIVATIONS_RELU_HPP
#define CTDIFF_ACTIVATIONS_RELU_HPP

/// \file
/// The rectified linear unit ReLU(x) = max(0, x).
///
/// - Domain ℝ, range [0, ∞). One kink at 0.
/// - Written select(x ≤ 0, 0, x): the piece at the kink is the constant 0, so with the default
///   `kink::as_defined` ReLU'(0) = 0 (PyTorch, TensorFlow, JAX); `kink::other_side` gives 1,
///   `kink::average` 1/2. ReLU'' = 0 everywhere it exists (and 0 at the kink).
/// - NaN propagates: ReLU(NaN) = NaN (a NaN condition picks the else-piece x). ReLU'(NaN) = 1
///   (the derivative's pieces are constants; a select cannot carry the NaN into them).
/// - Exact in every format; ReLU(−0) = 0.

#include <ctdiff/core/constant.hpp>
#include <ctdiff/core/select.hpp>
#include <ctdiff/core/variable.hpp>

namespace ctdiff::activations {

/// max(0, x), as select(x ≤ 0, 0, x).
inline constexpr auto relu = select(x <= zero, zero, x);

/// The step function ReLU' = 1 for x > 0, 0 for x ≤ 0.
inline constexpr auto relu_prime = select(x <= zero, zero, one);

} // namespace ctdiff::activations

#endif
