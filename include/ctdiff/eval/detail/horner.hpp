#ifndef CTDIFF_EVAL_DETAIL_HORNER_HPP
#define CTDIFF_EVAL_DETAIL_HORNER_HPP

/// \file
/// c₀ + V·(c₁ + V·(c₂ + …)) as an expression, built with the core's smart constructors (zero
/// terms vanish): the polynomial forms of backward_from_output and of the stabilized kernels.

#include <ctdiff/core/constant.hpp>
#include <ctdiff/core/operators.hpp>
#include <ctdiff/core/ratio.hpp>

namespace ctdiff::eval::detail {

template <class V, ratio C, ratio... Cs>
constexpr auto horner() {
    if constexpr (sizeof...(Cs) == 0) {
        return constant<C>{};
    } else {
        return constant<C>{} + V{} * horner<V, Cs...>();
    }
}

} // namespace ctdiff::eval::detail

#endif
