// The README's quick start, compiled and run by ctest (label showcase).
#include <ctdiff/ctdiff.hpp>

#include <cstdio>

int main() {
    using namespace ctdiff;
    using namespace ctdiff::literals;

    // σ written once, as a formula.
    constexpr auto sig = 1_c / (1_c + exp(-x));

    // Its derivatives, at compile time.
    constexpr auto ds = d(sig, x);
    constexpr auto d2s = d<2>(sig, x);

    // Evaluated with ctdiff's own constexpr math: the same code runs in a static_assert.
    static_assert(ds(0.0) == 0.25);
    static_assert(d2s(0.0) == 0.0);

    std::printf("sigma(1) = %.17g, sigma'(1) = %.17g, sigma''(1) = %.17g\n", sig(1.0), ds(1.0), d2s(1.0));
    return 0;
}
