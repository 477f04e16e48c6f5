// expect: a plain number is a run-time value and cannot be part of a compile-time formula
#include <ctdiff/core.hpp>
int main() {
    auto e = 1 + ctdiff::exp(ctdiff::x); // must be 1_c
    (void)e;
}
