// The catalogue's stated derivatives and identities (include/ctdiff/activations), proved at compile
// time against ctdiff::d of each formula (the activations as shipped, with their refinements and
// guards, are proved against the textbook formulas in catalogue.cpp).
#include <ctdiff/activations.hpp>
#include <ctdiff/algebra/equivalent.hpp>
#include <ctdiff/core.hpp>
#include <ctdiff/diff.hpp>

using namespace ctdiff;
using namespace ctdiff::literals;
namespace act = ctdiff::activations;

namespace {
// σ and tanh: the stated f′, f″ (in terms of the named functions, expanded by the prover).
static_assert(equivalent(d(act::sigmoid, x), act::sigmoid_prime));
static_assert(equivalent(d<2>(act::sigmoid, x), act::sigmoid_second));
static_assert(equivalent(d(act::tanh, x), act::tanh_prime));
static_assert(equivalent(d<2>(act::tanh, x), act::tanh_second));
// softplus′ = σ, and the stable form log1p(e^{−|x|}) + max(x, 0) is softplus.
static_assert(equivalent(d(act::softplus, x), act::softplus_prime));
static_assert(equivalent(log1p(exp(-abs(x))) + max(x, 0_c), softplus(x)));
// GELU: Φ + xφ and (2 − x²)φ.
static_assert(equivalent(d(act::gelu_formula, x), act::gelu_prime));
static_assert(equivalent(d<2>(act::gelu_formula, x), (2_c - x * x) * norm_pdf(x)));
// GELU (tanh approximation): the evaluated form x·σ(2u) is the published x/2·(1 + tanh u).
static_assert(equivalent(act::gelu_tanh_formula,
                         x * sigmoid(2_c * sqrt2 / sqrt_pi * (x + act::gelu_tanh_cubic * pow<3>(x)))));
// …and so is x·g(x), g the gate tag with w in double-double, with the derivatives it gives (its rule
// g′ = g(x)g(−x)w′ and its product form for d(g(x)g(−x))).
static_assert(equivalent(x * act::gelu_tanh_gate, act::gelu_tanh_formula));
static_assert(equivalent(d(x * act::gelu_tanh_gate, x), d(act::gelu_tanh_formula, x)));
static_assert(equivalent(d<2>(x * act::gelu_tanh_gate, x), d<2>(act::gelu_tanh_formula, x)));
// SiLU / Swish.
static_assert(equivalent(d(act::silu_formula, x), act::silu_prime));
static_assert(equivalent(d<2>(act::silu_formula, x),
                         sigmoid(x) * sigmoid(-x) * (2_c + x * (sigmoid(-x) - sigmoid(x)))));
static_assert(equivalent(d(act::swish_formula, x), sigmoid(beta * x) * (1_c + beta * x * (1_c - sigmoid(beta * x)))));
// Mish′ = tanh(sp) + x·sech²(sp)·σ(x), sp = softplus(x).
static_assert(equivalent(d(act::mish_formula, x),
                         tanh(softplus(x)) + x * pow<2>(sech(softplus(x))) * sigmoid(x)));
// The piecewise family: per piece, with the default kink convention (the piece's own derivative).
static_assert(equivalent(d(act::relu, x), act::relu_prime));
static_assert(equivalent(d(act::leaky_relu, x), act::leaky_relu_prime));
static_assert(equivalent(d(act::elu, x), act::elu_prime));
static_assert(equivalent(d<2>(act::elu, x), select(x > 0_c, 0_c, alpha * exp(x))));
static_assert(equivalent(d(beta * select(x > 0_c, x, alpha * expm1(x)), x), beta * select(x > 0_c, 1_c, alpha * exp(x)))); // SELU, λ = β
static_assert(equivalent(d(act::hard_sigmoid, x), select(x <= -3_c, 0_c, select(x >= 3_c, 0_c, c<ratio{1, 6}>))));
static_assert(equivalent(act::hard_sigmoid, min(max((x + 3_c) / 6_c, 0_c), 1_c)));
static_assert(equivalent(act::hard_tanh, max(-1_c, min(1_c, x))));
static_assert(equivalent(d(act::hard_tanh, x), select(x <= -1_c, 0_c, select(x >= 1_c, 0_c, 1_c))));
// softsign′ = 1/(1 + |x|)², logit′ = 1/(p(1 − p)), and logit inverts σ.
static_assert(equivalent(d(act::softsign, x), 1_c / pow<2>(1_c + abs(x))));
static_assert(equivalent(d(act::logit, x), 1_c / (x * (1_c - x))));
static_assert(equivalent(d<2>(act::logit, x), (2_c * x - 1_c) / pow<2>(x * (1_c - x))));
static_assert(equivalent(log(sigmoid(x) / (1_c - sigmoid(x))), x));
// Leaky ReLU = max(αx, x) only when α ≤ 1: refuted for α = 2 (max picks 2x for x > 0).
static_assert(equivalent(select(x > 0_c, x, x / 2_c), max(x / 2_c, x)));
static_assert(compare(select(x > 0_c, x, 2_c * x), max(2_c * x, x)).refuted());
} // namespace
