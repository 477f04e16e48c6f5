#ifndef CTDIFF_ACTIVATIONS_DETAIL_ZERO_SERIES_HPP
#define CTDIFF_ACTIVATIONS_DETAIL_ZERO_SERIES_HPP

/// \file
/// Private to ctdiff/activations. Full relative accuracy in double near the zeros of a
/// derivative whose formula is a sum that cancels there.
///
/// The problem: SiLU′ = σ(x) + x·σ(x)σ(−x) is 0 at x₀ ≈ −1.2785, where its two terms are ≈ ±0.22.
/// Each term is within an ULP or two, so the sum is within a few ULP of *the terms*: its
/// relative error grows like Σ|terms|/|value| ∝ 1/|x − x₀| (31 ULP 0.02 from x₀, unbounded at
/// it). float, computed in double (core/node.hpp), sees it only within ~10⁻⁴ of a zero (a float x
/// can lie within 10⁻¹² of one); double has no wider type.
///
/// The remedy, for each such zero of f⁽ⁿ⁾ (SiLU, Swish, Mish, GELU, GELU-tanh; n = 1, 2): on the window
/// around x₀ where the cancellation exceeds 3, f⁽ⁿ⁾(x₀ + t) = t·q(t) with q a polynomial fitted to
/// a relative 2⁻⁵⁸ (tools/zero_series.py, mpmath; data in zero_series_data.hpp; degree 16–25; for
/// a float result, computed in double, the window where it exceeds 2¹², ~10⁻⁴ wide, degree 4),
/// evaluated at
/// t = (x − x₀,hi) − x₀,lo: the first difference is exact (Sterbenz: x is within a factor 2 of x₀
/// on every window), the second rounds once, so t·q(t) keeps its relative accuracy down to the
/// zero itself. Outside the window the formula is used as derived (within ~3× its terms' error).
///
/// How it enters the expressions: the activation's formula is a function tag `refined_fn<Spec, 0>`
/// whose derivative is `refined_fn<Spec, 1>`, then `<Spec, 2>`; each one's value is its
/// formula `d<n>(Spec::formula)` (also its `definition` for the prover, and what it prints as)
/// except on the windows, where it is the series. Orders past the last refined one are the plain
/// derivatives. The value is one form of nodes, select(on a window, series, formula) (form_t):
/// the tag's `form<A>` (core/function.hpp): kernels lower it, so the formula's σ and exp are still
/// shared with f and the other outputs, and evaluate() computes it with the whole environment, so
/// a formula with a run-time parameter (swish's β, its series in z = βx) works like any other. double and float (computed
/// in double) use the series; so does the fast mode (math::fast_float and its lanes), with series
/// of its own: float terms are a few ULP each, so its windows are wide (C > 2, or 3 where no float
/// fit reaches 2⁻²² on the wider one; x within a factor 2 of x₀), its fits are to 2⁻²³–2⁻²² with
/// float coefficients (degree 9–12), and t·q(t) is computed in float with FMA, the same operations
/// on a fast_float as on every lane of a vector (fast_series_value). long double keeps the formula
/// (the window test is the constant "outside" there, which folds away).

#include <ctdiff/core/constant.hpp>
#include <ctdiff/core/function.hpp>
#include <ctdiff/core/node.hpp>
#include <ctdiff/core/select.hpp>
#include <ctdiff/core/variable.hpp>
#include <ctdiff/diff/derivative.hpp>
#include <ctdiff/eval/lower.hpp>
#include <ctdiff/math/detail/common.hpp>
#include <ctdiff/math/detail/fast_core.hpp>
#include <ctdiff/math/fast_float.hpp>
#include <ctdiff/math/wide_float.hpp>

#include <array>
#include <cstddef>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

