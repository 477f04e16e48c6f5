// math::wide_float and compute_type_t: what a float evaluation computes in, checked by the compiler
// (compiling is passing). Why float formulas compute in double: core/node.hpp, math/wide_float.hpp.
#include <ctdiff/activations/gelu_tanh.hpp>
#include <ctdiff/activations/silu.hpp>
#include <ctdiff/core.hpp>
#include <ctdiff/diff.hpp>
#include <ctdiff/math.hpp>

#include <bit>
#include <cstdint>
#include <limits>
#include <type_traits>

namespace {

using namespace ctdiff;
using namespace ctdiff::literals;
using math::wide_float;

constexpr bool same(float a, float b) { return std::bit_cast<std::uint32_t>(a) == std::bit_cast<std::uint32_t>(b); }

// --- which formulas compute in double --------------------------------------------------------
static_assert(std::is_same_v<compute_type_t<float, decltype(sigmoid(x))>, wide_float>);
static_assert(std::is_same_v<compute_type_t<float, decltype(d<2>(x * sigmoid(x), x))>, wide_float>);
static_assert(std::is_same_v<compute_type_t<float, decltype(pow<ratio{1, 2}>(x))>, wide_float>); // √ is a function
static_assert(std::is_same_v<compute_type_t<float, decltype(x * x + 1_c)>, float>);              // arithmetic alone
static_assert(std::is_same_v<compute_type_t<float, decltype(select(x > 0_c, x, alpha * x))>, float>);
static_assert(std::is_same_v<compute_type_t<double, decltype(sigmoid(x))>, double>);
static_assert(std::is_same_v<compute_type_t<long double, decltype(sigmoid(x))>, long double>);

// --- the functions: for a float argument, wide_float's result rounds to the float function's ---
template <class F, class G>
constexpr bool agrees(F f, G g, float v) {
    return same(static_cast<float>(f(wide_float(v))), g(v));
}
constexpr float pts[] = {0.0f, -0.0f, 1e-40f, 0.3f, -1.5f, 7.25f, -30.0f, 88.0f, -103.5f, 1e30f};
constexpr bool all_agree = [] {
    for (float v : pts) {
        const bool ok = agrees([](auto u) { return math::exp(u); }, [](float u) { return math::exp(u); }, v) &&
                        agrees([](auto u) { return math::expm1(u); }, [](float u) { return math::expm1(u); }, v) &&
                        agrees([](auto u) { return math::sigmoid(u); }, [](float u) { return math::sigmoid(u); }, v) &&
                        agrees([](auto u) { return math::tanh(u); }, [](float u) { return math::tanh(u); }, v) &&
                        agrees([](auto u) { return math::sech(u); }, [](float u) { return math::sech(u); }, v) &&
                        agrees([](auto u) { return math::softplus(u); }, [](float u) { return math::softplus(u); }, v) &&
                        agrees([](auto u) { return math::erf(u); }, [](float u) { return math::erf(u); }, v) &&
                        agrees([](auto u) { return math::erfc(u); }, [](float u) { return math::erfc(u); }, v) &&
                        agrees([](auto u) { return math::norm_cdf(u); }, [](float u) { return math::norm_cdf(u); }, v) &&
                        agrees([](auto u) { return math::norm_pdf(u); }, [](float u) { return math::norm_pdf(u); }, v);
        if (!ok) {
            return false;
        }
    }
    return true;
}();
static_assert(all_agree);
static_assert(same(static_cast<float>(math::log(wide_float(0.75f))), math::log(0.75f)));
static_assert(same(static_cast<float>(math::log1p(wide_float(-0.25f))), math::log1p(-0.25f)));

// --- intermediates keep double's range: e^100 is beyond float, e^100·e^−90 = e^10 is not ------
constexpr auto big = exp(x) * exp(-x * c<ratio{9, 10}>);
static_assert(big(100.0f) > 22026.0f && big(100.0f) < 22027.0f); // e^10 = 22026.47
static_assert(exp(x)(100.0f) == std::numeric_limits<float>::infinity()); // the result itself overflows
static_assert(static_cast<float>(wide_float(1e300)) == std::numeric_limits<float>::infinity());
static_assert(same(static_cast<float>(wide_float(-1e-300)), -0.0f));

// --- rounded once: σ(x)·σ(−x) at x = 20 is 2.06e-9 (σ(−20)·(1 − 2e-9)); in float arithmetic the
// product is of two rounded factors, in double it is the exact value rounded once, so it equals the
// double evaluation rounded to float. ---------------------------------------------------------
constexpr auto ds = d(sigmoid(x), x);
static_assert(same(ds(20.0f), static_cast<float>(ds(20.0))));
// GELU-tanh's left tail: x·σ(2u) passes on u's rounding times |2u| ≈ 88 at x = −10; in double that
// is far below float's half ULP, so the float result is the double one rounded.
static_assert(same(activations::gelu_tanh(-10.0f), static_cast<float>(activations::gelu_tanh(-10.0))));
static_assert(same(activations::silu(-90.0f), static_cast<float>(activations::silu(-90.0)))); // σ(−90) is subnormal in float
} // namespace
