#ifndef CTDIFF_MATH_DETAIL_COMPENSATED_SUM_HPP
#define CTDIFF_MATH_DETAIL_COMPENSATED_SUM_HPP

/// \file
/// Compensated sums in double with Knuth's TwoSum (`two_sum`, detail/common.hpp): `lane_sums<L>`
/// carries L running sums, each (s, c) holding the exact sum of what it was given to
/// about 2⁻¹⁰⁶ of its magnitude — with L = 8 the lanes' loop has no dependency across lanes and
/// vectorizes, with L = 1 it is one running sum. The parameter gradients of eval/backward.hpp and
/// the softmax rows of activations/softmax.hpp sum with it.

#include <ctdiff/math/detail/common.hpp>

#include <array>
#include <cstddef>

namespace ctdiff::math::detail {

template <std::size_t L = 8>
struct lane_sums {
    std::array<double, L> s{}, c{};

    /// Adds v to lane l.
    constexpr void add_to(std::size_t l, double v) {
        const dd r = two_sum(s[l], v);
        c[l] += r.lo;
        s[l] = r.hi;
    }
    /// Adds v (to lane 0: a running sum with L = 1).
    constexpr void add(double v) { add_to(0, v); }
    /// Adds t[0 … m): element j to lane j mod L.
    template <class T>
    constexpr void add(const T* t, std::size_t m) {
        const std::size_t whole = m / L * L;
        for (std::size_t j = 0; j < whole; j += L) {
            for (std::size_t l = 0; l < L; ++l) {
                add_to(l, static_cast<double>(t[j + l]));
            }
        }
        for (std::size_t j = whole; j < m; ++j) {
            add_to(j - whole, static_cast<double>(t[j]));
        }
    }
    /// The total as hi + lo: the lanes' sums added with TwoSum, then the carries. ±∞ and NaN are the
    /// plain sum's (lo 0).
    [[nodiscard]] constexpr dd total() const {
        double t = 0, carry = 0;
        for (std::size_t l = 0; l < L; ++l) {
            const dd r = two_sum(t, s[l]);
            carry += r.lo + c[l];
            t = r.hi;
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
