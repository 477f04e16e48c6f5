// The catalogue's activations, as shipped (refined near their zeros, guarded at ±∞), are proved
// equal to their textbook formulas: the refinements and the guards are evaluation concerns whose
// definitions, for the prover, are the formulas (activations/detail/zero_series.hpp, tails.hpp).
// False variants are refuted. Compiling this file is passing.
#include <ctdiff/activations.hpp>
#include <ctdiff/algebra/equivalent.hpp>
#include <ctdiff/core.hpp>
#include <ctdiff/diff.hpp>

using namespace ctdiff;
using namespace ctdiff::literals;
namespace act = ctdiff::activations;

namespace {

// f as shipped = its textbook formula.
static_assert(equivalent(act::silu, x * sigmoid(x)));
static_assert(equivalent(act::silu, x / (1_c + exp(-x))));
static_assert(equivalent(act::swish, x * sigmoid(beta * x)));
static_assert(equivalent(act::gelu, x * norm_cdf(x)));
static_assert(equivalent(act::gelu, x / 2_c * (1_c + erf(x / sqrt2))));
static_assert(equivalent(act::mish, x * tanh(softplus(x))));
static_assert(equivalent(act::mish, x * tanh(log(1_c + exp(x)))));
static_assert(equivalent(act::gelu_tanh, act::gelu_tanh_formula));

// f′ and f″ as shipped = the textbook derivatives.
static_assert(equivalent(d(act::silu, x), sigmoid(x) * (1_c + x * (1_c - sigmoid(x)))));
static_assert(equivalent(d<2>(act::silu, x), sigmoid(x) * sigmoid(-x) * (2_c + x * (sigmoid(-x) - sigmoid(x)))));
static_assert(equivalent(d(act::swish, x), sigmoid(beta * x) * (1_c + beta * x * (1_c - sigmoid(beta * x)))));
static_assert(equivalent(d(act::gelu, x), norm_cdf(x) + x * norm_pdf(x)));
static_assert(equivalent(d<2>(act::gelu, x), (2_c - x * x) * norm_pdf(x)));
// Mish′ = tanh(sp) + x·sech²(sp)·σ(x), and Misra's closed form eˣω/δ² with
// ω = 4(x + 1) + 4e^{2x} + e^{3x} + eˣ(4x + 6), δ = 2eˣ + e^{2x} + 2.
constexpr auto sp = softplus(x);
static_assert(equivalent(d(act::mish, x), tanh(sp) + x * pow<2>(sech(sp)) * sigmoid(x)));
constexpr auto omega = 4_c * (x + 1_c) + 4_c * exp(2_c * x) + exp(3_c * x) + exp(x) * (4_c * x + 6_c);
constexpr auto delta = 2_c * exp(x) + exp(2_c * x) + 2_c;
static_assert(equivalent(d(act::mish, x), exp(x) * omega / pow<2>(delta)));
// GELU-tanh′ = ½(1 + tanh u) + ½x·sech²(u)·u′, u = √(2/π)(x + 0.044715x³).
constexpr auto u = sqrt2 / sqrt_pi * (x + act::gelu_tanh_cubic * pow<3>(x));
constexpr auto u1 = sqrt2 / sqrt_pi * (1_c + 3_c * act::gelu_tanh_cubic * x * x);
static_assert(equivalent(d(act::gelu_tanh, x), (1_c + tanh(u)) / 2_c + x / 2_c * pow<2>(sech(u)) * u1));
static_assert(equivalent(d(act::gelu_tanh, x), (1_c + tanh(u)) / 2_c + x / 2_c * (1_c - pow<2>(tanh(u))) * u1));

// False variants: refuted with a witness.
static_assert(compare(act::silu, x * sigmoid(2_c * x)).refuted());
static_assert(compare(d(act::silu, x), sigmoid(x)).refuted());
static_assert(compare(d(act::mish, x), tanh(sp) + x * pow<2>(sech(sp)) * sigmoid(-x)).refuted());
static_assert(compare(d(act::gelu_tanh, x), (1_c + tanh(u)) / 2_c + x / 2_c * pow<2>(sech(u))).refuted());

// The values are the guarded ones: exact limits beyond |x| = 1024, the formula elsewhere.
static_assert(act::silu(-2000.0) == 0.0 && act::silu(2000.0) == 2000.0 && d(act::silu, x)(2000.0) == 1.0);
static_assert(act::silu(2.0) == act::silu_formula(2.0));

} // namespace
