#ifndef CTDIFF_CORE_FUNCTIONS_SIGMOID_HPP
#define CTDIFF_CORE_FUNCTIONS_SIGMOID_HPP

/// \file
/// The logistic function σ(u) = 1/(1 + e^{−u}), as a named function: it prints as σ and its
/// derivative rule is σ(u)·σ(−u) — equal to σ(1 − σ), but with no cancellation in the right tail
/// (1 − σ(u) rounds to 0 for u > 17 in float while σ(−u) keeps its digits).

#include <ctdiff/core/function.hpp>
#include <ctdiff/core/functions/exp.hpp>
#include <ctdiff/core/functions/hyperbolic.hpp>
#include <ctdiff/core/operators.hpp>
#include <ctdiff/math/sigmoid.hpp>

namespace ctdiff {

struct sigmoid_fn {
    static constexpr bool vectorized = true; // eval also takes math::fast_vec (the kernels' SIMD loop)
    static constexpr std::string_view name = "σ";
    static constexpr std::string_view latex = "\\sigma";
    static constexpr ratio at_zero{1, 2};
    template <class T>
    CTDIFF_INLINE static constexpr T eval(T u) { return math::sigmoid(u); }
    template <class U>
    static constexpr auto derivative(U) {
        return detail::make_apply<sigmoid_fn>(U{}) * detail::make_apply<sigmoid_fn>(-U{});
    }
    /// d/du of the rule's σ(u)·σ(−u): σ″ = σσ̄(σ̄ − σ) = −σ(u)σ(−u)·tanh(u/2) (σ(u) − σ(−u) =
    /// tanh(u/2)), a product; the product rule's σσ̄² − σ²σ̄ cancels near its zero at u = 0 (238 ULP
    /// in double at u ≈ 0.007). Used by `d` (diff/derivative.hpp) whenever it differentiates
    /// σ(u)·σ(−u), so σ″, SiLU″, GELU-tanh″ … come out in this form.
    template <class U>
    static constexpr auto mirror_product_derivative(U);
    template <class U>
    static constexpr auto definition(U) { return one / (one + exp(-U{})); }
};
/// σ(u) = 1/(1 + e^{−u}).
template <Expression A>
constexpr auto sigmoid(A) { return detail::make_apply<sigmoid_fn>(A{}); }

template <class U>
constexpr auto sigmoid_fn::mirror_product_derivative(U) {
    return -(sigmoid(U{}) * sigmoid(-U{}) * tanh(U{} / c<ratio{2}>));
}

} // namespace ctdiff

#endif
