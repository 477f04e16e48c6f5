#ifndef CTDIFF_CORE_RATIO_HPP
#define CTDIFF_CORE_RATIO_HPP

/// \file
/// `ratio`: an exact rational number, usable as a template argument. Every constant in an
/// expression type is one: Clang rejects floating-point template arguments, and exact constants
/// are what lets the algebra prove identities instead of comparing samples.

#include <cstdint>
#include <numeric>

namespace ctdiff {

namespace detail {
// Called only on overflow; not constexpr, so constant evaluation stops here with this name.
inline void ctdiff_rational_constant_overflows_int64() {}
} // namespace detail

/// An exact rational `num/den`, always normalized (gcd 1, den > 0), so that equal values are
/// equal objects and `constant<ratio{2,4}>` is the same type as `constant<ratio{1,2}>`.
/// Arithmetic is exact; a result that does not fit in int64 stops constant evaluation.
struct ratio {
    std::int64_t num = 0;
    std::int64_t den = 1;

    constexpr ratio() = default;
    constexpr ratio(std::int64_t n, std::int64_t d = 1) : num(n), den(d) { // NOLINT: implicit from int
        if (d == 0) {
            detail::ctdiff_rational_constant_overflows_int64(); // a zero denominator
        }
        if (den < 0) {
            num = -num;
            den = -den;
        }
        const std::int64_t g = std::gcd(num, den);
        if (g > 1) {
            num /= g;
            den /= g;
        }
    }

    [[nodiscard]] constexpr bool is_integer() const { return den == 1; }
    friend constexpr bool operator==(const ratio&, const ratio&) = default;

    /// The value as a floating-point number, rounded once when num and den are exact in T.
    template <class T>
    [[nodiscard]] constexpr T as() const {
        return static_cast<T>(num) / static_cast<T>(den);
    }
};

namespace detail {
constexpr std::int64_t checked_mul(std::int64_t a, std::int64_t b) {
    std::int64_t r{};
    if (__builtin_mul_overflow(a, b, &r)) {
        ctdiff_rational_constant_overflows_int64();
    }
    return r;
}
constexpr std::int64_t checked_add(std::int64_t a, std::int64_t b) {
    std::int64_t r{};
    if (__builtin_add_overflow(a, b, &r)) {
        ctdiff_rational_constant_overflows_int64();
    }
    return r;
}
} // namespace detail

constexpr ratio operator-(ratio a) { return {detail::checked_mul(a.num, -1), a.den}; }
constexpr ratio operator+(ratio a, ratio b) {
    const std::int64_t g = std::gcd(a.den, b.den);
    return {detail::checked_add(detail::checked_mul(a.num, b.den / g), detail::checked_mul(b.num, a.den / g)),
            detail::checked_mul(a.den / g, b.den)};
}
constexpr ratio operator-(ratio a, ratio b) { return a + (-b); }
constexpr ratio operator*(ratio a, ratio b) {
    const std::int64_t g1 = std::gcd(a.num, b.den);
    const std::int64_t g2 = std::gcd(b.num, a.den);
    const std::int64_t s1 = g1 == 0 ? 1 : g1;
    const std::int64_t s2 = g2 == 0 ? 1 : g2;
    return {detail::checked_mul(a.num / s1, b.num / s2), detail::checked_mul(a.den / s2, b.den / s1)};
}
constexpr ratio operator/(ratio a, ratio b) { return a * ratio{b.den, b.num}; }
constexpr bool operator<(ratio a, ratio b) { return (a - b).num < 0; }

/// a^n for an integer n (negative n: the reciprocal's power).
constexpr ratio pow(ratio a, std::int64_t n) {
    ratio r{1};
    const ratio base = n < 0 ? ratio{a.den, a.num} : a;
    for (std::int64_t i = 0; i < (n < 0 ? -n : n); ++i) {
        r = r * base;
    }
    return r;
}

} // namespace ctdiff

#endif
