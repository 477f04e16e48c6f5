// simplify(e): the normal form as type identities, and its value equal to e's, at compile time.
#include <ctdiff/algebra/equivalent.hpp>
#include <ctdiff/algebra/simplify.hpp>
#include <ctdiff/core.hpp>
#include <ctdiff/diff.hpp>
#include <ctdiff/io/to_string.hpp>

#include <type_traits>

using namespace ctdiff;
using namespace ctdiff::literals;

namespace {
template <class A, class B>
constexpr bool same(A, B) {
    return std::is_same_v<A, B>;
}
constexpr double abs_diff(double a, double b) { return a > b ? a - b : b - a; }
// |a − b| ≤ 1e-13·max(1, |b|): simplify reorders floating-point operations, nothing more.
constexpr bool close(double a, double b) {
    const double m = (b < 0 ? -b : b) > 1 ? (b < 0 ? -b : b) : 1.0;
    return abs_diff(a, b) <= 1e-13 * m;
}
template <class E>
constexpr bool same_values(E e) {
    constexpr auto s = simplify(E{});
    for (double t : {-3.5, -1.0, -0.25, 0.5, 1.0, 2.75}) {
        if (!close(s(t), e(t))) {
            return false;
        }
    }
    return true;
}
} // namespace

// Collecting like terms and factors, flattening, ordering.
static_assert(same(simplify(x * y * x), pow<ratio{2}>(x) * y));
static_assert(same(simplify(y * x), x * y));
static_assert(same(simplify(x + y - x), y));
static_assert(same(simplify(x * (y + x) - x * x), x * y));
static_assert(to_string_view(simplify((x + 1_c) * (x - 1_c))) == "−1 + x²");
static_assert(same(simplify(x / x), 1_c) && same(simplify(x - x), 0_c));
static_assert(to_string_view(simplify(2_c * x * y / (4_c * x))) == "1/2·y");
static_assert(to_string_view(simplify(x * alpha * sqrt2 * pi)) == "π·√2·α·x"); // constants, parameters, variables
// Powers of sums are atoms, not expanded; their powers combine.
static_assert(to_string_view(simplify(pow<ratio{2}>(x + 1_c))) == "(1 + x)²");
static_assert(to_string_view(simplify(pow<ratio{-2}>(1_c + exp(-x)) * pow<ratio{3}>(1_c + exp(-x)) * x)) ==
              "x + x·exp(−x)"); // a sum to the power 1 is a sum again, and distributes
static_assert(to_string_view(simplify(pow<ratio{-2}>(1_c + exp(-x)) * pow<ratio{3}>(1_c + exp(-x)))) == "1 + exp(−x)");
static_assert(to_string_view(simplify(x / (1_c + exp(-x)) / (exp(-x) + 1_c))) == "x/(1 + exp(−x))²");
// Function arguments are simplified; function applications are atoms (no identities used).
static_assert(to_string_view(simplify(sigmoid(x + x) * sigmoid(2_c * x))) == "σ(2·x)²");
static_assert(to_string_view(simplify(log(exp(x)))) == "log(exp(x))");
// Selects: their parts are simplified.
static_assert(to_string_view(simplify(select(x > 0_c, x + x, alpha * x * 1_c))) == "x > 0 ? 2·x : α·x");

// Derivatives, readable.
// σ″ = d(σ(x)σ(−x)) = −σ(x)σ(−x)·tanh(x/2) (σ's mirror_product_derivative: a product, not the
// product rule's σσ̄² − σ²σ̄, which cancels near 0); the later orders differentiate that.
static_assert(to_string_view(simplify(d<2>(sigmoid(x), x))) == "−tanh(1/2·x)·σ(x)·σ(−x)");
static_assert(to_string_view(ds<2>(sigmoid(x), x)) == "−tanh(1/2·x)·σ(x)·σ(−x)");
static_assert(to_string_view(simplify(d<3>(sigmoid(x), x))) == "tanh(1/2·x)²·σ(x)·σ(−x) − 1/2·sech(1/2·x)²·σ(x)·σ(−x)");
// ds<3> differentiates the simplified σ″, whose product σ(x)·σ(−x) is no longer one node: the
// product rule's σσ̄² − σ²σ̄ comes back (readable, equal in value).
static_assert(to_string_view(ds<3>(sigmoid(x), x)) ==
              "−tanh(1/2·x)·σ(x)·σ(−x)² + tanh(1/2·x)·σ(x)²·σ(−x) − 1/2·sech(1/2·x)²·σ(x)·σ(−x)");
static_assert(to_string_view(ds<2>(tanh(x), x)) == "−2·sech(x)²·tanh(x)");
static_assert(to_string_view(ds(x * norm_cdf(x), x)) == "Φ(x) + x·φ(x)");
static_assert(to_string_view(ds<2>(x * norm_cdf(x), x)) == "2·φ(x) − x²·φ(x)");
static_assert(to_string_view(ds<3>(x * norm_cdf(x), x)) == "−4·x·φ(x) + x³·φ(x)");
static_assert(to_string_view(ds<4>(x * norm_cdf(x), x)) == "−4·φ(x) + 7·x²·φ(x) − x⁴·φ(x)");
static_assert(to_string_view(ds<4>(sigmoid(x), x)) ==
              "−tanh(1/2·x)·σ(x)·σ(−x)³ + 4·tanh(1/2·x)·σ(x)²·σ(−x)² − tanh(1/2·x)·σ(x)³·σ(−x) − sech(1/2·x)²·σ(x)·σ(−x)² + "
              "sech(1/2·x)²·σ(x)²·σ(−x) + 1/2·sech(1/2·x)²·tanh(1/2·x)·σ(x)·σ(−x)");
static_assert(to_string_view(ds(select(x > 0_c, x, alpha * x), x)) == "x > 0 ? 1 : α");

// simplify is idempotent, and ds<n> is the same type as simplify(d<n>) here.
static_assert(same(simplify(simplify(d<3>(sigmoid(x), x))), simplify(d<3>(sigmoid(x), x))));
static_assert(same(ds<3>(x * norm_cdf(x), x), simplify(d<3>(x * norm_cdf(x), x))));
static_assert(equivalent(ds<3>(sigmoid(x), x), simplify(d<3>(sigmoid(x), x)))); // σ‴: two forms (above), one function
static_assert(same(simplify(d(sigmoid(x), x)), d(sigmoid(x), x)));

// The same function: values at several points, through ctdiff's constexpr math.
static_assert(same_values(d<2>(sigmoid(x), x)));
static_assert(same_values(d<3>(tanh(x), x)));
static_assert(same_values(d<3>(x * norm_cdf(x), x)));
static_assert(same_values(d<2>(x * tanh(softplus(x)), x)));
static_assert(same_values(d<2>(one / (one + exp(-x)), x)));
static_assert(same_values((x + 1_c) * (x - 1_c) / (x * x + 3_c)));
