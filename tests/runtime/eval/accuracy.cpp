// Kernels against MPFR (tests/runtime/activations/reference.hpp, from the closed forms): f, f′, f″
// of catalogue activations, float kernels in the fast mode (`k(xs, ys…, ctdiff::fast)`: float
// arithmetic, fast e^x, σ, tanh, sech), and the default mode in float and double (last test
// case), over the points of the activation accuracy test (a 1/64 grid on [−20, 20], ±2ᵏ(1 + j/8)
// over the whole range, ±1000, ±0): for the refined activations (SiLU, Mish, GELU, GELU-tanh: their
// zero series) with the points closing in on the zeros of f′ and f″ too, in both modes; for the
// others with the activation test's exclusion near the zeros of the reference (σ″, tanh″ at 0).
// Checked: the max ULP within the stated bound (the measured maxima, rounded
// up: docs/kernels.md); no NaN or ±∞ where the reference is finite; NaN in, NaN out;
// `k.at(mode, …)` at run time gives the loop's bits. Last, a forward pass alone (σ's solo form):
// the same checks, the specials, and in the default mode the bits of f beside f′, f″. Set
// CTDIFF_PRINT_ULP=1 to print.
#include "../activations/reference.hpp"
#include "test_bits.hpp"

#include <ctdiff/activations.hpp>
#include <ctdiff/diff.hpp>
#include <ctdiff/eval.hpp>

#include <catch2/catch.hpp>

#include <array>
#include <bit>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <string_view>
#include <vector>

namespace {

namespace act = ctdiff::activations;
namespace ref = activation_ref;
using ctdiff::x;

// The kernel fused(f, f′, f″) in T (mode: ctdiff::accurate or ctdiff::fast), over the sample
// points and, with at_zeros, the points closing in on each zero of f′ and f″ (where the catalogue's
// refined SiLU, Mish, GELU and GELU-tanh must keep their relative accuracy; without it those
// points are left out of the maxima as in the activation test).
template <class T, class Mode, class F>
void check_kernel(std::string_view name, F f, const std::array<double, 3>& tol, T alpha = T(0), bool at_zeros = false) {
    const auto k = ctdiff::fused(f, ctdiff::d(f, x), ctdiff::d<2>(f, x));
    const auto run = [&](const std::vector<T>& in, std::vector<T>& y0, std::vector<T>& y1, std::vector<T>& y2) {
        if constexpr (decltype(k)::parameters == 0) {
            k(in, y0, y1, y2, Mode{});
        } else if constexpr (decltype(k)::parameters == 1) {
            k(in, y0, y1, y2, ctdiff::params{alpha}, Mode{});
        } else { // swish: α's slot unused, β = 1
            static_assert(decltype(k)::parameters == 2);
            k(in, y0, y1, y2, ctdiff::params{alpha, T(1)}, Mode{});
        }
    };
    std::vector<T> xs = ref::sample_points<T>(false);
    if (at_zeros) {
        for (int n = 1; n <= 2; ++n) {
            const std::vector<T> near = ref::points_near_zeros<T>(name, n, alpha);
            xs.insert(xs.end(), near.begin(), near.end());
        }
    }
    std::vector<T> out[3] = {std::vector<T>(xs.size()), std::vector<T>(xs.size()), std::vector<T>(xs.size())};
    run(xs, out[0], out[1], out[2]);
    std::array<long double, 3> worst{};
    std::array<T, 3> worst_x{};
    int non_finite = 0;
    int at_differs = 0;
    for (std::size_t i = 0; i < xs.size(); ++i) {
        const auto a = k.at(Mode{}, std::array<T, 1>{xs[i]}, std::array<T, 2>{alpha, T(1)});
        for (int n = 0; n < 3; ++n) {
            if (test_support::bits(a[n]) != test_support::bits(out[n][i])) {
                ++at_differs;
            }
            const T got = out[n][i];
            const ref::num want = ref::derivative(name, n, ref::num(xs[i]), alpha);
            const long double want_ld = mpfr_get_ld(want.v, ref::rnd);
            if (!std::isfinite(static_cast<T>(want_ld))) {
                continue;
            }
            if (!std::isfinite(got)) {
                ++non_finite;
                UNSCOPED_INFO(name << " order " << n << ": " << got << " at x = " << xs[i]);
                continue;
            }
            if (!at_zeros && ref::near_zero(name, n, xs[i], alpha, want)) {
                continue;
            }
            const long double u = ref::ulp_error(got, want);
            if (u > worst[n]) {
                worst[n] = u;
                worst_x[n] = xs[i];
            }
        }
    }
    if (std::getenv("CTDIFF_PRINT_ULP") != nullptr) {
        std::printf("%s %-6s %-10s f %.2Lf (x=%g)  f' %.2Lf (x=%g)  f'' %.2Lf (x=%g)\n",
                    std::is_same_v<Mode, ctdiff::fast_t> ? "fast" : "kernel", sizeof(T) == 4 ? "float" : "double",
                    std::string(name).c_str(), worst[0], double(worst_x[0]), worst[1], double(worst_x[1]), worst[2],
                    double(worst_x[2]));
    }
    for (int n = 0; n < 3; ++n) {
        INFO(name << " order " << n << ": max " << double(worst[n]) << " ULP at x = " << worst_x[n]);
        CHECK(double(worst[n]) <= tol[n]);
    }
    CHECK(non_finite == 0);
    CHECK(at_differs == 0);
    const std::vector<T> nan_in(17, std::numeric_limits<T>::quiet_NaN());
    std::vector<T> o0(17), o1(17), o2(17);
    run(nan_in, o0, o1, o2);
    for (std::size_t i = 0; i < nan_in.size(); ++i) {
        CHECK((std::isnan(o0[i]) && std::isnan(o1[i]) && std::isnan(o2[i])));
    }
}

// at_zeros: the refined activations (their fast zero series), at the points closing in on the
// zeros of f′ and f″ too, none left out.
template <class F>
void check_fast(std::string_view name, F f, const std::array<double, 3>& tol, float alpha = 0.0f, bool at_zeros = false) {
    check_kernel<float, ctdiff::fast_t>(name, f, tol, alpha, at_zeros);
}

} // namespace

