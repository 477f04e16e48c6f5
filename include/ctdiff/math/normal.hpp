#ifndef CTDIFF_MATH_NORMAL_HPP
#define CTDIFF_MATH_NORMAL_HPP

/// \file
/// The standard normal CDF Φ(x) = erfc(−x/√2)/2 (keeps relative accuracy in the left tail, where
/// (1 + erf)/2 cancels) and density φ(x) = e^{−x²/2}/√(2π).

#include <ctdiff/math/erf.hpp>
#include <ctdiff/math/exp.hpp>

#include <concepts>

namespace ctdiff::math {

/// Φ(x).
template <std::floating_point T>
constexpr T norm_cdf(T x) {
    const double xd = static_cast<double>(x);
    const double ax = detail::fabs(xd);
    // e^{−x²/2} from x itself: the rounding of x/√2 would cost up to x²·2^-53 relative.
    const double half_tail = detail::erfc_pos(ax * 0.7071067811865476, detail::exp_neg_square_parts(ax, 0.5), 0.5);
    const double r = xd > 0.0 ? 1.0 - half_tail : half_tail;
    return static_cast<T>(detail::is_nan(xd) ? xd : r);
}

/// φ(x).
template <std::floating_point T>
constexpr T norm_pdf(T x) {
    const double xd = static_cast<double>(x);
    const detail::exp_pair e = detail::exp_neg_square_parts(detail::fabs(xd), 0.5);
    return static_cast<T>(e.big * (e.small * 0.3989422804014327));
}

} // namespace ctdiff::math

#endif
