// ctdiff::math against the loop people write with std:: and the vectorized libraries (issue 3).
//
// Rows: <function>/<impl>/<type>/<N>, items/s (elements per second, one input array, one output
// array), medians of 3 repetitions. impl: ctdiff (a plain loop over ctdiff::math::<function>),
// std (the same loop over the std:: function, or the textbook formula where std:: has none:
// sigmoid 1/(1+exp(−x)), softplus log1p(exp(x)), sech 1/cosh, Φ erfc(−x/√2)/2, φ exp(−x²/2)/√(2π)),
// sleef (SLEEF's AVX-512 vector functions, 1.0-ULP variants; sigmoid composed from its exp), eigen
// (Eigen array expressions: .exp(), .log(), .tanh(), .erf(), .logistic() …). A peer appears only for
// the functions it has, and only when its Debian package is installed.
//
// Inputs: x spread evenly (golden-ratio sequence, no two neighbours alike) over a range where the
// function's value is normal: [−20, 20] for exp, expm1, tanh, sech, erf, erfc, σ, softplus, Φ, φ
// ([−10, 10] for erfc and Φ in float, which underflow sooner); (0, 1000] for log and sqrt;
// (−1, 1000] for log1p.
//
// Implementations slower than 50 M elements/s at 64 Ki are compute-bound and are not run at 16 Mi
// (their rate there is the same), which keeps the whole binary to a few minutes.
//
// Reproduce: scripts/bench --benchmark_filter='^exp/.*/f32/65536'   (ctdiff_bench_math)
// GCC 12 reports its own avx512fintrin.h as maybe-uninitialized through Eigen's and SLEEF's
// AVX-512 paths (a known false positive): silenced for this benchmark file only.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif

#include <ctdiff/math.hpp>

#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#if CTDIFF_HAVE_EIGEN
#include <Eigen/Core>
#include <unsupported/Eigen/SpecialFunctions>
#endif
#if CTDIFF_HAVE_SLEEF && defined(__AVX512F__)
#include <immintrin.h>
#include <sleef.h>
#define CTDIFF_BENCH_SLEEF 1
#endif

