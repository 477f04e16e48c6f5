#ifndef CTDIFF_ACTIVATIONS_DETAIL_TAILS_HPP
#define CTDIFF_ACTIVATIONS_DETAIL_TAILS_HPP

/// \file
/// Private to ctdiff/activations. `tails(t, left, middle, right)`: the piece `middle` for
/// |t| ≤ 2¹⁰, and its exact limits `left`/`right` beyond.
///
/// Why: activations of the form x·g(x) (SiLU, Mish, GELU) have finite limits at ±∞ but their
/// formula computes ∞·0 = NaN there, and their derivatives do so too (x·σ(x)σ(−x) at +∞). Beyond
/// |t| = 1024 the middle formula already evaluates to its limit in float and double (every
/// correction term is below e^{−1000}), so the guard changes no finite value: it only replaces the
/// NaN at ±∞. NaN itself falls through to `middle` (every comparison with NaN is false) and so
/// propagates.

#include <ctdiff/core/constant.hpp>
#include <ctdiff/core/node.hpp>
#include <ctdiff/core/select.hpp>

namespace ctdiff::activations::detail {

inline constexpr constant<ratio{1024}> tail_start{};
inline constexpr constant<ratio{-1024}> minus_tail_start{};

template <Expression T, Expression Left, Expression Middle, Expression Right>
constexpr auto tails(T, Left, Middle, Right) {
    return select(T{} < minus_tail_start, Left{}, select(T{} > tail_start, Right{}, Middle{}));
}

} // namespace ctdiff::activations::detail

#endif
