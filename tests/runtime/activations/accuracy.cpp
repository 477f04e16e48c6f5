// f, f', f'' of every activation against MPFR (reference.hpp, from the closed forms), in float
// and double, over the whole range: a linear grid on [−20, 20], ±2ᵏ(1 + j/8) from the smallest
// subnormal to the largest finite value, ±1000, ±0; and the special values ±∞ and NaN.
//
// Checked: no NaN or ±∞ where the reference is finite; the ULP error within the tolerance table
// below. SiLU, Mish, GELU and GELU-tanh keep their relative accuracy at the zeros of f′ and f″
// (activations/detail/zero_series.hpp): for them the points closing in on each zero (found on the
// MPFR reference) are added and nothing is left out. For the others the error is measured away
// from those zeros (points whose reference changes sign within a relative 2⁻⁶ or an absolute
// 2⁻⁸: there a cancelling formula's error is absolute, a few ε times the size of its terms).
// Set CTDIFF_PRINT_ULP=1 to print the measured table and the worst x (copied into
// docs/activations.md).
#include "reference.hpp"
#include "test_bits.hpp"

#include <ctdiff/activations.hpp>
#include <ctdiff/diff.hpp>

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <string>
#include <type_traits>
#include <vector>

namespace {

namespace act = ctdiff::activations;
using ctdiff::x;
namespace ref = activation_ref;

template <class T, class E>
T at(E e, T x0, T a, T b = T(1)) {
    return ctdiff::evaluate(e, ctdiff::environment<T, 1, 2>{{x0}, {a, b}});
}

struct result {
    long double max_ulp_away = 0;  // away from the zeros of the reference
    long double worst_x = 0;
    int non_finite = 0;            // NaN/±∞ where the reference is finite
    long double first_bad_x = 0;
};

// at_zeros: the activation keeps its relative accuracy at the zeros of its derivatives too
// (SiLU, Mish, GELU, GELU-tanh: activations/detail/zero_series.hpp), so nothing is left out and
// the points closing in on each zero are added.
template <class T, class E>
result measure(std::string_view name, int n, E e, T alpha, bool unit_interval, bool at_zeros) {
    result r;
    std::vector<T> pts = ref::sample_points<T>(unit_interval);
    if (at_zeros) {
        const std::vector<T> near = ref::points_near_zeros<T>(name, n, alpha);
        pts.insert(pts.end(), near.begin(), near.end());
    }
    for (const T t : pts) {
        const T got = at(e, t, alpha);
        const ref::num want = ref::derivative(name, n, ref::num(t), alpha);
        const long double want_ld = mpfr_get_ld(want.v, ref::rnd);
        const T want_t = static_cast<T>(want_ld);
        if (!std::isfinite(want_t)) {
            // The true value is beyond T's range (or a pole): the result must be that infinity.
            if (!(std::isinf(got) && (got > 0) == (want_ld > 0)) && !std::isnan(want_ld)) {
                ++r.non_finite;
                r.first_bad_x = t;
            }
            continue;
        }
        if (!std::isfinite(got)) {
            if (r.non_finite++ == 0) r.first_bad_x = t;
            continue;
        }
        if (!at_zeros && ref::near_zero(name, n, t, alpha, want)) {
            continue;
        }
        const long double u = ref::ulp_error(got, want);
        if (u > r.max_ulp_away) {
            r.max_ulp_away = u;
            r.worst_x = t;
        }
    }
    return r;
}

template <class T, class E>
void check_activation(std::string_view name, E e, double tol0, double tol1, double tol2, T alpha = T(0),
                      bool unit_interval = false, bool at_zeros = false) {
    // float: 1.5 ULP for every function and order — a formula with a function in it computes in
    // double and rounds once (core/node.hpp compute_type_t: measured 0.50), one of +, −, ×, ÷ alone
    // stays in float (hard_sigmoid 1.33, logit'' 1.27); double: the table below.
    constexpr bool is_float = std::is_same_v<T, float>;
    const double tol[3] = {is_float ? 1.5 : tol0, is_float ? 1.5 : tol1, is_float ? 1.5 : tol2};
    const auto d1 = ctdiff::d(e, x);
    const auto d2 = ctdiff::d<2>(e, x);
    const result rs[3] = {measure<T>(name, 0, e, alpha, unit_interval, at_zeros),
                          measure<T>(name, 1, d1, alpha, unit_interval, at_zeros),
                          measure<T>(name, 2, d2, alpha, unit_interval, at_zeros)};
    for (int n = 0; n < 3; ++n) {
        INFO(name << " order " << n << " in " << (sizeof(T) == 4 ? "float" : "double") << ": max " << double(rs[n].max_ulp_away)
                  << " ULP at x = " << double(rs[n].worst_x) << "; first non-finite at x = " << double(rs[n].first_bad_x));
        CHECK(rs[n].non_finite == 0);
        CHECK(double(rs[n].max_ulp_away) <= tol[n]);
    }
    if (std::getenv("CTDIFF_PRINT_ULP") != nullptr) {
        std::printf("| %-12s | %-6s | %10.2f | %10.2f | %10.2f |\n", std::string(name).c_str(), sizeof(T) == 4 ? "float" : "double",
                    double(rs[0].max_ulp_away), double(rs[1].max_ulp_away), double(rs[2].max_ulp_away));
        std::printf("|              |        | x = %-6.4g | x = %-6.4g | x = %-6.4g |\n", double(rs[0].worst_x),
                    double(rs[1].worst_x), double(rs[2].worst_x));
    }
    // ±∞ and NaN: no NaN at ±∞ (logit: outside its domain), NaN in → NaN out for f.
    if (!unit_interval) {
        for (const T t : {std::numeric_limits<T>::infinity(), -std::numeric_limits<T>::infinity()}) {
            INFO(name << " at x = " << double(t));
            CHECK_FALSE(std::isnan(at(e, t, alpha)));
            CHECK_FALSE(std::isnan(at(d1, t, alpha)));
            CHECK_FALSE(std::isnan(at(d2, t, alpha)));
        }
    }
    INFO(name << " at NaN");
    CHECK(std::isnan(at(e, std::numeric_limits<T>::quiet_NaN(), alpha)));
}

} // namespace

