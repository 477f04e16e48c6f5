// expect: ctdiff kernel: params{...} names a parameter that none of the expressions uses
// one error
// A value for α where the formula has β only: a mistake, refused.
#include <ctdiff/activations.hpp>
#include <ctdiff/core.hpp>
#include <ctdiff/eval.hpp>

#include <vector>

using namespace ctdiff;

int main() {
    std::vector<float> xs(8), ys(8);
    fused(x * sigmoid(beta * x))(xs, ys, params{alpha = 1.f, beta = 1.702f});
}
