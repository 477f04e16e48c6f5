// Softmax, its Jacobian, JVP/VJP and the fused cross-entropy against explicit forms and a
// long-double finite difference.
#include <ctdiff/activations/softmax.hpp>

#include <catch2/catch.hpp>

#include <cmath>
#include <random>
#include <span>
#include <stdexcept>
#include <vector>

namespace act = ctdiff::activations;

TEMPLATE_TEST_CASE("softmax Jacobian: rows sum to 0, symmetric, PSD, J·1 = 0, VJP = Jᵀv", "[activations][softmax]", float, double) {
    using T = TestType;
    std::mt19937 rng(5);
    std::normal_distribution<double> g(0.0, 3.0);
    const T tol = sizeof(T) == 4 ? T(1e-6) : T(1e-14);
    for (int trial = 0; trial < 50; ++trial) {
        const std::size_t C = 2 + trial % 9;
        std::vector<T> z(C), p(C), J(C * C), v(C), out(C);
        for (auto& e : z) e = T(g(rng));
        act::softmax(std::span<const T>(z), std::span<T>(p));
        const act::softmax_jacobian<T> jac{std::span<const T>(p)};
        jac.dense(J);
        for (std::size_t i = 0; i < C; ++i) {
            T row = 0;
            for (std::size_t j = 0; j < C; ++j) {
                row += J[i * C + j];
                CHECK(J[i * C + j] == J[j * C + i]);
            }
            CHECK(std::fabs(row) <= tol);
            CHECK(J[i * C + i] > 0); // eᵢᵀJeᵢ = pᵢ(1 − pᵢ) > 0
        }
        for (int k = 0; k < 10; ++k) {
            for (auto& e : v) e = T(g(rng));
            long double q = 0; // vᵀJv ≥ 0 (the variance of v under p)
            for (std::size_t i = 0; i < C; ++i)
                for (std::size_t j = 0; j < C; ++j) q += (long double)v[i] * J[i * C + j] * v[j];
            CHECK(q >= -1e-6L * tol);
            jac.vjp(v, out);
            for (std::size_t j = 0; j < C; ++j) {
                long double jt = 0; // (Jᵀv)_j formed explicitly
                for (std::size_t i = 0; i < C; ++i) jt += (long double)J[i * C + j] * v[i];
                CHECK(std::fabs((long double)out[j] - jt) <= 8 * tol);
            }
        }
        std::vector<T> ones(C, T(1));
        jac.jvp(ones, out);
        for (const T o : out) CHECK(std::fabs(o) <= tol); // J·1 = 0: eigenvalue 0, not −1
    }
}

TEMPLATE_TEST_CASE("softmax is stable for large logits and log_softmax keeps tiny probabilities", "[activations][softmax]", float, double) {
    using T = TestType;
    std::vector<T> z{T(1000), T(999), T(-1000)}, p(3), l(3);
    act::softmax(std::span<const T>(z), std::span<T>(p));
    act::log_softmax(std::span<const T>(z), std::span<T>(l));
    for (const T v : p) CHECK(std::isfinite(v));
    CHECK(p[0] + p[1] + p[2] == Approx(1.0));
    CHECK(l[2] == Approx(-2000.0 - std::log1p(std::exp(-1.0L))).epsilon(1e-6));
    // Batched, and a size mismatch reported (not overrun).
    std::vector<T> zz(6, T(0)), pp(6);
    act::softmax(std::span<const T>(zz), std::span<T>(pp), 2, 3);
    CHECK(pp[4] == Approx(1.0 / 3));
    CHECK_THROWS_WITH(act::softmax(std::span<const T>(zz), std::span<T>(pp), 2, 4),
                      Catch::Contains("z has 6 elements but rows × cols = 2 × 4 = 8"));
    std::vector<T> grad(3);
    CHECK_THROWS_WITH(act::softmax_cross_entropy(std::span<const T>(z), 3, std::span<T>(grad)),
                      Catch::Contains("label 3 is not below the number of classes 3"));
}

TEST_CASE("softmax cross-entropy: gradient p − y equals a long-double finite difference", "[activations][softmax]") {
    std::mt19937 rng(7);
    std::normal_distribution<double> g(0.0, 2.0);
    for (int trial = 0; trial < 20; ++trial) {
        const std::size_t C = 3 + trial % 5;
        std::vector<double> z(C), y(C), grad(C), grad1(C);
        double sy = 0;
        for (auto& e : z) e = g(rng);
        for (auto& e : y) sy += (e = std::fabs(g(rng)));
        for (auto& e : y) e /= sy;
        const std::size_t label = trial % C;
        const double L = act::softmax_cross_entropy(std::span<const double>(z), std::span<const double>(y), std::span<double>(grad));
        const double L1 = act::softmax_cross_entropy(std::span<const double>(z), label, std::span<double>(grad1));
        auto loss = [&](const std::vector<long double>& zz, bool soft) {
            long double m = zz[0], s = 0, l = 0;
            for (auto v : zz) m = std::fmax(m, v);
            for (auto v : zz) s += std::exp(v - m);
            const long double lse = m + std::log(s);
            if (!soft) return lse - zz[label];
            for (std::size_t i = 0; i < C; ++i) l += y[i] * (lse - zz[i]);
            return l;
        };
        std::vector<long double> zl(z.begin(), z.end());
        CHECK(L == Approx((double)loss(zl, true)).epsilon(1e-14));
        CHECK(L1 == Approx((double)loss(zl, false)).epsilon(1e-14));
        for (std::size_t k = 0; k < C; ++k) {
            const long double h = 1e-5L;
            auto zp = zl, zm = zl, zp2 = zl, zm2 = zl;
            zp[k] += h; zm[k] -= h; zp2[k] += 2 * h; zm2[k] -= 2 * h;
            for (bool soft : {true, false}) {
                const long double fd = (8 * (loss(zp, soft) - loss(zm, soft)) - (loss(zp2, soft) - loss(zm2, soft))) / (12 * h);
                CHECK(std::fabs((soft ? grad[k] : grad1[k]) - (double)fd) < 1e-9);
            }
        }
        double gs = 0;
        for (auto v : grad1) gs += v;
        CHECK(std::fabs(gs) < 1e-15); // Σ(p − y) = 0
    }
}
