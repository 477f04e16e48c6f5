// expect: ctdiff kernel: after the arrays only ctdiff::params{...}, ctdiff::kernel_options and ctdiff::fast may follow
// one error
// A call's trailing arguments are the parameters, the run options and the fast mode: anything else
// (here a bare float meant as α) is refused with one sentence.
#include <ctdiff/core.hpp>
#include <ctdiff/eval.hpp>

#include <vector>

using namespace ctdiff;

int main() {
    std::vector<float> xs(8), y(8);
    fused(sigmoid(x))(xs, y, 0.5f);
}
