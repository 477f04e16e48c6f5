#ifndef CTDIFF_CORE_FUNCTIONS_NORMAL_HPP
#define CTDIFF_CORE_FUNCTIONS_NORMAL_HPP

/// \file
/// The standard normal distribution's CDF Φ and density φ, what GELU is written with:
/// Φ(u) = (1 + erf(u/√2))/2, evaluated as erfc(−u/√2)/2 (keeps its relative accuracy in the
/// left tail, where 1 + erf cancels); φ(u) = e^{−u²/2}/√(2π); Φ' = φ, φ' = −uφ.

#include <ctdiff/core/constant.hpp>
#include <ctdiff/core/function.hpp>
#include <ctdiff/core/functions/erf.hpp>
#include <ctdiff/core/functions/exp.hpp>
#include <ctdiff/core/operators.hpp>
#include <ctdiff/math/normal.hpp>

namespace ctdiff {

/// φ(u) = e^{−u²/2}/√(2π).
struct norm_pdf_fn {
    static constexpr bool vectorized = true; // eval also takes math::fast_vec (the kernels' SIMD loop)
    static constexpr std::string_view name = "φ";
    static constexpr std::string_view latex = "\\varphi";
    template <class T>
    CTDIFF_INLINE static constexpr T eval(T u) { return math::norm_pdf(u); }
    template <class U>
    static constexpr auto derivative(U) { return -(U{} * detail::make_apply<norm_pdf_fn>(U{})); }
    template <class U>
    static constexpr auto definition(U) {
        return exp(-(pow<ratio{2}>(U{}) / c<ratio{2}>)) / (sqrt2 * sqrt_pi);
    }
};
template <Expression A>
constexpr auto norm_pdf(A) { return detail::make_apply<norm_pdf_fn>(A{}); }

/// Φ(u) = (1 + erf(u/√2))/2.
struct norm_cdf_fn {
    static constexpr bool vectorized = true; // eval also takes math::fast_vec (the kernels' SIMD loop)
    static constexpr std::string_view name = "Φ";
    static constexpr std::string_view latex = "\\Phi";
    static constexpr ratio at_zero{1, 2};
    template <class T>
    CTDIFF_INLINE static constexpr T eval(T u) { return math::norm_cdf(u); }
    template <class U>
    static constexpr auto derivative(U) { return norm_pdf(U{}); }
    template <class U>
    static constexpr auto definition(U) { return (one + erf(U{} / sqrt2)) / c<ratio{2}>; }
};
template <Expression A>
constexpr auto norm_cdf(A) { return detail::make_apply<norm_cdf_fn>(A{}); }

} // namespace ctdiff

#endif
