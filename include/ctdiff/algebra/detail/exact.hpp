#ifndef CTDIFF_ALGEBRA_DETAIL_EXACT_HPP
#define CTDIFF_ALGEBRA_DETAIL_EXACT_HPP

/// \file
/// Private to ctdiff/algebra (the prover behind algebra/equivalent.hpp). Exact rational arithmetic on int64 with an overflow flag:
/// an overflow makes the verdict "undecided", never a wrong answer.

#include <ctdiff/core/ratio.hpp>

#include <cstdint>
#include <numeric>

namespace ctdiff::prove_detail {

struct arith {
    bool overflow = false;

    constexpr std::int64_t mul(std::int64_t a, std::int64_t b) {
        std::int64_t r = 0;
        if (__builtin_mul_overflow(a, b, &r)) {
            overflow = true;
            return 0;
        }
        return r;
    }
    constexpr std::int64_t add(std::int64_t a, std::int64_t b) {
        std::int64_t r = 0;
        if (__builtin_add_overflow(a, b, &r)) {
            overflow = true;
            return 0;
        }
        return r;
    }
    constexpr ratio make(std::int64_t n, std::int64_t d) {
        if (overflow || d == 0 || n == INT64_MIN || d == INT64_MIN) {
            overflow = true;
            return ratio{0};
        }
        return ratio{n, d};
    }
    constexpr ratio plus(ratio a, ratio b) {
        if (a.den == 1 && b.den == 1) {
            ratio r;
            r.num = add(a.num, b.num);
            return r;
        }
        const std::int64_t g = std::gcd(a.den, b.den);
        const std::int64_t da = a.den / g;
        const std::int64_t db = b.den / g;
        return make(add(mul(a.num, db), mul(b.num, da)), mul(mul(da, db), g));
    }
    constexpr ratio times(ratio a, ratio b) {
        if (a.den == 1 && b.den == 1) {
            ratio r;
            r.num = mul(a.num, b.num);
            return r;
        }
        const std::int64_t g1 = std::gcd(a.num, b.den);
        const std::int64_t g2 = std::gcd(b.num, a.den);
        const std::int64_t n1 = g1 > 1 ? a.num / g1 : a.num;
        const std::int64_t d2 = g1 > 1 ? b.den / g1 : b.den;
        const std::int64_t n2 = g2 > 1 ? b.num / g2 : b.num;
        const std::int64_t d1 = g2 > 1 ? a.den / g2 : a.den;
        return make(mul(n1, n2), mul(d1, d2));
    }
    constexpr ratio inverse(ratio a) { return a.num == 0 ? (overflow = true, ratio{0}) : make(a.den, a.num); }
    constexpr ratio power(ratio a, std::int64_t n) {
        ratio r{1};
        const ratio b = n < 0 ? inverse(a) : a;
        for (std::int64_t i = 0; i < (n < 0 ? -n : n) && !overflow; ++i) {
            r = times(r, b);
        }
        return r;
    }
};

constexpr std::int64_t floor_of(ratio e) {
    const std::int64_t q = e.num / e.den;
    return (e.num % e.den != 0 && e.num < 0) ? q - 1 : q;
}

} // namespace ctdiff::prove_detail

#endif
