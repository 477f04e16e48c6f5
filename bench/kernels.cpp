// ctdiff's generated kernels against the loops people write and the hand-tuned libraries.
// ctdiff's rows use the catalogue's formulas (ctdiff/activations: GELU and SiLU with their exact
// limits at ±∞, so no 0·∞ = NaN there) — what a user of the library writes.
//
// Rows: <activation>/<pass>/<impl>/<type>/<N>, items/s (elements per second), medians of
// repetitions. pass: forward (y = f(x)), backward (dx = dy·f'(x) from x), fused (y and dx in one
// pass from x and dy), second (f, f', f'' from x), backward_from_output (dx = dy·P(y) from the
// saved y). impl: ctdiff, ctdiff_fast (f32: the same kernels called with ctdiff::fast — float
// arithmetic and fast functions, a few ULP), naive (std:: functions, the derivative as the textbook writes it),
// handwritten (std:: functions, the derivative simplified by hand and reusing y), eigen, onednn,
// xnnpack, sleef, torch (PyTorch's own CPU ops through libtorch, one thread, as autograd calls
// them; Debian's build targets AVX2) (peers where they have the operation; their set-up is outside the timed loop and
// their primitives are reused). `copy/<pass>/copy/...` rows move the same bytes as that pass with
// no arithmetic: the memory bound.
//
// Each row carries counters ulp_f and ulp_df: the implementation's max error in ULP against a
// long double reference, over x in [-30, 30] (dense) and ±[1e-6, 1e3] (log-spaced), where the
// reference is a normal number, measured once before the timings (f: the forward output, df: the
// derivative output of the fused pass).
//
// Implementations slower than 50 M elements/s at 64 Ki are compute-bound and are not run at
// 16 Mi (their rate there is the same; see min_rate_for_16mi).
//
// Reproduce: scripts/bench --benchmark_filter='sigmoid/.*/f32/65536'  (see docs/kernels.md)
// GCC 12 reports its own avx512fintrin.h (`__Y` from _mm512_undefined_*, reached through Eigen's
// and SLEEF's AVX-512 paths) as maybe-uninitialized: a known false positive, silenced for this
// benchmark file only.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif

#include <ctdiff/activations/gated.hpp>
#include <ctdiff/activations/gelu.hpp>
#include <ctdiff/activations/leaky_relu.hpp>
#include <ctdiff/activations/silu.hpp>
#include <ctdiff/activations/softmax.hpp>
#include <ctdiff/core.hpp>
#include <ctdiff/diff.hpp>
#include <ctdiff/eval.hpp>

#include <benchmark/benchmark.h>

#include <algorithm>
#include <bit>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <limits>
#include <map>
#include <memory>
#include <random>
#include <span>
#include <string>
#include <vector>

#include <unistd.h>

#if CTDIFF_HAVE_EIGEN
#include <Eigen/Core>
#include <unsupported/Eigen/SpecialFunctions>
#endif
#if CTDIFF_HAVE_SLEEF
#include <immintrin.h>
#include <sleef.h>
#endif
#if CTDIFF_HAVE_ONEDNN
#include <oneapi/dnnl/dnnl.hpp>
#endif
#if CTDIFF_HAVE_XNNPACK
#include <xnnpack.h>
#endif
#if CTDIFF_HAVE_TORCH
#include "peers/torch.hpp"
#endif

