// Derivatives by a run-time parameter (∂f/∂α, ∂f/∂β: learnable activations), checked by value
// and proved by ctdiff::equivalent. Compiling this file is passing.
#include <ctdiff/activations.hpp>
#include <ctdiff/algebra/equivalent.hpp>
#include <ctdiff/core.hpp>
#include <ctdiff/diff.hpp>
#include <ctdiff/io/to_string.hpp>

#include <type_traits>

using namespace ctdiff;
using namespace ctdiff::literals;
namespace act = ctdiff::activations;

namespace {

// The rules: ∂β/∂β = 1, ∂α/∂β = 0, ∂x/∂β = 0.
static_assert(std::is_same_v<decltype(d(beta, beta)), decltype(1_c)>);
static_assert(std::is_same_v<decltype(d(alpha, beta)), decltype(0_c)> && std::is_same_v<decltype(d(x, beta)), decltype(0_c)>);
static_assert(std::is_same_v<decltype(d(alpha * x, alpha)), std::remove_cvref_t<decltype(x)>>);
static_assert(to_string_view(d(alpha * x * x, alpha)) == "x²");

// Swish_β(x) = x·σ(βx): ∂/∂β = x²·σ(βx)·σ(−βx), the formula and the catalogue's guarded, refined
// swish alike (its tags are differentiated through their definitions by a parameter).
constexpr auto dswish_dbeta = x * x * sigmoid(beta * x) * sigmoid(-(beta * x));
static_assert(equivalent(d(act::swish_formula, beta), dswish_dbeta));
static_assert(equivalent(d(act::swish, beta), dswish_dbeta));
static_assert(equivalent(d(d(act::swish_formula, x), beta), d(d(act::swish_formula, beta), x))); // ∂²/∂x∂β symmetric
static_assert(compare(d(act::swish_formula, beta), x * sigmoid(beta * x) * sigmoid(-(beta * x))).refuted());

// Leaky ReLU and ELU: ∂/∂α.
static_assert(equivalent(d(act::leaky_relu, alpha), select(x > 0_c, 0_c, x)));
static_assert(equivalent(d(act::elu, alpha), select(x > 0_c, 0_c, expm1(x))));
// A learnable scale: ∂(γ·GELU)/∂γ = GELU (γ = parameter<2>).
constexpr parameter<2> gamma{};
static_assert(equivalent(d(gamma * act::gelu_formula, gamma), act::gelu_formula));

// Simplified, and printed: ds by a parameter.
static_assert(equivalent(ds<1>(act::swish_formula, beta), dswish_dbeta));
static_assert(to_string_view(d(alpha * exp(x), alpha)) == "exp(x)");

// Values: ∂swish/∂β at x = 2, β = 0 is 4·σ(0)² = 1.
static_assert(evaluate(d(act::swish_formula, beta), environment<double, 1, 2>{{2.0}, {0.0, 0.0}}) == 1.0);

} // namespace