TEST_CASE("kernels, fast mode: f, f', f'' within a few ULP of MPFR over the whole float range", "[eval][fast][accuracy]") {
    // silu, mish: at |x| ≈ 104 σ(−104) is subnormal and has lost digits before the
    // product with x. gelu_tanh: σ(2u) passes on float's rounding of u times |2u|. docs/kernels.md.
    check_fast("sigmoid", act::sigmoid, {2, 4, 5});
    check_fast("tanh", act::tanh, {3, 5, 5});
    check_fast("silu", act::silu, {51, 51, 50}, 0.0f, true); // f beside f′ and f″: σ's shared form
    check_fast("mish", act::mish, {51, 51, 56}, 0.0f, true);
    check_fast("softplus", act::softplus, {2, 2, 4});
    check_fast("gelu", act::gelu, {8, 8, 103}, 0.0f, true);
    check_fast("gelu_tanh", act::gelu_tanh, {220, 180, 2978}, 0.0f, true);
    check_fast("elu", act::elu, {1, 1, 1}, 1.0f);
}

// The default mode, float and double: the kernels' forms (σ's shared exp, within 3 ULP; Mish's
// rational tanh/sech of softplus; the zero series selected as nodes) against MPFR, and for the
// refined activations at the zeros of f′ and f″ too. float computes in double (0.50 everywhere).
TEMPLATE_TEST_CASE("kernels: f, f', f'' within a few ULP of MPFR, at the zeros of f' and f'' too", "[eval][kernels][accuracy]",
                   float, double) {
    using T = TestType;
    using A = ctdiff::accurate_t;
    constexpr bool is_float = std::is_same_v<T, float>;
    const auto tol = [&](std::array<double, 3> d) { return is_float ? std::array<double, 3>{0.501, 0.501, 0.501} : d; };
    check_kernel<T, A>("sigmoid", act::sigmoid, tol({3, 3, 4}));
    check_kernel<T, A>("tanh", act::tanh, tol({1, 2, 3}));
    check_kernel<T, A>("softplus", act::softplus, tol({2, 3, 3}));
    check_kernel<T, A>("silu", act::silu, tol({3, 5, 5}), T(0), true);
    check_kernel<T, A>("swish", act::swish, tol({3, 5, 5}), T(0), true);
    check_kernel<T, A>("mish", act::mish, tol({4, 6, 8}), T(0), true);
    check_kernel<T, A>("gelu", act::gelu, tol({3, 3, 3}), T(0), true);
    check_kernel<T, A>("gelu_tanh", act::gelu_tanh, tol({3, 5, 6}), T(0), true);
}

