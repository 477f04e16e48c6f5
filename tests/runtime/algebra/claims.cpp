// The source texts' false claims, shown with counterexamples computed two ways: ctdiff's
// derivative (from the definition, evaluated in double) and an independent closed form in long
// double. Also: a refutation's witness is a real one (both sides evaluated again at it differ),
// and agree() is evidence that can fail.
#include <ctdiff/activations/softmax.hpp>
#include <ctdiff/algebra/equivalent.hpp>
#include <ctdiff/core.hpp>
#include <ctdiff/diff.hpp>

#include <catch2/catch.hpp>

#include <array>
#include <cmath>
#include <span>
#include <string>

using namespace ctdiff;
using namespace ctdiff::literals;

namespace {
using ld = long double;
constexpr auto sig = 1_c / (1_c + exp(-x));
constexpr auto gelu = x / 2_c * (1_c + erf(x / sqrt2));
ld dsigma(ld t) { return std::exp(-t) / ((1 + std::exp(-t)) * (1 + std::exp(-t))); }
ld dgelu(ld t) { // Φ(t) + tφ(t)
    const ld pi = 3.141592653589793238462643383279502884L;
    return std::erfc(-t / std::sqrt(2.0L)) / 2 + t * std::exp(-t * t / 2) / std::sqrt(2 * pi);
}
} // namespace

TEST_CASE("sigma'(6) is not below 0.002 (the texts' saturation claim)", "[algebra][claims]") {
    const double ours = d(sig, x)(6.0);
    CHECK(ours > 0.002);
    CHECK(dsigma(6.0L) > 0.002L);
    CHECK(std::fabs(ours - static_cast<double>(dsigma(6.0L))) < 1e-17);
    // where it does drop below 0.002: between 6.21 and 6.22
    CHECK(dsigma(6.21L) > 0.002L);
    CHECK(dsigma(6.22L) < 0.002L);
}

TEST_CASE("GELU' is negative at -1 and above 1 at sqrt(2) (the texts say its range is (0, 1))", "[algebra][claims]") {
    const double at_minus_one = d(gelu, x)(-1.0);
    const double at_sqrt2 = d(gelu, x)(std::sqrt(2.0));
    CHECK(at_minus_one < 0);
    CHECK(dgelu(-1.0L) < 0);
    CHECK(std::fabs(at_minus_one - static_cast<double>(dgelu(-1.0L))) < 1e-15);
    CHECK(at_sqrt2 > 1);
    CHECK(dgelu(std::sqrt(2.0L)) > 1);
    // and the compile-time algebra refutes "GELU' = Φ" with a witness that is a real one
    constexpr verdict v = compare(d(gelu, x), norm_cdf(x));
    STATIC_REQUIRE(v.refuted());
    CHECK(v.lhs == d(gelu, x)(v.at[0]));
    CHECK(v.rhs == norm_cdf(x)(v.at[0]));
    CHECK(std::fabs(static_cast<ld>(v.lhs) - dgelu(v.at[0])) < 1e-12L);
}

TEST_CASE("softmax Jacobian: e_i^T J e_i > 0 and J 1 = 0 (positive semidefinite and singular)", "[algebra][claims]") {
    const std::array<double, 4> z{0.3, -1.2, 2.0, 0.0};
    std::array<double, 4> p{};
    activations::softmax(std::span<const double>(z), std::span<double>(p));
    const activations::softmax_jacobian<double> J{p};
    for (std::size_t i = 0; i < 4; ++i) {
        CHECK(J(i, i) > 0);
        double row = 0;
        for (std::size_t j = 0; j < 4; ++j) {
            row += J(i, j);
        }
        CHECK(std::fabs(row) < 1e-16);
    }
}

TEST_CASE("agree() is evidence and can fail; compare() never claims what it did not prove", "[algebra][claims]") {
    STATIC_REQUIRE(agree(d(sig, x), sig * (1_c - sig), std::array{-3.0, 0.0, 0.5, 7.0}, 1e-14));
    STATIC_REQUIRE(!agree(d(sig, x), sig * sig, std::array{-3.0, 0.0, 0.5, 7.0}, 1e-14));
    constexpr verdict undecided = compare(sqrt(x * x), abs(x));
    STATIC_REQUIRE(undecided.undecided());
    CHECK(std::string(undecided.reason).find("no sample point") != std::string::npos);
}