namespace ctdiff::activations::detail {

/// f⁽ⁿ⁾(x₀ + t) = t·(c[D−1] + c[D−2]t + … + c[0]t^{D−1}) for t ∈ [t_lo, t_hi], x₀ = x0_hi + x0_lo
/// (c highest first, the order of math::detail::horner).
template <std::size_t D>
struct zero_series {
    double x0_hi, x0_lo, t_lo, t_hi;
    std::array<double, D> c;
};

/// The zeros of one derivative; Even: the derivative is even and the one series (at x₀ > 0) is
/// evaluated at |x|.
template <bool Even, std::size_t... D>
struct zero_set {
    static constexpr bool even = Even;
    std::tuple<zero_series<D>...> zeros;
};

/// No zero to refine (f itself, and orders whose formula does not cancel).
inline constexpr zero_set<false> no_zeros{};

/// t = x − x₀ when x is on the series' window, and NaN-free 0 elsewhere (so that no ∞ or NaN is
/// computed, core/math rules), with whether it is.
struct window_t {
    double t;
    bool in;
};
template <std::size_t D>
CTDIFF_INLINE constexpr window_t window(const zero_series<D>& s, double u) {
    CTDIFF_MATH_STRICT
    namespace m = math::detail;
    const double t = (m::finite(u) - s.x0_hi) - s.x0_lo;
    const bool in = !m::is_nan(u) & (t >= s.t_lo) & (t <= s.t_hi); // & not &&: no branch in a loop
    return {m::sel(in, t, 0.0), in};
}

/// Whether v is on one of the windows of Z (as 0 or 1: a node's value).
template <class Z>
CTDIFF_INLINE constexpr double on_window(const Z& z, double v) {
    const double u = Z::even ? math::detail::fabs(v) : v;
    const bool in = std::apply([u](const auto&... s) { return ((unsigned(window(s, u).in) | ... | 0u) != 0u); }, z.zeros);
    return math::detail::sel(in, 1.0, 0.0);
}

/// The series' value at v (0 off the windows). window(s, u) is spelled three times on purpose: the
/// calls are pure and the compiler computes them once, while a named window_t local (a struct
/// with a bool) made GCC 12 report "complicated access pattern" and leave the loop scalar.
template <class Z>
CTDIFF_INLINE constexpr double series_value(const Z& z, double v) {
    CTDIFF_MATH_STRICT
    const double u = Z::even ? math::detail::fabs(v) : v;
    double r = 0.0;
    std::apply(
        [&](const auto&... s) {
            ((r = math::detail::sel(window(s, u).in,
                                    window(s, u).t * math::detail::horner<std::tuple_size_v<decltype(s.c)>>(
                                                         window(s, u).t, math::detail::coef_table{s.c.data()}),
                                    r)),
             ...);
        },
        z.zeros);
    return r;
}

/// The fast mode's series at u in float arithmetic F (float at run time, or a vector of fast lanes):
/// t = (u − x₀,hi) − x₀,lo (the first difference exact: the window keeps u within a factor 2 of
/// x₀), q(t) by Horner with fmadd, t·q(t) where t is on the window (a NaN t is not), else acc.
/// Window = true: 1 on the window, else acc.
template <bool Window, class F, std::size_t D>
CTDIFF_INLINE inline F fast_series_at(const zero_series<D>& s, F u, F acc) {
    using math::detail::sel;         // float's; a vector's are its own (found by argument)
    using math::detail::fast::fmadd;
    const F t = (u - F(float(s.x0_hi))) - F(float(s.x0_lo));
    const auto in = (t >= F(float(s.t_lo))) & (t <= F(float(s.t_hi)));
    if constexpr (Window) {
        return sel(in, F(1.0f), acc);
    } else {
        F q = F(float(s.c[0]));
        for (std::size_t i = 1; i < D; ++i) {
            q = fmadd(q, t, F(float(s.c[i])));
        }
        return sel(in, t * q, acc);
    }
}
/// The series' value (Window = false; 0 off the windows) or the window test (Window = true) of
/// the zero set z at v, in F.
template <bool Window, class Z, class F>
CTDIFF_INLINE inline F fast_series_value(const Z& z, F v) {
    const F u = Z::even ? math::detail::fast::fabsf(v) : v;
    F r = F(0.0f);
    std::apply([&](const auto&... s) { ((r = fast_series_at<Window>(s, u, r)), ...); }, z.zeros);
    return r;
}

/// The types that use the series: double, and math::wide_float (double arithmetic: a float
/// evaluation, whose x can lie within 10⁻¹² of a zero, where the cancellation is 2³⁰ and more).
/// The fast mode has its own (uses_fast_series); long double keeps the formula.
template <class T>
inline constexpr bool uses_series = std::is_same_v<T, double> || std::is_same_v<T, math::wide_float>;
template <class T>
inline constexpr bool uses_fast_series = std::is_same_v<T, math::fast_float> || math::detail::fast_lanes<T>;

/// The zeros of Spec's f⁽ᴺ⁾ for an evaluation in T: double's wide windows and tight fits, or
/// float's narrow ones (a float result needs the series only where the cancellation exceeds
/// 2¹², ~10⁻⁴ around the zero, and four terms there).
template <class Spec, std::size_t N, class T>
constexpr const auto& zeros_for() {
    if constexpr (std::is_same_v<T, double>) {
        return std::get<N>(Spec::zeros);
    } else if constexpr (uses_fast_series<T>) {
        return std::get<N>(Spec::zeros_fast);
    } else {
        return std::get<N>(Spec::zeros_float);
    }
}

template <class T>
CTDIFF_INLINE constexpr double as_double(T v) {
    if constexpr (std::is_same_v<T, double>) {
        return v;
    } else {
        return v.v;
    }
}

/// The window test (Series = false: 1 on a window, 0 off) and the series (Series = true: its value,
/// 0 off the windows) as function tags, the two nodes a kernel selects with (in a type that does
/// not use the series, the constant 0, which folds away).
template <class Spec, std::size_t N, bool Series>
struct zero_part_fn {
    // On a vector of fast lanes (math::fast_vec): the fast series, lane by lane.
    static constexpr bool vectorized = true;
    static constexpr std::string_view name = Series ? "zero_series" : "on_window";
    static constexpr std::string_view latex = Series ? "\\operatorname{zero\\_series}" : "\\operatorname{on\\_window}";
    template <class T>
    CTDIFF_INLINE static constexpr T eval(T v) {
        if constexpr (std::is_same_v<T, math::fast_float>) {
            if (std::is_constant_evaluated()) { // the fast mode's windows, the series in double
                const double d = double(float(v));
                return T(Series ? series_value(zeros_for<Spec, N, T>(), d) : on_window(zeros_for<Spec, N, T>(), d));
            }
            return T(fast_series_value<!Series>(zeros_for<Spec, N, T>(), float(v)));
        } else if constexpr (uses_fast_series<T>) {
            return fast_series_value<!Series>(zeros_for<Spec, N, T>(), v);
        } else if constexpr (!uses_series<T>) {
            return T(0);
        } else if constexpr (Series) {
            return T(series_value(zeros_for<Spec, N, T>(), as_double(v)));
        } else {
            return T(on_window(zeros_for<Spec, N, T>(), as_double(v)));
        }
    }
};
template <class Spec, std::size_t N>
using on_window_fn = zero_part_fn<Spec, N, false>;
template <class Spec, std::size_t N>
using series_fn = zero_part_fn<Spec, N, true>;

/// f⁽ᴺ⁾ of Spec's activation, refined near its zeros (see the file comment). Spec provides
/// `formula(U)` (the activation of U = x), and `zeros` and `zeros_float`, tuples of zero_sets for
/// the orders 0, 1, … it refines (no_zeros where there is nothing to refine), for double and for
/// float results (zero_series_data.hpp has them as a base struct per activation). Optionally
/// `argument(U)` and `scaled<N>(S)`: the series are in z = argument(x) and f⁽ᴺ⁾ = scaled<N>(series
/// at z) (swish: z = βx, swish′ = SiLU′(z), swish″ = β·SiLU″(z)); by default z = x, f⁽ᴺ⁾ = series.
/// It prints as its formula (`shown`), so its own name is generic.
template <class Spec, std::size_t N>
struct refined_fn {
    static constexpr std::size_t orders = std::tuple_size_v<std::remove_cvref_t<decltype(Spec::zeros)>>;
    static constexpr std::string_view name = "refined";
    static constexpr std::string_view latex = "\\operatorname{refined}";

