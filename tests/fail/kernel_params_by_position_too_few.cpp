// expect: ctdiff kernel: params{v, ...} takes values by position
// one error
// A formula of β alone given one value by position: that value would be α's; the sentence says to name it.
#include <ctdiff/activations.hpp>
#include <ctdiff/core.hpp>
#include <ctdiff/eval.hpp>

#include <vector>

using namespace ctdiff;

int main() {
    std::vector<float> xs(8), ys(8);
    fused(x * sigmoid(beta * x))(xs, ys, params{1.702f});
}
