// expect: ctdiff::equivalent(a, b): the algebra cannot decide this identity
// √(x²) = |x| holds, but the prover does not open (x²)^{1/2} (x may be negative) and no sample
// separates the sides: equivalent() must not guess — it stops with one sentence.
#include <ctdiff/algebra/equivalent.hpp>
#include <ctdiff/core.hpp>

using namespace ctdiff;

static_assert(equivalent(sqrt(x * x), abs(x)));
