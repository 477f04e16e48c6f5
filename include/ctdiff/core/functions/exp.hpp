#ifndef CTDIFF_CORE_FUNCTIONS_EXP_HPP
#define CTDIFF_CORE_FUNCTIONS_EXP_HPP

/// \file
/// exp (a primitive of the algebra) and expm1(u) = eˣ − 1 (accurate near 0).

#include <ctdiff/core/function.hpp>
#include <ctdiff/core/operators.hpp>
#include <ctdiff/math/exp.hpp>

namespace ctdiff {

struct exp_fn {
    static constexpr bool vectorized = true; // eval also takes math::fast_vec (the kernels' SIMD loop)
    static constexpr std::string_view name = "exp";
    static constexpr std::string_view latex = "\\exp";
    static constexpr ratio at_zero{1};
    template <class T>
    CTDIFF_INLINE static constexpr T eval(T u) { return math::exp(u); }
    template <class U>
    static constexpr auto derivative(U) { return detail::make_apply<exp_fn>(U{}); }
};
/// eᵘ.
template <Expression A>
constexpr auto exp(A) { return detail::make_apply<exp_fn>(A{}); }

struct expm1_fn {
    static constexpr std::string_view name = "expm1";
    static constexpr std::string_view latex = "\\operatorname{expm1}";
    static constexpr ratio at_zero{0};
    template <class T>
    CTDIFF_INLINE static constexpr T eval(T u) { return math::expm1(u); }
    template <class U>
    static constexpr auto derivative(U) { return exp(U{}); }
    template <class U>
    static constexpr auto definition(U) { return exp(U{}) - one; }
};
/// eᵘ − 1, evaluated without cancellation near u = 0.
template <Expression A>
constexpr auto expm1(A) { return detail::make_apply<expm1_fn>(A{}); }

} // namespace ctdiff

#endif
