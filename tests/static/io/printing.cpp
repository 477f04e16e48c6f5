// Printing is a constant expression: the exact text and LaTeX of expressions, checked at compile
// time (to_string_view / to_latex_view work in static_asserts on GCC and Clang).
#include <ctdiff/activations/gelu.hpp>
#include <ctdiff/activations/mish.hpp>
#include <ctdiff/activations/silu.hpp>
#include <ctdiff/core.hpp>
#include <ctdiff/diff.hpp>
#include <ctdiff/io/to_latex.hpp>
#include <ctdiff/io/to_string.hpp>

using namespace ctdiff;
using namespace ctdiff::literals;

namespace {
using x_t = variable<0>;
using y_t = variable<1>;
} // namespace

// Leaves.
static_assert(to_string_view(x) == "x" && to_string_view(y) == "y" && to_string_view(z) == "z");
static_assert(to_string_view(variable<3>{}) == "x₃" && to_latex_view(variable<12>{}) == "x_{12}");
static_assert(to_string_view(alpha) == "α" && to_string_view(beta) == "β" && to_latex_view(alpha) == "\\alpha");
static_assert(to_string_view(parameter<4>{}) == "θ₄" && to_latex_view(parameter<4>{}) == "\\theta_{4}");
static_assert(to_string_view(pi) == "π" && to_string_view(sqrt2) == "√2" && to_string_view(sqrt_pi) == "√π");
static_assert(to_latex_view(sqrt_pi) == "\\sqrt{\\pi}");
static_assert(to_string_view(c<ratio{1, 2}>) == "1/2" && to_latex_view(c<ratio{1, 2}>) == "\\frac{1}{2}");
static_assert(to_string_view(c<ratio{-3}>) == "−3" && to_latex_view(c<ratio{-1, 2}>) == "-\\frac{1}{2}");

// Operators, with minimal parentheses.
static_assert(to_string_view(x + y * z) == "x + y·z");
static_assert(to_string_view((x + y) * z) == "(x + y)·z");
static_assert(to_string_view(x - (y + z)) == "x − (y + z)");
static_assert(to_string_view(x - (y - z)) == "x − (y − z)");
static_assert(to_string_view(x + (y - z)) == "x + y − z");
static_assert(to_string_view(-(x + y) * z) == "−(x + y)·z");
static_assert(to_string_view(x * -y) == "−x·y");
static_assert(to_string_view(x / (y * z)) == "x/(y·z)");
static_assert(to_string_view(x * y / z) == "x·y/z");
static_assert(to_string_view(1_c / 2_c * x) == "1/2·x");
static_assert(to_string_view(y - 2_c * x) == "y − 2·x");
static_assert(to_string_view(y + x * c<ratio{-2}>) == "y − 2·x"); // a + (−2)·x
static_assert(to_string_view(sub<x_t, neg<y_t>>{}) == "x + y");    // raw nodes, x − (−y)
static_assert(to_string_view(add<x_t, neg<y_t>>{}) == "x − y");
static_assert(to_string_view(mul<x_t, neg<y_t>>{}) == "x·(−y)");
static_assert(to_string_view(neg<neg<x_t>>{}) == "−(−x)");
static_assert(to_latex_view(x / (y + z)) == "\\frac{x}{y + z}");
static_assert(to_latex_view(-x / y) == "-\\frac{x}{y}");
static_assert(to_latex_view(2_c * x * y) == "2 x y");
static_assert(to_latex_view(mul<x_t, constant<ratio{2}>>{}) == "x \\cdot 2");

// Powers.
static_assert(to_string_view(x * x) == "x²" && to_string_view(pow<ratio{-12}>(x)) == "x⁻¹²");
static_assert(to_string_view(pow<ratio{2}>(x + y)) == "(x + y)²");
static_assert(to_string_view(pow<ratio{2}>(-x)) == "(−x)²");
static_assert(to_string_view(sqrt(x)) == "√x" && to_string_view(sqrt(x + 1_c)) == "√(x + 1)");
static_assert(to_string_view(pow<ratio{-1, 2}>(x)) == "1/√x" && to_string_view(pow<ratio{3, 2}>(x)) == "x^(3/2)");
static_assert(to_string_view(power<named_constant<sqrt2_tag>, ratio{2}>{}) == "(√2)²");
static_assert(to_latex_view(pow<ratio{-2}>(x + y)) == "\\left(x + y\\right)^{-2}");
static_assert(to_latex_view(sqrt(x + y)) == "\\sqrt{x + y}" && to_latex_view(pow<ratio{3, 2}>(x)) == "x^{\\frac{3}{2}}");

