#ifndef CTDIFF_CORE_FUNCTIONS_SOFTPLUS_HPP
#define CTDIFF_CORE_FUNCTIONS_SOFTPLUS_HPP

/// \file
/// softplus(u) = log(1 + eᵘ), evaluated stably (u + log1p(e^{−u}) for large u); softplus' = σ.

#include <ctdiff/core/function.hpp>
#include <ctdiff/core/functions/exp.hpp>
#include <ctdiff/core/functions/log.hpp>
#include <ctdiff/core/functions/sigmoid.hpp>
#include <ctdiff/core/operators.hpp>
#include <ctdiff/math/softplus.hpp>

namespace ctdiff {

struct softplus_fn {
    static constexpr std::string_view name = "softplus";
    static constexpr std::string_view latex = "\\operatorname{softplus}";
    template <class T>
    CTDIFF_INLINE static constexpr T eval(T u) { return math::softplus(u); }
    template <class U>
    static constexpr auto derivative(U) { return sigmoid(U{}); }
    template <class U>
    static constexpr auto definition(U) { return log(one + exp(U{})); }
};
/// log(1 + eᵘ).
template <Expression A>
constexpr auto softplus(A) { return detail::make_apply<softplus_fn>(A{}); }

} // namespace ctdiff

#endif
