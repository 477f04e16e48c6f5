// ctdiff::math in float over the 2^32 bit patterns, against glibc's long double functions
// (x87, 64-bit significand: their error is ~2^-40 of a float ULP, negligible; cross-checked
// against MPFR on a sample below). Every function is one test case (ctest runs them apart).
//
// Default: every CTDIFF_SWEEP_STRIDE-th bit pattern (default 257, a prime: 16.7 M patterns per
// function, every binade gets ~32 K of them, every residue of the low mantissa bits is visited),
// plus every pattern in a window of 2^16 around each of the function's special points. CTDIFF_SWEEP=full
// (or CTDIFF_SWEEP_STRIDE=1) runs all 2^32 patterns: measured time in docs/math.md.
// CTDIFF_MATH_REPORT=1 prints the maxima.
#include "../../runtime/math/reference.hpp"

#include <catch2/catch.hpp>

#include <bit>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <string>
#include <vector>

namespace {

using math_ref::fn;

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

/// The stated float bound (ULP).
double bound(fn f) {
    switch (f) {
    case fn::sqrt: return 0.5;
    case fn::tanh:
    case fn::erf:
    case fn::erfc: return 2.0;
    default: return 1.0;
    }
}

/// Points around which every float pattern is tested (± 2^15 patterns).
std::vector<float> specials(fn f) {
    std::vector<float> v{0.0f, 1.0f, 0x1p-126f};
    switch (f) {
    case fn::exp:
    case fn::expm1: v.insert(v.end(), {88.72284f, -87.33655f, -103.27893f, 0.3465736f}); break;
    case fn::log:
    case fn::log1p: v.insert(v.end(), {-1.0f, 1.4142135f, 0.41421357f}); break;
    case fn::erf:
    case fn::erfc: v.insert(v.end(), {0.46875f, 0.9375f, 1.125f, 2.0f, 4.0f, 3.9192059f, 10.05f}); break;
    case fn::norm_cdf: v.insert(v.end(), {0.6629126f, 1.3258252f, 1.5909903f, -14.1f}); break;
    default: v.insert(v.end(), {2.0f, 10.0f}); break;
    }
    return v;
}

struct result {
    double ulp = 0;
    float x = 0, got = 0;
    std::uint64_t n = 0;
};

/// The fast functions of math::fast_float (what float kernels called with ctdiff::fast use).
float eval_fast(fn f, float x) {
    namespace m = ctdiff::math;
    const m::fast_float v(x);
    switch (f) {
    case fn::exp: return static_cast<float>(m::exp(v));
    case fn::tanh: return static_cast<float>(m::tanh(v));
    case fn::sech: return static_cast<float>(m::sech(v));
    case fn::sigmoid: return static_cast<float>(m::sigmoid(v));
    case fn::norm_cdf: return static_cast<float>(m::norm_cdf(v));
    case fn::norm_pdf: return static_cast<float>(m::norm_pdf(v));
    default: return std::numeric_limits<float>::quiet_NaN();
    }
}

/// The stated bound of the fast functions (ULP; math/detail/fast_core.hpp).
double fast_bound(fn f) {
    switch (f) {
    case fn::exp: return 1.5;
    case fn::tanh: return 3.5; // 2.99 here, 3.14 over every float
    case fn::norm_pdf: return 3.0;
    case fn::norm_cdf: return 6.5;
    default: return 2.5;
    }
}

void run(fn f, const std::vector<float>& xs, result& r, bool fast) {
    std::vector<float> ys(xs.size());
    for (std::size_t i = 0; i < xs.size(); ++i) {
        ys[i] = fast ? eval_fast(f, xs[i]) : math_ref::eval(f, xs[i]);
    }
    for (std::size_t i = 0; i < xs.size(); ++i) {
        const long double want = math_ref::exact_ld(f, static_cast<long double>(xs[i]));
        const double u = math_ref::ulp_error_ld(ys[i], want);
        ++r.n;
        if (!(u <= r.ulp)) {
            r.ulp = u;
            r.x = xs[i];
            r.got = ys[i];
        }
    }
}

void sweep(fn f, bool fast = false) {
    const std::uint64_t s = stride();
    result r;
    std::vector<float> xs;
    xs.reserve(1 << 16);
    const auto flush = [&] {
        run(f, xs, r, fast);
        xs.clear();
    };
    for (std::uint64_t b = 0; b < (std::uint64_t{1} << 32); b += s) {
        xs.push_back(std::bit_cast<float>(static_cast<std::uint32_t>(b)));
        if (xs.size() == (1 << 16)) {
            flush();
        }
    }
    if (s > 1) {
        for (float c : specials(f)) {
            for (float sign : {1.0f, -1.0f}) {
                const auto centre = static_cast<std::int64_t>(std::bit_cast<std::uint32_t>(c * sign));
                for (std::int64_t d = -(1 << 15); d < (1 << 15); ++d) {
                    xs.push_back(std::bit_cast<float>(static_cast<std::uint32_t>(centre + d)));
                    if (xs.size() == (1 << 16)) {
                        flush();
                    }
                }
            }
        }
    }
    flush();
    if (std::getenv("CTDIFF_MATH_REPORT") != nullptr) {
        std::printf("%s  %-9s max %.3f ULP at x = %.9g (%llu arguments, stride %llu)\n", fast ? "fast " : "float", math_ref::name(f).data(), r.ulp,
                    static_cast<double>(r.x), static_cast<unsigned long long>(r.n), static_cast<unsigned long long>(s));
    }
    INFO(math_ref::name(f) << (fast ? "<fast_float>: " : "<float>: ") << r.ulp << " ULP at x = " << r.x << " (got " << r.got << ")");
    CHECK(r.ulp <= (fast ? fast_bound(f) : bound(f)));
}

} // namespace

