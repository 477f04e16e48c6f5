#ifndef CTDIFF_CORE_FUNCTIONS_HYPERBOLIC_HPP
#define CTDIFF_CORE_FUNCTIONS_HYPERBOLIC_HPP

/// \file
/// tanh, sinh, cosh and sech = 1/cosh, each defined through exp for the algebra.
/// tanh' is given as sech² (not 1 − tanh², which loses every digit once tanh rounds to ±1).

#include <ctdiff/core/function.hpp>
#include <ctdiff/core/functions/exp.hpp>
#include <ctdiff/core/operators.hpp>
#include <ctdiff/math/exp.hpp>
#include <ctdiff/math/select.hpp>
#include <ctdiff/math/tanh.hpp>

namespace ctdiff {

struct sinh_fn;
struct cosh_fn;
struct sech_fn;

template <Expression A>
constexpr auto sinh(A) { return detail::make_apply<sinh_fn>(A{}); }
template <Expression A>
constexpr auto cosh(A) { return detail::make_apply<cosh_fn>(A{}); }
template <Expression A>
constexpr auto sech(A) { return detail::make_apply<sech_fn>(A{}); }

/// sinh u = (eᵘ − e⁻ᵘ)/2. Evaluated as (expm1(u) − expm1(−u))/2: no cancellation near 0;
/// overflows to ±∞ for |u| > log(max)  (≈ 88.7 in float), a little before the true sinh does.
struct sinh_fn {
    static constexpr std::string_view name = "sinh";
    static constexpr std::string_view latex = "\\sinh";
    static constexpr ratio at_zero{0};
    template <class T>
    CTDIFF_INLINE static constexpr T eval(T u) { return (math::expm1(u) - math::expm1(-u)) * T(0.5); }
    template <class U>
    static constexpr auto derivative(U) { return cosh(U{}); }
    template <class U>
    static constexpr auto definition(U) { return (exp(U{}) - exp(-U{})) / c<ratio{2}>; }
};
/// cosh u = (eᵘ + e⁻ᵘ)/2, evaluated from e^|u|; overflows for |u| > log(max) like sinh.
struct cosh_fn {
    static constexpr bool vectorized = true; // eval also takes math::fast_vec (the kernels' SIMD loop)
    static constexpr std::string_view name = "cosh";
    static constexpr std::string_view latex = "\\cosh";
    static constexpr ratio at_zero{1};
    template <class T>
    CTDIFF_INLINE static constexpr T eval(T u) {
        const T e = math::exp(math::select(u < T(0), -u, u));
        return (e + T(1) / e) * T(0.5);
    }
    template <class U>
    static constexpr auto derivative(U) { return sinh(U{}); }
    template <class U>
    static constexpr auto definition(U) { return (exp(U{}) + exp(-U{})) / c<ratio{2}>; }
};
/// sech u = 1/cosh u = 2e^{−|u|}/(1 + e^{−2|u|}): finite and accurate over the whole range.
struct sech_fn {
    static constexpr bool vectorized = true; // eval also takes math::fast_vec (the kernels' SIMD loop)
    static constexpr std::string_view name = "sech";
    static constexpr std::string_view latex = "\\operatorname{sech}";
    static constexpr ratio at_zero{1};
    template <class T>
    CTDIFF_INLINE static constexpr T eval(T u) { return math::sech(u); }
    template <class U>
    static constexpr auto derivative(U);
    template <class U>
    static constexpr auto definition(U) { return c<ratio{2}> / (exp(U{}) + exp(-U{})); }
};

/// tanh u = (eᵘ − e⁻ᵘ)/(eᵘ + e⁻ᵘ); tanh' = sech².
struct tanh_fn {
    static constexpr bool vectorized = true; // eval also takes math::fast_vec (the kernels' SIMD loop)
    static constexpr std::string_view name = "tanh";
    static constexpr std::string_view latex = "\\tanh";
    static constexpr ratio at_zero{0};
    template <class T>
    CTDIFF_INLINE static constexpr T eval(T u) { return math::tanh(u); }
    template <class U>
    static constexpr auto derivative(U) { return pow<ratio{2}>(sech(U{})); }
    template <class U>
    static constexpr auto definition(U) { return (exp(U{}) - exp(-U{})) / (exp(U{}) + exp(-U{})); }
};
template <Expression A>
constexpr auto tanh(A) { return detail::make_apply<tanh_fn>(A{}); }

template <class U>
constexpr auto sech_fn::derivative(U) { return -(sech(U{}) * tanh(U{})); }

} // namespace ctdiff

#endif
