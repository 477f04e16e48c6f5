#ifndef CTDIFF_ALGEBRA_DETAIL_LOWERING_HPP
#define CTDIFF_ALGEBRA_DETAIL_LOWERING_HPP

/// \file
/// Private to ctdiff/algebra (the prover behind algebra/equivalent.hpp). Both sides of an identity with their functions' definitions
/// expanded (type level), what each tag means to the prover, and both lowered into one graph of
/// values (the simplifier's lowering).

#include <ctdiff/algebra/simplify.hpp>
#include <ctdiff/core/constant.hpp>
#include <ctdiff/core/function.hpp>
#include <ctdiff/core/functions/abs.hpp>
#include <ctdiff/core/functions/erf.hpp>
#include <ctdiff/core/functions/exp.hpp>
#include <ctdiff/core/functions/log.hpp>
#include <ctdiff/core/operators.hpp>
#include <ctdiff/core/rewrite.hpp>
#include <ctdiff/core/select.hpp>

#include <array>
#include <type_traits>

namespace ctdiff::prove_detail {

template <class F, class A>
constexpr auto expand_apply();
// The prover's rewriting rule: each application of a function with a definition to that definition
// (itself expanded), the primitives (exp, log, erf, abs, sign, users' functions) kept.
struct definition_rule {
    template <class F, class A>
    using on_apply = decltype(expand_apply<F, A>());
};
template <class E>
using expand_t = rewrite_t<E, definition_rule>;

template <class F, class A>
constexpr auto expand_apply() {
    if constexpr (DefinedFunction<F>) {
        return expand_t<std::remove_cvref_t<decltype(F::definition(A{}))>>{};
    } else {
        return apply<F, A>{};
    }
}

// ----- what each tag means to the prover ---------------------------------------------------------

enum class tagk : unsigned char { other, exp, log, erf, abs, sign, pi, sqrt2, sqrt_pi, gt, ge, lt, le };

template <class T>
consteval tagk kind_of_tag() {
    if constexpr (std::is_same_v<T, exp_fn>) {
        return tagk::exp;
    } else if constexpr (std::is_same_v<T, log_fn>) {
        return tagk::log;
    } else if constexpr (std::is_same_v<T, erf_fn>) {
        return tagk::erf;
    } else if constexpr (std::is_same_v<T, abs_fn>) {
        return tagk::abs;
    } else if constexpr (std::is_same_v<T, sign_fn>) {
        return tagk::sign;
    } else if constexpr (std::is_same_v<T, pi_tag>) {
        return tagk::pi;
    } else if constexpr (std::is_same_v<T, sqrt2_tag>) {
        return tagk::sqrt2;
    } else if constexpr (std::is_same_v<T, sqrt_pi_tag>) {
        return tagk::sqrt_pi;
    } else if constexpr (std::is_same_v<T, greater_op>) {
        return tagk::gt;
    } else if constexpr (std::is_same_v<T, greater_equal_op>) {
        return tagk::ge;
    } else if constexpr (std::is_same_v<T, less_op>) {
        return tagk::lt;
    } else if constexpr (std::is_same_v<T, less_equal_op>) {
        return tagk::le;
    } else {
        return tagk::other;
    }
}
template <class... Ts>
consteval std::array<tagk, sizeof...(Ts) + 1> tag_kinds(simplify_detail::type_list<Ts...>) {
    return {kind_of_tag<Ts>()..., tagk::other};
}

template <class A, class B>
struct problem {
    using EA = expand_t<A>;
    using EB = expand_t<B>;
    using tags = typename simplify_detail::merge<simplify_detail::tags_of_t<EA>, simplify_detail::tags_of_t<EB>>::type;
    static constexpr auto kinds = tag_kinds(tags{});
    struct lowered {
        simplify_detail::lowering L;
        int a = -1;
        int b = -1;
    };
    static constexpr lowered lower() {
        lowered r;
        r.a = simplify_detail::lower<EA, tags>(r.L);
        r.b = simplify_detail::lower<EB, tags>(r.L);
        return r;
    }
};

} // namespace ctdiff::prove_detail

#endif