// A forward pass alone: σ's kernel form is then its solo node (eval/lower.hpp: no other node reads
// e or r), one division of 2^64-scaled operands in the fast mode, and SiLU's x·σ(x) one node too
// (in the fast mode with no subnormal σ rounded before the product: 3 ULP, not 51). In the default mode it must give
// the very bits of f computed beside f′ and f″ (the shared form); in the fast mode the accuracy
// above; in both, the IEEE answer at ±0, ±∞, NaN, subnormals and beyond the exp's clamp, and
// `k.at` the loop's bits.
template <class T, class Mode, class F>
void check_forward_alone(std::string_view name, F f, double tol) {
    const auto alone = ctdiff::fused(f);
    const auto beside = ctdiff::fused(f, ctdiff::d(f, x), ctdiff::d<2>(f, x));
    using L = std::numeric_limits<T>;
    std::vector<T> xs = ref::sample_points<T>(false);
    const T specials[] = {T(0), -T(0), L::infinity(), -L::infinity(), L::quiet_NaN(), L::denorm_min(), -L::denorm_min(),
                          L::min(), -L::min(), T(103.9), T(-103.9), T(104.1), T(-104.1), T(1e30), T(-1e30), L::max(), L::lowest()};
    xs.insert(xs.end(), std::begin(specials), std::end(specials));
    std::vector<T> y(xs.size()), b0(xs.size()), b1(xs.size()), b2(xs.size());
    alone(xs, y, Mode{});
    beside(xs, b0, b1, b2, Mode{});
    long double worst = 0;
    int differs = 0;
    int at_differs = 0;
    T first_at_differs = 0;
    for (std::size_t i = 0; i < xs.size(); ++i) {
        const T v = xs[i];
        // The same bits; a NaN's sign and payload are not specified (x86 takes them from the
        // first NaN operand, and a vectorized product may order its operands otherwise).
        const auto same = [](T a, T b) { return test_support::bits(a) == test_support::bits(b) || (std::isnan(a) && std::isnan(b)); };
        if (!same(alone.at(Mode{}, std::array<T, 1>{v})[0], y[i])) {
            if (at_differs++ == 0) {
                first_at_differs = v;
            }
        }
        if (std::is_same_v<Mode, ctdiff::accurate_t> && !same(y[i], b0[i])) {
            ++differs;
            UNSCOPED_INFO(name << " alone " << y[i] << ", beside f′, f″ " << b0[i] << " at x = " << v);
        }
        if (std::isnan(v)) {
            CHECK(std::isnan(y[i]));
            continue;
        }
        if (std::isinf(v)) { // σ(−∞) = 0, σ(+∞) = 1; SiLU(−∞) = 0, SiLU(+∞) = +∞
            const T want = name == "sigmoid" ? (v > 0 ? T(1) : T(0)) : (v > 0 ? v : T(0));
            CHECK(y[i] == want);
            continue;
        }
        const ref::num want = ref::derivative(name, 0, ref::num(v), T(0));
        const long double want_ld = mpfr_get_ld(want.v, ref::rnd);
        if (!std::isfinite(static_cast<T>(want_ld))) {
            continue;
        }
        REQUIRE(std::isfinite(y[i]));
        const long double u = ref::ulp_error(y[i], want);
        if (u > worst) {
            worst = u;
        }
    }
    if (std::getenv("CTDIFF_PRINT_ULP") != nullptr) {
        std::printf("alone %s %-6s %-10s f %.2Lf\n", std::is_same_v<Mode, ctdiff::fast_t> ? "fast" : "default",
                    sizeof(T) == 4 ? "float" : "double", std::string(name).c_str(), worst);
    }
    INFO(name << (std::is_same_v<Mode, ctdiff::fast_t> ? " fast" : " default") << (sizeof(T) == 4 ? " float" : " double")
              << ": max " << double(worst) << " ULP");
    CHECK(double(worst) <= tol);
    CHECK(differs == 0);
    INFO("k.at differs from the loop first at x = " << first_at_differs);
    CHECK(at_differs == 0);
}

TEST_CASE("kernels, a forward pass alone (σ's solo form): accurate, IEEE at the specials, and in the default mode the bits of f beside f', f''",
          "[eval][kernels][accuracy]") {
    // (tests/static/eval/cse.cpp checks that these kernels take the solo form.)
    check_forward_alone<float, ctdiff::fast_t>("sigmoid", act::sigmoid, 2);
    check_forward_alone<float, ctdiff::fast_t>("silu", act::silu, 3); // x·σ(x) as one node (x_sigmoid)
    check_forward_alone<float, ctdiff::accurate_t>("sigmoid", act::sigmoid, 0.501);
    check_forward_alone<float, ctdiff::accurate_t>("silu", act::silu, 0.501);
    check_forward_alone<double, ctdiff::accurate_t>("sigmoid", act::sigmoid, 3);
    check_forward_alone<double, ctdiff::accurate_t>("silu", act::silu, 3);
}
