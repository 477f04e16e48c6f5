// The fast cores on Highway vectors (math::fast_vec) against the same cores on floats, over the
// 2^32 bit patterns: every lane must be the scalar result's bits (both NaN counts as equal: which
// of two NaN operands an instruction passes on is the compiler's choice). This is what makes a
// kernel's explicit-SIMD loop compute what `k.at(ctdiff::fast, …)` computes.
//
// Default: every CTDIFF_SWEEP_STRIDE-th block of 4096 consecutive patterns (default 7: 1/7 of all
// floats, every binade and every low-bit residue visited); CTDIFF_SWEEP=full (or
// CTDIFF_SWEEP_STRIDE=1) runs all of them. Measured time in docs/kernels.md.
#include <ctdiff/math/fast_float.hpp>
#include <ctdiff/math/fast_vec.hpp>

#include <catch2/catch.hpp>

#include <bit>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#if CTDIFF_HAS_HIGHWAY

namespace {

namespace hn = ctdiff::math::hn;
namespace fast = ctdiff::math::detail::fast;
using D = hn::ScalableTag<float>;
using V = ctdiff::math::fast_vec<D>;

std::uint64_t block_stride() {
    if (const char* s = std::getenv("CTDIFF_SWEEP_STRIDE")) {
        const auto v = std::strtoull(s, nullptr, 10);
        return v == 0 ? 1 : v;
    }
    if (const char* s = std::getenv("CTDIFF_SWEEP"); s != nullptr && std::string(s) == "full") {
        return 1;
    }
    return 7;
}

// One core, both ways. `Scalar` and `Vector` are the same core instantiated for float and V.
template <class Scalar, class Vector>
void sweep(const char* name, Scalar scalar, Vector vector) {
    constexpr std::uint64_t block = 4096;
    const std::uint64_t stride = block_stride();
    const D d;
    const std::size_t lanes = hn::Lanes(d);
    std::vector<float> x(block), s(block), v(block);
    std::uint64_t checked = 0, differ = 0;
    for (std::uint64_t b = 0; b < (std::uint64_t{1} << 32) / block; b += stride) {
        for (std::uint64_t i = 0; i < block; ++i) {
            x[i] = std::bit_cast<float>(static_cast<std::uint32_t>(b * block + i));
        }
        for (std::uint64_t i = 0; i < block; ++i) {
            s[i] = scalar(x[i]);
        }
        for (std::size_t i = 0; i < block; i += lanes) {
            hn::StoreU(vector(V(hn::LoadU(d, x.data() + i))).v, d, v.data() + i);
        }
        for (std::uint64_t i = 0; i < block; ++i) {
            const bool same = std::memcmp(&s[i], &v[i], sizeof(float)) == 0 || (s[i] != s[i] && v[i] != v[i]);
            if (!same) {
                if (differ < 5) {
                    std::printf("simd sweep %s: x = %a (bits %08x): scalar %a, vector %a\n", name, x[i],
                                std::bit_cast<std::uint32_t>(x[i]), s[i], v[i]);
                }
                ++differ;
            }
        }
        checked += block;
    }
    INFO(name << ": " << differ << " of " << checked << " patterns differ");
    CHECK(differ == 0);
    CHECK(checked >= (std::uint64_t{1} << 32) / stride - block);
}

#define CTDIFF_SIMD_SWEEP(fn)                                                                                 \
    TEST_CASE("simd sweep: " #fn " on vector lanes is the scalar core bit for bit", "[simd]") {               \
        sweep(#fn, [](float a) { return fast::fn(a); }, [](V a) { return fast::fn(a); });                       \
    }
CTDIFF_SIMD_SWEEP(exp)
CTDIFF_SIMD_SWEEP(exp_neg_abs)
CTDIFF_SIMD_SWEEP(sigmoid)
CTDIFF_SIMD_SWEEP(tanh)
CTDIFF_SIMD_SWEEP(sech)
CTDIFF_SIMD_SWEEP(tanh_half)
CTDIFF_SIMD_SWEEP(norm_pdf)
CTDIFF_SIMD_SWEEP(norm_cdf)
CTDIFF_SIMD_SWEEP(x_sigmoid)
CTDIFF_SIMD_SWEEP(fabsf)
#undef CTDIFF_SIMD_SWEEP

} // namespace

#else

TEST_CASE("simd sweep: Highway is not installed", "[simd]") {
    WARN("Highway's headers were not found: the explicit-SIMD cores are not built (scripts/setup test installs "
         "libhwy-dev)");
}

#endif
