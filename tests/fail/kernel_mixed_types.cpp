// expect: ctdiff kernel: all arrays of a call must hold the same type
// one error
// A float input with a double output array: refused with one sentence, not a span conversion error.
#include <ctdiff/activations.hpp>
#include <ctdiff/core.hpp>
#include <ctdiff/eval.hpp>

#include <vector>

using namespace ctdiff;

int main() {
    std::vector<float> xs(8);
    std::vector<double> ys(8);
    fused(activations::sigmoid)(xs, ys);
}
