#ifndef CTDIFF_MATH_SELECT_HPP
#define CTDIFF_MATH_SELECT_HPP

/// \file
/// `select(c, a, b)`: c ? a : b without a branch, for the loops the kernels generate.

#include <ctdiff/math/detail/common.hpp>
#include <ctdiff/math/fast_float.hpp>
#include <ctdiff/math/wide_float.hpp>

#include <type_traits>

namespace ctdiff::math {

/// c ? a : b, both already computed. For float and double it is a mask on the bits, because GCC
/// 12 lowers `?:` on floating-point values to a branch, sinks an arm's computation into it and,
/// under -ftrapping-math (the default), will not if-convert it back: "control flow in loop", the
/// whole loop stays scalar. Any other T (long double in reference evaluations) uses `?:`.
/// constexpr; exact (the chosen operand's bits, NaN payloads and −0 included).
template <class T>
CTDIFF_MATH_INLINE constexpr T select(bool c, T a, T b) {
    if constexpr (std::is_same_v<T, double> || std::is_same_v<T, float>) {
        return detail::sel(c, a, b);
    } else {
        return c ? a : b;
    }
}

/// The same on the bits of a wide_float's double.
CTDIFF_MATH_INLINE constexpr wide_float select(bool c, wide_float a, wide_float b) {
    return wide_float(detail::sel(c, a.v, b.v));
}

/// The same lane by lane for a vector of fast_float lanes (math/fast_vec.hpp), with its mask.
template <detail::fast_lanes V>
CTDIFF_MATH_INLINE V select(typename V::mask_type c, V a, V b) {
    return sel(c, a, b);
}
/// The lanes of x that are NaN.
template <detail::fast_lanes V>
CTDIFF_MATH_INLINE typename V::mask_type is_nan(V x) {
    return x != x; // NOLINT(misc-redundant-expression)
}

/// x != x, the NaN test, spelled so it reads as one.
template <class T>
CTDIFF_MATH_INLINE constexpr bool is_nan(T x) {
    return x != x; // NOLINT(misc-redundant-expression)
}

} // namespace ctdiff::math

#endif
