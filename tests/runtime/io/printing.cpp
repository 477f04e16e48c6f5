// to_string, to_latex and operator<< on derivatives of the activations: exact strings.
#include <ctdiff/core.hpp>
#include <ctdiff/diff.hpp>
#include <ctdiff/io.hpp>

#include <catch2/catch.hpp>

#include <sstream>
#include <string>

using namespace ctdiff;
using namespace ctdiff::literals;

TEST_CASE("io: derivatives of sigmoid and tanh print readably", "[io]") {
    CHECK(to_string(sigmoid(x)) == "σ(x)");
    CHECK(to_string(d(sigmoid(x), x)) == "σ(x)·σ(−x)");
    CHECK(to_string(d<2>(sigmoid(x), x)) == "−σ(x)·σ(−x)·tanh(1/2·x)"); // σ″ = σσ̄(σ̄ − σ), σ̄ − σ = −tanh(x/2)
    CHECK(to_latex(d(sigmoid(x), x)) == "\\sigma\\left(x\\right) \\sigma\\left(-x\\right)");
    CHECK(to_string(d(tanh(x), x)) == "sech(x)²");
    CHECK(to_latex(d(tanh(x), x)) == "\\operatorname{sech}\\left(x\\right)^{2}");
    CHECK(to_string(d<2>(tanh(x), x)) == "−2·sech(x)²·tanh(x)");
    CHECK(to_latex(d<2>(tanh(x), x)) ==
          "-2 \\operatorname{sech}\\left(x\\right)^{2} \\tanh\\left(x\\right)");
}

TEST_CASE("io: GELU = x·Φ(x) and its derivatives", "[io]") {
    constexpr auto gelu = x * norm_cdf(x);
    CHECK(to_string(gelu) == "x·Φ(x)");
    CHECK(to_string(d(gelu, x)) == "Φ(x) + x·φ(x)");
    CHECK(to_string(d<2>(gelu, x)) == "φ(x) + φ(x) − x²·φ(x)");
    CHECK(to_string(d<3>(gelu, x)) == "−x·φ(x) − (x·φ(x) + x·(φ(x) − x²·φ(x))) − x·φ(x)");
    CHECK(to_latex(d(gelu, x)) == "\\Phi\\left(x\\right) + x \\varphi\\left(x\\right)");
    CHECK(to_latex(norm_cdf(x / sqrt2)) == "\\Phi\\left(\\frac{x}{\\sqrt{2}}\\right)");
}

TEST_CASE("io: piecewise expressions", "[io]") {
    constexpr auto leaky = select(x > 0_c, x, alpha * x);
    CHECK(to_string(leaky) == "x > 0 ? x : α·x");
    CHECK(to_string(d(leaky, x)) == "x > 0 ? 1 : α");
    CHECK(to_latex(leaky) == "\\begin{cases} x & x > 0 \\\\ \\alpha x & \\text{otherwise} \\end{cases}");
    constexpr auto avg = d(leaky, x, at_kink<kink::average>);
    CHECK(to_string(avg) == "x > 0 ? 1 : x < 0 ? α : 1/2·(1 + α)");
    CHECK(to_latex(avg) == "\\begin{cases} 1 & x > 0 \\\\ \\alpha & x < 0 \\\\ \\frac{1}{2} \\left(1 + \\alpha\\right) & "
                           "\\text{otherwise} \\end{cases}");
    CHECK(to_string(2_c * max(x, 0_c)) == "2·(x > 0 ? x : 0)");
}

TEST_CASE("io: powers, roots, quotients and constants", "[io]") {
    constexpr auto e = 1_c / 2_c * x - pow<ratio{-2}>(1_c + exp(-x)) + sqrt(x + y) + pow<ratio{3, 2}>(x) +
                       pow<ratio{-1, 2}>(x);
    CHECK(to_string(e) == "1/2·x − (1 + exp(−x))⁻² + √(x + y) + x^(3/2) + 1/√x");
    CHECK(to_latex(e) == "\\frac{1}{2} x - \\left(1 + \\exp\\left(-x\\right)\\right)^{-2} + \\sqrt{x + y} + "
                         "x^{\\frac{3}{2}} + \\frac{1}{\\sqrt{x}}");
    CHECK(to_string(d(x / (1_c + x * x), x)) == "1/(1 + x²) − 2·x²/(1 + x²)²");
    CHECK(to_latex(d(x / (1_c + x * x), x)) == "\\frac{1}{1 + x^{2}} - \\frac{2 x^{2}}{\\left(1 + x^{2}\\right)^{2}}");
    CHECK(to_string(variable<3>{} * parameter<5>{} * sqrt2 * pi / sqrt_pi) == "x₃·θ₅·√2·π/√π");
    CHECK(to_latex(variable<3>{} * beta * pi / (x + y)) == "\\frac{x_{3} \\beta \\pi}{x + y}");
}

TEST_CASE("io: swish, softplus and mish", "[io]") {
    CHECK(to_string(d(softplus(x), x)) == "σ(x)");
    CHECK(to_string(d(x * sigmoid(x), x)) == "σ(x) + x·σ(x)·σ(−x)");
    CHECK(to_string(d(x * tanh(softplus(x)), x)) == "tanh(softplus(x)) + x·sech(softplus(x))²·σ(x)");
}

TEST_CASE("io: operator<< prints the text form", "[io]") {
    std::ostringstream os;
    os << d(sigmoid(x), x) << " | " << (x - y) * z;
    CHECK(os.str() == "σ(x)·σ(−x) | (x − y)·z");
}
