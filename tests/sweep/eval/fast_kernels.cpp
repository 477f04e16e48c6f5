// The fast-mode kernels of σ and tanh, f, f′, f″ in one call (the explicit-SIMD loop where
// Highway is installed), over the float bit patterns against long double closed forms (x87, 64-bit
// significand; the forms avoid cancellation: σ″ = −σ(x)σ(−x)·tanh(x/2), tanh″ = −2·tanh·sech²):
// the max error, in ULP of the float at the exact value (2^-149 for subnormal values), within the
// bounds docs/kernels.md states, at every input swept; no NaN or ∞ where the value is finite.
//
// Default: every CTDIFF_SWEEP_STRIDE-th pattern (default 257, as tests/sweep/math); CTDIFF_SWEEP=full
// (or CTDIFF_SWEEP_STRIDE=1) runs all 2^32. CTDIFF_MATH_REPORT=1 prints the maxima and where.
#include <ctdiff/activations/sigmoid.hpp>
#include <ctdiff/activations/tanh.hpp>
#include <ctdiff/diff.hpp>
#include <ctdiff/eval.hpp>

#include <catch2/catch.hpp>

#include <array>
#include <bit>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

using ld = long double;

std::uint64_t stride() {
    if (const char* s = std::getenv("CTDIFF_SWEEP_STRIDE")) {
        const auto v = std::strtoull(s, nullptr, 10);
        return v == 0 ? 1 : v;
    }
    if (const char* s = std::getenv("CTDIFF_SWEEP"); s != nullptr && std::string(s) == "full") {
        return 1;
    }
    return 257;
}

// |got − want| in ULP of the float at want.
ld ulp_error(float got, ld want) {
    if (std::isnan(want)) {
        return std::isnan(got) ? 0 : INFINITY;
    }
    if (!std::isfinite(got)) {
        return (std::isinf(want) && got == want) ? 0 : INFINITY;
    }
    if (std::isinf(want)) {
        return INFINITY;
    }
    const int e = std::max(std::ilogb(want == 0 ? ld(0x1p-149L) : want), -126);
    return std::fabs(static_cast<ld>(got) - want) / std::ldexp(ld(1), e - 23);
}

struct maxima {
    std::array<ld, 3> err{};
    std::array<float, 3> at{};
    std::uint64_t nonfinite = 0;
};

template <class K, class Ref>
maxima sweep(K k, Ref ref) {
    constexpr std::size_t block = 1 << 14;
    const std::uint64_t step = stride();
    maxima m;
    std::vector<float> xs, f0(block), f1(block), f2(block);
    xs.reserve(block);
    auto flush = [&] {
        const std::size_t n = xs.size();
        f0.resize(n), f1.resize(n), f2.resize(n);
        k(xs, f0, f1, f2, ctdiff::fast);
        for (std::size_t i = 0; i < n; ++i) {
            const std::array<ld, 3> want = ref(static_cast<ld>(xs[i]));
            const std::array<float, 3> got{f0[i], f1[i], f2[i]};
            for (int o = 0; o < 3; ++o) {
                if (std::isfinite(want[o]) && !std::isfinite(got[o])) {
                    ++m.nonfinite;
                }
                const ld e = ulp_error(got[o], want[o]);
                if (e > m.err[o]) {
                    m.err[o] = e;
                    m.at[o] = xs[i];
                }
            }
        }
        xs.clear();
    };
    for (std::uint64_t b = 0; b < (std::uint64_t{1} << 32); b += step) {
        const float v = std::bit_cast<float>(static_cast<std::uint32_t>(b));
        if (std::isnan(v)) {
            continue;
        }
        xs.push_back(v);
        if (xs.size() == block) {
            flush();
        }
    }
    flush();
    return m;
}

void report(const char* name, const maxima& m, const std::array<ld, 3>& bound) {
    if (std::getenv("CTDIFF_MATH_REPORT") != nullptr) {
        std::printf("fast %s: f %.3Lf at %a, f' %.3Lf at %a, f'' %.3Lf at %a (stride %llu)\n", name, m.err[0],
                    m.at[0], m.err[1], m.at[1], m.err[2], m.at[2], static_cast<unsigned long long>(stride()));
    }
    for (int o = 0; o < 3; ++o) {
        INFO(name << " order " << o << ": " << static_cast<double>(m.err[o]) << " ULP at x = " << m.at[o]);
        CHECK(m.err[o] <= bound[o]);
    }
    CHECK(m.nonfinite == 0);
}

// σ, σ′ = σσ̄, σ″ = −σσ̄·tanh(x/2), from e^{−|x|} (no overflow).
std::array<ld, 3> sigma_ref(ld x) {
    const ld e = std::exp(-std::fabs(x));
    const ld s = x >= 0 ? 1 / (1 + e) : e / (1 + e);
    const ld sb = x >= 0 ? e / (1 + e) : 1 / (1 + e);
    return {s, s * sb, -s * sb * std::tanh(x / 2)};
}
// tanh, sech², −2·tanh·sech², sech from e^{−2|x|}.
std::array<ld, 3> tanh_ref(ld x) {
    const ld t = std::tanh(x);
    const ld e = std::exp(-std::fabs(x));
    const ld s = 2 * e / (1 + e * e);
    return {t, s * s, -2 * t * s * s};
}

} // namespace

TEST_CASE("fast kernels over the float range: sigma f, f', f'' within their stated bounds", "[fast][kernels]") {
    namespace act = ctdiff::activations;
    report("sigmoid", sweep(ctdiff::derivatives<2>(act::sigmoid), sigma_ref), {3.0, 5.0, 7.0});
}

TEST_CASE("fast kernels over the float range: tanh f, f', f'' within their stated bounds", "[fast][kernels]") {
    namespace act = ctdiff::activations;
    report("tanh", sweep(ctdiff::derivatives<2>(act::tanh), tanh_ref), {3.5, 5.5, 7.0});
}
