#ifndef CTDIFF_MATH_DETAIL_SQRT_CORE_HPP
#define CTDIFF_MATH_DETAIL_SQRT_CORE_HPP

/// \file
/// Private to ctdiff::math: the correctly rounded √x for constant evaluation, in integers.
/// (At run time ctdiff::math::sqrt uses the hardware instruction, also correctly rounded, so both
/// paths give the same bits; Clang 16 cannot constant-fold __builtin_sqrt.)

#include <ctdiff/math/detail/common.hpp>

namespace ctdiff::math::detail {

__extension__ typedef unsigned __int128 u128;

/// x = M·2^e with M an integer in [2^52, 2^54) and e even; √x = √(M·2^52)·2^((e − 52)/2), and
/// √(M·2^52) in [2^52, 2^53) is found bit by bit in 128-bit integers, then rounded to nearest
/// by the remainder (a tie is impossible: x is not the square of a midpoint). Not vectorized
/// (never runs at run time). sqrt(±0) = ±0, sqrt(x < 0) = NaN, sqrt(+∞) = +∞, NaN → NaN.
constexpr double sqrt_exact(double x) {
    const bool special = !(x > 0.0) || x == inf;
    const u64 bits = std::bit_cast<u64>(special ? 1.0 : x);
    u64 m = bits & 0x000fffffffffffffull;
    int e = static_cast<int>(bits >> 52);
    if (e == 0) { // subnormal: normalize
        e = 1;
        while (m < (u64{1} << 52)) {
            m <<= 1;
            --e;
        }
    } else {
        m |= u64{1} << 52;
    }
    e -= 1075; // x = m·2^e
    if ((e & 1) != 0) {
        m <<= 1;
        --e;
    }
    const u128 n = static_cast<u128>(m) << 52;
    u64 q = 0;
    for (int b = 53; b >= 0; --b) {
        const u64 t = q | (u64{1} << b);
        if (static_cast<u128>(t) * t <= n) {
            q = t;
        }
    }
    const u128 rem = n - static_cast<u128>(q) * q;
    q += rem > q ? 1 : 0;
    const int half = (e - 52) / 2;
    double r = static_cast<double>(q);
    for (int i = 0; i < half; ++i) {
        r *= 2.0;
    }
    for (int i = 0; i > half; --i) {
        r *= 0.5;
    }
    if (special) {
        return x == 0.0 || x == inf || is_nan(x) ? x : nan;
    }
    return r;
}

} // namespace ctdiff::math::detail

#endif
