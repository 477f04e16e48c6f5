#ifndef CTDIFF_CORE_FUNCTIONS_POWER_HPP
#define CTDIFF_CORE_FUNCTIONS_POWER_HPP

/// \file
/// How `power<A, P>` evaluates a non-integer exponent P = n/2 (√, 1/√, u^{3/2} …) through
/// math::sqrt, and any other P as exp(P·log u) (domain u > 0).

#include <ctdiff/core/operators.hpp>
#include <ctdiff/math/exp.hpp>
#include <ctdiff/math/log.hpp>
#include <ctdiff/math/sqrt.hpp>

namespace ctdiff::detail {

template <ratio P>
struct power_evaluator {
    template <class T>
    CTDIFF_INLINE static constexpr T eval(T u) {
        if constexpr (P.den == 2) {
            return ipow<(P.num - 1) / 2>(u) * math::sqrt(u); // P.num is odd
        } else {
            return math::exp(P.template as<T>() * math::log(u));
        }
    }
};

} // namespace ctdiff::detail

#endif
