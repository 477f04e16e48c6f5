// Identities through log of a sum of exponentials (log σ, log(1 − σ), softplus), proved by
// ctdiff::compare / equivalent; the false variants are refuted. Compiling this file is passing.
#include <ctdiff/algebra/equivalent.hpp>
#include <ctdiff/core.hpp>
#include <ctdiff/diff.hpp>

using namespace ctdiff;
using namespace ctdiff::literals;

namespace {

constexpr auto log_sig = log(sigmoid(x));
static_assert(equivalent(log_sig, log_sig));
static_assert(equivalent(log_sig, -softplus(-x)));                 // log σ(x) = −softplus(−x)
static_assert(equivalent(log(1_c - sigmoid(x)), -softplus(x)));   // log(1 − σ(x)) = −softplus(x)
static_assert(equivalent(d(log_sig, x), 1_c - sigmoid(x)));        // (log σ)′ = 1 − σ
static_assert(equivalent(d(log_sig, x), sigmoid(-x)));             //          = σ(−x)
static_assert(equivalent(log_sig - log(1_c - sigmoid(x)), x));     // logit(σ(x)) = x, through logs
static_assert(equivalent(log(1_c / (1_c + exp(-x))), -log(1_c + exp(-x))));

// False variants, each refuted with a witness.
static_assert(compare(log_sig, softplus(-x)).refuted());
static_assert(compare(d(log_sig, x), sigmoid(x)).refuted());
constexpr verdict wrong_sign = compare(log_sig, softplus(x));
static_assert(wrong_sign.refuted() && wrong_sign.lhs < 0 && wrong_sign.rhs > 0);

} // namespace
