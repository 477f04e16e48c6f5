// expect: ctdiff kernel: the expressions use β (parameter<1>) and params{...} names no value for it
// one error
// Swish uses β; naming α alone says which parameter is missing.
#include <ctdiff/activations.hpp>
#include <ctdiff/core.hpp>
#include <ctdiff/eval.hpp>

#include <vector>

using namespace ctdiff;

int main() {
    std::vector<float> xs(8), ys(8);
    fused(x * sigmoid(beta * x))(xs, ys, params{alpha = 1.f});
}
