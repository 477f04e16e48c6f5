// simplify never changes a function's value: simplified and raw derivatives of the activations,
// orders 1–4, agree at random points in double.
#include <ctdiff/algebra/simplify.hpp>
#include <ctdiff/core.hpp>
#include <ctdiff/diff.hpp>
#include <ctdiff/io/to_string.hpp>

#include <catch2/catch.hpp>

#include <cmath>
#include <cstddef>
#include <random>
#include <string>

using namespace ctdiff;
using namespace ctdiff::literals;

namespace {

// Both forms round differently (the raw one often adds terms that cancel): compare to a tight
// tolerance relative to the size of the derivative, with an absolute floor for its zeros.
template <std::size_t N, class E>
void check_order(E e, const std::string& name) {
    constexpr auto raw = d<N>(E{}, x);
    constexpr auto simplified = simplify(raw);
    constexpr auto stepwise = ds<N>(E{}, x);
    (void)e;
    std::mt19937_64 gen(12345 + N);
    std::uniform_real_distribution<double> dist(-8.0, 8.0);
    for (int i = 0; i < 2000; ++i) {
        const double t = i < 3 ? static_cast<double>(i) - 1.0 : dist(gen);
        const double r = raw(t);
        const double s = simplified(t);
        const double w = stepwise(t);
        const double tol = 1e-12 * std::fmax(1.0, std::fabs(r)) * 16.0;
        INFO(name << " order " << N << " at x = " << t << ": raw " << r << ", simplified " << s << " = "
                  << to_string_view(simplified) << ", ds " << w);
        REQUIRE(std::fabs(s - r) <= tol);
        REQUIRE(std::fabs(w - r) <= tol);
    }
}

template <std::size_t MaxOrder = 4, class E>
void check_orders(E e, const std::string& name) {
    check_order<1>(e, name);
    check_order<2>(e, name);
    check_order<3>(e, name);
    if constexpr (MaxOrder >= 4) {
        check_order<4>(e, name);
    }
}

} // namespace

TEST_CASE("simplify: derivatives of sigmoid keep their values", "[simplify]") { check_orders(sigmoid(x), "sigmoid"); }
TEST_CASE("simplify: derivatives of tanh keep their values", "[simplify]") { check_orders(tanh(x), "tanh"); }
TEST_CASE("simplify: derivatives of GELU keep their values", "[simplify]") { check_orders(x * norm_cdf(x), "gelu"); }
TEST_CASE("simplify: derivatives of softplus keep their values", "[simplify]") { check_orders(softplus(x), "softplus"); }
TEST_CASE("simplify: derivatives of swish keep their values", "[simplify]") { check_orders(x * sigmoid(x), "swish"); }
TEST_CASE("simplify: derivatives of mish keep their values", "[simplify]") {
    // Mish's 4th derivative takes between 2^20 and 2^22 constexpr steps to simplify: over Clang's
    // default limit (-fconstexpr-steps=1048576), within GCC's. Orders 1-3 on Clang.
#if defined(__clang__)
    check_orders<3>(x * tanh(softplus(x)), "mish");
#else
    check_orders(x * tanh(softplus(x)), "mish");
#endif
}
TEST_CASE("simplify: sigmoid from its definition keeps its values", "[simplify]") {
    check_orders(one / (one + exp(-x)), "1/(1+exp(-x))");
}

TEST_CASE("simplify: readable results", "[simplify]") {
    CHECK(std::string(to_string_view(ds<2>(sigmoid(x), x))) == "−tanh(1/2·x)·σ(x)·σ(−x)");
    CHECK(std::string(to_string_view(ds<2>(x * sigmoid(x), x))) ==
          "2·σ(x)·σ(−x) + x·σ(x)·σ(−x)² − x·σ(x)²·σ(−x)");
    CHECK(std::string(to_string_view(ds(x * tanh(softplus(x)), x))) ==
          "tanh(softplus(x)) + x·sech(softplus(x))²·σ(x)");
}
