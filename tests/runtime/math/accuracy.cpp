// ctdiff::math in double against MPFR (192 bits): every binade, random bit patterns, random
// arguments in each function's working range, and ±64 ULP around every threshold and interval
// boundary of the implementation (overflow, underflow, subnormals, 0, the polynomial intervals).
// Bounds are the contract stated in each function's doc comment and in docs/math.md.
// Set CTDIFF_MATH_REPORT=1 to print the measured maximum of every function (docs/math.md's table).
#include "reference.hpp"

#include <catch2/catch.hpp>

#include <bit>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <random>
#include <vector>

namespace {

using math_ref::fn;

/// The stated bound (ULP, double).
double bound(fn f) {
    switch (f) {
    case fn::sqrt: return 0.5;
    case fn::exp:
    case fn::expm1:
    case fn::log:
    case fn::log1p: return 1.0;
    case fn::tanh:
    case fn::erf:
    case fn::erfc: return 2.0;
    case fn::sigmoid: return 1.5;
    case fn::softplus: return 2.0;
    case fn::sech: return 1.5;
    case fn::norm_cdf: return 3.0;
    case fn::norm_pdf: return 1.0;
    }
    return 0.0;
}

/// Thresholds and interval boundaries of each function (as used in include/ctdiff/math).
std::vector<double> edges(fn f) {
    const double sqrt2 = 1.4142135623730951;
    std::vector<double> common{0.0, 1.0, -1.0, 0x1p-1022, 0x1p-1074, 0x1p-30, 0.34657359027997264};
    std::vector<double> e;
    switch (f) {
    case fn::exp: e = {709.782712893384, 709.78271289338397, -708.39641853226408, -745.13321910194111, -744.44007192138122, 710.0, -746.0}; break;
    case fn::expm1: e = {709.782712893384, 600.0, -60.0, -37.429947750237048, 37.42994775023705, 1.0397207708399179, -1.0397207708399179, 18.714973875118524, 36.7368005696771}; break;
    case fn::log: e = {sqrt2, 0.70710678118654757, 0x1p-1022, 0x1.fffffffffffffp1023, 2.0, 0.5}; break;
    case fn::log1p: e = {-1.0, 0x1p-53, -0x1p-54, 0.41421356237309503, -0.29289321881345248, 0x1p53, 1.0}; break;
    case fn::sqrt: e = {0x1p-1022, 0x1.fffffffffffffp1023, 2.0, 4.0}; break;
    case fn::tanh: e = {22.0, 19.061547465398498, 0.17328679513998632, 0.5493061443340549}; break;
    case fn::sech: e = {710.0, 745.13321910194111, 744.44007192138122, 708.39641853226408}; break;
    case fn::erf:
    case fn::erfc: e = {0.46875, 0.9375, 1.125, 2.0, 4.0, 6.0, 9.0, 13.5, 20.25, 27.5, 5.9215871957945083, 26.543258965450927, 27.226017111108366}; break;
    case fn::sigmoid: e = {708.0, 36.736800569677101, 745.13321910194111, 744.44007192138122, 709.1}; break;
    case fn::softplus: e = {708.0, 36.736800569677101, 745.13321910194111, 744.44007192138122, 709.782712893384}; break;
    case fn::norm_cdf: e = {0.46875 * sqrt2, 0.9375 * sqrt2, 1.125 * sqrt2, 2.0 * sqrt2, 4.0 * sqrt2, 6.0 * sqrt2, 9.0 * sqrt2, 13.5 * sqrt2, 20.25 * sqrt2, 27.5 * sqrt2, 8.2924, 37.5193, 38.4674}; break;
    case fn::norm_pdf: e = {37.5193, 38.4674, 40.0, 37.6}; break;
    }
    for (double v : common) {
        e.push_back(v);
    }
    std::vector<double> both;
    for (double v : e) { // both signs for functions on the whole line
        both.push_back(v);
        both.push_back(-v);
    }
    return both;
}

/// Arguments where the function is neither 0, 1, ∞ nor its argument (its working range).
double working_range(fn f) {
    switch (f) {
    case fn::exp: return 746.0;
    case fn::expm1: return 710.0;
    case fn::log:
    case fn::sqrt: return 1e6;
    case fn::log1p: return 100.0;
    case fn::tanh: return 20.0;
    case fn::sech: return 746.0;
    case fn::erf: return 6.0;
    case fn::erfc: return 28.0;
    case fn::sigmoid:
    case fn::softplus: return 746.0;
    case fn::norm_cdf:
    case fn::norm_pdf: return 39.0;
    }
    return 1.0;
}

std::vector<double> arguments(fn f) {
    std::vector<double> xs;
    std::mt19937_64 rng(20261123 + static_cast<int>(f));
    // every binade, both signs: its first value, the value below it and a random one inside
    for (int e = -1074; e <= 1023; ++e) {
        const double p = std::ldexp(1.0, e);
        const double in = e > -1022 ? p * (1.0 + std::uniform_real_distribution<double>(0.0, 1.0)(rng)) : p * 1.5;
        for (double v : {p, std::nextafter(p, 0.0), in}) {
            xs.push_back(v);
            xs.push_back(-v);
        }
    }
    // random bit patterns (every exponent equally likely) and random working-range arguments
    const double w = working_range(f);
    std::uniform_real_distribution<double> uni(-w, w);
    for (int i = 0; i < 3000; ++i) {
        xs.push_back(std::bit_cast<double>(rng()));
        xs.push_back(uni(rng));
        xs.push_back(uni(rng) * 1e-3);
    }
    // ±64 ULP around each edge
    for (double e : edges(f)) {
        double lo = e, hi = e;
        xs.push_back(e);
        for (int i = 0; i < 64; ++i) {
            lo = std::nextafter(lo, -INFINITY);
            hi = std::nextafter(hi, INFINITY);
            xs.push_back(lo);
            xs.push_back(hi);
        }
    }
    // special values
    constexpr double inf = std::numeric_limits<double>::infinity();
    for (double v : {0.0, -0.0, inf, -inf, std::numeric_limits<double>::quiet_NaN(), 0x1p-1074, -0x1p-1074, 0x1.fffffffffffffp1023,
                     -0x1.fffffffffffffp1023}) {
        xs.push_back(v);
    }
    return xs;
}

struct worst {
    double ulp = 0, x = 0, got = 0;
    long n = 0;
};

worst measure(fn f) {
    worst w;
    math_ref::mp e;
    for (double x : arguments(f)) {
        math_ref::exact(f, x, e.v);
        const double got = math_ref::eval(f, x);
        const double u = math_ref::ulp_error(got, e.v);
        ++w.n;
        if (!(u <= w.ulp)) {
            w = {u, x, got, w.n};
        }
    }
    return w;
}

} // namespace

