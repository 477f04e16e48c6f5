// expect: ctdiff::d(e, v): v must be a variable
#include <ctdiff/core.hpp>
#include <ctdiff/diff.hpp>
int main() {
    using namespace ctdiff::literals;
    auto e = ctdiff::d(ctdiff::x * ctdiff::x, 2_c * ctdiff::x);
    (void)e;
}
