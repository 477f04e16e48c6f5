#ifndef CTDIFF_MATH_DETAIL_SCALAR_OPS_HPP
#define CTDIFF_MATH_DETAIL_SCALAR_OPS_HPP

/// \file
/// Private to ctdiff::math: what the evaluation types wide_float and fast_float share — one value
/// `v` of type Rep (double, float), explicit construction from any arithmetic value, the
/// conversion to double, and arithmetic and comparisons with Rep's own operations (hidden friends
/// that ADL finds for Self: a CRTP base). Each type adds its conversion to float.

#include <ctdiff/math/detail/common.hpp>

#include <type_traits>

namespace ctdiff::math::detail {

template <class Self, class Rep>
struct scalar_ops {
    Rep v = Rep(0);

    constexpr scalar_ops() = default;
    template <class U>
        requires std::is_arithmetic_v<U>
    CTDIFF_MATH_INLINE explicit constexpr scalar_ops(U u) : v(static_cast<Rep>(u)) {}

    CTDIFF_MATH_INLINE explicit constexpr operator double() const { return v; }

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
