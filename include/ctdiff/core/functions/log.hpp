#ifndef CTDIFF_CORE_FUNCTIONS_LOG_HPP
#define CTDIFF_CORE_FUNCTIONS_LOG_HPP

/// \file
/// log (natural; a primitive of the algebra) and log1p(u) = log(1 + u) (accurate near 0).

#include <ctdiff/core/function.hpp>
#include <ctdiff/core/operators.hpp>
#include <ctdiff/math/log.hpp>

namespace ctdiff {

struct log_fn {
    static constexpr std::string_view name = "log";
    static constexpr std::string_view latex = "\\log";
    template <class T>
    CTDIFF_INLINE static constexpr T eval(T u) { return math::log(u); }
    template <class U>
    static constexpr auto derivative(U) { return one / U{}; }
};
/// The natural logarithm; domain u > 0 (log 0 = −∞, log of a negative = NaN).
template <Expression A>
constexpr auto log(A) { return detail::make_apply<log_fn>(A{}); }

struct log1p_fn {
    static constexpr std::string_view name = "log1p";
    static constexpr std::string_view latex = "\\operatorname{log1p}";
    static constexpr ratio at_zero{0};
    template <class T>
    CTDIFF_INLINE static constexpr T eval(T u) { return math::log1p(u); }
    template <class U>
    static constexpr auto derivative(U) { return one / (one + U{}); }
    template <class U>
    static constexpr auto definition(U) { return log(one + U{}); }
};
/// log(1 + u), accurate near u = 0; domain u > −1.
template <Expression A>
constexpr auto log1p(A) { return detail::make_apply<log1p_fn>(A{}); }

} // namespace ctdiff

#endif
