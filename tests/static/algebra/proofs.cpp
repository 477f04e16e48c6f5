// The identities of the source texts, proved at compile time by ctdiff::compare / equivalent.
// Every left side is written from the *definition* (1/(1+e^{-x}), (e^x - e^{-x})/(e^x + e^{-x}),
// x/2·(1 + erf(x/√2)), ...) and differentiated by ctdiff::d; the right sides are the textbook
// forms. Softmax, its Jacobian and the cross-entropy gradient are in softmax.cpp. Compiling this
// file is passing; its compile time is in docs/building.md.
#include <ctdiff/algebra/equivalent.hpp>
#include <ctdiff/core.hpp>
#include <ctdiff/diff.hpp>

#include <array>
#include <cstddef>

using namespace ctdiff;
using namespace ctdiff::literals;

namespace {

// ----- σ(x) = 1/(1 + e^{−x}) -----
constexpr auto sig = 1_c / (1_c + exp(-x));
constexpr auto sig1 = d(sig, x);
constexpr auto sig2 = d<2>(sig, x);
static_assert(equivalent(sig1, sig * (1_c - sig)));                        // σ' = σ(1 − σ)
static_assert(equivalent(sig2, sig * (1_c - sig) * (1_c - 2_c * sig)));     // σ'' = σ(1 − σ)(1 − 2σ)
static_assert(equivalent(sig1, 1_c / (4_c * pow<2>(cosh(x / 2_c)))));       // σ' = 1/(4 cosh²(x/2))
static_assert(sig1(0.0) == 0.25 && sig2(0.0) == 0.0);                       // σ'(0) = 1/4, σ''(0) = 0 exactly
static_assert(equivalent(d<3>(sig, x), sig * (1_c - sig) * (1_c - 6_c * sig + 6_c * sig * sig)));
static_assert(equivalent(d<4>(sig, x), sig1 * (1_c - 2_c * sig) * (1_c - 12_c * sig + 12_c * sig * sig)));
static_assert(equivalent(sig, 1_c - sigmoid(-x)));                           // σ(−x) = 1 − σ(x)

// ----- tanh(x) = (e^x − e^{−x})/(e^x + e^{−x}) -----
constexpr auto th = (exp(x) - exp(-x)) / (exp(x) + exp(-x));
static_assert(equivalent(d(th, x), 1_c - th * th));                          // tanh' = 1 − tanh²
static_assert(equivalent(d(th, x), pow<2>(sech(x))));                        //       = sech²
static_assert(equivalent(d<2>(th, x), -2_c * th * (1_c - th * th)));
static_assert(equivalent(th, 2_c * sigmoid(2_c * x) - 1_c));                 // tanh(x) = 2σ(2x) − 1
static_assert(equivalent(th, tanh(x)));

// ----- logit(σ(x)) = x, σ(logit(p)) = p -----
constexpr auto logit_of = [](auto p) { return log(p / (1_c - p)); };
static_assert(equivalent(logit_of(sig), x));
static_assert(equivalent(1_c / (1_c + exp(-logit_of(x))), x));

// ----- GELU(x) = x/2·(1 + erf(x/√2)) -----
constexpr auto gelu = x / 2_c * (1_c + erf(x / sqrt2));
static_assert(equivalent(d(gelu, x), norm_cdf(x) + x * norm_pdf(x)));       // GELU' = Φ + xφ
static_assert(equivalent(d<2>(gelu, x), norm_pdf(x) * (2_c - x * x)));      // GELU'' = φ(2 − x²)
static_assert(equivalent(gelu, x * norm_cdf(x)));
// The texts' "GELU' = Φ" alone is false, with a witness:
static_assert(compare(d(gelu, x), norm_cdf(x)).refuted());

// ----- ReLU and Leaky ReLU, per piece (default convention: the derivative of the piece taken) -----
constexpr auto relu = select(x > 0_c, x, 0_c);
static_assert(equivalent(d(relu, x), select(x > 0_c, 1_c, 0_c)));
static_assert(equivalent(relu, max(x, 0_c)));
static_assert(equivalent(relu, (x + abs(x)) / 2_c));
constexpr auto leaky = select(x > 0_c, x, alpha * x);
static_assert(equivalent(d(leaky, x), select(x > 0_c, 1_c, alpha)));
static_assert(equivalent(d(leaky, x), select(0_c < x, 1_c, alpha)));
static_assert(!equivalent(d(leaky, x), select(x >= 0_c, 1_c, alpha))); // they differ at x = 0 exactly
// (the texts' Leaky ReLU = max(αx, x) holds only for α ≤ 1: see the claims example)

} // namespace

// ----- derivatives as polynomials in the function (what backward-from-output kernels use) -----
namespace {
constexpr bool coefficients(auto fit, std::array<ratio, 5> c, std::size_t degree) {
    return fit.found && fit.degree == degree && fit.c == c;
}
static_assert(coefficients(as_polynomial_in(d(sig, x), sig), {0, 1, -1, 0, 0}, 2));                 // σ − σ²
static_assert(coefficients(as_polynomial_in(d<2>(sig, x), sig), {0, 1, -3, 2, 0}, 3));              // σ − 3σ² + 2σ³
static_assert(coefficients(as_polynomial_in(d(th, x), th), {1, 0, -1, 0, 0}, 2));                   // 1 − tanh²
static_assert(coefficients(as_polynomial_in(d(exp(x), x), exp(x)), {0, 1, 0, 0, 0}, 1));            // exp' = exp
static_assert(coefficients(as_polynomial_in(d(exp(2_c * x), x), exp(2_c * x)), {0, 2, 0, 0, 0}, 1));
static_assert(!as_polynomial_in(d(gelu, x), gelu).found);                                         // GELU: none
static_assert(!as_polynomial_in(d(softplus(x), x), softplus(x)).found);                           // σ is no polynomial in softplus
} // namespace
