#ifndef CTDIFF_MATH_WIDE_FLOAT_HPP
#define CTDIFF_MATH_WIDE_FLOAT_HPP

/// \file
/// `wide_float`: a float computation carried out in double, rounded to float once at the end.
///
/// Why: an activation's formula is several operations (GELU-tanh: x·σ(2·√(2/π)(x + 0.044715x³)),
/// SiLU′ = σ(x) + x·σ(x)σ(−x)), and in float each one rounds to 2^-24. Where the formula amplifies
/// an intermediate rounding — σ(2u) passes on u's relative error times |2u|, a difference of
/// nearly equal terms divides it by the result — float evaluation loses tens to thousands of ULP
/// (docs/activations.md). In double the same roundings are 2^29 times smaller, so the float result
/// is the exact value rounded once, up to the formula's own double error, which is far below
/// float's half ULP. The functions keep float's cost: wide_float's overloads call the float cores
/// (detail/float_core.hpp: short double series accurate to 2^-38, not the compensated double
/// cores), and they accept the full double range, since an intermediate may leave float's.
///
/// ctdiff evaluates every float expression this way (ctdiff::evaluate, the kernels' loops); the
/// type is public so that a user's own function tag can be written for it like for float and
/// double: its `eval(T u)` is called with T = wide_float.
///
/// What it is: a double with double's arithmetic and comparisons, constructible explicitly from any
/// arithmetic value; `static_cast<float>` rounds once (±∞ beyond FLT_MAX, NaN stays NaN). Each
/// function header of ctdiff::math declares its wide_float overload beside the float/double one:
/// at float accuracy on a double argument through the float cores (√: the double square root).

#include <ctdiff/math/detail/common.hpp>
#include <ctdiff/math/detail/scalar_ops.hpp>

#include <type_traits>

namespace ctdiff::math {

struct wide_float : detail::scalar_ops<wide_float, double> {
    using scalar_ops::scalar_ops;
    /// Rounds once to float.
    CTDIFF_MATH_INLINE explicit constexpr operator float() const { return detail::narrow<float>(v); }
};

} // namespace ctdiff::math

#endif
