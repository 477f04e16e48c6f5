// The fast-mode kernels of σ and tanh, f, f′, f″ in one call (the explicit-SIMD loop where
// Highway is installed), over the float bit patterns against long double closed forms (x87, 64-bit
// significand; the forms avoid cancellation: σ″ = −σ(x)σ(−x)·tanh(x/2), tanh″ = −2·tanh·sech²):
// the max error, in ULP of the float at the exact value (2^-149 for subnormal values), within the
// bounds docs/kernels.md states, at every input swept; no NaN or ∞ where the value is finite.
// Then SiLU's and GELU's f′ and f″ over the floats around their zeros (from 2x₀ to x₀/2, where the
// fast mode's zero series and the formula beside them meet): the ULP bound holds at the zeros too.
// The long double forms cancel there as the formula does, but a float lies no closer than 2^-24
// relative to a zero, so they keep 2^-40 relative and more.
//
// Default: every CTDIFF_SWEEP_STRIDE-th pattern (default 257, as tests/sweep/math; around the
// zeros every 17th); CTDIFF_SWEEP=full (or CTDIFF_SWEEP_STRIDE=1) runs all 2^32 (every float
// around the zeros). CTDIFF_MATH_REPORT=1 prints the maxima and where.
#include <ctdiff/activations/gelu.hpp>
#include <ctdiff/activations/sigmoid.hpp>
#include <ctdiff/activations/silu.hpp>
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

std::uint64_t stride(std::uint64_t bounded = 257) {
    if (const char* s = std::getenv("CTDIFF_SWEEP_STRIDE")) {
        const auto v = std::strtoull(s, nullptr, 10);
        return v == 0 ? 1 : v;
    }
    if (const char* s = std::getenv("CTDIFF_SWEEP"); s != nullptr && std::string(s) == "full") {
        return 1;
    }
    return bounded;
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

// The kernel k (f, f′, f″ of x) over the float patterns [first, last) by step, against ref.
template <class K, class Ref>
maxima sweep(K k, Ref ref, std::uint64_t first = 0, std::uint64_t last = std::uint64_t{1} << 32,
             std::uint64_t step = stride()) {
    constexpr std::size_t block = 1 << 14;
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
    for (std::uint64_t b = first; b < last; b += step) {
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
        std::printf("fast %s: f %.3Lf at %a, f' %.3Lf at %a, f'' %.3Lf at %a\n", name, m.err[0], m.at[0], m.err[1],
                    m.at[1], m.err[2], m.at[2]);
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

// SiLU: f = xσ, f′ = σ(1 + xσ̄), f″ = σσ̄(2 − x·tanh(x/2)).
std::array<ld, 3> silu_ref(ld x) {
    const std::array<ld, 3> s = sigma_ref(x);
    const ld sb = s[1] / s[0];
    return {x * s[0], s[0] * (1 + x * sb), s[1] * (2 - x * std::tanh(x / 2))};
}
// GELU: f = xΦ, f′ = Φ + xφ, f″ = φ(2 − x²), Φ from erfc (no cancellation in the left tail).
std::array<ld, 3> gelu_ref(ld x) {
    const ld phi = std::exp(-x * x / 2) / std::sqrt(2 * ld(3.14159265358979323846264338327950288L));
    const ld Phi = std::erfc(-x / std::sqrt(ld(2))) / 2;
    return {x * Phi, Phi + x * phi, phi * (2 - x * x)};
}

// The float patterns of x from 2x₀ to x₀/2 (x₀ of either sign), every `bounded`-th by default.
maxima around_zero(auto k, auto ref, float x0) {
    const float a = std::fabs(x0) / 2, b = std::fabs(x0) * 2;
    const std::uint64_t sign = x0 < 0 ? 0x80000000u : 0u;
    return sweep(k, ref, sign | std::bit_cast<std::uint32_t>(a), (sign | std::bit_cast<std::uint32_t>(b)) + 1, stride(17));
}

maxima worst_of(const maxima& a, const maxima& b) {
    maxima m;
    for (int o = 0; o < 3; ++o) {
        const bool first = a.err[o] >= b.err[o];
        m.err[o] = first ? a.err[o] : b.err[o];
        m.at[o] = first ? a.at[o] : b.at[o];
    }
    m.nonfinite = a.nonfinite + b.nonfinite;
    return m;
}

} // namespace

TEST_CASE("fast kernels around the zeros of f' and f'': SiLU and GELU within their stated bounds", "[fast][kernels]") {
    namespace act = ctdiff::activations;
    const auto silu = ctdiff::derivatives<2>(act::silu);
    const auto gelu = ctdiff::derivatives<2>(act::gelu);
    // SiLU′ = 0 at −1.2784645, SiLU″ at ±2.3993573; GELU′ at −0.75179152, GELU″ at ±√2.
    report("silu near zeros", worst_of(around_zero(silu, silu_ref, -1.2784645f), around_zero(silu, silu_ref, 2.3993573f)),
           {4.0, 3.5, 12.0});
    report("gelu near zeros", worst_of(around_zero(gelu, gelu_ref, -0.75179152f), around_zero(gelu, gelu_ref, 1.4142135f)),
           {7.0, 4.0, 6.5});
}

TEST_CASE("fast kernels over the float range: sigma f, f', f'' within their stated bounds", "[fast][kernels]") {
    namespace act = ctdiff::activations;
    report("sigmoid", sweep(ctdiff::derivatives<2>(act::sigmoid), sigma_ref), {3.0, 5.0, 7.0});
}

TEST_CASE("fast kernels over the float range: tanh f, f', f'' within their stated bounds", "[fast][kernels]") {
    namespace act = ctdiff::activations;
    report("tanh", sweep(ctdiff::derivatives<2>(act::tanh), tanh_ref), {3.5, 5.5, 7.0});
}
