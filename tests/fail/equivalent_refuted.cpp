// expect: message<9>{"x = 0.37"}, ctdiff::prove_detail::message<16>{"a = 0.782151633"}, ctdiff::prove_detail::message<16>{"b = 0.644308755"}
// GELU′ = Φ (the texts' claim) is false: a static_assert of it does not compile, and the error
// names the witness the prover found — the point and both sides' values there.
#include <ctdiff/algebra/equivalent.hpp>
#include <ctdiff/core.hpp>
#include <ctdiff/diff.hpp>

using namespace ctdiff;

static_assert(equivalent(d(x * norm_cdf(x), x), norm_cdf(x)));