TEST_CASE("math accuracy in double against MPFR", "[math][accuracy]") {
    const bool report = std::getenv("CTDIFF_MATH_REPORT") != nullptr;
    for (fn f : math_ref::all_fns) {
        const worst w = measure(f);
        if (report) {
            std::printf("double %-9s max %.3f ULP at x = %.17g (%ld arguments)\n", math_ref::name(f).data(), w.ulp, w.x, w.n);
        }
        INFO(math_ref::name(f) << ": " << w.ulp << " ULP at x = " << w.x << " (got " << w.got << ")");
        CHECK(w.ulp <= bound(f));
    }
}

TEST_CASE("math special values", "[math][ieee]") {
    namespace m = ctdiff::math;
    constexpr double inf = INFINITY;
    const auto same = [](double a, double b) { return std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b); };
    const auto same_f = [](float a, float b) { return std::bit_cast<std::uint32_t>(a) == std::bit_cast<std::uint32_t>(b); };
    volatile double vz = 0.0; // run-time values: no constant folding
    const double z = vz, nz = -z, pinf = inf + z, ninf = -pinf, qnan = pinf - pinf;
    // exact values
    CHECK(same(m::exp(z), 1.0));
    CHECK(same(m::exp(nz), 1.0));
    CHECK(same(m::exp(pinf), inf));
    CHECK(same(m::exp(ninf), 0.0));
    CHECK(same(m::exp(710.0 + z), inf));
    CHECK(same(m::exp(-746.0 + z), 0.0));
    CHECK(same(m::exp(-745.0 + z), 0x1p-1074)); // gradual underflow to the last subnormal
    CHECK(same(m::expm1(z), 0.0));
    CHECK(same(m::expm1(nz), -0.0));
    CHECK(same(m::expm1(ninf), -1.0));
    CHECK(same(m::expm1(pinf), inf));
    CHECK(same(m::expm1(0x1p-1074 + z), 0x1p-1074));
    CHECK(same(m::log(1.0 + z), 0.0));
    CHECK(same(m::log(z), -inf));
    CHECK(same(m::log(nz), -inf));
    CHECK(std::isnan(m::log(-1.0 + z)));
    CHECK(std::isnan(m::log(ninf)));
    CHECK(same(m::log(pinf), inf));
    CHECK(same(m::log1p(z), 0.0));
    CHECK(same(m::log1p(nz), -0.0));
    CHECK(same(m::log1p(-1.0 + z), -inf));
    CHECK(std::isnan(m::log1p(-2.0 + z)));
    CHECK(same(m::log1p(pinf), inf));
    CHECK(same(m::log1p(0x1p-1074 + z), 0x1p-1074));
    CHECK(same(m::sqrt(nz), -0.0));
    CHECK(same(m::sqrt(z), 0.0));
    CHECK(std::isnan(m::sqrt(-1.0 + z)));
    CHECK(same(m::sqrt(pinf), inf));
    CHECK(same(m::sqrt(4.0 + z), 2.0));
    CHECK(same(m::tanh(z), 0.0));
    CHECK(same(m::tanh(nz), -0.0));
    CHECK(same(m::tanh(pinf), 1.0));
    CHECK(same(m::tanh(ninf), -1.0));
    CHECK(same(m::tanh(0x1p-1074 + z), 0x1p-1074));
    CHECK(same(m::sech(z), 1.0));
    CHECK(same(m::sech(pinf), 0.0));
    CHECK(same(m::erf(z), 0.0));
    CHECK(same(m::erf(nz), -0.0));
    CHECK(same(m::erf(pinf), 1.0));
    CHECK(same(m::erf(ninf), -1.0));
    CHECK(same(m::erfc(pinf), 0.0));
    CHECK(same(m::erfc(ninf), 2.0));
    CHECK(same(m::erfc(z), 1.0));
    CHECK(same(m::sigmoid(z), 0.5));
    CHECK(same(m::sigmoid(pinf), 1.0));
    CHECK(same(m::sigmoid(ninf), 0.0));
    CHECK(same(m::softplus(pinf), inf));
    CHECK(same(m::softplus(ninf), 0.0));
    CHECK(same(m::norm_cdf(z), 0.5));
    CHECK(same(m::norm_cdf(pinf), 1.0));
    CHECK(same(m::norm_cdf(ninf), 0.0));
    CHECK(same(m::norm_pdf(pinf), 0.0));
    for (double (*g)(double) : {m::exp<double>, m::expm1<double>, m::log<double>, m::log1p<double>, m::sqrt<double>,
                                m::tanh<double>, m::sech<double>, m::erf<double>, m::erfc<double>, m::sigmoid<double>,
                                m::softplus<double>, m::norm_cdf<double>, m::norm_pdf<double>}) {
        CHECK(std::isnan(g(qnan)));
    }
    // float: the same through the double cores
    volatile float fz = 0.0f;
    const float zf = fz, pinff = INFINITY + zf;
    CHECK(same_f(m::exp(zf), 1.0f));
    CHECK(same_f(m::exp(89.0f + zf), INFINITY));
    CHECK(same_f(m::exp(-104.0f + zf), 0.0f));
    CHECK(same_f(m::exp(-103.0f + zf), 0x1p-149f)); // e^-103 = 1.32·2^-149: gradual underflow
    CHECK(same_f(m::sqrt(-zf), -0.0f));
    CHECK(same_f(m::log(zf), -INFINITY));
    CHECK(same_f(m::tanh(-pinff), -1.0f));
    CHECK(same_f(m::erf(pinff), 1.0f));
    CHECK(std::isnan(m::erfc(pinff - pinff)));
}

