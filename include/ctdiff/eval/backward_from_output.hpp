#ifndef CTDIFF_EVAL_BACKWARD_FROM_OUTPUT_HPP
#define CTDIFF_EVAL_BACKWARD_FROM_OUTPUT_HPP

/// \file
/// Backward from the saved output: dx = dy·P(y) where y = f(x) was kept by the forward pass and
/// f′ = P(f) for a polynomial P with rational coefficients (σ′ = y − y², tanh′ = 1 − y², exp′ = y).
/// It reads y and dy and writes dx — no transcendental function, so it runs at memory speed.
///
///     auto k = ctdiff::backward_from_output(sigmoid(x));   // finds P(y) = y − y² at compile time
///     k(ys, dys, dxs);
///     ctdiff::backward_from_output(tanh(x), ctdiff::polynomial<1, 0, -1>{});  // P given
///
/// `polynomial<c₀, c₁, …>` is P(y) = c₀ + c₁y + c₂y² + …, evaluated in Horner form. Without P,
/// ctdiff searches P of degree ≤ 4 with small rational coefficients; with or without, f′ = P(f)
/// is checked at compile time numerically (at eight points, to 1e-12, through ctdiff::math) — a
/// fallback stated as such, until ctdiff/algebra's `as_polynomial_in` finds and proves P. Where
/// no P exists (GELU) the call does not compile, with one sentence.
///
/// Accuracy: only as good as y. In the tails the polynomial form cancels (1 − y² for tanh once
/// y rounds to ±1 gives exactly 0 where sech² is tiny but not 0); that is inherent to computing
/// from y, not an error of the kernel. Use `backward(f)` (from x) when the tails matter.

#include <ctdiff/core/constant.hpp>
#include <ctdiff/core/operators.hpp>
#include <ctdiff/core/ratio.hpp>
#include <ctdiff/core/variable.hpp>
#include <ctdiff/diff/derivative.hpp>
#include <ctdiff/eval/fused.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <utility>

