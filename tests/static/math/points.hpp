// ctdiff::math evaluated in constant evaluation at chosen points: the arrays below are constexpr
// variables, so every value is computed by the compiler. tests/static/math/values.cpp checks
// exact values among them with static_assert; tests/runtime/math/constexpr_vs_runtime.cpp
// compares every one, bit for bit, with the same call made at run time (scalar and in a loop).
#ifndef CTDIFF_TESTS_STATIC_MATH_POINTS_HPP
#define CTDIFF_TESTS_STATIC_MATH_POINTS_HPP

#include <ctdiff/math.hpp>

#include <array>
#include <bit>
#include <cstdint>
#include <cstddef>
#include <limits>

namespace math_points {

inline constexpr double inf = std::numeric_limits<double>::infinity();
inline constexpr double qnan = std::numeric_limits<double>::quiet_NaN();

/// Special values, subnormals, binade edges, the implementation's interval boundaries and
/// thresholds, and ordinary points.
inline constexpr double xd[] = {
    0.0, -0.0, inf, -inf, qnan, 0x1p-1074, -0x1p-1074, 0x1.fffffffffffffp-1023, 0x1p-1022, -0x1p-1022,
    0x1p-30, -0x1p-60, 1e-10, -3e-5, 0.001, 0.1, -0.1, 0.25, 0.34657359027997264, -0.34657359027997264,
    0.46875, -0.46875, 0.5, 0.7, -0.7, 0.999, 1.0, -1.0, 1.0000000000000002, 1.125, -1.125, 1.4142135623730951,
    1.5, 2.0, -2.0, 2.5, 3.0, -3.0, 3.7, 4.0, 5.0, 5.9, -5.9, 6.0, 7.25, 9.0, 13.5, 17.0, -17.0, 20.25, 22.0,
    26.6, 27.2, 27.5, 30.0, -37.5, 38.5, 100.0, -100.0, 600.0, 700.0, 708.0, -708.0, 709.782712893384,
    709.79, -745.0, -745.2, -746.0, 1e300, -1e300, 0x1.fffffffffffffp1023, -0x1.fffffffffffffp1023};
inline constexpr float xf[] = {
    0.0f, -0.0f, static_cast<float>(inf), static_cast<float>(-inf), static_cast<float>(qnan), 0x1p-149f,
    -0x1p-149f, 0x1p-126f, 0x1p-30f, 1e-10f, -3e-5f, 0.1f, -0.1f, 0.3466f, 0.46875f, 0.5f, -0.7f, 1.0f, -1.0f,
    1.125f, 1.5f, 2.0f, -2.0f, 3.0f, 4.0f, -4.0f, 5.0f, 9.0f, 10.0f, -10.0f, 13.0f, 20.0f, 30.0f, 88.7f,
    88.73f, 89.0f, -87.0f, -103.0f, -104.0f, 1e30f, -1e30f, 3.4028235e38f, -3.4028235e38f};

template <class T, std::size_t N, class F>
constexpr std::array<T, N> apply(const T (&x)[N], F f) {
    std::array<T, N> r{};
    for (std::size_t i = 0; i < N; ++i) {
        r[i] = f(x[i]);
    }
    return r;
}

// name_d / name_f: ctdiff::math::name at xd / xf, computed by the compiler.
#define CTDIFF_MATH_POINTS(F)                                                                       \
    inline constexpr auto F##_d = apply(xd, [](double v) { return ctdiff::math::F(v); });           \
    inline constexpr auto F##_f = apply(xf, [](float v) { return ctdiff::math::F(v); });
CTDIFF_MATH_POINTS(exp)
CTDIFF_MATH_POINTS(expm1)
CTDIFF_MATH_POINTS(log)
CTDIFF_MATH_POINTS(log1p)
CTDIFF_MATH_POINTS(sqrt)
CTDIFF_MATH_POINTS(tanh)
CTDIFF_MATH_POINTS(sech)
CTDIFF_MATH_POINTS(erf)
CTDIFF_MATH_POINTS(erfc)
CTDIFF_MATH_POINTS(sigmoid)
CTDIFF_MATH_POINTS(softplus)
CTDIFF_MATH_POINTS(norm_cdf)
CTDIFF_MATH_POINTS(norm_pdf)
#undef CTDIFF_MATH_POINTS

/// Index of v in xd / xf, by bits (tells −0 from +0, finds the NaN), for the static_asserts.
constexpr std::size_t at(double v) {
    for (std::size_t i = 0; i < std::size(xd); ++i) {
        if (std::bit_cast<std::uint64_t>(xd[i]) == std::bit_cast<std::uint64_t>(v)) {
            return i;
        }
    }
    return std::size(xd);
}
constexpr std::size_t at_f(float v) {
    for (std::size_t i = 0; i < std::size(xf); ++i) {
        if (std::bit_cast<std::uint32_t>(xf[i]) == std::bit_cast<std::uint32_t>(v)) {
            return i;
        }
    }
    return std::size(xf);
}

} // namespace math_points

#endif
