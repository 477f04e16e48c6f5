#ifndef CTDIFF_MATH_DETAIL_COMPENSATED_SUM_HPP
#define CTDIFF_MATH_DETAIL_COMPENSATED_SUM_HPP

/// \file
/// Compensated sums in double on L lanes (Knuth's TwoSum per lane): each lane's (s, c) carries the
/// exact sum of what it was given to about 2⁻¹⁰⁶ of its magnitude, and the lanes' loop has no
/// dependency across lanes, so it vectorizes. The parameter gradients of eval/backward.hpp and the
/// softmax rows of activations/softmax.hpp sum with it.

#include <array>
#include <cstddef>

namespace ctdiff::math::detail {

template <std::size_t L = 8>
struct lane_sums {
    std::array<double, L> s{}, c{};

    /// Adds t[0 … m) (m a multiple of L).
    template <class T>
    constexpr void add(const T* t, std::size_t m) {
        for (std::size_t j = 0; j < m; j += L) {
            for (std::size_t l = 0; l < L; ++l) {
                const double a = s[l], v = static_cast<double>(t[j + l]);
                const double r = a + v, bv = r - a;
                c[l] += (a - (r - bv)) + (v - bv);
                s[l] = r;
            }
        }
    }
    /// The total as hi + lo: the lanes' sums added with TwoSum, then the carries. ±∞ and NaN are the
    /// plain sum's (lo 0).
    struct split {
        double hi, lo;
    };
    [[nodiscard]] constexpr split total() const {
        double t = 0, carry = 0;
        for (std::size_t l = 0; l < L; ++l) {
            const double r = t + s[l], bv = r - t;
            carry += ((t - (r - bv)) + (s[l] - bv)) + c[l];
            t = r;
        }
        if (!(t - t == 0)) {
            return {t, 0.0};
        }
        const double hi = t + carry;
        return {hi, carry - (hi - t)};
    }
    [[nodiscard]] constexpr double value() const { return total().hi; }
};

} // namespace ctdiff::math::detail

#endif
