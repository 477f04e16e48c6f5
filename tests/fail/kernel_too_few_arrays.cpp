// expect: ctdiff kernel: too few arrays
// one error
// forward_backward takes x, dy and two outputs (y, dx): one output missing is one sentence, not <tuple>'s errors.
#include <ctdiff/activations.hpp>
#include <ctdiff/core.hpp>
#include <ctdiff/eval.hpp>

#include <vector>

using namespace ctdiff;

int main() {
    std::vector<float> xs(8), dy(8), ys(8);
    forward_backward(activations::sigmoid)(xs, dy, ys);
}
