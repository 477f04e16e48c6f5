// d and d<n> evaluated through ctdiff's math, against independent closed forms and
// high-order finite differences computed in long double with the C library.
#include <ctdiff/core.hpp>
#include <ctdiff/diff.hpp>

#include <catch2/catch.hpp>

#include <cmath>
#include <functional>

using namespace ctdiff;
using namespace ctdiff::literals;

namespace {

long double sigma_l(long double t) { return 1.0L / (1.0L + std::exp(-t)); }

// Relative error, with an absolute floor for values near 0.
long double rel_err(long double got, long double want) {
    return std::fabs(got - want) / std::fmax(std::fabs(want), 1e-300L);
}

// The n-th derivative of f at t by Richardson-extrapolated central differences in long double:
// an independent check for formulas with no closed form at hand.
long double fd(const std::function<long double(long double)>& f, long double t, int n) {
    auto D = [&](long double h) {
        switch (n) {
        case 1: return (f(t + h) - f(t - h)) / (2 * h);
        default: return (f(t + h) - 2 * f(t) + f(t - h)) / (h * h);
        }
    };
    const long double h = n == 1 ? 1e-3L : 1e-2L;
    // Two Richardson steps (error O(h^6)).
    const long double a0 = D(h), a1 = D(h / 2), a2 = D(h / 4);
    const long double b0 = (4 * a1 - a0) / 3, b1 = (4 * a2 - a1) / 3;
    return (16 * b1 - b0) / 15;
}

} // namespace

TEST_CASE("derivatives of the sigmoid, written from its definition, match the closed forms", "[core][diff]") {
    constexpr auto sig = 1_c / (1_c + exp(-x));
    for (double t = -20.0; t <= 20.0; t += 0.37) {
        // q = 1 − σ computed as σ(−t): in long double 1 − σ(20) would itself lose 9 digits.
        const long double s = sigma_l(t), q = sigma_l(-t);
        CHECK(rel_err(d(sig, x)(t), s * q) < 1e-13L);
        CHECK(std::fabs(d<2>(sig, x)(t) - s * q * (q - s)) < 1e-13L * s * q);
    }
}

TEST_CASE("derivatives of the named sigmoid up to order 4 match the closed forms", "[core][diff]") {
    constexpr auto f = sigmoid(x);
    for (double t = -30.0; t <= 30.0; t += 0.29) {
        const long double s = sigma_l(t), q = sigma_l(-t); // q = 1 − s without cancellation
        const long double d1 = s * q;
        const long double d3 = d1 * (1 - 6 * s * q);
        CHECK(rel_err(d(f, x)(t), d1) < 1e-14L);
        // σ'' = σ'(1 − 2σ) vanishes at 0: compare with an absolute floor scaled by σ'.
        CHECK(std::fabs(d<2>(f, x)(t) - d1 * (q - s)) < 1e-14L * d1);
        CHECK(std::fabs(d<3>(f, x)(t) - d3) < 1e-13L * d1);
        CHECK(std::fabs(d<4>(f, x)(t) - d1 * (q - s) * (1 - 12 * s * q)) < 1e-13L * d1);
    }
}

TEST_CASE("tanh' = sech^2 keeps relative accuracy in the tails", "[core][diff]") {
    constexpr auto f = tanh(x);
    for (double t = -40.0; t <= 40.0; t += 0.5) {
        const long double c = std::cosh(static_cast<long double>(t));
        CHECK(rel_err(d(f, x)(t), 1 / (c * c)) < 1e-14L);
    }
    // 1 − tanh² would give exactly 0 here; sech² gives the true value.
    CHECK(d(f, x)(30.0) > 0.0);
}

TEST_CASE("user formulas: swish and mish against finite differences", "[core][diff]") {
    constexpr auto swish = x * sigmoid(x);
    constexpr auto mish = x * tanh(softplus(x));
    auto swish_l = [](long double t) { return t * sigma_l(t); };
    auto mish_l = [](long double t) { return t * std::tanh(std::log1p(std::exp(t))); };
    for (double t = -6.0; t <= 6.0; t += 0.41) {
        CHECK(std::fabs(d(swish, x)(t) - fd(swish_l, t, 1)) < 1e-11L);
        CHECK(std::fabs(d<2>(swish, x)(t) - fd(swish_l, t, 2)) < 1e-9L);
        CHECK(std::fabs(d(mish, x)(t) - fd(mish_l, t, 1)) < 1e-11L);
        CHECK(std::fabs(d<2>(mish, x)(t) - fd(mish_l, t, 2)) < 1e-9L);
    }
}

TEST_CASE("GELU' = Φ + xφ and GELU'' = φ(2 − x²) numerically", "[core][diff]") {
    constexpr auto gelu = x * norm_cdf(x);
    for (double t = -8.0; t <= 8.0; t += 0.23) {
        const long double T = t;
        const long double phi = std::exp(-T * T / 2) / std::sqrt(2 * 3.14159265358979323846264338327950288L);
        const long double Phi = std::erfc(-T / std::sqrt(2.0L)) / 2;
        CHECK(rel_err(d(gelu, x)(t), Phi + T * phi) < 1e-13L);
        CHECK(std::fabs(d<2>(gelu, x)(t) - phi * (2 - T * T)) < 1e-14L);
    }
}

TEST_CASE("evaluation with run-time parameters: Leaky ReLU and its derivative", "[core][diff]") {
    constexpr auto leaky = select(x > 0_c, x, alpha * x);
    constexpr auto dl = d(leaky, x);
    for (double a : {0.01, 0.2}) {
        for (double t : {-3.0, -0.0, 0.0, 2.5}) {
            const environment<double, 1, 1> env{{t}, {a}};
            CHECK(evaluate(leaky, env) == (t > 0 ? t : a * t));
            CHECK(evaluate(dl, env) == (t > 0 ? 1.0 : a));
        }
    }
}
