// The fast mode in constant evaluation: `k.at(ctdiff::fast, …)` is usable in a static_assert, its
// compute type is math::fast_float for a float formula with a function (and the plain T
// otherwise, and for double), and its values are within a few ULP of the default mode's correctly
// rounded ones (constant evaluation gives fast_float the correctly rounded functions, so only the
// float arithmetic between them differs; run time: tests/runtime/eval/accuracy.cpp).
#include <ctdiff/activations.hpp>
#include <ctdiff/core.hpp>
#include <ctdiff/diff.hpp>
#include <ctdiff/eval.hpp>

#include <array>
#include <bit>
#include <cstdint>
#include <type_traits>

using namespace ctdiff;
using namespace ctdiff::literals;

static_assert(std::is_same_v<compute_type_t<float, decltype(sigmoid(x)), fast_t>, math::fast_float>);
static_assert(std::is_same_v<compute_type_t<float, decltype(sigmoid(x)), accurate_t>, math::wide_float>);
static_assert(std::is_same_v<compute_type_t<float, decltype(x * x + 1_c), fast_t>, float>);
static_assert(std::is_same_v<compute_type_t<double, decltype(sigmoid(x)), fast_t>, double>);

namespace {
constexpr std::int64_t ulps(float a, float b) {
    const auto ord = [](float v) {
        const auto i = static_cast<std::int64_t>(std::bit_cast<std::int32_t>(v));
        return i < 0 ? std::int64_t{INT32_MIN} - i : i;
    };
    const std::int64_t d = ord(a) - ord(b);
    return d < 0 ? -d : d;
}
template <class K>
constexpr bool close(K, float t, std::int64_t tol) {
    const auto a = K::at(fast, std::array<float, 1>{t});
    const auto b = K::at(std::array<float, 1>{t});
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (ulps(a[i], b[i]) > tol) {
            return false;
        }
    }
    return true;
}
constexpr auto sig = derivatives<2>(activations::sigmoid);
constexpr auto th = derivatives<1>(activations::tanh);
constexpr auto ge = derivatives<1>(activations::gelu);
} // namespace

static_assert(close(sig, -3.5f, 8) && close(sig, 0.75f, 8) && close(sig, 12.0f, 8));
static_assert(close(th, -2.0f, 8) && close(th, 0.125f, 8));
static_assert(close(ge, -3.0f, 8) && close(ge, 1.5f, 8));