// double sqrt is computed in software (detail/sqrt_core.hpp); IEEE 754 requires the instruction
// (std::sqrt) to be correctly rounded, so it is an independent reference: equal bits, for random
// bit patterns over the whole range and for the hardest cases of the rounding test — near the
// squares y² of doubles y in [1, 2) and near the squares (y + ν/2)² ≈ y² + yν of the midpoints
// (ν = 2^-52): each ± 3 ULP, also scaled by random even powers of 2. Both variants: the
// FMA one (run time on x86-64-v3 and up) and Dekker's (constant evaluation, and machines
// without FMA), each run here at run time.
TEST_CASE("math: double sqrt equals the correctly rounded instruction", "[math][sqrt]") {
    namespace m = ctdiff::math;
    namespace d = ctdiff::math::detail;
    std::mt19937_64 gen(20261201);
    long mismatches = 0;
    const auto check = [&](double x) {
        const std::uint64_t want = std::bit_cast<std::uint64_t>(std::sqrt(x));
        const double a = m::sqrt(x);
        const double b = d::sqrt_with_specials<d::sqrt_value_dekker>(x);
        const bool nan_ok = std::isnan(std::sqrt(x)) && std::isnan(a) && std::isnan(b);
        if (!nan_ok && (std::bit_cast<std::uint64_t>(a) != want || std::bit_cast<std::uint64_t>(b) != want)) {
            if (++mismatches <= 5) {
                UNSCOPED_INFO("x = " << std::hexfloat << x << ": got " << a << " and " << b << ", want " << std::sqrt(x));
            }
        }
    };
    for (int i = 0; i < 2'000'000; ++i) {
        check(std::bit_cast<double>(gen())); // negative, NaN and ∞ patterns included
    }
    for (int i = 0; i < 300'000; ++i) {
        const double y = std::bit_cast<double>((gen() & 0x000fffffffffffffull) | 0x3ff0000000000000ull);
        const int scale = 2 * static_cast<int>(gen() % 2100) - 2100; // even: keeps the rounding case
        for (const double x0 : {y * y, y * y + y * 0x1p-52}) {
            double lo = x0, hi = x0;
            check(std::ldexp(x0, scale));
            for (int k = 0; k < 3; ++k) {
                lo = std::nextafter(lo, 0.0);
                hi = std::nextafter(hi, 8.0);
                check(std::ldexp(lo, scale));
                check(std::ldexp(hi, scale));
                check(lo);
                check(hi);
            }
        }
    }
    for (int k = 0; k < 52; ++k) { // every subnormal binade
        for (int i = 0; i < 2000; ++i) {
            check(std::bit_cast<double>((std::uint64_t{1} << k) | (gen() & ((std::uint64_t{1} << k) - 1))));
        }
    }
    for (const double x : {0x1p-1074, 0x1p-1022, 0x1.fffffffffffffp1023, 0x1.fffffffffffffp1, 1.0, 2.0, 3.0, 4.0}) {
        check(x);
    }
    CHECK(mismatches == 0);
}
