#ifndef CTDIFF_ACTIVATIONS_LOGIT_HPP
#define CTDIFF_ACTIVATIONS_LOGIT_HPP

/// \file
/// logit(p) = log(p/(1 − p)), the inverse of σ on (0, 1).
///
/// - Domain (0, 1); logit(0) = −∞, logit(1) = +∞, NaN outside [0, 1] and for NaN.
/// - Derivatives: logit' = 1/(p(1 − p)), logit'' = (2p − 1)/(p(1 − p))² (from the rule:
///   −((1 − p) − p)/(p(1 − p))²).
/// - Why a function tag: log(p) − log(1 − p) cancels near p = 1/2, where logit is ≈ 4(p − 1/2):
///   it loses about log₂(1/|p − 1/2|) bits there. The tag evaluates log1p((2p − 1)/(1 − p)) on
///   [1/4, 3/4] (2p − 1 and, for p ≥ 1/2, 1 − p are exact) and log(p) − log1p(−p) outside, where
///   the two terms have opposite signs and cannot cancel. Its derivative is stated as
///   1/(p(1 − p)), a product with no cancellation.
///   logit'' has its zero at 1/2; just below 1/2 the rounding of 1 − p (p has one more bit there
///   than 1 − p can hold) makes its error absolute, ≈ ε/(p(1 − p))², see docs/activations.md.

#include <ctdiff/core/constant.hpp>
#include <ctdiff/core/function.hpp>
#include <ctdiff/core/functions/log.hpp>
#include <ctdiff/core/operators.hpp>
#include <ctdiff/core/variable.hpp>
#include <ctdiff/math/log.hpp>
#include <ctdiff/math/select.hpp>

#include <string_view>

namespace ctdiff::activations {

struct logit_fn {
    static constexpr std::string_view name = "logit";
    static constexpr std::string_view latex = "\\operatorname{logit}";
    template <class T>
    CTDIFF_INLINE static constexpr T eval(T p) {
        const T centre = math::log1p((T(2) * p - T(1)) / (T(1) - p));
        const T outer = math::log(p) - math::log1p(-p);
        const bool above = p >= T(0.25), below = p <= T(0.75); // `&` of two bools: no branch
        return math::select(above & below, centre, outer);
    }
    template <class U>
    static constexpr auto derivative(U) { return one / (U{} * (one - U{})); }
    template <class U>
    static constexpr auto definition(U) { return log(U{} / (one - U{})); }
};

/// log(p/(1 − p)), p = x.
inline constexpr auto logit = ctdiff::detail::make_apply<logit_fn>(x);

} // namespace ctdiff::activations

#endif
