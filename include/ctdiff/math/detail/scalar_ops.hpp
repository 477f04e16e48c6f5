#ifndef CTDIFF_MATH_DETAIL_SCALAR_OPS_HPP
#define CTDIFF_MATH_DETAIL_SCALAR_OPS_HPP

/// \file
/// Private to ctdiff::math: the arithmetic and comparisons of the evaluation types wide_float and
/// fast_float, which wrap one value `v` (double, float) and compute with its own operations: a
/// CRTP base whose hidden friends ADL finds for Self. (Do not std::bit_cast to Self: in constant
/// evaluation Clang 16 then counts the empty base as uninitialized; build Self from its value.)

#include <ctdiff/math/detail/common.hpp>

namespace ctdiff::math::detail {

template <class Self>
struct scalar_ops {
    CTDIFF_MATH_INLINE friend constexpr Self operator+(Self a, Self b) { return Self(a.v + b.v); }
    CTDIFF_MATH_INLINE friend constexpr Self operator-(Self a, Self b) { return Self(a.v - b.v); }
    CTDIFF_MATH_INLINE friend constexpr Self operator*(Self a, Self b) { return Self(a.v * b.v); }
    CTDIFF_MATH_INLINE friend constexpr Self operator/(Self a, Self b) { return Self(a.v / b.v); }
    CTDIFF_MATH_INLINE friend constexpr Self operator-(Self a) { return Self(-a.v); }
    CTDIFF_MATH_INLINE friend constexpr Self operator+(Self a) { return a; }
    CTDIFF_MATH_INLINE friend constexpr bool operator==(Self a, Self b) { return a.v == b.v; }
    CTDIFF_MATH_INLINE friend constexpr bool operator!=(Self a, Self b) { return a.v != b.v; }
    CTDIFF_MATH_INLINE friend constexpr bool operator<(Self a, Self b) { return a.v < b.v; }
    CTDIFF_MATH_INLINE friend constexpr bool operator<=(Self a, Self b) { return a.v <= b.v; }
    CTDIFF_MATH_INLINE friend constexpr bool operator>(Self a, Self b) { return a.v > b.v; }
    CTDIFF_MATH_INLINE friend constexpr bool operator>=(Self a, Self b) { return a.v >= b.v; }
};

} // namespace ctdiff::math::detail

#endif