#define CTDIFF_FLOAT_SWEEP(F) \
    TEST_CASE("math float sweep: " #F, "[math][sweep]") { sweep(fn::F); }
CTDIFF_FLOAT_SWEEP(exp)
CTDIFF_FLOAT_SWEEP(expm1)
CTDIFF_FLOAT_SWEEP(log)
CTDIFF_FLOAT_SWEEP(log1p)
CTDIFF_FLOAT_SWEEP(sqrt)
CTDIFF_FLOAT_SWEEP(tanh)
CTDIFF_FLOAT_SWEEP(sech)
CTDIFF_FLOAT_SWEEP(erf)
CTDIFF_FLOAT_SWEEP(erfc)
CTDIFF_FLOAT_SWEEP(sigmoid)
CTDIFF_FLOAT_SWEEP(softplus)
CTDIFF_FLOAT_SWEEP(norm_cdf)
CTDIFF_FLOAT_SWEEP(norm_pdf)

TEST_CASE("math float sweep: the long double reference agrees with MPFR", "[math][sweep]") {
    // 2^32/65537 ≈ 65536 patterns per function: the long double reference must be within 2^-20
    // of a float ULP of the MPFR value, so it cannot move a sweep's maximum.
    math_ref::mp e;
    for (fn f : math_ref::all_fns) {
        double worst = 0;
        float wx = 0;
        for (std::uint64_t b = 12345; b < (std::uint64_t{1} << 32); b += 65537) {
            const float x = std::bit_cast<float>(static_cast<std::uint32_t>(b));
            const long double ld = math_ref::exact_ld(f, static_cast<long double>(x));
            math_ref::exact(f, static_cast<double>(x), e.v);
            if (std::isnan(ld) || mpfr_nan_p(e.v) || std::isinf(ld) || mpfr_inf_p(e.v)) {
                CHECK((std::isnan(ld) == (mpfr_nan_p(e.v) != 0)));
                continue;
            }
            // |ld − exact| in float ULPs of exact
            math_ref::mp d;
            mpfr_set_ld(d.v, ld, MPFR_RNDN);
            mpfr_sub(d.v, d.v, e.v, MPFR_RNDN);
            mpfr_abs(d.v, d.v, MPFR_RNDN);
            long ue = mpfr_zero_p(e.v) ? -149 : static_cast<long>(mpfr_get_exp(e.v)) - 24;
            ue = ue < -149 ? -149 : ue;
            mpfr_div_2si(d.v, d.v, ue, MPFR_RNDN);
            const double u = mpfr_get_d(d.v, MPFR_RNDU);
            if (u > worst) {
                worst = u;
                wx = x;
            }
        }
        INFO(math_ref::name(f) << ": long double reference off by " << worst << " float ULP at x = " << wx);
        CHECK(worst < 0x1p-20);
    }
}

// The fast mode's functions (float arithmetic; not correctly rounded: their own bounds).
#define CTDIFF_FAST_SWEEP(F) \
    TEST_CASE("math fast float sweep: " #F, "[math][sweep][fast]") { sweep(fn::F, true); }
CTDIFF_FAST_SWEEP(exp)
CTDIFF_FAST_SWEEP(tanh)
CTDIFF_FAST_SWEEP(sech)
CTDIFF_FAST_SWEEP(sigmoid)
CTDIFF_FAST_SWEEP(norm_cdf)
CTDIFF_FAST_SWEEP(norm_pdf)
