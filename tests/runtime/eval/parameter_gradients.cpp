// backward(f, p...): dx and the parameter gradients Σ dy·∂f/∂p of learnable activations, against
// long double references written out by hand (closed forms of ∂f/∂p) and, independently of any
// derivative, central differences of Σ dy·f(x; p) in long double. Random arrays (fixed seeds) of
// lengths around the kernel's block of 1024, both tails, ±0, and the call contract.
#include <ctdiff/activations/elu.hpp>
#include <ctdiff/activations/leaky_relu.hpp>
#include <ctdiff/activations/silu.hpp>
#include <ctdiff/core.hpp>
#include <ctdiff/diff.hpp>
#include <ctdiff/eval.hpp>

#include <catch2/catch.hpp>

#include "test_bits.hpp"

#include <cmath>
#include <cstddef>
#include <functional>
#include <limits>
#include <random>
#include <stdexcept>
#include <vector>

using namespace ctdiff;

namespace {

using ld = long double;

ld sigma(ld t) { return t >= 0 ? 1 / (1 + std::exp(-t)) : std::exp(t) / (1 + std::exp(t)); }

template <class T>
struct sample {
    std::vector<T> x, dy;
};

// x: uniform on [−12, 12] and log-uniform magnitudes in [1e−6, 60] with either sign, ±0 mixed in;
// dy: uniform on [−2, 2].
template <class T>
sample<T> draw(std::size_t n, unsigned seed) {
    std::mt19937_64 gen(seed);
    std::uniform_real_distribution<double> u(-12, 12), mag(std::log(1e-6), std::log(60.0)), g(-2, 2);
    sample<T> s{std::vector<T>(n), std::vector<T>(n)};
    for (std::size_t i = 0; i < n; ++i) {
        switch (i % 5) {
        case 0:
        case 1: s.x[i] = static_cast<T>(u(gen)); break;
        case 2: s.x[i] = static_cast<T>(std::exp(mag(gen))); break;
        case 3: s.x[i] = static_cast<T>(-std::exp(mag(gen))); break;
        default: s.x[i] = i % 10 == 4 ? T(0) : T(-0.0); break;
        }
        s.dy[i] = static_cast<T>(g(gen));
    }
    return s;
}

// Σ dy·t(x) in long double, and Σ |dy·t(x)| (the scale the sum's error is measured against).
template <class T>
std::pair<ld, ld> reference(const sample<T>& s, const std::function<ld(ld)>& t) {
    ld sum = 0, scale = 0;
    for (std::size_t i = 0; i < s.x.size(); ++i) {
        const ld v = static_cast<ld>(s.dy[i]) * t(static_cast<ld>(s.x[i]));
        sum += v;
        scale += std::fabs(v);
    }
    return {sum, scale};
}

// Central difference in the parameter of Σ dy·f(x; p), long double, step h.
template <class T>
ld difference(const sample<T>& s, const std::function<ld(ld, ld)>& f, ld p, ld h) {
    ld plus = 0, minus = 0;
    for (std::size_t i = 0; i < s.x.size(); ++i) {
        plus += static_cast<ld>(s.dy[i]) * f(static_cast<ld>(s.x[i]), p + h);
        minus += static_cast<ld>(s.dy[i]) * f(static_cast<ld>(s.x[i]), p - h);
    }
    return (plus - minus) / (2 * h);
}

// The sum's bound: each term within `ulps` of its own size, plus the final rounding of the sum.
template <class T>
void check_sum(T got, std::pair<ld, ld> ref, ld ulps) {
    const ld eps = std::numeric_limits<T>::epsilon();
    const ld bound = ulps * eps * ref.second + eps * std::fabs(ref.first) + std::numeric_limits<T>::denorm_min();
    INFO("got " << static_cast<ld>(got) << ", reference " << ref.first << ", scale " << ref.second);
    CHECK(std::fabs(static_cast<ld>(got) - ref.first) <= bound);
}

constexpr std::size_t lengths[] = {1, 7, 1023, 1024, 1025, 4099, 100003};

} // namespace

TEMPLATE_TEST_CASE("backward(swish, beta): dx and Σ dy·∂swish/∂β against closed form and differences",
                   "[eval][kernels][parameters]", float, double) {
    using T = TestType;
    const auto k = backward(activations::swish, beta);
    static_assert(decltype(k)::gradients == 1);
    unsigned seed = 1;
    for (const std::size_t n : lengths) {
        for (const T b : {T(0.25), T(1), T(1.702)}) {
            const auto s = draw<T>(n, seed++);
            std::vector<T> dx(n), dx_plain(n);
            const auto [db] = k(s.x, s.dy, dx, params{beta = b});
            // ∂/∂β x·σ(βx) = x²·σ(βx)·σ(−βx)
            const auto ref = reference(s, [b](ld v) { return v * v * sigma(b * v) * sigma(-b * v); });
            INFO("n = " << n << ", β = " << b);
            check_sum(db, ref, 2);
            const ld fd = difference(
                s, [](ld v, ld p) { return v * sigma(p * v); }, b, 1e-5L);
            // the difference checks the derivative itself (its step's error, h²·∂³/6, is ~1e-7 here)
            CHECK(std::fabs(static_cast<ld>(db) - fd) <= 1e-6L * ref.second + 1e-6L);
            // dx is backward(swish)'s, bit for bit
            backward(activations::swish)(s.x, s.dy, dx_plain, params{beta = b});
            std::size_t differ = 0;
            for (std::size_t i = 0; i < n; ++i) {
                differ += test_support::bits(dx[i]) != test_support::bits(dx_plain[i]);
            }
            CHECK(differ == 0);
            // the fast mode: the same sum from its float terms (a few ULP each)
            if constexpr (std::is_same_v<T, float>) {
                const auto [db_fast] = k(s.x, s.dy, dx, params{beta = b}, fast);
                check_sum(db_fast, ref, 16);
            }
        }
    }
}

