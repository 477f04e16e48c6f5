#ifndef CTDIFF_CORE_FUNCTIONS_ABS_HPP
#define CTDIFF_CORE_FUNCTIONS_ABS_HPP

/// \file
/// |u| and sign(u). |u|' = sign(u), with sign(0) = 0 (the mean of the one-sided slopes, as
/// PyTorch and JAX use); sign' = 0 (everywhere it exists). To the algebra both are opaque atoms.

#include <ctdiff/core/function.hpp>
#include <ctdiff/core/operators.hpp>
#include <ctdiff/math/select.hpp>

#include <bit>
#include <cstdint>
#include <type_traits>

namespace ctdiff {

struct sign_fn {
    static constexpr bool vectorized = true; // eval also takes math::fast_vec (the kernels' SIMD loop)
    static constexpr std::string_view name = "sign";
    static constexpr std::string_view latex = "\\operatorname{sign}";
    static constexpr ratio at_zero{0};
    /// −1, 0 or 1; NaN for NaN; sign(±0) = ±0 (u itself: no u·0, which is NaN at ±∞ in constant
    /// evaluation now that both sides of the select are computed).
    template <class T>
    CTDIFF_INLINE static constexpr T eval(T u) {
        return math::select(u > T(0), T(1), math::select(u < T(0), T(-1), u));
    }
    template <class U>
    static constexpr auto derivative(U) { return zero; }
};
template <Expression A>
constexpr auto sign(A) { return detail::make_apply<sign_fn>(A{}); }

struct abs_fn {
    static constexpr bool vectorized = true; // eval also takes math::fast_vec (the kernels' SIMD loop)
    static constexpr std::string_view name = "abs";
    static constexpr std::string_view latex = "\\operatorname{abs}";
    static constexpr ratio at_zero{0};
    /// |u| by clearing the sign bit: |−0| = +0, |NaN| = NaN.
    template <class T>
    CTDIFF_INLINE static constexpr T eval(T u) {
        if constexpr (math::detail::fast_lanes<T>) { // math::fast_vec: every lane
            return math::abs(u);
        } else if constexpr (std::is_class_v<T>) { // math::wide_float, math::fast_float: on the value they wrap
            return T(eval(u.v));
        } else if constexpr (sizeof(T) == 4) {
            return std::bit_cast<T>(std::bit_cast<std::uint32_t>(u) & 0x7fffffffu);
        } else {
            return std::bit_cast<T>(std::bit_cast<std::uint64_t>(u) & 0x7fffffffffffffffull);
        }
    }
    template <class U>
    static constexpr auto derivative(U) { return sign(U{}); }
};
template <Expression A>
constexpr auto abs(A) { return detail::make_apply<abs_fn>(A{}); }

} // namespace ctdiff

#endif
