// expect: message<31>{"the normal forms differ but no"}, ctdiff::prove_detail::message<29>{"sample point tells the sides"}
// An identity the algebra cannot decide names its reason in the error (√(x²) = |x|: (x²)^{1/2} is
// a root of x², and no sample separates the sides).
#include <ctdiff/algebra/equivalent.hpp>
#include <ctdiff/core.hpp>

using namespace ctdiff;

static_assert(equivalent(sqrt(x * x), abs(x)));