TEMPLATE_TEST_CASE("backward(f, alpha): Leaky ReLU's and ELU's α, by position and by name",
                   "[eval][kernels][parameters]", float, double) {
    using T = TestType;
    unsigned seed = 100;
    for (const std::size_t n : lengths) {
        const auto s = draw<T>(n, seed++);
        std::vector<T> dx(n);
        const T a = T(0.07);
        // Leaky ReLU: ∂/∂α = x for x ≤ 0 (0 at the kink, where both sides give 0), else 0
        const auto [da_leaky] = backward(activations::leaky_relu, alpha)(s.x, s.dy, dx, params{a});
        check_sum(da_leaky, reference(s, [](ld v) { return v <= 0 ? v : ld(0); }), 1);
        for (std::size_t i = 0; i < n; ++i) {
            const T want = s.x[i] > 0 ? s.dy[i] : s.dy[i] * a;
            REQUIRE(test_support::bits(dx[i]) == test_support::bits(want));
        }
        // ELU: ∂/∂α = eˣ − 1 for x ≤ 0, else 0
        const auto [da_elu] = backward(activations::elu, alpha)(s.x, s.dy, dx, params{alpha = T(1.3)});
        const auto ref_elu = reference(s, [](ld v) { return v <= 0 ? std::expm1(v) : ld(0); });
        check_sum(da_elu, ref_elu, 2);
        const ld fd = difference(
            s, [](ld v, ld p) { return v > 0 ? v : p * std::expm1(v); }, 1.3L, 1e-4L);
        // ELU is linear in α, so the difference is exact but for long double's roundings
        CHECK(std::fabs(static_cast<ld>(da_elu) - fd) <= 2 * std::numeric_limits<T>::epsilon() * ref_elu.second + 1e-12L * ref_elu.second);
    }
}

TEMPLATE_TEST_CASE("backward(f, alpha, beta): two parameters in one pass", "[eval][kernels][parameters]", float,
                   double) {
    using T = TestType;
    // a learnable scale α and Swish's β: f = α·x·σ(βx)
    const auto f = alpha * x * sigmoid(beta * x);
    const auto k = backward(f, alpha, beta);
    static_assert(decltype(k)::gradients == 2);
    const auto s = draw<T>(3001, 7);
    std::vector<T> dx(s.x.size());
    const T a = T(0.9), b = T(1.4);
    const auto [da, db] = k(s.x, s.dy, dx, params{alpha = a, beta = b});
    check_sum(da, reference(s, [b](ld v) { return v * sigma(b * v); }), 2);
    check_sum(db, reference(s, [a, b](ld v) { return a * v * v * sigma(b * v) * sigma(-b * v); }), 3);
    // the same by position
    const auto by_position = k(s.x, s.dy, dx, params{a, b});
    CHECK(test_support::bits(by_position[0]) == test_support::bits(da));
    CHECK(test_support::bits(by_position[1]) == test_support::bits(db));
}

TEMPLATE_TEST_CASE("backward(f, p): call contract (sizes, empty, in place, NaN, ±∞)", "[eval][kernels][parameters]",
                   float, double) {
    using T = TestType;
    const auto k = backward(activations::swish, beta);
    std::vector<T> xs{T(-1), T(0.5), T(2)}, dy{T(1), T(1), T(1)}, dx(3, T(7)), short_dx(2, T(7));
    CHECK_THROWS_AS(k(xs, dy, short_dx, params{beta = T(1)}), std::invalid_argument);
    CHECK(short_dx == std::vector<T>(2, T(7))); // nothing written
    std::vector<T> none;
    CHECK(k(none, none, none, params{beta = T(1)})[0] == T(0));
    // in place: dx into dy's array
    std::vector<T> dx_out(3), dy_copy = dy;
    const auto [g] = k(xs, dy, dx_out, params{beta = T(1)});
    const auto [g_in_place] = k(xs, dy_copy, dy_copy, params{beta = T(1)});
    CHECK(test_support::bits(g) == test_support::bits(g_in_place));
    CHECK(dy_copy == dx_out);
    // a NaN input gives a NaN gradient; an infinite dy an infinite one (or NaN where ∞·0)
    xs[1] = std::numeric_limits<T>::quiet_NaN();
    CHECK(std::isnan(k(xs, dy, dx, params{beta = T(1)})[0]));
    xs[1] = T(0.5);
    dy[2] = std::numeric_limits<T>::infinity();
    CHECK(k(xs, dy, dx, params{beta = T(1)})[0] == std::numeric_limits<T>::infinity());
}
