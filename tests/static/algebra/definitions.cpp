// Every named function's derivative *rule* (what ctdiff::d applies: σ' = σ(u)σ(−u), tanh' = sech²,
// Φ' = φ, …) agrees with differentiating its *definition* (σ(u) = 1/(1 + e^{−u}), …), proved at
// compile time — at x and through the chain rule at a composite argument. The primitives exp, log
// and erf have no definition: their rules are the axioms. Compiling this file is passing.
#include <ctdiff/activations/gelu_tanh.hpp>
#include <ctdiff/activations/logit.hpp>
#include <ctdiff/activations/mish.hpp>
#include <ctdiff/activations/silu.hpp>
#include <ctdiff/activations/gelu.hpp>
#include <ctdiff/activations/softsign.hpp>
#include <ctdiff/algebra/equivalent.hpp>
#include <ctdiff/core.hpp>
#include <ctdiff/diff.hpp>

using namespace ctdiff;
using namespace ctdiff::literals;

namespace {

/// d(F(u)) by F's rule ≡ d(F's definition at u), for u = x and u = 3x²/2 − x/2 + 1/4.
template <class F>
constexpr bool rule_matches_definition() {
    constexpr auto at = [](auto u) { return ctdiff::detail::make_apply<F>(u); };
    constexpr auto u = c<ratio{3, 2}> * x * x - x / 2_c + c<ratio{1, 4}>;
    return equivalent(d(at(x), x), d(F::definition(x), x)) && equivalent(d(at(u), x), d(F::definition(u), x)) &&
           equivalent(at(x), F::definition(x));
}

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
static_assert(rule_matches_definition<activations::logit_fn>());
static_assert(rule_matches_definition<activations::softsign_fn>());
// GELU-tanh's gate σ(2√(2/π)(u + 0.044715u³)): at x and at the linear argument 2x − 1 (at the
// quadratic one above, 0.044715u³ has exponents with denominators beyond the engine's 10⁶).
static_assert(equivalent(activations::gelu_tanh_gate, activations::gelu_tanh_gate_fn::definition(x)));
static_assert(equivalent(d(activations::gelu_tanh_gate, x), d(activations::gelu_tanh_gate_fn::definition(x), x)));
static_assert(equivalent(d(ctdiff::detail::make_apply<activations::gelu_tanh_gate_fn>(2_c * x - 1_c), x),
                         d(activations::gelu_tanh_gate_fn::definition(2_c * x - 1_c), x)));
// Mish's tanh(softplus(u)) and sech(softplus(u)), evaluated from exp(−|u|).
static_assert(rule_matches_definition<activations::tanh_softplus_fn>());
static_assert(rule_matches_definition<activations::sech_softplus_fn>());

// The refined activations (activations/detail/zero_series.hpp): each f⁽ⁿ⁾ is its formula's, and
// the chain f → f′ → f″ (→ f‴, where the last refined tag hands over to the plain derivative) is
// the formula's derivatives. (Mish's f‴ from the definitions costs 2–3 s of compile time alone;
// the hand-over is the same code for every Spec.)
template <class Spec, bool Third>
constexpr bool refined_chain_matches() {
    using namespace activations::detail;
    constexpr auto f = refined<Spec>;
    constexpr auto plain = Spec::formula(x);
    bool third = true;
    if constexpr (Third) {
        third = equivalent(d<3>(f, x), d<3>(plain, x));
    }
    return equivalent(f, plain) && equivalent(d(f, x), d(plain, x)) && equivalent(d<2>(f, x), d<2>(plain, x)) && third;
}
static_assert(refined_chain_matches<activations::silu_spec, true>());
static_assert(refined_chain_matches<activations::gelu_spec, false>());
static_assert(refined_chain_matches<activations::mish_spec, false>());
static_assert(refined_chain_matches<activations::swish_spec, false>()); // β a parameter

// Second derivatives, where the rule is applied to its own output.
static_assert(equivalent(d<2>(sigmoid(x), x), d<2>(sigmoid_fn::definition(x), x)));
// σ's mirror_product_derivative (d of σ(u)σ(−u) = −σ(u)σ(−u)·tanh(u/2)), through the chain rule
// and applied to its own output.
static_assert(equivalent(d<2>(sigmoid(x * x - x / 2_c), x), d<2>(sigmoid_fn::definition(x * x - x / 2_c), x)));
static_assert(equivalent(d<3>(sigmoid(x), x), d<3>(sigmoid_fn::definition(x), x)));
static_assert(equivalent(d<2>(activations::gelu_tanh_gate, x), d<2>(activations::gelu_tanh_gate_fn::definition(x), x)));
static_assert(equivalent(d<2>(tanh(x), x), d<2>(tanh_fn::definition(x), x)));
static_assert(equivalent(d<2>(norm_cdf(x), x), d<2>(norm_cdf_fn::definition(x), x)));

// abs and sign are primitives; abs is the select it abbreviates, and its rule sign(u) is that
// select's derivative away from 0 (at 0 the conventions differ: sign(0) = 0, the select's piece 1).
static_assert(equivalent(abs(x), select(x >= 0_c, x, -x)));
static_assert(equivalent(d(abs(x), x), select(x > 0_c, 1_c, select(x < 0_c, -1_c, 0_c))));
static_assert(compare(d(abs(x), x), d(select(x >= 0_c, x, -x), x)).refuted()); // at x = 0: 0 vs 1

} // namespace
