// Every named function's derivative *rule* (what ctdiff::d applies: σ' = σ(u)σ(−u), tanh' = sech²,
// Φ' = φ, …) agrees with differentiating its *definition* (σ(u) = 1/(1 + e^{−u}), …), proved at
// compile time — at x and through the chain rule at a composite argument, and for σ, tanh and Φ the
// rules applied to their own output (d², d³). The primitives exp, log and erf have no definition:
// their rules are the axioms. The catalogue's own function tags (logit, softsign, GELU-tanh's gate,
// Mish's tanh/sech of softplus, the refined activations) are checked in activation_rules.cpp.
// Compiling this file is passing.
#include "rule_matches_definition.hpp"

#include <ctdiff/algebra/equivalent.hpp>
#include <ctdiff/core.hpp>
#include <ctdiff/diff.hpp>

using namespace ctdiff;
using namespace ctdiff::literals;
using ctdiff_tests::rule_matches_definition;

namespace {

static_assert(rule_matches_definition<sigmoid_fn>());
static_assert(rule_matches_definition<softplus_fn>());
static_assert(rule_matches_definition<tanh_fn>());
static_assert(rule_matches_definition<sinh_fn>());
static_assert(rule_matches_definition<cosh_fn>());
static_assert(rule_matches_definition<sech_fn>());
static_assert(rule_matches_definition<expm1_fn>());
static_assert(rule_matches_definition<log1p_fn>());
static_assert(rule_matches_definition<erfc_fn>());
static_assert(rule_matches_definition<norm_cdf_fn>());
static_assert(rule_matches_definition<norm_pdf_fn>());

// Second derivatives, where the rule is applied to its own output.
static_assert(equivalent(d<2>(sigmoid(x), x), d<2>(sigmoid_fn::definition(x), x)));
// σ's mirror_product_derivative (d of σ(u)σ(−u) = −σ(u)σ(−u)·tanh(u/2)), through the chain rule
// and applied to its own output.
static_assert(equivalent(d<2>(sigmoid(x * x - x / 2_c), x), d<2>(sigmoid_fn::definition(x * x - x / 2_c), x)));
static_assert(equivalent(d<3>(sigmoid(x), x), d<3>(sigmoid_fn::definition(x), x)));
static_assert(equivalent(d<2>(tanh(x), x), d<2>(tanh_fn::definition(x), x)));
static_assert(equivalent(d<2>(norm_cdf(x), x), d<2>(norm_cdf_fn::definition(x), x)));

// abs and sign are primitives; abs is the select it abbreviates, and its rule sign(u) is that
// select's derivative away from 0 (at 0 the conventions differ: sign(0) = 0, the select's piece 1).
static_assert(equivalent(abs(x), select(x >= 0_c, x, -x)));
static_assert(equivalent(d(abs(x), x), select(x > 0_c, 1_c, select(x < 0_c, -1_c, 0_c))));
static_assert(compare(d(abs(x), x), d(select(x >= 0_c, x, -x), x)).refuted()); // at x = 0: 0 vs 1

} // namespace
