// expect: ctdiff kernel: an output array is const
// one error
// An output the kernel cannot write to.
#include <ctdiff/activations.hpp>
#include <ctdiff/core.hpp>
#include <ctdiff/eval.hpp>

#include <vector>

using namespace ctdiff;

int main() {
    std::vector<float> xs(8);
    const std::vector<float> ys(8);
    fused(activations::sigmoid)(xs, ys);
}
