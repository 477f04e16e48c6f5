// Refutations: false identities the prover must not prove — each is refuted with a numeric witness,
// or (last) left undecided, never claimed. Compiling this file is passing.
#include <ctdiff/activations.hpp>
#include <ctdiff/algebra/equivalent.hpp>
#include <ctdiff/core.hpp>
#include <ctdiff/diff.hpp>
using namespace ctdiff; using namespace ctdiff::literals; namespace act = ctdiff::activations;
static_assert(compare(d(act::silu_formula, x), sigmoid(x)).refuted());
static_assert(compare(d(act::mish_formula, x), tanh(softplus(x)) + x * pow<2>(sech(softplus(x)))).refuted());
static_assert(compare(act::hard_tanh, max(-1_c, min(2_c, x))).refuted());
static_assert(compare(d(act::relu, x), select(x >= 0_c, 1_c, 0_c)).refuted());
static_assert(compare(d<2>(act::gelu_formula, x), (1_c - x * x) * norm_pdf(x)).refuted());
// √(x²) = |x| is true, but (x²)^{1/2} is not opened (x may be negative): undecided, not proved.
static_assert(compare(sqrt(x * x), abs(x)).undecided());
static_assert(compare(sqrt(x * x), x).refuted()); // and √(x²) = x is false for x < 0