namespace {

template <class T>
using loop_fn = std::function<void(const T*, T*, std::size_t)>;

enum class domain { wide, positive, above_minus_one };

template <class T>
struct bench_fn {
    std::string name;
    domain dom;
    loop_fn<T> ctdiff, std_loop, sleef, eigen;
};

constexpr double inv_sqrt_2pi = 0.3989422804014326779;
constexpr double sqrt1_2 = 0.7071067811865475244;

// A plain loop over one element-wise function: what a user writes (T: the enclosing template's). No __restrict: the compilers
// version the loop for aliasing, as they do in users' code.
#define CTDIFF_LOOP(expr)                                        \
    [](const T* x, T* y, std::size_t n) {                        \
        for (std::size_t i = 0; i < n; ++i) {                    \
            const T v = x[i];                                    \
            y[i] = (expr);                                       \
        }                                                        \
    }

#if CTDIFF_BENCH_SLEEF
// Whole vectors, then the remainder through a padded block (the sizes here are multiples of 16).
template <class T, class F>
void sleef_loop(const T* x, T* y, std::size_t n, F f) {
    constexpr std::size_t w = 64 / sizeof(T);
    std::size_t i = 0;
    for (; i + w <= n; i += w) {
        if constexpr (sizeof(T) == 4) {
            _mm512_storeu_ps(y + i, f(_mm512_loadu_ps(x + i)));
        } else {
            _mm512_storeu_pd(y + i, f(_mm512_loadu_pd(x + i)));
        }
    }
    if (i < n) {
        alignas(64) T buf[w] = {};
        std::copy(x + i, x + n, buf);
        if constexpr (sizeof(T) == 4) {
            _mm512_store_ps(buf, f(_mm512_load_ps(buf)));
        } else {
            _mm512_store_pd(buf, f(_mm512_load_pd(buf)));
        }
        std::copy(buf, buf + (n - i), y + i);
    }
}
#define CTDIFF_SLEEF(ff, fd)                                                                   \
    [](const T* x, T* y, std::size_t n) {                                                      \
        if constexpr (sizeof(T) == 4) {                                                       \
            sleef_loop(x, y, n, [](__m512 v) { return ff(v); });                               \
        } else {                                                                               \
            sleef_loop(x, y, n, [](__m512d v) { return fd(v); });                              \
        }                                                                                      \
    }
#endif

#if CTDIFF_HAVE_EIGEN
#define CTDIFF_EIGEN(method)                                                                   \
    [](const T* x, T* y, std::size_t n) {                                                      \
        using A = Eigen::Array<T, Eigen::Dynamic, 1>;                                          \
        const auto m = static_cast<Eigen::Index>(n);                                           \
        Eigen::Map<A>(y, m) = Eigen::Map<const A>(x, m).method();                              \
    }
#endif

template <class T>
std::vector<bench_fn<T>> functions() {
    namespace m = ctdiff::math;
    std::vector<bench_fn<T>> f;
    // clang-format off
    f.push_back({"exp",      domain::wide,            CTDIFF_LOOP(m::exp(v)),      CTDIFF_LOOP(std::exp(v)), {}, {}});
    f.push_back({"expm1",    domain::wide,            CTDIFF_LOOP(m::expm1(v)),    CTDIFF_LOOP(std::expm1(v)), {}, {}});
    f.push_back({"log",      domain::positive,        CTDIFF_LOOP(m::log(v)),      CTDIFF_LOOP(std::log(v)), {}, {}});
    f.push_back({"log1p",    domain::above_minus_one, CTDIFF_LOOP(m::log1p(v)),    CTDIFF_LOOP(std::log1p(v)), {}, {}});
    f.push_back({"sqrt",     domain::positive,        CTDIFF_LOOP(m::sqrt(v)),     CTDIFF_LOOP(std::sqrt(v)), {}, {}});
    f.push_back({"tanh",     domain::wide,            CTDIFF_LOOP(m::tanh(v)),     CTDIFF_LOOP(std::tanh(v)), {}, {}});
    f.push_back({"sech",     domain::wide,            CTDIFF_LOOP(m::sech(v)),     CTDIFF_LOOP(T(1) / std::cosh(v)), {}, {}});
    f.push_back({"erf",      domain::wide,            CTDIFF_LOOP(m::erf(v)),      CTDIFF_LOOP(std::erf(v)), {}, {}});
    f.push_back({"erfc",     domain::wide,            CTDIFF_LOOP(m::erfc(v)),     CTDIFF_LOOP(std::erfc(v)), {}, {}});
    f.push_back({"sigmoid",  domain::wide,            CTDIFF_LOOP(m::sigmoid(v)),  CTDIFF_LOOP(T(1) / (T(1) + std::exp(-v))), {}, {}});
    f.push_back({"softplus", domain::wide,            CTDIFF_LOOP(m::softplus(v)), CTDIFF_LOOP(std::log1p(std::exp(v))), {}, {}});
    f.push_back({"norm_cdf", domain::wide,            CTDIFF_LOOP(m::norm_cdf(v)), CTDIFF_LOOP(T(0.5) * std::erfc(-v * T(sqrt1_2))), {}, {}});
    f.push_back({"norm_pdf", domain::wide,            CTDIFF_LOOP(m::norm_pdf(v)), CTDIFF_LOOP(T(inv_sqrt_2pi) * std::exp(T(-0.5) * v * v)), {}, {}});
    // clang-format on
    auto at = [&](const char* name) -> bench_fn<T>& {
        return *std::find_if(f.begin(), f.end(), [&](const auto& b) { return b.name == name; });
    };
#if CTDIFF_BENCH_SLEEF
    at("exp").sleef = CTDIFF_SLEEF(Sleef_expf16_u10, Sleef_expd8_u10);
    at("expm1").sleef = CTDIFF_SLEEF(Sleef_expm1f16_u10, Sleef_expm1d8_u10);
    at("log").sleef = CTDIFF_SLEEF(Sleef_logf16_u10, Sleef_logd8_u10);
    at("log1p").sleef = CTDIFF_SLEEF(Sleef_log1pf16_u10, Sleef_log1pd8_u10);
    at("sqrt").sleef = CTDIFF_SLEEF(Sleef_sqrtf16_u05, Sleef_sqrtd8_u05);
    at("tanh").sleef = CTDIFF_SLEEF(Sleef_tanhf16_u10, Sleef_tanhd8_u10);
    at("erf").sleef = CTDIFF_SLEEF(Sleef_erff16_u10, Sleef_erfd8_u10);
    at("erfc").sleef = CTDIFF_SLEEF(Sleef_erfcf16_u15, Sleef_erfcd8_u15);
    at("sigmoid").sleef = CTDIFF_SLEEF(
        [](__m512 v) {
            const __m512 one = _mm512_set1_ps(1.0f);
            return _mm512_div_ps(one, _mm512_add_ps(one, Sleef_expf16_u10(_mm512_sub_ps(_mm512_setzero_ps(), v))));
        },
        [](__m512d v) {
            const __m512d one = _mm512_set1_pd(1.0);
            return _mm512_div_pd(one, _mm512_add_pd(one, Sleef_expd8_u10(_mm512_sub_pd(_mm512_setzero_pd(), v))));
        });
#endif
#if CTDIFF_HAVE_EIGEN
    at("exp").eigen = CTDIFF_EIGEN(exp);
    at("expm1").eigen = CTDIFF_EIGEN(expm1);
    at("log").eigen = CTDIFF_EIGEN(log);
    at("log1p").eigen = CTDIFF_EIGEN(log1p);
    at("sqrt").eigen = CTDIFF_EIGEN(sqrt);
    at("tanh").eigen = CTDIFF_EIGEN(tanh);
    at("erf").eigen = CTDIFF_EIGEN(erf);
    at("erfc").eigen = CTDIFF_EIGEN(erfc);
    at("sigmoid").eigen = CTDIFF_EIGEN(logistic);
#endif
    return f;
}

template <class T>
std::vector<T> inputs(domain d, std::size_t n) {
    double lo = -20.0, hi = 20.0;
    if (d == domain::positive) {
        lo = 0.0, hi = 1000.0;
    } else if (d == domain::above_minus_one) {
        lo = -1.0, hi = 1000.0;
    } else if (sizeof(T) == 4) {
        lo = -10.0, hi = 10.0;
    }
    std::vector<T> x(n);
    double u = 0.5;
    for (auto& v : x) {
        u += 0.6180339887498949;
        u -= static_cast<double>(static_cast<std::int64_t>(u));
        const double t = lo + (hi - lo) * u;
        v = static_cast<T>(t <= lo ? lo + 1e-3 : t); // open at lo: log(0), log1p(−1) are not the point
    }
    return x;
}

const char* type_name(float) { return "f32"; }
const char* type_name(double) { return "f64"; }
constexpr std::size_t sizes[] = {4096, 65536, 16777216};
constexpr double min_rate_for_16mi = 5e7;

template <class T>
double probe_rate(const loop_fn<T>& fn, domain d) {
    const auto x = inputs<T>(d, 65536);
    std::vector<T> y(x.size());
    fn(x.data(), y.data(), x.size());
    const auto t0 = std::chrono::steady_clock::now();
    fn(x.data(), y.data(), x.size());
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return 65536.0 / std::max(s, 1e-9);
}

template <class T>
void register_impl(const bench_fn<T>& f, const char* impl, const loop_fn<T>& fn) {
    if (!fn) return;
    const bool slow = probe_rate<T>(fn, f.dom) < min_rate_for_16mi;
    for (std::size_t n : sizes) {
        if (n == 16777216 && slow) continue;
        const std::string name = f.name + "/" + impl + "/" + type_name(T{}) + "/" + std::to_string(n);
        benchmark::RegisterBenchmark(name.c_str(), [fn, n, d = f.dom](benchmark::State& st) {
            const auto x = inputs<T>(d, n);
            std::vector<T> y(n);
            fn(x.data(), y.data(), n); // warm-up: untimed
            for (auto _ : st) {
                fn(x.data(), y.data(), n);
                benchmark::DoNotOptimize(y.data());
                benchmark::ClobberMemory();
            }
            st.SetItemsProcessed(static_cast<std::int64_t>(st.iterations()) * static_cast<std::int64_t>(n));
            st.SetBytesProcessed(static_cast<std::int64_t>(st.iterations()) * static_cast<std::int64_t>(n) * 2 *
                                 static_cast<std::int64_t>(sizeof(T)));
        })
            ->Repetitions(3)
            ->ReportAggregatesOnly(true)
            ->MinTime(n >= 16777216 ? 0.2 : 0.05)
            ->Unit(benchmark::kMicrosecond)
            ->UseRealTime();
    }
}

template <class T>
void register_all() {
    for (const auto& f : functions<T>()) {
        register_impl(f, "ctdiff", f.ctdiff);
        register_impl(f, "std", f.std_loop);
        register_impl(f, "sleef", f.sleef);
        register_impl(f, "eigen", f.eigen);
    }
}

} // namespace

int main(int argc, char** argv) {
    register_all<float>();
    register_all<double>();
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
