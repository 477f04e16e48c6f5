// expect: ctdiff: division by the constant 0
#include <ctdiff/core.hpp>
int main() {
    using namespace ctdiff::literals;
    auto e = ctdiff::x / (1_c - 1_c);
    (void)e;
}