namespace {

using namespace ctdiff;
using namespace ctdiff::literals;

constexpr double leaky_alpha = 0.01;
constexpr double silu_beta = 1.0;
constexpr long double sqrt1_2 = 0.707106781186547524400844362104849039L;
constexpr long double inv_sqrt_2pi = 0.398942280401432677939946059934381868L;

// ---------------------------------------------------------------------------------------------
// One implementation of one pass: reads x (or y) and dy, writes up to three outputs.
// ---------------------------------------------------------------------------------------------
template <class T>
struct arrays {
    std::span<const T> x, dy;
    std::span<T> o0, o1, o2;
    std::span<const T> b{}; // the second input of a gated unit f(a = x, b)
};
template <class T>
using impl_fn = std::function<void(const arrays<T>&)>;

// ---------------------------------------------------------------------------------------------
// The activations: ctdiff formula, reference, naive and handwritten scalar forms.
// ---------------------------------------------------------------------------------------------
struct sigmoid_act {
    static constexpr const char* name = "sigmoid";
    static constexpr auto f = sigmoid(x);
    static constexpr bool from_output = true;
    using poly = polynomial<0, 1, -1>;
    static long double ref(long double t) { return t >= 0 ? 1 / (1 + std::exp(-t)) : std::exp(t) / (1 + std::exp(t)); }
    static long double ref_d(long double t) {
        const long double e = std::exp(-std::fabs(t));
        return e / ((1 + e) * (1 + e));
    }
    template <class T>
    static T naive(T t) { return T(1) / (T(1) + std::exp(-t)); }
    template <class T>
    static T naive_d(T t) { return std::exp(-t) / ((T(1) + std::exp(-t)) * (T(1) + std::exp(-t))); }
    template <class T>
    static T naive_d2(T t) {
        const T e = std::exp(-t);
        return (T(2) * e * e) / ((T(1) + e) * (T(1) + e) * (T(1) + e)) - e / ((T(1) + e) * (T(1) + e));
    }
    template <class T>
    static void hand(T t, T& y, T& d1, T& d2) {
        y = T(1) / (T(1) + std::exp(-t));
        d1 = y * (T(1) - y);
        d2 = d1 * (T(1) - T(2) * y);
    }
    template <class T>
    static T hand_from_output(T y) { return y * (T(1) - y); }
};

struct tanh_act {
    static constexpr const char* name = "tanh";
    static constexpr auto f = tanh(x);
    static constexpr bool from_output = true;
    using poly = polynomial<1, 0, -1>;
    static long double ref(long double t) { return std::tanh(t); }
    static long double ref_d(long double t) {
        const long double e = std::exp(-std::fabs(t)), s = 2 * e / (1 + e * e);
        return s * s;
    }
    template <class T>
    static T naive(T t) { return std::tanh(t); }
    template <class T>
    static T naive_d(T t) {
        const T c = (std::exp(t) + std::exp(-t));
        return T(4) / (c * c);
    }
    template <class T>
    static T naive_d2(T t) { return T(-2) * std::tanh(t) * naive_d(t); }
    template <class T>
    static void hand(T t, T& y, T& d1, T& d2) {
        y = std::tanh(t);
        d1 = T(1) - y * y;
        d2 = T(-2) * y * d1;
    }
    template <class T>
    static T hand_from_output(T y) { return T(1) - y * y; }
};

struct gelu_act {
    static constexpr const char* name = "gelu";
    static constexpr auto f = activations::gelu; // x·Φ(x), its exact limits beyond |x| = 1024
    static constexpr bool from_output = false;
    using poly = void;
    static long double ref(long double t) { return t * std::erfc(-t * sqrt1_2) / 2; }
    static long double ref_d(long double t) {
        return std::erfc(-t * sqrt1_2) / 2 + t * inv_sqrt_2pi * std::exp(-t * t / 2);
    }
    template <class T>
    static T naive(T t) { return t / T(2) * (T(1) + std::erf(t / std::sqrt(T(2)))); }
    template <class T>
    static T naive_d(T t) {
        return (T(1) + std::erf(t / std::sqrt(T(2)))) / T(2) +
               t * std::exp(-t * t / T(2)) / std::sqrt(T(2) * T(3.14159265358979323846));
    }
    template <class T>
    static T naive_d2(T t) {
        return (T(2) - t * t) * std::exp(-t * t / T(2)) / std::sqrt(T(2) * T(3.14159265358979323846));
    }
    template <class T>
    static void hand(T t, T& y, T& d1, T& d2) {
        const T cdf = T(0.5) * (T(1) + std::erf(t * T(sqrt1_2)));
        const T pdf = T(inv_sqrt_2pi) * std::exp(T(-0.5) * t * t);
        y = t * cdf;
        d1 = cdf + t * pdf;
        d2 = (T(2) - t * t) * pdf;
    }
    template <class T>
    static T hand_from_output(T) { return T(0); }
};

struct leaky_relu_act {
    static constexpr const char* name = "leaky_relu";
    static constexpr auto f = activations::leaky_relu; // select(x > 0, x, αx)
    static constexpr bool from_output = false;
    using poly = void;
    static long double ref(long double t) { return t > 0 ? t : static_cast<long double>(leaky_alpha) * t; }
    static long double ref_d(long double t) { return t > 0 ? 1 : static_cast<long double>(leaky_alpha); }
    template <class T>
    static T naive(T t) { return t > T(0) ? t : T(leaky_alpha) * t; }
    template <class T>
    static T naive_d(T t) { return t > T(0) ? T(1) : T(leaky_alpha); }
    template <class T>
    static T naive_d2(T) { return T(0); }
    template <class T>
    static void hand(T t, T& y, T& d1, T& d2) {
        y = naive(t);
        d1 = naive_d(t);
        d2 = T(0);
    }
    template <class T>
    static T hand_from_output(T) { return T(0); }
};

struct silu_act {
    static constexpr const char* name = "silu";
    static constexpr auto f = activations::silu; // x·σ(x), its exact limits beyond |x| = 1024
    static constexpr bool from_output = false;
    using poly = void;
    static long double ref(long double t) { return t * sigmoid_act::ref(t); }
    static long double ref_d(long double t) { return sigmoid_act::ref(t) + t * sigmoid_act::ref_d(t); }
    template <class T>
    static T naive(T t) { return t / (T(1) + std::exp(-t)); }
    template <class T>
    static T naive_d(T t) {
        const T e = std::exp(-t);
        return (T(1) + e + t * e) / ((T(1) + e) * (T(1) + e));
    }
    template <class T>
    static T naive_d2(T t) {
        const T e = std::exp(-t), s = T(1) / (T(1) + e);
        return s * (T(1) - s) * (T(2) + t * (T(1) - T(2) * s));
    }
    template <class T>
    static void hand(T t, T& y, T& d1, T& d2) {
        const T s = T(1) / (T(1) + std::exp(-t));
        y = t * s;
        d1 = s + y * (T(1) - s);
        d2 = s * (T(1) - s) * (T(2) + t * (T(1) - T(2) * s));
    }
    template <class T>
    static T hand_from_output(T) { return T(0); }
};

// ---------------------------------------------------------------------------------------------
// ctdiff, naive and handwritten implementations.
// ---------------------------------------------------------------------------------------------
template <class A, class T, class Mode = accurate_t, class K>
void run_ctdiff(K k, const arrays<T>& a, int outputs, int inputs) {
    constexpr std::size_t np = K::parameters;
    auto p = [] {
        if constexpr (np == 0) {
            return params<T, 1>{T(0)};
        } else if constexpr (np == 1) {
            return params<T, 1>{T(leaky_alpha)};
        } else {
            return params<T, 2>{T(leaky_alpha), T(silu_beta)};
        }
    }();
    auto call = [&](auto&&... arrs) {
        if constexpr (np == 0) {
            k(arrs..., Mode{});
        } else {
            k(arrs..., p, Mode{});
        }
    };
    (void)outputs;
    (void)inputs;
    if constexpr (K::inputs == 1 && K::outputs == 1) {
        call(a.x, a.o0);
    } else if constexpr (K::inputs == 1 && K::outputs == 3) {
        call(a.x, a.o0, a.o1, a.o2);
    } else if constexpr (K::inputs == 2 && K::outputs == 1) {
        call(a.x, a.dy, a.o0);
    } else {
        call(a.x, a.dy, a.o0, a.o1);
    }
}

// Mode: accurate_t (impl "ctdiff") or fast_t (impl "ctdiff_fast", float only: the kernels called
// with ctdiff::fast).
template <class A, class T, class Mode = accurate_t>
std::map<std::string, impl_fn<T>> ctdiff_impls() {
    std::map<std::string, impl_fn<T>> m;
    m["forward"] = [](const arrays<T>& a) { run_ctdiff<A, T, Mode>(fused(A::f), a, 1, 1); };
    m["backward"] = [](const arrays<T>& a) { run_ctdiff<A, T, Mode>(backward(A::f), a, 1, 2); };
    m["fused"] = [](const arrays<T>& a) { run_ctdiff<A, T, Mode>(forward_backward(A::f), a, 2, 2); };
    m["second"] = [](const arrays<T>& a) { run_ctdiff<A, T, Mode>(derivatives<2>(A::f), a, 3, 1); };
    if constexpr (A::from_output) {
        m["backward_from_output"] = [](const arrays<T>& a) {
            run_ctdiff<A, T, Mode>(backward_from_output(A::f, typename A::poly{}), a, 1, 2);
        };
    }
    return m;
}

template <class A, class T>
std::map<std::string, impl_fn<T>> naive_impls() {
    std::map<std::string, impl_fn<T>> m;
    m["forward"] = [](const arrays<T>& a) {
        for (std::size_t i = 0; i < a.x.size(); ++i) a.o0[i] = A::naive(a.x[i]);
    };
    m["backward"] = [](const arrays<T>& a) {
        for (std::size_t i = 0; i < a.x.size(); ++i) a.o0[i] = a.dy[i] * A::naive_d(a.x[i]);
    };
    m["fused"] = [](const arrays<T>& a) {
        for (std::size_t i = 0; i < a.x.size(); ++i) {
            a.o0[i] = A::naive(a.x[i]);
            a.o1[i] = a.dy[i] * A::naive_d(a.x[i]);
        }
    };
    m["second"] = [](const arrays<T>& a) {
        for (std::size_t i = 0; i < a.x.size(); ++i) {
            a.o0[i] = A::naive(a.x[i]);
            a.o1[i] = A::naive_d(a.x[i]);
            a.o2[i] = A::naive_d2(a.x[i]);
        }
    };
    return m;
}

template <class A, class T>
std::map<std::string, impl_fn<T>> handwritten_impls() {
    std::map<std::string, impl_fn<T>> m;
    m["forward"] = [](const arrays<T>& a) {
        for (std::size_t i = 0; i < a.x.size(); ++i) a.o0[i] = A::naive(a.x[i]);
    };
    m["backward"] = [](const arrays<T>& a) {
        for (std::size_t i = 0; i < a.x.size(); ++i) {
            T y, d1, d2;
            A::hand(a.x[i], y, d1, d2);
            a.o0[i] = a.dy[i] * d1;
        }
    };
    m["fused"] = [](const arrays<T>& a) {
        for (std::size_t i = 0; i < a.x.size(); ++i) {
            T y, d1, d2;
            A::hand(a.x[i], y, d1, d2);
            a.o0[i] = y;
            a.o1[i] = a.dy[i] * d1;
        }
    };
    m["second"] = [](const arrays<T>& a) {
        for (std::size_t i = 0; i < a.x.size(); ++i) A::hand(a.x[i], a.o0[i], a.o1[i], a.o2[i]);
    };
    if constexpr (A::from_output) {
        m["backward_from_output"] = [](const arrays<T>& a) {
            for (std::size_t i = 0; i < a.x.size(); ++i) a.o0[i] = a.dy[i] * A::hand_from_output(a.x[i]);
        };
    }
    return m;
}

// ---------------------------------------------------------------------------------------------
// Eigen: the array expressions an Eigen user writes (a temporary pass where the formula reuses y).
// ---------------------------------------------------------------------------------------------
#if CTDIFF_HAVE_EIGEN
template <class T>
using emap = Eigen::Map<Eigen::Array<T, Eigen::Dynamic, 1>>;
template <class T>
using cmap = Eigen::Map<const Eigen::Array<T, Eigen::Dynamic, 1>>;

template <class A, class T>
std::map<std::string, impl_fn<T>> eigen_impls() {
    std::map<std::string, impl_fn<T>> m;
    using E = Eigen::Index;
    auto X = [](const arrays<T>& a) { return cmap<T>(a.x.data(), static_cast<E>(a.x.size())); };
    auto DY = [](const arrays<T>& a) { return cmap<T>(a.dy.data(), static_cast<E>(a.dy.size())); };
    auto O = [](std::span<T> s) { return emap<T>(s.data(), static_cast<E>(s.size())); };
    const T h = T(0.5), r2 = T(sqrt1_2), ip = T(inv_sqrt_2pi), al = T(leaky_alpha);
    if constexpr (std::is_same_v<A, sigmoid_act>) {
        m["forward"] = [=](const arrays<T>& a) { O(a.o0) = X(a).logistic(); };
        m["backward"] = [=](const arrays<T>& a) {
            auto d = O(a.o0);
            d = X(a).logistic();
            d = DY(a) * d * (T(1) - d);
        };
        m["fused"] = [=](const arrays<T>& a) {
            auto y = O(a.o0);
            y = X(a).logistic();
            O(a.o1) = DY(a) * y * (T(1) - y);
        };
        m["second"] = [=](const arrays<T>& a) {
            auto y = O(a.o0);
            y = X(a).logistic();
            O(a.o1) = y * (T(1) - y);
            O(a.o2) = O(a.o1) * (T(1) - T(2) * y);
        };
        m["backward_from_output"] = [=](const arrays<T>& a) { O(a.o0) = DY(a) * X(a) * (T(1) - X(a)); };
    } else if constexpr (std::is_same_v<A, tanh_act>) {
        m["forward"] = [=](const arrays<T>& a) { O(a.o0) = X(a).tanh(); };
        m["backward"] = [=](const arrays<T>& a) {
            auto d = O(a.o0);
            d = X(a).tanh();
            d = DY(a) * (T(1) - d * d);
        };
        m["fused"] = [=](const arrays<T>& a) {
            auto y = O(a.o0);
            y = X(a).tanh();
            O(a.o1) = DY(a) * (T(1) - y * y);
        };
        m["second"] = [=](const arrays<T>& a) {
            auto y = O(a.o0);
            y = X(a).tanh();
            O(a.o1) = T(1) - y * y;
            O(a.o2) = T(-2) * y * O(a.o1);
        };
        m["backward_from_output"] = [=](const arrays<T>& a) { O(a.o0) = DY(a) * (T(1) - X(a) * X(a)); };
    } else if constexpr (std::is_same_v<A, gelu_act>) {
        m["forward"] = [=](const arrays<T>& a) { O(a.o0) = h * X(a) * (T(1) + (X(a) * r2).erf()); };
        m["backward"] = [=](const arrays<T>& a) {
            O(a.o0) = DY(a) * (h * (T(1) + (X(a) * r2).erf()) + X(a) * ip * (T(-0.5) * X(a).square()).exp());
        };
        m["fused"] = [=](const arrays<T>& a) {
            auto cdf = O(a.o0);
            cdf = h * (T(1) + (X(a) * r2).erf());
            O(a.o1) = DY(a) * (cdf + X(a) * ip * (T(-0.5) * X(a).square()).exp());
            cdf = X(a) * cdf;
        };
        m["second"] = [=](const arrays<T>& a) {
            auto cdf = O(a.o0);
            auto pdf = O(a.o2);
            cdf = h * (T(1) + (X(a) * r2).erf());
            pdf = ip * (T(-0.5) * X(a).square()).exp();
            O(a.o1) = cdf + X(a) * pdf;
            cdf = X(a) * cdf;
            pdf = (T(2) - X(a).square()) * pdf;
        };
    } else if constexpr (std::is_same_v<A, leaky_relu_act>) {
        m["forward"] = [=](const arrays<T>& a) { O(a.o0) = (X(a) > T(0)).select(X(a), al * X(a)); };
        m["backward"] = [=](const arrays<T>& a) { O(a.o0) = DY(a) * (X(a) > T(0)).select(T(1), X(a) * T(0) + al); };
        m["fused"] = [=](const arrays<T>& a) {
            O(a.o0) = (X(a) > T(0)).select(X(a), al * X(a));
            O(a.o1) = DY(a) * (X(a) > T(0)).select(T(1), X(a) * T(0) + al);
        };
        m["second"] = [=](const arrays<T>& a) {
            O(a.o0) = (X(a) > T(0)).select(X(a), al * X(a));
            O(a.o1) = (X(a) > T(0)).select(T(1), X(a) * T(0) + al);
            O(a.o2).setZero();
        };
    } else if constexpr (std::is_same_v<A, silu_act>) {
        m["forward"] = [=](const arrays<T>& a) { O(a.o0) = X(a) * X(a).logistic(); };
        m["backward"] = [=](const arrays<T>& a) {
            auto s = O(a.o0);
            s = X(a).logistic();
            s = DY(a) * (s + X(a) * s * (T(1) - s));
        };
        m["fused"] = [=](const arrays<T>& a) {
            auto s = O(a.o0);
            s = X(a).logistic();
            O(a.o1) = DY(a) * (s + X(a) * s * (T(1) - s));
            s = X(a) * s;
        };
        m["second"] = [=](const arrays<T>& a) {
            auto s = O(a.o0);
            s = X(a).logistic();
            O(a.o1) = s + X(a) * s * (T(1) - s);
            O(a.o2) = s * (T(1) - s) * (T(2) + X(a) * (T(1) - T(2) * s));
            s = X(a) * s;
        };
    }
    return m;
}
#endif

// ---------------------------------------------------------------------------------------------
// SLEEF: the handwritten loops with SLEEF's AVX-512 vector functions (u10: 1-ULP versions).
// ---------------------------------------------------------------------------------------------
#if CTDIFF_HAVE_SLEEF && defined(__AVX512F__)
template <class A, class T>
std::map<std::string, impl_fn<T>> sleef_impls() {
    std::map<std::string, impl_fn<T>> m;
    if constexpr (std::is_same_v<T, float> && !std::is_same_v<A, leaky_relu_act>) {
        // y and y' from x for 16 floats at a time.
        auto vec = [](__m512 t, __m512& y, __m512& d1) {
            const __m512 one = _mm512_set1_ps(1.0f);
            if constexpr (std::is_same_v<A, sigmoid_act> || std::is_same_v<A, silu_act>) {
                const __m512 s = _mm512_div_ps(one, _mm512_add_ps(one, Sleef_expf16_u10(_mm512_sub_ps(_mm512_setzero_ps(), t))));
                if constexpr (std::is_same_v<A, sigmoid_act>) {
                    y = s;
                    d1 = _mm512_mul_ps(s, _mm512_sub_ps(one, s));
                } else {
                    y = _mm512_mul_ps(t, s);
                    d1 = _mm512_add_ps(s, _mm512_mul_ps(y, _mm512_sub_ps(one, s)));
                }
            } else if constexpr (std::is_same_v<A, tanh_act>) {
                y = Sleef_tanhf16_u10(t);
                d1 = _mm512_sub_ps(one, _mm512_mul_ps(y, y));
            } else {
                const __m512 cdf = _mm512_mul_ps(_mm512_set1_ps(0.5f), Sleef_erfcf16_u15(_mm512_mul_ps(t, _mm512_set1_ps(-float(sqrt1_2)))));
                const __m512 pdf = _mm512_mul_ps(_mm512_set1_ps(float(inv_sqrt_2pi)),
                                                 Sleef_expf16_u10(_mm512_mul_ps(_mm512_set1_ps(-0.5f), _mm512_mul_ps(t, t))));
                y = _mm512_mul_ps(t, cdf);
                d1 = _mm512_add_ps(cdf, _mm512_mul_ps(t, pdf));
            }
        };
        auto loop = [vec](const arrays<T>& a, auto store) {
            const std::size_t n = a.x.size();
            std::size_t i = 0;
            for (; i + 16 <= n; i += 16) {
                __m512 y, d1;
                vec(_mm512_loadu_ps(a.x.data() + i), y, d1);
                store(i, y, d1, static_cast<__mmask16>(0xffff));
            }
            if (i < n) {
                const auto k = static_cast<__mmask16>((1u << (n - i)) - 1);
                __m512 y, d1;
                vec(_mm512_maskz_loadu_ps(k, a.x.data() + i), y, d1);
                store(i, y, d1, k);
            }
        };
        m["forward"] = [loop](const arrays<T>& a) {
            loop(a, [&](std::size_t i, __m512 y, __m512, __mmask16 k) { _mm512_mask_storeu_ps(a.o0.data() + i, k, y); });
        };
        m["fused"] = [loop](const arrays<T>& a) {
            loop(a, [&](std::size_t i, __m512 y, __m512 d1, __mmask16 k) {
                _mm512_mask_storeu_ps(a.o0.data() + i, k, y);
                _mm512_mask_storeu_ps(a.o1.data() + i, k, _mm512_mul_ps(_mm512_maskz_loadu_ps(k, a.dy.data() + i), d1));
            });
        };
    }
    return m;
}
#endif

// ---------------------------------------------------------------------------------------------
// oneDNN: eltwise forward and backward primitives (f32), created once per size and reused.
// ---------------------------------------------------------------------------------------------
#if CTDIFF_HAVE_ONEDNN
struct dnnl_ctx {
    dnnl::engine eng{dnnl::engine::kind::cpu, 0};
    dnnl::stream strm{eng};
};
dnnl_ctx& dnnl_context() {
    static dnnl_ctx c;
    return c;
}

template <class A>
std::map<std::string, impl_fn<float>> onednn_impls() {
    using namespace dnnl;
    std::map<std::string, impl_fn<float>> m;
    algorithm alg{}, alg_dst{};
    float al = 0.f;
    bool has_dst = false;
    if constexpr (std::is_same_v<A, sigmoid_act>) {
        alg = algorithm::eltwise_logistic;
        alg_dst = algorithm::eltwise_logistic_use_dst_for_bwd;
        has_dst = true;
    } else if constexpr (std::is_same_v<A, tanh_act>) {
        alg = algorithm::eltwise_tanh;
        alg_dst = algorithm::eltwise_tanh_use_dst_for_bwd;
        has_dst = true;
    } else if constexpr (std::is_same_v<A, gelu_act>) {
        alg = algorithm::eltwise_gelu_erf;
    } else if constexpr (std::is_same_v<A, leaky_relu_act>) {
        alg = algorithm::eltwise_relu;
        al = float(leaky_alpha);
    } else {
        alg = algorithm::eltwise_swish;
        al = float(silu_beta);
    }
    // primitives per size, built on first use (the first call of a row is outside the timing:
    // Google Benchmark's warm-up run happens before the measured iterations via MinWarmUpTime,
    // and the accuracy pass calls every implementation first).
    struct prims {
        eltwise_forward fwd;
        eltwise_backward bwd, bwd_dst;
        memory::desc md;
    };
    auto cache = std::make_shared<std::map<std::size_t, prims>>();
    auto get = [=](std::size_t n) -> prims& {
        auto it = cache->find(n);
        if (it != cache->end()) return it->second;
        auto& c = dnnl_context();
        memory::desc md({static_cast<memory::dim>(n)}, memory::data_type::f32, memory::format_tag::a);
        auto fpd = eltwise_forward::primitive_desc(eltwise_forward::desc(prop_kind::forward_training, alg, md, al, 0.f), c.eng);
        prims p{eltwise_forward(fpd),
                eltwise_backward(eltwise_backward::primitive_desc(eltwise_backward::desc(alg, md, md, al, 0.f), c.eng, fpd)),
                {},
                md};
        if (has_dst) {
            auto fpd2 = eltwise_forward::primitive_desc(eltwise_forward::desc(prop_kind::forward_training, alg_dst, md, al, 0.f), c.eng);
            p.bwd_dst = eltwise_backward(eltwise_backward::primitive_desc(eltwise_backward::desc(alg_dst, md, md, al, 0.f), c.eng, fpd2));
        }
        return cache->emplace(n, std::move(p)).first->second;
    };
    auto mem = [](const memory::desc& md, const float* p) {
        return memory(md, dnnl_context().eng, const_cast<float*>(p));
    };
    m["forward"] = [=](const arrays<float>& a) {
        auto& p = get(a.x.size());
        p.fwd.execute(dnnl_context().strm, {{DNNL_ARG_SRC, mem(p.md, a.x.data())}, {DNNL_ARG_DST, mem(p.md, a.o0.data())}});
        dnnl_context().strm.wait();
    };
    m["backward"] = [=](const arrays<float>& a) {
        auto& p = get(a.x.size());
        p.bwd.execute(dnnl_context().strm, {{DNNL_ARG_SRC, mem(p.md, a.x.data())},
                                            {DNNL_ARG_DIFF_DST, mem(p.md, a.dy.data())},
                                            {DNNL_ARG_DIFF_SRC, mem(p.md, a.o0.data())}});
        dnnl_context().strm.wait();
    };
    m["fused"] = [=](const arrays<float>& a) { // forward then backward: two primitives
        auto& p = get(a.x.size());
        p.fwd.execute(dnnl_context().strm, {{DNNL_ARG_SRC, mem(p.md, a.x.data())}, {DNNL_ARG_DST, mem(p.md, a.o0.data())}});
        p.bwd.execute(dnnl_context().strm, {{DNNL_ARG_SRC, mem(p.md, a.x.data())},
                                            {DNNL_ARG_DIFF_DST, mem(p.md, a.dy.data())},
                                            {DNNL_ARG_DIFF_SRC, mem(p.md, a.o1.data())}});
        dnnl_context().strm.wait();
    };
    if (has_dst) {
        m["backward_from_output"] = [=](const arrays<float>& a) {
            auto& p = get(a.x.size());
            p.bwd_dst.execute(dnnl_context().strm, {{DNNL_ARG_DST, mem(p.md, a.x.data())},
                                                    {DNNL_ARG_DIFF_DST, mem(p.md, a.dy.data())},
                                                    {DNNL_ARG_DIFF_SRC, mem(p.md, a.o0.data())}});
            dnnl_context().strm.wait();
        };
    }
    return m;
}
#endif

// ---------------------------------------------------------------------------------------------
// XNNPACK: f32 sigmoid and leaky ReLU operators (the only ones of the five it ships).
// ---------------------------------------------------------------------------------------------
#if CTDIFF_HAVE_XNNPACK
template <class A>
std::map<std::string, impl_fn<float>> xnnpack_impls() {
    std::map<std::string, impl_fn<float>> m;
    if constexpr (std::is_same_v<A, sigmoid_act> || std::is_same_v<A, leaky_relu_act>) {
        static const bool ok = xnn_initialize(nullptr) == xnn_status_success;
        if (!ok) return m;
        xnn_operator_t op = nullptr;
        if constexpr (std::is_same_v<A, sigmoid_act>) {
            xnn_create_sigmoid_nc_f32(1, 1, 1, 0, &op);
        } else {
            xnn_create_leaky_relu_nc_f32(1, 1, 1, float(leaky_alpha), 0, &op);
        }
        m["forward"] = [op](const arrays<float>& a) {
            if constexpr (std::is_same_v<A, sigmoid_act>) {
                xnn_setup_sigmoid_nc_f32(op, a.x.size(), a.x.data(), a.o0.data(), nullptr);
            } else {
                xnn_setup_leaky_relu_nc_f32(op, a.x.size(), a.x.data(), a.o0.data(), nullptr);
            }
            xnn_run_operator(op, nullptr);
        };
    }
    return m;
}
#endif

// ---------------------------------------------------------------------------------------------
// Data, accuracy pass, registration.
// ---------------------------------------------------------------------------------------------
template <class T>
struct aligned_delete {
    void operator()(T* p) const { std::free(p); }
};
template <class T>
struct buffer_set {
    std::size_t n;
    std::unique_ptr<T[], aligned_delete<T>> x, y, dy, o0, o1, o2;
    static std::unique_ptr<T[], aligned_delete<T>> make(std::size_t n) {
        const std::size_t bytes = (n * sizeof(T) + 63) / 64 * 64;
        return std::unique_ptr<T[], aligned_delete<T>>(static_cast<T*>(std::aligned_alloc(64, bytes)));
    }
    explicit buffer_set(std::size_t m) : n(m), x(make(m)), y(make(m)), dy(make(m)), o0(make(m)), o1(make(m)), o2(make(m)) {
        std::mt19937_64 rng(42);
        std::uniform_real_distribution<double> ux(-10.0, 10.0), ud(0.5, 1.5);
        for (std::size_t i = 0; i < m; ++i) {
            x[i] = static_cast<T>(ux(rng));
            y[i] = static_cast<T>(0.5 + 0.45 * std::tanh(static_cast<double>(x[i]))); // a saved output in (0, 1)
            dy[i] = static_cast<T>(ud(rng));
            o0[i] = o1[i] = o2[i] = T(0);
        }
    }
    arrays<T> view(bool from_output) {
        return {{from_output ? y.get() : x.get(), n}, {dy.get(), n}, {o0.get(), n},
                {o1.get(), n},                         {o2.get(), n}, {y.get(), n}};
    }
};
template <class T>
buffer_set<T>& buffers(std::size_t n) { // one set per (type, size), kept for the whole run
    static std::map<std::size_t, std::unique_ptr<buffer_set<T>>> sets;
    auto& s = sets[n];
    if (!s) s = std::make_unique<buffer_set<T>>(n);
    return *s;
}

template <class T>
std::int64_t ordinal(T v) {
    if constexpr (sizeof(T) == 4) {
        const auto i = static_cast<std::int64_t>(std::bit_cast<std::int32_t>(v));
        return i < 0 ? std::int64_t{INT32_MIN} - i : i;
    } else {
        const auto i = std::bit_cast<std::int64_t>(v);
        return i < 0 ? INT64_MIN - i : i;
    }
}
// ULP distance; references in the subnormal range are skipped (several peers flush them to 0 by
// design, which is a choice, not an error of their formulas).
template <class T>
double ulp(T got, long double want) {
    if (std::fabs(want) < std::numeric_limits<T>::min()) return 0;
    if (std::isnan(got)) return std::numeric_limits<double>::infinity();
    return std::abs(static_cast<double>(ordinal(got) - ordinal(static_cast<T>(want))));
}

// Max ULP of an implementation's forward output and of the derivative output of its fused (or,
// lacking one, backward with dy = 1) pass.
template <class A, class T>
std::pair<double, double> accuracy(const std::map<std::string, impl_fn<T>>& impls) {
    std::vector<T> xs;
    for (double t = -30; t <= 30; t += 1.0 / 512) xs.push_back(static_cast<T>(t));
    for (double m = 1e-6; m < 1e3; m *= 1.01) {
        xs.push_back(static_cast<T>(m));
        xs.push_back(static_cast<T>(-m));
    }
    const std::size_t n = xs.size();
    std::vector<T> ones(n, T(1)), o0(n), o1(n), o2(n);
    arrays<T> a{xs, ones, o0, o1, o2};
    double ef = -1, ed = -1;
    if (auto it = impls.find("forward"); it != impls.end()) {
        it->second(a);
        ef = 0;
        for (std::size_t i = 0; i < n; ++i) ef = std::max(ef, ulp(o0[i], A::ref(xs[i])));
    }
    if (auto it = impls.find("fused"); it != impls.end()) {
        it->second(a);
        ed = 0;
        for (std::size_t i = 0; i < n; ++i) ed = std::max(ed, ulp(o1[i], A::ref_d(xs[i])));
    } else if (auto jt = impls.find("backward"); jt != impls.end()) {
        jt->second(a);
        ed = 0;
        for (std::size_t i = 0; i < n; ++i) ed = std::max(ed, ulp(o0[i], A::ref_d(xs[i])));
    }
    return {ef, ed};
}

const char* type_name(float) { return "f32"; }
const char* type_name(double) { return "f64"; }
constexpr std::size_t sizes[] = {4096, 65536, 16777216};

// Bytes one element moves in a pass (for SetBytesProcessed and the copy rows).
std::pair<int, int> traffic(const std::string& pass) { // {reads, writes}
    if (pass == "forward") return {1, 1};
    if (pass == "second") return {1, 3};
    if (pass == "fused") return {2, 2};
    return {2, 1}; // backward, backward_from_output
}

template <class T>
void register_row(const std::string& name, const std::string& pass, impl_fn<T> fn, std::size_t n, bool from_output,
                  std::pair<double, double> acc, std::pair<int, int> moved = {0, 0}) {
    auto [r, w] = moved.first != 0 ? moved : traffic(pass);
    benchmark::RegisterBenchmark(name.c_str(), [=](benchmark::State& st) {
        auto a = buffers<T>(n).view(from_output);
        fn(a); // warm-up, and first-use set-up of the peers' primitives: untimed
        for (auto _ : st) {
            fn(a);
            benchmark::DoNotOptimize(a.o0.data());
            benchmark::ClobberMemory();
        }
        st.SetItemsProcessed(static_cast<std::int64_t>(st.iterations()) * static_cast<std::int64_t>(n));
        st.SetBytesProcessed(static_cast<std::int64_t>(st.iterations()) * static_cast<std::int64_t>(n) * (r + w) *
                             static_cast<std::int64_t>(sizeof(T)));
        if (acc.first >= 0) st.counters["ulp_f"] = acc.first;
        if (acc.second >= 0) st.counters["ulp_df"] = acc.second;
    })
        ->Repetitions(3)
        ->ReportAggregatesOnly(true)
        ->MinTime(n >= 16777216 ? 0.2 : 0.05)
        ->Unit(benchmark::kMicrosecond)
        ->UseRealTime();
}

// Elements per second of one call at 64 Ki (a probe, before registration).
template <class T>
double probe_rate(const impl_fn<T>& fn, bool from_output) {
    auto a = buffers<T>(65536).view(from_output);
    fn(a);
    const auto t0 = std::chrono::steady_clock::now();
    fn(a);
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return 65536.0 / std::max(s, 1e-9);
}

// Rows slower than this at 64 Ki are compute-bound: their 16 Mi rate is their 64 Ki rate, and a
// 16 Mi row of them would take seconds per iteration. They are not run at 16 Mi (keeps the whole
// run under ~10 minutes on 2 cores).
constexpr double min_rate_for_16mi = 5e7;

template <class A, class T>
void register_impl(const std::string& impl, const std::map<std::string, impl_fn<T>>& impls) {
    if (impls.empty()) return;
    const auto acc = accuracy<A, T>(impls);
    for (const auto& [pass, fn] : impls) {
        const bool slow = probe_rate<T>(fn, pass == "backward_from_output") < min_rate_for_16mi;
        for (std::size_t n : sizes) {
            if (n == 16777216 && slow) continue;
            const std::string name = std::string(A::name) + "/" + pass + "/" + impl + "/" + type_name(T{}) + "/" + std::to_string(n);
            register_row<T>(name, pass, fn, n, pass == "backward_from_output", acc);
        }
    }
}

#if CTDIFF_HAVE_TORCH
// PyTorch's CPU ops (libtorch, one thread; peers/torch.cpp): the passes it has an op for.
template <class A, class T>
std::map<std::string, impl_fn<T>> torch_impls() {
    std::map<std::string, impl_fn<T>> m;
    for (const char* pass : {"forward", "backward", "fused", "backward_from_output"}) {
        if (ctdiff_bench::torch_peer::supports<T>(A::name, pass)) {
            m[pass] = [pass](const arrays<T>& a) {
                ctdiff_bench::torch_peer::run<T>(A::name, pass, a.x.size(), a.x.data(), a.dy.data(), a.o0.data(),
                                                 a.o1.data());
            };
        }
    }
    return m;
}
#endif

template <class A, class T>
void register_activation() {
    register_impl<A, T>("ctdiff", ctdiff_impls<A, T>());
    register_impl<A, T>("naive", naive_impls<A, T>());
    register_impl<A, T>("handwritten", handwritten_impls<A, T>());
#if CTDIFF_HAVE_EIGEN
    register_impl<A, T>("eigen", eigen_impls<A, T>());
#endif
#if CTDIFF_HAVE_SLEEF && defined(__AVX512F__)
    register_impl<A, T>("sleef", sleef_impls<A, T>());
#endif
#if CTDIFF_HAVE_TORCH
    register_impl<A, T>("torch", torch_impls<A, T>());
#endif
    if constexpr (std::is_same_v<T, float>) {
        register_impl<A, T>("ctdiff_fast", ctdiff_impls<A, T, fast_t>());
#if CTDIFF_HAVE_ONEDNN
        register_impl<A, T>("onednn", onednn_impls<A>());
#endif
#if CTDIFF_HAVE_XNNPACK
        register_impl<A, T>("xnnpack", xnnpack_impls<A>());
#endif
    }
}

template <class T>
void register_copies() {
    std::map<std::string, impl_fn<T>> m;
    m["forward"] = [](const arrays<T>& a) { std::memcpy(a.o0.data(), a.x.data(), a.x.size() * sizeof(T)); };
    m["backward"] = [](const arrays<T>& a) {
        for (std::size_t i = 0; i < a.x.size(); ++i) a.o0[i] = a.x[i] + a.dy[i];
    };
    m["fused"] = [](const arrays<T>& a) {
        for (std::size_t i = 0; i < a.x.size(); ++i) {
            a.o0[i] = a.x[i];
            a.o1[i] = a.dy[i];
        }
    };
    m["second"] = [](const arrays<T>& a) {
        for (std::size_t i = 0; i < a.x.size(); ++i) a.o0[i] = a.o1[i] = a.o2[i] = a.x[i];
    };
    for (const auto& [pass, fn] : m) {
        for (std::size_t n : sizes) {
            register_row<T>(std::string("copy/") + pass + "/copy/" + type_name(T{}) + "/" + std::to_string(n), pass, fn,
                            n, false, {-1, -1});
        }
    }
    // The same copies as ctdiff kernels of the identity with their outputs always streamed past
    // the caches (kernel_options::stream_min_bytes = 0; by default ctdiff streams from 32 MiB per
    // array on): the memory limit for a loop that writes with non-temporal stores.
    static constexpr kernel_options stream{.stream_min_bytes = 0};
    static constexpr variable<0> v0{};
    static constexpr variable<1> v1{};
    std::map<std::string, impl_fn<T>> s;
    s["forward"] = [](const arrays<T>& a) { fused(v0)(a.x, a.o0, stream); };
    s["backward"] = [](const arrays<T>& a) { kernel<2>(v0 + v1)(a.x, a.dy, a.o0, stream); };
    s["fused"] = [](const arrays<T>& a) { kernel<2>(v0, v1)(a.x, a.dy, a.o0, a.o1, stream); };
    s["second"] = [](const arrays<T>& a) { fused(v0, v0, v0)(a.x, a.o0, a.o1, a.o2, stream); };
    for (const auto& [pass, fn] : s) {
        for (std::size_t n : sizes) {
            register_row<T>(std::string("copy/") + pass + "/copy_stream/" + type_name(T{}) + "/" + std::to_string(n),
                            pass, fn, n, false, {-1, -1});
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Gated units: SwiGLU, f(a, b) = SiLU(a)·b, over separate arrays a (the buffer set's x) and b
// (its y, values in (0.05, 0.95)). Rows swiglu/<pass>/<impl>/<type>/<N>: forward (y from a, b),
// backward (da, db from a, b, dy), fused (y, da, db). The peers compose their element-wise ops as
// a user would: oneDNN eltwise swish and binary mul primitives; PyTorch silu, mul and
// silu_backward as autograd runs them for silu(a)*b, with SiLU(a) saved by the forward (its
// backward row is given that saved tensor; ctdiff's and the loops' recompute it from a).
// ---------------------------------------------------------------------------------------------
struct swiglu_unit {
    static constexpr const char* name = "swiglu";
    static long double ref(long double a, long double b) { return silu_act::ref(a) * b; }
    static long double ref_da(long double a, long double b) { return silu_act::ref_d(a) * b; }
};
std::pair<int, int> gated_traffic(const std::string& pass) { // {reads, writes}
    if (pass == "forward") return {2, 1};
    if (pass == "backward") return {3, 2};
    return {3, 3}; // fused
}

template <class T, class Mode = accurate_t>
std::map<std::string, impl_fn<T>> gated_ctdiff_impls() {
    std::map<std::string, impl_fn<T>> m;
    m["forward"] = [](const arrays<T>& a) { kernel<2>(activations::swiglu)(a.x, a.b, a.o0, Mode{}); };
    m["backward"] = [](const arrays<T>& a) { backward(activations::swiglu)(a.x, a.b, a.dy, a.o0, a.o1, Mode{}); };
    m["fused"] = [](const arrays<T>& a) {
        forward_backward(activations::swiglu)(a.x, a.b, a.dy, a.o0, a.o1, a.o2, Mode{});
    };
    return m;
}

// naive: the textbook's formulas; handwritten: σ once, SiLU reused for db.
template <class T>
std::map<std::string, impl_fn<T>> gated_loop_impls(bool hand) {
    std::map<std::string, impl_fn<T>> m;
    m["forward"] = [](const arrays<T>& a) {
        for (std::size_t i = 0; i < a.x.size(); ++i) a.o0[i] = silu_act::naive(a.x[i]) * a.b[i];
    };
    if (!hand) {
        m["backward"] = [](const arrays<T>& a) {
            for (std::size_t i = 0; i < a.x.size(); ++i) {
                a.o0[i] = a.dy[i] * a.b[i] * silu_act::naive_d(a.x[i]);
                a.o1[i] = a.dy[i] * silu_act::naive(a.x[i]);
            }
        };
        m["fused"] = [](const arrays<T>& a) {
            for (std::size_t i = 0; i < a.x.size(); ++i) {
                a.o0[i] = silu_act::naive(a.x[i]) * a.b[i];
                a.o1[i] = a.dy[i] * a.b[i] * silu_act::naive_d(a.x[i]);
                a.o2[i] = a.dy[i] * silu_act::naive(a.x[i]);
            }
        };
    } else {
        m["backward"] = [](const arrays<T>& a) {
            for (std::size_t i = 0; i < a.x.size(); ++i) {
                T t, d1, d2;
                silu_act::hand(a.x[i], t, d1, d2);
                a.o0[i] = a.dy[i] * a.b[i] * d1;
                a.o1[i] = a.dy[i] * t;
            }
        };
        m["fused"] = [](const arrays<T>& a) {
            for (std::size_t i = 0; i < a.x.size(); ++i) {
                T t, d1, d2;
                silu_act::hand(a.x[i], t, d1, d2);
                a.o0[i] = t * a.b[i];
                a.o1[i] = a.dy[i] * a.b[i] * d1;
                a.o2[i] = a.dy[i] * t;
            }
        };
    }
    return m;
}

#if CTDIFF_HAVE_EIGEN
template <class T>
std::map<std::string, impl_fn<T>> gated_eigen_impls() {
    std::map<std::string, impl_fn<T>> m;
    using E = Eigen::Index;
    auto C = [](std::span<const T> s) { return cmap<T>(s.data(), static_cast<E>(s.size())); };
    auto O = [](std::span<T> s) { return emap<T>(s.data(), static_cast<E>(s.size())); };
    m["forward"] = [=](const arrays<T>& a) { O(a.o0) = C(a.x) * C(a.x).logistic() * C(a.b); };
    m["backward"] = [=](const arrays<T>& a) {
        auto s = O(a.o1); // σ(a) in db's array first, then db over it
        s = C(a.x).logistic();
        O(a.o0) = C(a.dy) * C(a.b) * s * (T(1) + C(a.x) * (T(1) - s));
        s = C(a.dy) * C(a.x) * s;
    };
    m["fused"] = [=](const arrays<T>& a) {
        auto s = O(a.o2);
        s = C(a.x).logistic();
        O(a.o0) = C(a.x) * s * C(a.b);
        O(a.o1) = C(a.dy) * C(a.b) * s * (T(1) + C(a.x) * (T(1) - s));
        s = C(a.dy) * C(a.x) * s;
    };
    return m;
}
#endif

#if CTDIFF_HAVE_ONEDNN
std::map<std::string, impl_fn<float>> gated_onednn_impls() {
    using namespace dnnl;
    struct prims {
        eltwise_forward act;
        eltwise_backward act_bwd;
        binary mul;
        memory::desc md;
        std::vector<float> t, g; // SiLU(a) and dy·b: the intermediates a composition stores
    };
    auto cache = std::make_shared<std::map<std::size_t, prims>>();
    auto get = [=](std::size_t n) -> prims& {
        auto it = cache->find(n);
        if (it != cache->end()) return it->second;
        auto& c = dnnl_context();
        memory::desc md({static_cast<memory::dim>(n)}, memory::data_type::f32, memory::format_tag::a);
        auto fpd = eltwise_forward::primitive_desc(
            eltwise_forward::desc(prop_kind::forward_training, algorithm::eltwise_swish, md, 1.f, 0.f), c.eng);
        prims p{eltwise_forward(fpd),
                eltwise_backward(eltwise_backward::primitive_desc(
                    eltwise_backward::desc(algorithm::eltwise_swish, md, md, 1.f, 0.f), c.eng, fpd)),
                binary(binary::primitive_desc(binary::desc(algorithm::binary_mul, md, md, md), c.eng)),
                md,
                std::vector<float>(n),
                std::vector<float>(n)};
        return cache->emplace(n, std::move(p)).first->second;
    };
    auto mem = [](const memory::desc& md, const float* p) {
        return memory(md, dnnl_context().eng, const_cast<float*>(p));
    };
    auto& s = dnnl_context().strm;
    std::map<std::string, impl_fn<float>> m;
    auto forward = [=, &s](prims& p, const arrays<float>& a, float* y) {
        p.act.execute(s, {{DNNL_ARG_SRC, mem(p.md, a.x.data())}, {DNNL_ARG_DST, mem(p.md, p.t.data())}});
        p.mul.execute(s, {{DNNL_ARG_SRC_0, mem(p.md, p.t.data())},
                          {DNNL_ARG_SRC_1, mem(p.md, a.b.data())},
                          {DNNL_ARG_DST, mem(p.md, y)}});
    };
    auto backward = [=, &s](prims& p, const arrays<float>& a, float* da, float* db) { // t saved
        p.mul.execute(s, {{DNNL_ARG_SRC_0, mem(p.md, a.dy.data())},
                          {DNNL_ARG_SRC_1, mem(p.md, p.t.data())},
                          {DNNL_ARG_DST, mem(p.md, db)}});
        p.mul.execute(s, {{DNNL_ARG_SRC_0, mem(p.md, a.dy.data())},
                          {DNNL_ARG_SRC_1, mem(p.md, a.b.data())},
                          {DNNL_ARG_DST, mem(p.md, p.g.data())}});
        p.act_bwd.execute(s, {{DNNL_ARG_SRC, mem(p.md, a.x.data())},
                              {DNNL_ARG_DIFF_DST, mem(p.md, p.g.data())},
                              {DNNL_ARG_DIFF_SRC, mem(p.md, da)}});
    };
    m["forward"] = [=, &s](const arrays<float>& a) {
        forward(get(a.x.size()), a, a.o0.data());
        s.wait();
    };
    m["backward"] = [=, &s](const arrays<float>& a) { // recomputes t = SiLU(a) first, as ctdiff does
        auto& p = get(a.x.size());
        p.act.execute(s, {{DNNL_ARG_SRC, mem(p.md, a.x.data())}, {DNNL_ARG_DST, mem(p.md, p.t.data())}});
        backward(p, a, a.o0.data(), a.o1.data());
        s.wait();
    };
    m["fused"] = [=, &s](const arrays<float>& a) {
        auto& p = get(a.x.size());
        forward(p, a, a.o0.data());
        backward(p, a, a.o1.data(), a.o2.data());
        s.wait();
    };
    return m;
}
#endif

#if CTDIFF_HAVE_TORCH
template <class T>
std::map<std::string, impl_fn<T>> gated_torch_impls() {
    std::map<std::string, impl_fn<T>> m;
    for (const char* pass : {"forward", "backward", "fused"}) {
        m[pass] = [pass](const arrays<T>& a) {
            ctdiff_bench::torch_peer::swiglu<T>(pass, a.x.size(), a.x.data(), a.b.data(), a.dy.data(), a.o0.data(),
                                                a.o1.data(), a.o2.data());
        };
    }
    return m;
}
#endif

// Max ULP of y (forward) and of da (the fused pass's, else the backward's).
template <class T>
std::pair<double, double> gated_accuracy(const std::map<std::string, impl_fn<T>>& impls) {
    std::vector<T> as, bs;
    for (double t = -30; t <= 30; t += 1.0 / 256) {
        as.push_back(static_cast<T>(t));
        bs.push_back(static_cast<T>(0.25 + std::fabs(std::sin(7 * t))));
    }
    const std::size_t n = as.size();
    std::vector<T> ones(n, T(1)), o0(n), o1(n), o2(n);
    arrays<T> a{as, ones, o0, o1, o2, bs};
    double ef = -1, ed = -1;
    if (auto it = impls.find("forward"); it != impls.end()) {
        it->second(a);
        ef = 0;
        for (std::size_t i = 0; i < n; ++i) ef = std::max(ef, ulp(o0[i], swiglu_unit::ref(as[i], bs[i])));
    }
    const bool fused = impls.count("fused") != 0;
    if (auto it = impls.find(fused ? "fused" : "backward"); it != impls.end()) {
        it->second(a);
        ed = 0;
        for (std::size_t i = 0; i < n; ++i) ed = std::max(ed, ulp(fused ? o1[i] : o0[i], swiglu_unit::ref_da(as[i], bs[i])));
    }
    return {ef, ed};
}

template <class T>
void register_gated_impl(const std::string& impl, const std::map<std::string, impl_fn<T>>& impls) {
    const auto acc = gated_accuracy<T>(impls);
    for (const auto& [pass, fn] : impls) {
        const bool slow = probe_rate<T>(fn, false) < min_rate_for_16mi;
        for (std::size_t n : sizes) {
            if (n == 16777216 && slow) continue;
            register_row<T>(std::string(swiglu_unit::name) + "/" + pass + "/" + impl + "/" + type_name(T{}) + "/" +
                                std::to_string(n),
                            pass, fn, n, false, acc, gated_traffic(pass));
        }
    }
}

template <class T>
void register_gated() {
    register_gated_impl<T>("ctdiff", gated_ctdiff_impls<T>());
    register_gated_impl<T>("naive", gated_loop_impls<T>(false));
    register_gated_impl<T>("handwritten", gated_loop_impls<T>(true));
#if CTDIFF_HAVE_EIGEN
    register_gated_impl<T>("eigen", gated_eigen_impls<T>());
#endif
#if CTDIFF_HAVE_TORCH
    register_gated_impl<T>("torch", gated_torch_impls<T>());
#endif
    if constexpr (std::is_same_v<T, float>) {
        register_gated_impl<T>("ctdiff_fast", gated_ctdiff_impls<T, fast_t>());
#if CTDIFF_HAVE_ONEDNN
        register_gated_impl<T>("onednn", gated_onednn_impls());
#endif
    }
    // the memory bound: the same traffic as each pass, no arithmetic
    std::map<std::string, impl_fn<T>> copy;
    copy["forward"] = [](const arrays<T>& a) {
        for (std::size_t i = 0; i < a.x.size(); ++i) a.o0[i] = a.x[i] + a.b[i];
    };
    copy["backward"] = [](const arrays<T>& a) {
        for (std::size_t i = 0; i < a.x.size(); ++i) a.o0[i] = a.x[i] + a.dy[i];
        std::memcpy(a.o1.data(), a.b.data(), a.b.size() * sizeof(T));
    };
    copy["fused"] = [](const arrays<T>& a) {
        std::memcpy(a.o0.data(), a.x.data(), a.x.size() * sizeof(T));
        std::memcpy(a.o1.data(), a.b.data(), a.b.size() * sizeof(T));
        std::memcpy(a.o2.data(), a.dy.data(), a.dy.size() * sizeof(T));
    };
    for (const auto& [pass, fn] : copy) {
        for (std::size_t n : sizes) {
            register_row<T>(std::string("copy/swiglu_") + pass + "/copy/" + type_name(T{}) + "/" + std::to_string(n), pass,
                            fn, n, false, {-1, -1}, gated_traffic(pass));
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Row-wise softmax and log-softmax over a row-major [rows × C] array: rows
// softmax|log_softmax/forward|backward/<impl>/<type>/<rows>x<C> (backward: from the saved output
// and dy), C in {10, 1000, 32000}, ~64 Ki and ~16 Mi
// elements. impl: ctdiff (correctly rounded sums and exp in double), ctdiff_fast (float, the fast
// e^x on vectors), naive (three passes with std::exp in T), onednn (softmax_forward and
// logsoftmax_forward primitives on axis 1), torch (at::softmax, at::_log_softmax on dim 1).
// ulp_f: max ULP over a 64 × 1000 array of logits with spread 10 (long double reference).
// ---------------------------------------------------------------------------------------------
template <class T>
using rows_fn = std::function<void(std::size_t rows, std::size_t cols, const T* z, T* out)>;

template <class T>
void naive_softmax_rows(bool log, std::size_t rows, std::size_t cols, const T* z, T* out) {
    for (std::size_t r = 0; r < rows; ++r) {
        const T* zr = z + r * cols;
        T* o = out + r * cols;
        T m = zr[0];
        for (std::size_t i = 1; i < cols; ++i) m = std::max(m, zr[i]);
        T s = 0;
        for (std::size_t i = 0; i < cols; ++i) s += std::exp(zr[i] - m);
        if (log) {
            const T l = std::log(s);
            for (std::size_t i = 0; i < cols; ++i) o[i] = zr[i] - m - l;
        } else {
            for (std::size_t i = 0; i < cols; ++i) o[i] = std::exp(zr[i] - m) / s;
        }
    }
}

template <class T>
std::map<std::string, rows_fn<T>> softmax_row_impls(bool log) {
    std::map<std::string, rows_fn<T>> m;
    m["ctdiff"] = [log](std::size_t rows, std::size_t cols, const T* z, T* out) {
        const std::span<const T> zs(z, rows * cols);
        const std::span<T> os(out, rows * cols);
        if (log) activations::log_softmax(zs, os, rows, cols);
        else activations::softmax(zs, os, rows, cols);
    };
    m["naive"] = [log](std::size_t rows, std::size_t cols, const T* z, T* out) { naive_softmax_rows(log, rows, cols, z, out); };
    if constexpr (std::is_same_v<T, float>) {
        m["ctdiff_fast"] = [log](std::size_t rows, std::size_t cols, const T* z, T* out) {
            const std::span<const T> zs(z, rows * cols);
            const std::span<T> os(out, rows * cols);
            if (log) activations::log_softmax(zs, os, rows, cols, fast);
            else activations::softmax(zs, os, rows, cols, fast);
        };
#if CTDIFF_HAVE_ONEDNN
        struct prim {
            dnnl::primitive p;
            dnnl::memory::desc md;
        };
        auto cache = std::make_shared<std::map<std::pair<std::size_t, std::size_t>, prim>>();
        m["onednn"] = [log, cache](std::size_t rows, std::size_t cols, const T* z, T* out) {
            using namespace dnnl;
            auto& c = dnnl_context();
            auto it = cache->find({rows, cols});
            if (it == cache->end()) {
                memory::desc md({static_cast<memory::dim>(rows), static_cast<memory::dim>(cols)}, memory::data_type::f32,
                                memory::format_tag::ab);
                primitive p = log ? primitive(logsoftmax_forward(logsoftmax_forward::primitive_desc(
                                        logsoftmax_forward::desc(prop_kind::forward_training, md, 1), c.eng)))
                                  : primitive(softmax_forward(softmax_forward::primitive_desc(
                                        softmax_forward::desc(prop_kind::forward_training, md, 1), c.eng)));
                it = cache->emplace(std::make_pair(rows, cols), prim{p, md}).first;
            }
            it->second.p.execute(c.strm, {{DNNL_ARG_SRC, memory(it->second.md, c.eng, const_cast<T*>(z))},
                                          {DNNL_ARG_DST, memory(it->second.md, c.eng, out)}});
            c.strm.wait();
        };
#endif
    }
#if CTDIFF_HAVE_TORCH
    m["torch"] = [log](std::size_t rows, std::size_t cols, const T* z, T* out) {
        ctdiff_bench::torch_peer::softmax_rows<T>(log, rows, cols, z, out);
    };
#endif
    return m;
}

// The backward passes from the saved output (p for softmax, l for log-softmax) and dy:
// softmax dz = p ⊙ (dy − ⟨dy, p⟩), log-softmax dz = dy − e^{l}·Σdy.
template <class T>
using rows_bwd_fn = std::function<void(std::size_t rows, std::size_t cols, const T* y, const T* dy, T* dz)>;

template <class T>
std::map<std::string, rows_bwd_fn<T>> softmax_backward_impls(bool log) {
    std::map<std::string, rows_bwd_fn<T>> m;
    const auto spans = [](std::size_t n, const T* y, const T* dy, T* dz) {
        return std::tuple{std::span<const T>(y, n), std::span<const T>(dy, n), std::span<T>(dz, n)};
    };
    m["ctdiff"] = [log, spans](std::size_t rows, std::size_t cols, const T* y, const T* dy, T* dz) {
        auto [ys, gs, ds] = spans(rows * cols, y, dy, dz);
        if (log) activations::log_softmax_backward(ys, gs, ds, rows, cols);
        else activations::softmax_backward(ys, gs, ds, rows, cols);
    };
    m["naive"] = [log](std::size_t rows, std::size_t cols, const T* y, const T* dy, T* dz) {
        for (std::size_t r = 0; r < rows; ++r) {
            T s = 0;
            for (std::size_t i = 0; i < cols; ++i) s += log ? dy[r * cols + i] : y[r * cols + i] * dy[r * cols + i];
            for (std::size_t i = 0; i < cols; ++i) {
                const std::size_t k = r * cols + i;
                dz[k] = log ? dy[k] - std::exp(y[k]) * s : y[k] * (dy[k] - s);
            }
        }
    };
    if constexpr (std::is_same_v<T, float>) {
        m["ctdiff_fast"] = [log, spans](std::size_t rows, std::size_t cols, const T* y, const T* dy, T* dz) {
            auto [ys, gs, ds] = spans(rows * cols, y, dy, dz);
            if (log) activations::log_softmax_backward(ys, gs, ds, rows, cols, fast);
            else activations::softmax_backward(ys, gs, ds, rows, cols, fast);
        };
#if CTDIFF_HAVE_ONEDNN
        struct prim {
            dnnl::primitive p;
            dnnl::memory::desc md;
        };
        auto cache = std::make_shared<std::map<std::pair<std::size_t, std::size_t>, prim>>();
        m["onednn"] = [log, cache](std::size_t rows, std::size_t cols, const T* y, const T* dy, T* dz) {
            using namespace dnnl;
            auto& c = dnnl_context();
            auto it = cache->find({rows, cols});
            if (it == cache->end()) {
                memory::desc md({static_cast<memory::dim>(rows), static_cast<memory::dim>(cols)}, memory::data_type::f32,
                                memory::format_tag::ab);
                primitive p;
                if (log) {
                    auto fpd = logsoftmax_forward::primitive_desc(logsoftmax_forward::desc(prop_kind::forward_training, md, 1), c.eng);
                    p = logsoftmax_backward(logsoftmax_backward::primitive_desc(logsoftmax_backward::desc(md, md, 1), c.eng, fpd));
                } else {
                    auto fpd = softmax_forward::primitive_desc(softmax_forward::desc(prop_kind::forward_training, md, 1), c.eng);
                    p = softmax_backward(softmax_backward::primitive_desc(softmax_backward::desc(md, md, 1), c.eng, fpd));
                }
                it = cache->emplace(std::make_pair(rows, cols), prim{p, md}).first;
            }
            const auto& md = it->second.md;
            it->second.p.execute(c.strm, {{DNNL_ARG_DST, memory(md, c.eng, const_cast<T*>(y))},
                                          {DNNL_ARG_DIFF_DST, memory(md, c.eng, const_cast<T*>(dy))},
                                          {DNNL_ARG_DIFF_SRC, memory(md, c.eng, dz)}});
            c.strm.wait();
        };
#endif
    }
#if CTDIFF_HAVE_TORCH
    m["torch"] = [log](std::size_t rows, std::size_t cols, const T* y, const T* dy, T* dz) {
        ctdiff_bench::torch_peer::softmax_rows_backward<T>(log, rows, cols, y, dy, dz);
    };
#endif
    return m;
}

// max ULP of a backward pass over 64 × 1000 (dy spread 1, from the softmax of logits of spread
// 4), where the reference's two terms do not cancel below half of their size
template <class T>
double softmax_backward_accuracy(bool log, const rows_bwd_fn<T>& fn) {
    const std::size_t rows = 64, cols = 1000;
    std::mt19937_64 rng(13);
    std::normal_distribution<double> g4(0, 4), g1(0, 1);
    std::vector<T> z(rows * cols), y(rows * cols), dy(rows * cols), dz(rows * cols);
    for (auto& v : z) v = static_cast<T>(g4(rng));
    for (auto& v : dy) v = static_cast<T>(g1(rng));
    if (log) activations::log_softmax(z, y, rows, cols);
    else activations::softmax(z, y, rows, cols);
    fn(rows, cols, y.data(), dy.data(), dz.data());
    double worst = 0;
    for (std::size_t r = 0; r < rows; ++r) {
        long double s = 0;
        for (std::size_t i = 0; i < cols; ++i) s += log ? dy[r * cols + i] : static_cast<long double>(y[r * cols + i]) * dy[r * cols + i];
        for (std::size_t i = 0; i < cols; ++i) {
            const std::size_t k = r * cols + i;
            const long double a = dy[k], b = log ? std::exp(static_cast<long double>(y[k])) * s : s;
            const long double want = log ? a - b : y[k] * (a - b);
            if (std::fabs(a - b) >= (std::fabs(a) + std::fabs(b)) / 2) worst = std::max(worst, ulp(dz[k], want));
        }
    }
    return worst;
}

// max ULP of an implementation over 64 × 1000 logits of spread 10 (p or log p)
template <class T>
double softmax_accuracy(bool log, const rows_fn<T>& fn) {
    const std::size_t rows = 64, cols = 1000;
    std::mt19937_64 rng(11);
    std::normal_distribution<double> g(0, 10);
    std::vector<T> z(rows * cols), out(rows * cols);
    for (auto& v : z) v = static_cast<T>(g(rng));
    fn(rows, cols, z.data(), out.data());
    double worst = 0;
    for (std::size_t r = 0; r < rows; ++r) {
        const T* zr = z.data() + r * cols;
        const std::size_t k = static_cast<std::size_t>(std::max_element(zr, zr + cols) - zr);
        const long double m = zr[k];
        long double rest = 0, carry = 0; // Σ_{i≠k} e^{zᵢ−m}, Kahan: log Σ = log1p(rest) keeps log p ≈ 0
        for (std::size_t i = 0; i < cols; ++i) {
            if (i == k) continue;
            const long double y = std::exp(static_cast<long double>(zr[i]) - m) - carry, t = rest + y;
            carry = (t - rest) - y;
            rest = t;
        }
        const long double l = std::log1p(rest);
        for (std::size_t i = 0; i < cols; ++i) {
            const long double d = static_cast<long double>(zr[i]) - m;
            worst = std::max(worst, ulp(out[r * cols + i], log ? d - l : std::exp(d) / (1 + rest)));
        }
    }
    return worst;
}

template <class T>
void register_softmax() {
    for (const bool log : {false, true}) {
        for (const auto& [impl, fn] : softmax_backward_impls<T>(log)) {
            const double acc = softmax_backward_accuracy<T>(log, fn);
            for (const std::size_t cols : {std::size_t{10}, std::size_t{1000}, std::size_t{32000}}) {
                for (const std::size_t total : {std::size_t{65536}, std::size_t{16777216}}) {
                    const std::size_t rows = std::max<std::size_t>(1, total / cols), n = rows * cols;
                    const std::string name = std::string(log ? "log_softmax" : "softmax") + "/backward/" + impl + "/" +
                                             type_name(T{}) + "/" + std::to_string(rows) + "x" + std::to_string(cols);
                    const rows_bwd_fn<T> f = fn;
                    register_row<T>(
                        name, "backward",
                        [f, rows, cols](const arrays<T>& a) { f(rows, cols, a.x.data(), a.dy.data(), a.o0.data()); }, n,
                        false, {-1, acc});
                }
            }
        }
        for (const auto& [impl, fn] : softmax_row_impls<T>(log)) {
            const double acc = softmax_accuracy<T>(log, fn);
            for (const std::size_t cols : {std::size_t{10}, std::size_t{1000}, std::size_t{32000}}) {
                for (const std::size_t total : {std::size_t{65536}, std::size_t{16777216}}) {
                    const std::size_t rows = std::max<std::size_t>(1, total / cols), n = rows * cols;
                    const std::string name = std::string(log ? "log_softmax" : "softmax") + "/forward/" + impl + "/" +
                                             type_name(T{}) + "/" + std::to_string(rows) + "x" + std::to_string(cols);
                    const rows_fn<T> f = fn;
                    register_row<T>(name, "forward",
                                    [f, rows, cols](const arrays<T>& a) { f(rows, cols, a.x.data(), a.o0.data()); }, n,
                                    false, {acc, -1});
                }
            }
        }
    }
}

template <class T>
void register_all() {
    register_copies<T>();
    register_activation<sigmoid_act, T>();
    register_activation<tanh_act, T>();
    register_activation<gelu_act, T>();
    register_activation<leaky_relu_act, T>();
    register_activation<silu_act, T>();
    register_gated<T>();
    register_softmax<T>();
}

} // namespace

int main(int argc, char** argv) {
    // oneDNN's OpenMP reads OMP_NUM_THREADS when the library loads, before main: restart once with
    // it set, so that oneDNN runs on one thread like every other row (and does not stall on
    // barriers with the other core busy).
    if (std::getenv("OMP_NUM_THREADS") == nullptr) {
        setenv("OMP_NUM_THREADS", "1", 1);
        execv("/proc/self/exe", argv);
    }
#if CTDIFF_HAVE_TORCH
    ctdiff_bench::torch_peer::init();
#endif
    register_all<float>();
    register_all<double>();
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
