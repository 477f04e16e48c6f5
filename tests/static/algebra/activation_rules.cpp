// The catalogue's own function tags (include/ctdiff/activations) against their definitions, as
// definitions.cpp does for the engine's named functions: each tag's derivative *rule* agrees with
// differentiating its *definition* — logit, softsign, GELU-tanh's gate, Mish's tanh and sech of
// softplus — and the refined activations' chains f → f′ → f″ (→ f‴) are their formulas'
// derivatives. Compiling this file is passing.
#include "rule_matches_definition.hpp"

#include <ctdiff/activations/gelu.hpp>
#include <ctdiff/activations/gelu_tanh.hpp>
#include <ctdiff/activations/logit.hpp>
#include <ctdiff/activations/mish.hpp>
#include <ctdiff/activations/silu.hpp>
#include <ctdiff/activations/softsign.hpp>
#include <ctdiff/algebra/equivalent.hpp>
#include <ctdiff/core.hpp>
#include <ctdiff/diff.hpp>

using namespace ctdiff;
using namespace ctdiff::literals;
using ctdiff_tests::rule_matches_definition;

namespace {

static_assert(rule_matches_definition<activations::logit_fn>());
static_assert(rule_matches_definition<activations::softsign_fn>());
// GELU-tanh's gate σ(2√(2/π)(u + 0.044715u³)): at x and at the linear argument 2x − 1 (at the
// quadratic one of rule_matches_definition, 0.044715u³ has exponents with denominators beyond the
// engine's 10⁶), and its rule applied to its own output.
static_assert(equivalent(activations::gelu_tanh_gate, activations::gelu_tanh_gate_fn::definition(x)));
static_assert(equivalent(d(activations::gelu_tanh_gate, x), d(activations::gelu_tanh_gate_fn::definition(x), x)));
static_assert(equivalent(d(ctdiff::detail::make_apply<activations::gelu_tanh_gate_fn>(2_c * x - 1_c), x),
                         d(activations::gelu_tanh_gate_fn::definition(2_c * x - 1_c), x)));
static_assert(equivalent(d<2>(activations::gelu_tanh_gate, x), d<2>(activations::gelu_tanh_gate_fn::definition(x), x)));
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

} // namespace
