// The README's quick start, compiled and run by ctest (label showcase): σ written once as a
// formula; its derivatives at compile time; the textbook identity σ' = σ(1 − σ) *proved* at compile
// time; the derivative printed as text and LaTeX; a fused kernel (σ and σ' in one pass) on an array.
#include <ctdiff/ctdiff.hpp>

#include <cstdio>
#include <vector>

int main() {
    using namespace ctdiff;
    using namespace ctdiff::literals;

    constexpr auto sig = 1_c / (1_c + exp(-x)); // σ, from its definition
    constexpr auto ds = d(sig, x);              // σ', a type: e^{−x}/(1 + e^{−x})²
    constexpr auto d2s = d<2>(sig, x);

    static_assert(equivalent(ds, sig * (1_c - sig)));                      // a proof, not a sample
    static_assert(equivalent(d2s, sig * (1_c - sig) * (1_c - 2_c * sig))); // σ'' = σ(1 − σ)(1 − 2σ)
    static_assert(ds(0.0) == 0.25 && d2s(0.0) == 0.0);                     // exact, in constexpr math

    std::printf("sigma'(x)  = %s\n", to_string(simplify(ds)).c_str());
    std::printf("LaTeX      : %s\n", to_latex(simplify(ds)).c_str());
    std::printf("sigma''(x) = %s\n", to_string(simplify(d2s)).c_str());

    // The formula as written overflows: e^{1000}/(1 + e^{1000})² is ∞/∞ at x = −1000. ctdiff's named
    // σ is evaluated stably — and it is the same function, proved, so the kernel may use it.
    static_assert(equivalent(sig, sigmoid(x)));
    // One fused loop computes σ and σ' for every element (one exponential each, vectorized).
    const std::vector<float> xs{-1000.f, -8.f, -1.f, 0.f, 1.f, 8.f, 1000.f};
    std::vector<float> y(xs.size());
    std::vector<float> dy(xs.size());
    derivatives<1>(sigmoid(x))(xs, y, dy);
    for (std::size_t i = 0; i < xs.size(); ++i) {
        std::printf("x = %7g   sigma = %-13.9g sigma' = %.9g\n", static_cast<double>(xs[i]), static_cast<double>(y[i]),
                    static_cast<double>(dy[i]));
    }
    return 0;
}