    /// The formula, d<N>(Spec::formula(x)).
    template <class U>
    static constexpr auto formula(U) {
        static_assert(std::is_same_v<U, variable<0>>, "ctdiff: a catalogue activation's refined form applies to x only");
        if constexpr (N == 0) {
            return Spec::formula(x);
        } else {
            return d<N>(Spec::formula(x), x);
        }
    }
    template <class U>
    static constexpr auto definition(U) { return formula(U{}); }
    /// What it prints as: its formula.
    template <class U>
    static constexpr auto shown(U) { return formula(U{}); }
    template <class U>
    static constexpr auto derivative(U) {
        if constexpr (N + 1 < orders) {
            return ctdiff::detail::make_apply<refined_fn<Spec, N + 1>>(U{});
        } else {
            return d<N + 1>(Spec::formula(x), x);
        }
    }

    /// The value as nodes: select(on a window of z, the (scaled) series at z, the formula).
    static constexpr auto make_form() {
        constexpr auto plain = formula(x);
        if constexpr (std::tuple_size_v<decltype(std::get<N>(Spec::zeros).zeros)> == 0) {
            return plain;
        } else {
            constexpr auto z = [] {
                if constexpr (requires { Spec::argument(x); }) {
                    return Spec::argument(x);
                } else {
                    return x;
                }
            }();
            using Z = std::remove_cvref_t<decltype(z)>;
            constexpr auto series = apply<series_fn<Spec, N>, Z>{};
            constexpr auto value = [&] {
                if constexpr (requires { Spec::template scaled<N>(series); }) {
                    return Spec::template scaled<N>(series);
                } else {
                    return series;
                }
            }();
            using C = comparison<greater_op, apply<on_window_fn<Spec, N>, Z>, constant<ratio{0}>>;
            return select_node<C, std::remove_cvref_t<decltype(value)>, std::remove_cvref_t<decltype(plain)>>{};
        }
    }
    using form_t = decltype(make_form());
    /// The application's value as nodes (core/function.hpp): evaluate() computes it with the whole
    /// environment, kernels lower it.
    template <class A>
        requires std::is_same_v<A, variable<0>>
    using form = form_t;

    /// The value at v alone (the Function interface; evaluate() and the kernels use form_t with the
    /// environment instead).
    template <class T>
    CTDIFF_INLINE static constexpr T eval(T v) {
        return form_t::eval(environment<T, 1, 0>{{v}, {}});
    }
};

/// f of Spec's activation at x, as the first of its refined derivatives.
template <class Spec>
inline constexpr auto refined = ctdiff::detail::make_apply<refined_fn<Spec, 0>>(x);

} // namespace ctdiff::activations::detail

#endif
