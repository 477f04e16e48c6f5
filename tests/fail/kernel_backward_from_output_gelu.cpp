// expect: ctdiff::backward_from_output(f, P): f′ is not P(f)
// GELU′ = Φ + xφ is no polynomial in GELU: the saved output cannot give the backward pass.
#include <ctdiff/core.hpp>
#include <ctdiff/eval.hpp>

using namespace ctdiff;

int main() {
    constexpr auto gelu = x * norm_cdf(x);
    auto k = backward_from_output(gelu, polynomial<0, 1, -1>{});
    (void)k;
}