namespace ctdiff {

/// The polynomial c₀ + c₁y + c₂y² + … with exact rational coefficients.
template <ratio... C>
struct polynomial {
    static constexpr std::array<ratio, sizeof...(C)> coefficients{C...};
    static constexpr std::size_t degree = sizeof...(C) == 0 ? 0 : sizeof...(C) - 1;
};

namespace eval::detail {
// Horner form of Σ cₖ yᵏ (k ≥ K) in y = V, built with the smart constructors (zero terms vanish).
template <class V, ratio C, ratio... Cs>
constexpr auto horner() {
    if constexpr (sizeof...(Cs) == 0) {
        return constant<C>{};
    } else {
        return constant<C>{} + V{} * horner<V, Cs...>();
    }
}
} // namespace eval::detail

/// P(y) as an expression of y = V.
template <class V, ratio... C>
constexpr auto evaluate_polynomial(polynomial<C...>, V) {
    static_assert(sizeof...(C) >= 1, "ctdiff::polynomial needs at least one coefficient");
    return eval::detail::horner<V, C...>();
}

namespace eval::detail {
// f′(t) = P(f(t)) at sample points, in double through ctdiff::math, to 1e-12 relative: the
// numeric fallback until the algebra proves the form (it catches a wrong coefficient, and any
// P for an f whose derivative is no polynomial in f, such as GELU's).
template <class F, class P>
consteval bool derivative_is_polynomial_of_value() {
    using D = decltype(d(F{}, x));
    using PX = decltype(evaluate_polynomial(P{}, x));
    constexpr double samples[] = {-2.25, -1.1, -0.45, -0.1, 0.2, 0.7, 1.6, 3.1};
    for (double t : samples) {
        const environment<double, 1, 0> at_x{{t}, {}};
        const double fx = F::eval(at_x);
        const environment<double, 1, 0> at_y{{fx}, {}};
        const double want = D::eval(at_x);
        const double got = PX::eval(at_y);
        const double diff = want > got ? want - got : got - want;
        const double size = (want < 0 ? -want : want) + (got < 0 ? -got : got);
        if (!(diff <= 1e-12 * size + 1e-300)) {
            return false;
        }
    }
    return true;
}
} // namespace eval::detail

/// dx = dy·P(y): inputs (y, dy), output dx. The form f′ = P(f) is checked at compile time at
/// sample points (see derivative_is_polynomial_of_value): a wrong P does not compile.
template <Expression F, ratio... C>
constexpr auto backward_from_output(F, polynomial<C...> p) {
    static_assert(fused_kernel<1, F>::parameters == 0,
                  "ctdiff::backward_from_output(f, P): f must not use run-time parameters (P's coefficients are "
                  "exact constants)");
    if constexpr (fused_kernel<1, F>::parameters == 0) {
        static_assert(eval::detail::derivative_is_polynomial_of_value<F, polynomial<C...>>(),
                      "ctdiff::backward_from_output(f, P): f′ is not P(f) — the saved output does not determine "
                      "the derivative through this polynomial (for GELU no polynomial does; use backward(f) from x)");
    }
    return kernel<2>(mul<variable<1>, decltype(evaluate_polynomial(p, x))>{});
}

namespace eval::detail {
// What find_polynomial_of_value computes: f′ = Σ c[k]·fᵏ for k ≤ degree, if found.
struct found_polynomial {
    bool found = false;
    std::size_t degree = 0;
    std::array<ratio, 5> c{};
};

// The nearest fraction p/q with q ≤ 64 to v, if it is within tol.
constexpr bool rationalize(double v, double tol, ratio& out) {
    for (std::int64_t q = 1; q <= 64; ++q) {
        const double pq = v * static_cast<double>(q);
        const auto p = static_cast<std::int64_t>(pq < 0 ? pq - 0.5 : pq + 0.5);
        const double e = static_cast<double>(p) / static_cast<double>(q) - v;
        if ((e < 0 ? -e : e) <= tol) {
            out = ratio{p, q};
            return true;
        }
    }
    return false;
}

// Finds f′ as a polynomial of degree ≤ 4 in f with small rational coefficients: fits the
// coefficients at degree + 1 points (Gaussian elimination in double), rounds them to fractions,
// and keeps them only if derivative_is_polynomial_of_value confirms them at eight other points.
// A search, not a proof (the algebra's as_polynomial_in will be both).
template <class F>
consteval found_polynomial find_polynomial_of_value() {
    using D = decltype(d(F{}, x));
    constexpr double fit_points[] = {-1.3, -0.4, 0.35, 1.2, 2.1};
    for (std::size_t deg = 0; deg <= 4; ++deg) {
        const std::size_t m = deg + 1;
        double a[5][6]{};
        for (std::size_t i = 0; i < m; ++i) {
            const environment<double, 1, 0> env{{fit_points[i]}, {}};
            const double y = F::eval(env);
            double pw = 1;
            for (std::size_t k = 0; k < m; ++k) {
                a[i][k] = pw;
                pw *= y;
            }
            a[i][m] = D::eval(env);
        }
        bool singular = false;
        for (std::size_t col = 0; col < m && !singular; ++col) { // partial pivoting
            std::size_t piv = col;
            for (std::size_t r = col + 1; r < m; ++r) {
                if ((a[r][col] < 0 ? -a[r][col] : a[r][col]) > (a[piv][col] < 0 ? -a[piv][col] : a[piv][col])) {
                    piv = r;
                }
            }
            if (a[piv][col] == 0) {
                singular = true;
                break;
            }
            for (std::size_t k = 0; k <= m; ++k) {
                const double t = a[col][k];
                a[col][k] = a[piv][k];
                a[piv][k] = t;
            }
            for (std::size_t r = 0; r < m; ++r) {
                if (r != col) {
                    const double f = a[r][col] / a[col][col];
                    for (std::size_t k = col; k <= m; ++k) {
                        a[r][k] -= f * a[col][k];
                    }
                }
            }
        }
        if (singular) {
            continue;
        }
        found_polynomial res{true, deg, {}};
        for (std::size_t k = 0; k < m && res.found; ++k) {
            res.found = rationalize(a[k][m] / a[k][k], 1e-7, res.c[k]);
        }
        for (std::size_t i = 0; i < 8 && res.found; ++i) { // confirm away from the fitting points
            constexpr double check_points[] = {-2.25, -1.1, -0.45, -0.1, 0.2, 0.7, 1.6, 3.1};
            const environment<double, 1, 0> env{{check_points[i]}, {}};
            const double y = F::eval(env);
            double got = 0;
            for (std::size_t k = m; k-- > 0;) {
                got = got * y + res.c[k].template as<double>();
            }
            const double want = D::eval(env);
            const double diff = want > got ? want - got : got - want;
            res.found = diff <= 1e-12 * ((want < 0 ? -want : want) + (got < 0 ? -got : got)) + 1e-300;
        }
        if (res.found) {
            return res;
        }
    }
    return {};
}

template <class F, std::size_t... K>
constexpr auto found_polynomial_type(std::index_sequence<K...>) {
    constexpr found_polynomial r = find_polynomial_of_value<F>();
    return polynomial<r.c[K]...>{};
}
} // namespace eval::detail

/// dx = dy·P(y) with P found at compile time: `backward_from_output(sigmoid(x))` is
/// dx = dy·y(1 − y), `backward_from_output(tanh(x))` is dx = dy·(1 − y²). P is searched among
/// polynomials of degree ≤ 4 with small rational coefficients and confirmed at eight points
/// (numerically, through ctdiff::math: the stated fallback until the algebra proves it). Where none
/// exists (GELU) this does not compile, with one sentence saying so.
template <Expression F>
constexpr auto backward_from_output(F) {
    static_assert(fused_kernel<1, F>::parameters == 0,
                  "ctdiff::backward_from_output(f): f must not use run-time parameters (P's coefficients are "
                  "exact constants)");
    if constexpr (fused_kernel<1, F>::parameters == 0) {
        constexpr eval::detail::found_polynomial r = eval::detail::find_polynomial_of_value<F>();
        static_assert(r.found, "ctdiff::backward_from_output(f): f′ is no polynomial in f (degree ≤ 4): the saved "
                               "output does not determine the derivative; use backward(f) from x");
        if constexpr (r.found) {
            return backward_from_output(F{}, eval::detail::found_polynomial_type<F>(std::make_index_sequence<r.degree + 1>{}));
        } else {
            return kernel<2>(variable<1>{}); // only reached after the static_assert failed: stops the cascade
        }
    } else {
        return kernel<2>(variable<1>{});
    }
}

} // namespace ctdiff

#endif
