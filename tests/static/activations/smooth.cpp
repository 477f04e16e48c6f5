// The smooth activations: their derivative rules (as types where the form is the point), exact
// values at 0, and evaluation at constexpr points through ctdiff's constexpr math.
#include <ctdiff/activations.hpp>
#include <ctdiff/diff.hpp>

#include <array>
#include <span>
#include <type_traits>

using namespace ctdiff;
using namespace ctdiff::literals;
namespace act = ctdiff::activations;

template <class A, class B>
constexpr bool same(A, B) { return std::is_same_v<A, B>; }
constexpr double abs_d(double v) { return v < 0 ? -v : v; }
constexpr bool close(double a, double b, double rel = 1e-14) { return abs_d(a - b) <= rel * (abs_d(b) > 1e-300 ? abs_d(b) : 1.0); }

// Stable derivative forms, checked on the type: σ' = σ(x)σ(−x) (not σ(1 − σ)), tanh' = sech²
// (not 1 − tanh²), softplus' = σ, softsign' = (1 + |x|)⁻².
static_assert(same(d(act::sigmoid, x), ctdiff::sigmoid(x) * ctdiff::sigmoid(-x)));
static_assert(same(d(act::tanh, x), pow<ratio{2}>(sech(x))));
static_assert(same(d(act::softplus, x), act::softplus_prime));
static_assert(same(d(act::softsign, x), pow<ratio{2}>(1_c / (1_c + abs(x)))));
// σ(0) and tanh(0) fold to exact constants when applied to the constant 0.
static_assert(same(ctdiff::sigmoid(0_c), c<ratio{1, 2}>) && same(ctdiff::tanh(0_c), 0_c) && same(norm_cdf(0_c), c<ratio{1, 2}>));

// Values at 0 (exact in any correct implementation).
static_assert(act::sigmoid(0.0) == 0.5 && d(act::sigmoid, x)(0.0) == 0.25);
static_assert(act::tanh(0.0) == 0.0 && d(act::tanh, x)(0.0) == 1.0);
static_assert(act::silu(0.0) == 0.0 && d(act::silu, x)(0.0) == 0.5 && d<2>(act::silu, x)(0.0) == 0.5);
static_assert(act::gelu(0.0) == 0.0 && d(act::gelu, x)(0.0) == 0.5);
static_assert(act::gelu_tanh(0.0) == 0.0 && d(act::gelu_tanh, x)(0.0) == 0.5);
static_assert(act::softsign(0.0) == 0.0 && d(act::softsign, x)(0.0) == 1.0 && d<2>(act::softsign, x)(0.0) == 0.0);
static_assert(act::softsign(1.0) == 0.5 && d(act::softsign, x)(1.0) == 0.25 && d<2>(act::softsign, x)(1.0) == -0.25);
static_assert(act::logit(0.5) == 0.0 && d(act::logit, x)(0.5) == 4.0 && d<2>(act::logit, x)(0.5) == 0.0);

// Known values at constexpr points (closed forms computed independently).
static_assert(close(d(act::sigmoid, x)(6.0), 0.002466509291360048)); // the texts' "≤ 0.002 for |x| ≥ 6" is false
static_assert(d(act::sigmoid, x)(6.0) > 0.002);
static_assert(close(d(act::tanh, x)(3.0), 0.009866037165440211)); // the texts' tanh'(3) ≤ 0.01 holds
static_assert(close(act::gelu(1.0), 0.8413447460685429));           // Φ(1)
static_assert(close(d(act::gelu, x)(1.0), 0.8413447460685429 + 0.24197072451914337)); // Φ(1) + φ(1)
static_assert(d(act::gelu, x)(-1.0) < 0.0 && d(act::gelu, x)(1.0) > 1.0); // GELU' leaves (0, 1)
static_assert(close(act::softplus(0.0), 0.6931471805599453));
static_assert(close(act::logit(act::sigmoid(0.75)), 0.75, 1e-15) && close(act::logit(0.25), -1.0986122886681098));
static_assert(close(act::mish(1.0), 0.8650983882673103));

// Stable tails: finite where the true value is finite.
static_assert(act::silu(-1000.0) == 0.0 && d(act::silu, x)(1000.0) == 1.0);
// (±∞ itself is checked at run time: the unused piece of a select computes ∞·0 there, which a
// constant expression may not.)
static_assert(act::gelu(1000.0) == 1000.0 && d(act::gelu, x)(1000.0) == 1.0 && d<2>(act::gelu, x)(-1000.0) == 0.0);
static_assert(d(act::mish, x)(-1000.0) == 0.0 && d<2>(act::gelu_tanh, x)(1000.0) == 0.0);
static_assert(act::softsign(__builtin_inf()) == 1.0 && d(act::softsign, x)(-__builtin_inf()) == 0.0);
static_assert(act::gelu(-30.0) < 0.0); // no underflow to 0 through 1 + erf: ≈ −30·Φ(−30) ≈ −1.5e−196

// Softmax over a row, at compile time: a probability vector; J·1 = 0; p − y sums to 0.
constexpr std::array<double, 3> softmax_of_123 = [] {
    std::array<double, 3> z{1.0, 2.0, 3.0}, p{};
    act::softmax(std::span<const double>(z), std::span<double>(p));
    return p;
}();
static_assert(close(softmax_of_123[0] + softmax_of_123[1] + softmax_of_123[2], 1.0, 1e-15));
static_assert(close(softmax_of_123[2], 0.6652409557748219));
constexpr double jacobian_row_sum = [] {
    const act::softmax_jacobian<double> J{std::span<const double>(softmax_of_123)};
    return J(1, 0) + J(1, 1) + J(1, 2);
}();
static_assert(abs_d(jacobian_row_sum) < 1e-16);
constexpr double cross_entropy_grad_sum = [] {
    std::array<double, 3> z{1.0, 2.0, 3.0}, g{};
    act::softmax_cross_entropy(std::span<const double>(z), 0, std::span<double>(g));
    return g[0] + g[1] + g[2];
}();
static_assert(abs_d(cross_entropy_grad_sum) < 1e-15);

// The symbolic softmax for C = 2 is σ of the difference: p₀ = σ(z₀ − z₁), ∂p₀/∂z₀ = p₀(1 − p₀).
constexpr auto p0 = act::softmax_expr<2, 0>;
static_assert(close(p0(0.7, -0.4), act::sigmoid(1.1)));
static_assert(close(d(p0, variable<0>{})(0.7, -0.4), d(act::sigmoid, x)(1.1)));
static_assert(close(d(act::softmax_expr<3, 1>, variable<2>{})(0.1, 0.2, 0.3),
                    -(act::softmax_expr<3, 1>(0.1, 0.2, 0.3) * act::softmax_expr<3, 2>(0.1, 0.2, 0.3))));
static_assert(close(act::log_softmax_expr<3, 2>(1.0, 2.0, 3.0), -0.40760596444437994));

int main() {}
