// The kernels' explicit-SIMD loop (eval/detail/simd_loop.hpp): which kernels run it, and that at
// every element, for every length (the masked rest included), offset and aliasing, a call gives
// the bits of the kernel's own one-element evaluation at run time, `k.at(…)`, whose cores are the
// scalar specification (tests/sweep/math/simd_sweep.cpp holds the cores lane for lane). Accuracy
// against MPFR is tests/runtime/eval/accuracy.cpp's, through the same loop.
#include <ctdiff/activations.hpp>
#include <ctdiff/core.hpp>
#include <ctdiff/diff.hpp>
#include <ctdiff/eval.hpp>

#include <catch2/catch.hpp>

#include <array>
#include <bit>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <random>
#include <string>
#include <vector>

using namespace ctdiff;

namespace {

// Inputs that reach every branch of the cores: specials, both tails, the clamps, subnormals,
// then random bit patterns and random values of moderate size.
std::vector<float> inputs(std::size_t n, std::uint32_t seed) {
    constexpr float inf = std::numeric_limits<float>::infinity();
    const std::vector<float> special{0.0f, -0.0f, inf, -inf, std::numeric_limits<float>::quiet_NaN(), 1e-40f, -1e-40f,
                                     0x1p-149f, 88.8f, 88.72284f, -87.33655f, -103.9f, -104.1f, 104.1f, 15.0f, -15.1f,
                                     14.2f, -1.2785f, 1e30f, -1e30f, 0.5f, -0.5f, 2.0f, -2.0f};
    std::mt19937 g(seed);
    std::uniform_real_distribution<float> mid(-40.0f, 40.0f);
    std::vector<float> x(n);
    for (std::size_t i = 0; i < n; ++i) {
        if (i < special.size()) {
            x[i] = special[i];
        } else if (i % 3 == 0) {
            x[i] = std::bit_cast<float>(static_cast<std::uint32_t>(g()));
        } else {
            x[i] = mid(g);
        }
    }
    return x;
}

bool same_bits(float a, float b) { return std::memcmp(&a, &b, sizeof a) == 0 || (a != a && b != b); }

// k over x (offset `off` into a larger buffer, length n), out of place and in place (output 0
// over the input), against k.at at every element. P: the run-time parameters.
template <class Mode, class K, std::size_t NP = 0>
void check_bits(const std::string& name, K k, std::size_t n, std::size_t off, std::uint32_t seed,
                const std::array<float, NP>& p = {}) {
    constexpr std::size_t no = K::outputs;
    const std::vector<float> all = inputs(n + off, seed);
    std::vector<std::vector<float>> out(no, std::vector<float>(n + off + 1, 7.0f));
    const std::span<const float> x(all.data() + off, n);
    auto call = [&](std::span<const float> in, auto... o) {
        if constexpr (NP == 0) {
            k(in, o..., Mode{});
        } else {
            k(in, o..., params{p[0]}, Mode{});
        }
    };
    [&]<std::size_t... O>(std::index_sequence<O...>) {
        call(x, std::span<float>(out[O].data() + off, n)...);
    }(std::make_index_sequence<no>{});
    std::size_t bad = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const auto want = k.template at<float, NP>(Mode{}, {x[i]}, p);
        for (std::size_t o = 0; o < no; ++o) {
            if (!same_bits(out[o][off + i], want[o])) {
                if (++bad <= 3) {
                    UNSCOPED_INFO(name << " n=" << n << " off=" << off << " x=" << x[i] << " output " << o << ": loop "
                                       << out[o][off + i] << ", at " << want[o]);
                }
            }
        }
    }
    for (std::size_t o = 0; o < no; ++o) { // nothing written past the end
        CHECK(out[o][off + n] == 7.0f);
    }
    CHECK(bad == 0);
    // in place: output 0 over the input
    std::vector<float> io(x.begin(), x.end());
    std::vector<std::vector<float>> rest(no, std::vector<float>(n));
    [&]<std::size_t... O>(std::index_sequence<O...>) {
        call(std::span<const float>(io), (O == 0 ? std::span<float>(io) : std::span<float>(rest[O]))...);
    }(std::make_index_sequence<no>{});
    std::size_t bad_in_place = 0;
    for (std::size_t i = 0; i < n; ++i) {
        bad_in_place += same_bits(io[i], out[0][off + i]) ? 0 : 1;
    }
    CHECK(bad_in_place == 0);
}