// Tolerances in double (max ULP for f, f', f''): the measured maxima of docs/activations.md, rounded up.
TEMPLATE_TEST_CASE("activations: f, f', f'' within a few ULP of MPFR over the whole range", "[activations][accuracy]", float,
                   double) {
    using T = TestType;
    check_activation<T>("sigmoid", act::sigmoid, 4, 4, 3); // f'' = −σσ̄·tanh(x/2), a product (docs/activations.md, note 1)
    check_activation<T>("tanh", act::tanh, 4, 6, 6);
    check_activation<T>("relu", act::relu, 0, 0, 0);
    check_activation<T>("leaky_relu", act::leaky_relu, 1, 0, 0, T(0.01));
    check_activation<T>("elu", act::elu, 1, 1, 1, T(1));
    check_activation<T>("selu", act::selu, 3, 3, 3);
    check_activation<T>("softplus", act::softplus, 4, 4, 4);
    // SiLU, Mish, GELU, GELU-tanh: checked at the zeros of f′ and f″ as well (note 3).
    check_activation<T>("silu", act::silu, 2, 3, 5, T(0), false, true);
    check_activation<T>("swish", act::swish, 2, 3, 5, T(0), false, true); // β = 1: βx exact
    check_activation<T>("mish", act::mish, 3, 6, 7, T(0), false, true); // sech(softplus) from exp(−x) for x ≥ 2 (mish.hpp)
    check_activation<T>("gelu", act::gelu, 3, 3, 4, T(0), false, true);
    check_activation<T>("gelu_tanh", act::gelu_tanh, 2, 4, 5, T(0), false, true); // the gate σ(2u) with u in double-double (gelu_tanh.hpp)
    check_activation<T>("softsign", act::softsign, 1, 3, 4);
    check_activation<T>("hard_sigmoid", act::hard_sigmoid, 2, 1, 0);
    check_activation<T>("hard_tanh", act::hard_tanh, 0, 0, 0);
    check_activation<T>("logit", act::logit, 3, 1, 2, T(0), true);
}

// Swish's f′, f″ are SiLU's series at z = βx (activations/silu.hpp): for β a power of two z is
// exact, so next to the zeros (z on SiLU's windows) swish′(x) = SiLU′(βx) and swish″(x) =
// β·SiLU″(βx) bit for bit, in double and in float.
TEMPLATE_TEST_CASE("swish at beta = 2 and 1/2 next to its zeros is SiLU at beta x", "[activations][accuracy]", float, double) {
    using T = TestType;
    const auto s1 = ctdiff::d(act::swish, x);
    const auto s2 = ctdiff::d<2>(act::swish, x);
    const auto l1 = ctdiff::d(act::silu, x);
    const auto l2 = ctdiff::d<2>(act::silu, x);
    for (const T b : {T(2), T(0.5)}) {
        for (const T z0 : {T(-1.2784645427610737), T(-2.3993572805154675), T(2.3993572805154675)}) {
            T z = z0;
            for (int k = 0; k < 20; ++k) z = std::nextafter(z, T(-10));
            for (int k = 0; k <= 40; ++k, z = std::nextafter(z, T(10))) {
                const T xv = z / b; // exact: b is a power of two
                INFO("beta = " << b << ", x = " << xv);
                CHECK(test_support::bits(at(s1, xv, T(0), b)) == test_support::bits(at(l1, z, T(0))));
                CHECK(test_support::bits(at(s2, xv, T(0), b)) == test_support::bits(T(b * at(l2, z, T(0)))));
            }
        }
    }
}
