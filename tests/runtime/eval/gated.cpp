// Gated units f(a, b) (activations/gated.hpp) through the kernels of several variables —
// backward (da, db), forward_backward, double_backward (the Hessian–vector product) — and the
// [rows × 2H] layout of chunked(f), against long double closed forms written out by hand, on
// random arrays (fixed seeds: both tails, magnitudes from 1e−4 to 30, ±0), float and double,
// the default and the fast mode.
#include <ctdiff/activations.hpp>
#include <ctdiff/core.hpp>
#include <ctdiff/diff.hpp>
#include <ctdiff/eval.hpp>

#include <catch2/catch.hpp>

#include "test_bits.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <numbers>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

using namespace ctdiff;
namespace act = ctdiff::activations;
using test_support::ulps;

namespace {

using ld = long double;

ld sig(ld t) { return t >= 0 ? 1 / (1 + std::exp(-t)) : std::exp(t) / (1 + std::exp(t)); }

// The activation g(a) of each unit with g′ and g″, long double.
struct unit_ref {
    ld g, g1, g2;
};
unit_ref silu_ref(ld a) {
    const ld s = sig(a), sb = sig(-a); // σ(−a) itself, not 1 − σ(a), which cancels for large a
    return {a * s, s * (1 + a * sb), s * sb * (2 + a * (sb - s))};
}
unit_ref gelu_ref(ld a) {
    const ld cdf = std::erfc(-a / std::numbers::sqrt2_v<ld>) / 2;
    const ld pdf = std::exp(-a * a / 2) / std::sqrt(2 * std::numbers::pi_v<ld>);
    return {a * cdf, cdf + a * pdf, pdf * (2 - a * a)};
}
unit_ref gelu_tanh_ref(ld a) { // a/2·(1 + tanh u) = a·σ(2u), with σ(±2u) directly (1 + tanh u cancels)
    const ld k = std::sqrt(2 / std::numbers::pi_v<ld>), c = 0.044715L;
    const ld u = k * (a + c * a * a * a), u1 = k * (1 + 3 * c * a * a), u2 = k * 6 * c * a;
    const ld s = sig(2 * u), sb = sig(-2 * u);
    return {a * s, s + 2 * a * u1 * s * sb, s * sb * (4 * u1 + 2 * a * u2 + 4 * a * u1 * u1 * (sb - s))};
}
unit_ref relu_ref(ld a) { return {a > 0 ? a : 0, a > 0 ? ld(1) : ld(0), 0}; }

// f, ∂f/∂a, ∂f/∂b and the Hessian (aa, ab, bb) of a unit at (a, b).
struct gated_ref {
    ld f, fa, fb, faa, fab, fbb;
};
template <class G>
gated_ref act_times_b(G g, ld a, ld b) { // act(a)·b
    const auto r = g(a);
    return {r.g * b, r.g1 * b, r.g, r.g2 * b, r.g1, 0};
}
gated_ref glu_ref(ld a, ld b) { // a·σ(b)
    const ld s = sig(b), sb = sig(-b), s1 = s * sb;
    return {a * s, s, a * s1, 0, s1, a * s1 * (sb - s)};
}

template <class T>
struct arrays {
    std::vector<T> a, b, dy, dda, ddb;
};
template <class T>
arrays<T> draw(std::size_t n, unsigned seed) {
    std::mt19937_64 gen(seed);
    std::uniform_real_distribution<double> u(-10, 10), mag(std::log(1e-4), std::log(30.0)), ub(-3, 3), g(-2, 2);
    arrays<T> r{std::vector<T>(n), std::vector<T>(n), std::vector<T>(n), std::vector<T>(n), std::vector<T>(n)};
    for (std::size_t i = 0; i < n; ++i) {
        const double m = std::exp(mag(gen));
        r.a[i] = static_cast<T>(i % 4 == 0 ? u(gen) : i % 4 == 1 ? m : i % 4 == 2 ? -m : (i % 8 == 3 ? 0.0 : -0.0));
        r.b[i] = static_cast<T>(i % 5 == 0 ? (i % 10 == 0 ? std::exp(mag(gen)) : -std::exp(mag(gen))) : ub(gen));
        r.dy[i] = static_cast<T>(g(gen));
        r.dda[i] = static_cast<T>(g(gen));
        r.ddb[i] = static_cast<T>(g(gen));
    }
    return r;
}

// |got − ref| within `bound` ULP of T where the reference is a product, or within bound·ε·scale
// where it is a sum of terms that may cancel (scale = the sum of the terms' magnitudes).
// `slack` is an absolute allowance in units of T's smallest subnormal: computed in float (the fast
// mode), an activation value that is subnormal has an absolute error of a few of them, which the
// product with b and the gradients scale up.
template <class T>
bool near(T got, ld ref, ld scale, double bound, ld slack = 1) {
    if (std::isnan(ref)) {
        return std::isnan(got);
    }
    if (ulps(got, ref) <= bound) {
        return true;
    }
    const ld eps = std::numeric_limits<T>::epsilon();
    return std::fabs(static_cast<ld>(got) - ref) <=
           bound * eps * scale + slack * std::numeric_limits<T>::denorm_min();
}

template <class T, class F, class R>
void check_unit(F f, R ref, double bound, double bound_fast, const char* name) {
    const std::size_t n = 4099;
    const auto s = draw<T>(n, 17);
    std::vector<T> y(n), da(n), db(n), y2(n), da2(n), db2(n), ddy(n), dda_out(n), ddb_out(n);
    const auto run = [&](auto mode, double tol) {
        backward(f)(s.a, s.b, s.dy, da, db, mode);
        forward_backward(f)(s.a, s.b, s.dy, y, da2, db2, mode);
        double_backward(f)(s.a, s.b, s.dy, s.dda, s.ddb, ddy, dda_out, ddb_out, mode);
        double worst = 0;
        std::size_t bad = 0;
        for (std::size_t i = 0; i < n; ++i) {
            const ld a = s.a[i], b = s.b[i], dy = s.dy[i], dda = s.dda[i], ddb = s.ddb[i];
            const gated_ref r = ref(a, b);
            const ld want_ddy = dda * r.fa + ddb * r.fb;
            const ld want_dda = dy * (dda * r.faa + ddb * r.fab), want_ddb = dy * (dda * r.fab + ddb * r.fbb);
            const ld slack = 32 * tol * (1 + std::fabs(b)) * (1 + std::fabs(dy));
            // where g′ or g″ is itself subnormal in T, da and the Hessian rows are the activation's
            // f′, f″ in its deepest tail, which this test does not hold (double GELU-tanh″ at
            // a = −21.34 is ~2.8e4 units of 2^-1074 off: docs/activations.md); f and db still are
            const bool tiny = std::fabs(r.fa) < std::numeric_limits<T>::min() ||
                              (r.faa != 0 && std::fabs(r.faa) < std::numeric_limits<T>::min());
            const bool ok =
                near(y[i], r.f, 0, tol, slack) && near(db[i], dy * r.fb, 0, tol, slack) && da2[i] == da[i] &&
                db2[i] == db[i] &&
                (tiny ||
                 (near(da[i], dy * r.fa, 0, tol, slack) &&
                  near(ddy[i], want_ddy, std::fabs(dda * r.fa) + std::fabs(ddb * r.fb), tol, slack) &&
                 (near(dda_out[i], want_dda, std::fabs(dy * dda * r.faa) + std::fabs(dy * ddb * r.fab), 2 * tol, slack) &&
                  near(ddb_out[i], want_ddb, std::fabs(dy * dda * r.fab) + std::fabs(dy * ddb * r.fbb), 2 * tol, slack))));
            if (!ok) {
                ++bad;
                INFO(name << " at a = " << a << ", b = " << b << ": y " << y[i] << " (" << r.f << "), da " << da[i]
                          << " (" << dy * r.fa << "), db " << db[i] << " (" << dy * r.fb << "), ddy " << ddy[i] << " ("
                          << want_ddy << "), dda " << dda_out[i] << " (" << want_dda << "), ddb " << ddb_out[i]
                          << " (" << want_ddb << "); forward_backward da " << da2[i] << ", db " << db2[i]);
                CHECK(ok);
                if (bad > 5) {
                    break;
                }
            }
            worst = std::max({worst, ulps(y[i], r.f), tiny ? 0.0 : ulps(da[i], dy * r.fa), ulps(db[i], dy * r.fb)});
        }
        INFO(name << ": worst f/da/db " << worst << " ULP");
        CHECK(bad == 0);
    };
    run(accurate, bound);
    if constexpr (std::is_same_v<T, float>) {
        run(fast, bound_fast);
    }
}

} // namespace

