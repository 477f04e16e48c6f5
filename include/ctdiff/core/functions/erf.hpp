#ifndef CTDIFF_CORE_FUNCTIONS_ERF_HPP
#define CTDIFF_CORE_FUNCTIONS_ERF_HPP

/// \file
/// erf (a primitive of the algebra: an atom of its own) and erfc = 1 − erf (accurate in the
/// right tail, where 1 − erf loses every digit).

#include <ctdiff/core/function.hpp>
#include <ctdiff/core/functions/exp.hpp>
#include <ctdiff/core/operators.hpp>
#include <ctdiff/math/erf.hpp>

namespace ctdiff {

/// erf u = 2/√π ∫₀ᵘ e^{−t²} dt; erf' = 2/√π · e^{−u²}.
struct erf_fn {
    static constexpr std::string_view name = "erf";
    static constexpr std::string_view latex = "\\operatorname{erf}";
    static constexpr ratio at_zero{0};
    template <class T>
    CTDIFF_INLINE static constexpr T eval(T u) { return math::erf(u); }
    template <class U>
    static constexpr auto derivative(U) { return c<ratio{2}> / sqrt_pi * exp(-pow<ratio{2}>(U{})); }
};
template <Expression A>
constexpr auto erf(A) { return detail::make_apply<erf_fn>(A{}); }

/// erfc u = 1 − erf u.
struct erfc_fn {
    static constexpr std::string_view name = "erfc";
    static constexpr std::string_view latex = "\\operatorname{erfc}";
    static constexpr ratio at_zero{1};
    template <class T>
    CTDIFF_INLINE static constexpr T eval(T u) { return math::erfc(u); }
    template <class U>
    static constexpr auto derivative(U) { return -(c<ratio{2}> / sqrt_pi * exp(-pow<ratio{2}>(U{}))); }
    template <class U>
    static constexpr auto definition(U) { return one - erf(U{}); }
};
template <Expression A>
constexpr auto erfc(A) { return detail::make_apply<erfc_fn>(A{}); }

} // namespace ctdiff

#endif
