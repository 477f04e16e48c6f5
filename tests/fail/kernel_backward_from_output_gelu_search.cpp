// expect: ctdiff::backward_from_output(f): f′ is no polynomial in f
// Asking ctdiff to find GELU′ as a polynomial in GELU: there is none, and the call says so.
#include <ctdiff/core.hpp>
#include <ctdiff/eval.hpp>

using namespace ctdiff;

int main() {
    auto k = backward_from_output(x * norm_cdf(x));
    (void)k;
}