TEMPLATE_TEST_CASE("gated units: f, da, db, and the Hessian-vector product against closed forms",
                   "[eval][kernels][gated]", float, double) {
    using T = TestType;
    constexpr bool is_float = std::is_same_v<T, float>;
    // default mode: float is computed in double and rounded once (≤ 1 ULP with the reference's
    // rounding); double carries the activation's own few ULP times one product
    check_unit<T>(act::swiglu, [](ld a, ld b) { return act_times_b(silu_ref, a, b); }, is_float ? 1 : 8, 16, "swiglu");
    check_unit<T>(act::geglu, [](ld a, ld b) { return act_times_b(gelu_ref, a, b); }, is_float ? 1 : 8, 16, "geglu");
    check_unit<T>(act::geglu_tanh, [](ld a, ld b) { return act_times_b(gelu_tanh_ref, a, b); }, is_float ? 1 : 8,
                  300, "geglu_tanh");
    check_unit<T>(act::reglu, [](ld a, ld b) { return act_times_b(relu_ref, a, b); }, 2, 2, "reglu");
    check_unit<T>(act::glu, glu_ref, is_float ? 1 : 8, 16, "glu");
}

TEMPLATE_TEST_CASE("chunked(f): the [rows x 2H] layout gives the separate arrays' bits", "[eval][kernels][gated]",
                   float, double) {
    using T = TestType;
    for (const std::size_t hidden : {std::size_t{1}, std::size_t{7}, std::size_t{64}, std::size_t{1000}}) {
        const std::size_t rows = 5;
        const auto s = draw<T>(2 * rows * hidden, static_cast<unsigned>(hidden));
        const std::vector<T>& z = s.a; // [a | b] per row
        std::vector<T> dy(s.dy.begin(), s.dy.begin() + static_cast<std::ptrdiff_t>(rows * hidden));
        std::vector<T> a, b;
        for (std::size_t r = 0; r < rows; ++r) {
            a.insert(a.end(), z.begin() + static_cast<std::ptrdiff_t>(2 * r * hidden),
                     z.begin() + static_cast<std::ptrdiff_t>((2 * r + 1) * hidden));
            b.insert(b.end(), z.begin() + static_cast<std::ptrdiff_t>((2 * r + 1) * hidden),
                     z.begin() + static_cast<std::ptrdiff_t>((2 * r + 2) * hidden));
        }
        std::vector<T> y(rows * hidden), da(rows * hidden), db(rows * hidden);
        kernel<2>(act::swiglu)(a, b, y);
        backward(act::swiglu)(a, b, dy, da, db);
        const auto k = chunked(act::swiglu);
        std::vector<T> yc(rows * hidden), dz(2 * rows * hidden), yb(rows * hidden), dzb(2 * rows * hidden);
        k.forward(z, yc, hidden);
        k.backward(z, dy, dz, hidden);
        k.forward_backward(z, dy, yb, dzb, hidden);
        for (std::size_t r = 0; r < rows; ++r) {
            for (std::size_t j = 0; j < hidden; ++j) {
                const std::size_t i = r * hidden + j;
                REQUIRE(test_support::bits(yc[i]) == test_support::bits(y[i]));
                REQUIRE(test_support::bits(yb[i]) == test_support::bits(y[i]));
                REQUIRE(test_support::bits(dz[2 * r * hidden + j]) == test_support::bits(da[i]));
                REQUIRE(test_support::bits(dz[(2 * r + 1) * hidden + j]) == test_support::bits(db[i]));
                REQUIRE(test_support::bits(dzb[2 * r * hidden + j]) == test_support::bits(da[i]));
            }
        }
        // in place: dz over z
        std::vector<T> zz = z;
        k.backward(zz, dy, zz, hidden);
        CHECK(zz == dz);
    }
}

