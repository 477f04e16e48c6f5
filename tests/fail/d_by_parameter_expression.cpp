// expect: v must be a variable (x, y, z or variable<I>) or a run-time parameter
// A derivative is taken by a variable or a run-time parameter, not by an expression of one.
#include <ctdiff/core.hpp>
#include <ctdiff/diff.hpp>
int main() {
    using namespace ctdiff::literals;
    auto e = ctdiff::d(ctdiff::beta * ctdiff::x, 2_c * ctdiff::beta);
    (void)e;
}
