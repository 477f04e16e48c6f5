// expect: ctdiff kernel: the expressions use run-time parameters
// one error
// Leaky ReLU's α is a run-time parameter: a call without ctdiff::params{α} does not compile.
#include <ctdiff/core.hpp>
#include <ctdiff/eval.hpp>

#include <vector>

using namespace ctdiff;
using namespace ctdiff::literals;

int main() {
    std::vector<float> xs(8), dy(8), y(8), dx(8);
    forward_backward(select(x > 0_c, x, alpha * x))(xs, dy, y, dx);
}