// Functions and derivatives.
static_assert(to_string_view(d(sigmoid(x), x)) == "σ(x)·σ(−x)");
static_assert(to_latex_view(d(sigmoid(x), x)) == "\\sigma\\left(x\\right) \\sigma\\left(-x\\right)");
static_assert(to_string_view(d(x * norm_cdf(x), x)) == "Φ(x) + x·φ(x)");
static_assert(to_string_view(d(tanh(x), x)) == "sech(x)²");
static_assert(to_string_view(exp(-pow<ratio{2}>(x) / 2_c)) == "exp(−1/2·x²)");

// Select.
static_assert(to_string_view(select(x > 0_c, x, alpha * x)) == "x > 0 ? x : α·x");
static_assert(to_string_view(d(select(x > 0_c, x, alpha * x), x)) == "x > 0 ? 1 : α");
static_assert(to_string_view(1_c + max(x, 0_c)) == "1 + (x > 0 ? x : 0)");
static_assert(to_latex_view(select(x >= 0_c, x, alpha * x)) ==
              "\\begin{cases} x & x \\geq 0 \\\\ \\alpha x & \\text{otherwise} \\end{cases}");
// abs prints as a person writes it.
static_assert(to_string_view(abs(x)) == "|x|" && to_latex_view(abs(x)) == "\\left|x\\right|");
static_assert(to_string_view(1_c / (1_c + abs(x))) == "1/(1 + |x|)");
// Products fold as a person writes them (printing only; the expression is unchanged): two
// constants or more, a constant and a reciprocal, or a repeated factor.
constexpr auto squareplus = (x + sqrt(x * x + 4_c)) / 2_c;
static_assert(to_string_view(d(squareplus, x)) == "1/2·(1 + x/√(x² + 4))");
static_assert(to_string_view(d<2>(squareplus, x)) == "1/2·(−x²/(x² + 4)^(3/2) + 1/√(x² + 4))");
static_assert(to_string_view(d(sqrt(x), x)) == "1/(2·√x)");
static_assert(to_string_view(mul<mul<constant<ratio{2}>, x_t>, constant<ratio{3}>>{}) == "6·x");
static_assert(to_string_view(mul<mul<constant<ratio{-1, 2}>, x_t>, constant<ratio{2}>>{}) == "−x");
static_assert(to_string_view(mul<constant<ratio{1, 3}>, divide<x_t, constant<ratio{2}>>>{}) == "x/6");
static_assert(to_string_view(mul<mul<x_t, x_t>, y_t>{}) == "x²·y");
static_assert(to_latex_view(d(sqrt(x), x)) == "\\frac{1}{2 \\sqrt{x}}");
static_assert(to_string_view(1_c / 2_c * x) == "1/2·x" && to_string_view(mul<x_t, constant<ratio{2}>>{}) == "x·2");

// A tag with shown(U) prints as that expression: the refined SiLU and Mish (and their derivatives)
// print as their formulas, in text and LaTeX, and inside a larger expression; the catalogue's
// guards at ±∞ (an evaluation concern, activations/detail/tails.hpp) do not print.
static_assert(to_string_view(activations::silu) == "x·σ(x)");
static_assert(to_string_view(d(activations::silu, x)) == "σ(x) + x·σ(x)·σ(−x)");
static_assert(to_string_view(d(activations::swish, x)) == to_string_view(d(activations::swish_formula, x)));
static_assert(to_string_view(d<2>(activations::gelu, x)) == to_string_view(d<2>(activations::gelu_formula, x)));
static_assert(to_latex_view(d(activations::mish, x)) == to_latex_view(d(activations::mish_formula, x)));
static_assert(to_string_view(2_c * ctdiff::detail::make_apply<activations::detail::refined_fn<activations::silu_spec, 1>>(x)) ==
              "2·(σ(x) + x·σ(x)·σ(−x))");
static_assert(to_latex_view(d(activations::mish_formula, x)) == to_latex_view(d(activations::mish_spec::formula(x), x)));
static_assert(to_string_view(d(activations::mish_spec::formula(x), x)) == "tanh(softplus(x)) + x·sech(softplus(x))²·σ(x)");