TEMPLATE_TEST_CASE("gated kernels: call contract (sizes, overlap, NaN, the fast mode's loop)",
                   "[eval][kernels][gated]", float, double) {
    using T = TestType;
    const auto k = chunked(act::swiglu);
    std::vector<T> z(12, T(0.5)), y(6, T(9)), dy(6, T(1)), dz(12, T(9)), short_y(5, T(9));
    CHECK_THROWS_AS(k.forward(z, short_y, 3), std::invalid_argument);
    CHECK(short_y == std::vector<T>(5, T(9)));
    CHECK_THROWS_AS(k.forward(z, y, 5), std::invalid_argument); // 12 is no whole number of rows of 10
    CHECK_THROWS_AS(k.forward(z, y, 0), std::invalid_argument);
    std::vector<T> big(24, T(0.5));
    CHECK_THROWS_AS(k.backward(std::span<const T>(big).subspan(0, 12), dy, std::span<T>(big).subspan(6, 12), 3),
                    std::invalid_argument); // dz overlaps z without being it
    CHECK(y == std::vector<T>(6, T(9)));
    // separate arrays: sizes checked by the kernel
    std::vector<T> a(4), b(3), g(4), da(4), db(4);
    CHECK_THROWS_AS(backward(act::swiglu)(a, b, g, da, db), std::invalid_argument);
    // NaN in a or b gives NaN in every output that depends on it
    std::vector<T> a1{std::numeric_limits<T>::quiet_NaN(), T(1)}, b1{T(1), std::numeric_limits<T>::quiet_NaN()},
        g1{T(1), T(1)}, da1(2), db1(2);
    backward(act::swiglu)(a1, b1, g1, da1, db1);
    CHECK((std::isnan(da1[0]) && std::isnan(db1[0]) && std::isnan(da1[1]) && !std::isnan(db1[1])));
    // the float kernels of the catalogue's gated units take the explicit-SIMD loop in the fast mode
    if constexpr (std::is_same_v<T, float>) {
#if CTDIFF_SIMD_LOOP
        STATIC_REQUIRE(decltype(backward(act::swiglu))::template simd<float, fast_t>);
        STATIC_REQUIRE(decltype(backward(act::geglu))::template simd<float, fast_t>);
        STATIC_REQUIRE(decltype(backward(act::reglu))::template simd<float, accurate_t>);
#endif
    }
}
