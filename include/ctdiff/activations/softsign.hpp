#ifndef CTDIFF_ACTIVATIONS_SOFTSIGN_HPP
#define CTDIFF_ACTIVATIONS_SOFTSIGN_HPP

/// \file
/// softsign(x) = x/(1 + |x|).
///
/// - Domain ℝ, range (−1, 1); odd; C¹ at 0 (softsign'' jumps from 2 to −2 there: softsign''(0) =
///   0, the convention of sign(0) = 0). softsign(±∞) = ±1; NaN propagates.
/// - Derivatives: softsign' = (1/(1 + |x|))², softsign'' = −2 sign(x)(1 + |x|)⁻³.
/// - Why a function tag, not x/(1 + |x|) written with operators: the quotient rule on that form
///   gives 1/(1 + |x|) − x·sign(x)/(1 + |x|)², a difference of two nearly equal terms that loses
///   every digit for large |x| (in float from |x| ≈ 10⁴), and ∞/∞ = NaN at ±∞. The tag states the
///   derivative in the product form, and evaluates softsign as a/(1 + a) for a = |x| < 1 and
///   1 − 1/(1 + a) above (finite at ∞). (A user's own function is a tag like this one; nothing in
///   the engine knows about it.) Subnormal results of softsign'' (|x| ≳ 10¹⁰² in double) flush to 0
///   because (1 + |x|)³ overflows first.

#include <ctdiff/core/constant.hpp>
#include <ctdiff/core/function.hpp>
#include <ctdiff/core/functions/abs.hpp>
#include <ctdiff/core/operators.hpp>
#include <ctdiff/core/variable.hpp>
#include <ctdiff/math/select.hpp>

#include <string_view>

namespace ctdiff::activations {

struct softsign_fn {
    static constexpr std::string_view name = "softsign";
    static constexpr std::string_view latex = "\\operatorname{softsign}";
    static constexpr ratio at_zero{0};
    template <class T>
    CTDIFF_INLINE static constexpr T eval(T u) {
        // Both pieces are computed (a select, so loops vectorize), each on an operand of its own
        // range: a/(1 + a) never sees a = ∞ (∞/∞ = NaN, rejected in constant evaluation).
        const T a = math::select(u < T(0), -u, u);
        const bool small = a < T(1);
        const T as = math::select(small, a, T(0));
        const T ab = math::select(small, T(1), a);
        const T r = math::select(small, as / (T(1) + as), T(1) - T(1) / (T(1) + ab));
        return math::select(u < T(0), -r, r);
    }
    template <class U>
    static constexpr auto derivative(U) { return pow<ratio{2}>(one / (one + abs(U{}))); } // (1/b)², not 1/b²: b² overflows while the result is still a (subnormal) number
    template <class U>
    static constexpr auto definition(U) { return U{} / (one + abs(U{})); }
};

/// x/(1 + |x|).
inline constexpr auto softsign = ctdiff::detail::make_apply<softsign_fn>(x);

} // namespace ctdiff::activations

#endif