template <class Mode, class K, std::size_t NP = 0>
void check_all_lengths(const std::string& name, K k, const std::array<float, NP>& p = {}) {
    for (std::size_t n : {0, 1, 2, 3, 7, 8, 9, 15, 16, 17, 31, 33, 63, 64, 65, 100, 1000, 4099}) {
        for (std::size_t off : {0, 1, 3}) {
            check_bits<Mode>(name, k, n, off, static_cast<std::uint32_t>(n * 4 + off), p);
        }
    }
}

namespace act = activations;

constexpr auto sigma_all = derivatives<2>(act::sigmoid);
constexpr auto tanh_all = derivatives<2>(act::tanh);
constexpr auto silu_all = derivatives<2>(act::silu);
constexpr auto gelu_all = derivatives<2>(act::gelu);
constexpr auto mish_all = derivatives<1>(act::mish);
constexpr auto leaky_all = derivatives<1>(act::leaky_relu);
constexpr auto relu_all = derivatives<1>(act::relu);
constexpr auto sigma_forward = fused(act::sigmoid);
constexpr auto sigma_back = backward_from_output(act::sigmoid);

#if CTDIFF_SIMD_LOOP
// Which kernels run the explicit-SIMD loop: a change that makes one fall back fails here.
static_assert(decltype(sigma_all)::simd<float, fast_t> && decltype(tanh_all)::simd<float, fast_t> &&
              decltype(silu_all)::simd<float, fast_t> && decltype(gelu_all)::simd<float, fast_t> &&
              decltype(mish_all)::simd<float, fast_t> && decltype(sigma_forward)::simd<float, fast_t>);
static_assert(decltype(leaky_all)::simd<float> && decltype(relu_all)::simd<float>); // float arithmetic alone
#endif
// Double kernels, and float formulas with functions in the default mode (computed in double), do
// not (yet).
static_assert(!decltype(sigma_all)::simd<double, fast_t> && !decltype(sigma_all)::simd<float>);

} // namespace

TEST_CASE("simd loop: fast-mode kernels give k.at's bits at every element, length and offset", "[eval][simd]") {
    check_all_lengths<fast_t>("sigmoid f,f',f''", sigma_all);
    check_all_lengths<fast_t>("sigmoid f", sigma_forward);
    check_all_lengths<fast_t>("tanh f,f',f''", tanh_all);
    check_all_lengths<fast_t>("silu f,f',f''", silu_all);
    check_all_lengths<fast_t>("gelu f,f',f''", gelu_all);
    check_all_lengths<fast_t>("mish f,f'", mish_all);
}

TEST_CASE("simd loop: float-arithmetic kernels give k.at's bits (Leaky ReLU, ReLU, backward from σ)", "[eval][simd]") {
    check_all_lengths<accurate_t>("leaky_relu f,f'", leaky_all, std::array<float, 1>{0.01f});
    check_all_lengths<accurate_t>("relu f,f'", relu_all);
}

TEST_CASE("simd loop: two inputs (backward from the output, dy·σ'(y))", "[eval][simd]") {
    const std::size_t n = 1001;
    const std::vector<float> y0 = inputs(n, 5), dy = inputs(n, 6);
    std::vector<float> y(n);
    for (std::size_t i = 0; i < n; ++i) {
        y[i] = y0[i] != y0[i] ? y0[i] : 1.0f / (1.0f + std::abs(y0[i])); // outputs of σ lie in [0, 1]
    }
    std::vector<float> dx(n);
    sigma_back(y, dy, dx, fast);
    std::size_t bad = 0;
    for (std::size_t i = 0; i < n; ++i) {
        bad += same_bits(dx[i], sigma_back.at<float>(fast, {y[i], dy[i]})[0]) ? 0 : 1;
    }
    CHECK(bad == 0);
}
