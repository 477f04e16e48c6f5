// expect: ctdiff kernel: an expression uses a variable the kernel has no input array for
// one error
// fused(...) takes expressions of x alone; x·y needs kernel<2>(...).
#include <ctdiff/core.hpp>
#include <ctdiff/eval.hpp>

using namespace ctdiff;

int main() {
    auto k = fused(x * y);
    (void)k;
}
