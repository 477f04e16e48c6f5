// The fused kernels against independent closed forms computed in long double with the C library
// (an MPFR reference replaces them where tests/support provides one), over x ∈ ±[1e-30, 1e3],
// ±0, ±∞, NaN and subnormals. Tolerances are in ULP of T, with a stated allowance where the
// derivative's own formula cancels (f″ near its zeros).
#include <ctdiff/activations/gelu.hpp>
#include <ctdiff/activations/silu.hpp>
#include <ctdiff/core.hpp>
#include <ctdiff/diff.hpp>
#include <ctdiff/eval.hpp>

#include <catch2/catch.hpp>

#include "test_bits.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <span>
#include <vector>

using namespace ctdiff;
using namespace ctdiff::literals;

namespace {

using ld = long double;

using test_support::ordinal;

// ULP distance between got and the reference rounded to T; a NaN reference wants a NaN.
template <class T>
ld ulp_error(T got, ld want) {
    if (std::isnan(want)) {
        return std::isnan(got) ? 0 : std::numeric_limits<ld>::infinity();
    }
    if (std::isnan(got)) {
        return std::numeric_limits<ld>::infinity();
    }
    const T w = static_cast<T>(want);
    return static_cast<ld>(std::abs(static_cast<ld>(ordinal(got)) - static_cast<ld>(ordinal(w))));
}

// Within `ulps` ULP, or within `ulps` ULP of `scale` absolutely (for values that are a
// cancellation of terms of size `scale`).
// `subnormal_gain`: how much the formula amplifies a value that was rounded in the subnormal
// range (x·(x·φ) multiplies φ's absolute error, at most denorm_min, by x²).
template <class T>
bool close(T got, ld want, ld ulps, ld scale = 0, ld subnormal_gain = 1) {
    if (ulp_error(got, want) <= ulps) {
        return true;
    }
    const ld eps = std::numeric_limits<T>::epsilon();
    const ld err = std::fabs(static_cast<ld>(got) - want);
    return std::isfinite(want) &&
           (err <= ulps * eps * std::fabs(scale) || err <= ulps * std::numeric_limits<T>::denorm_min() * subnormal_gain);
}

template <class T>
std::vector<T> sample_points() {
    std::vector<T> v;
    for (ld m = 1e-30L; m < 1e3L; m *= 1.37L) {
        v.push_back(static_cast<T>(m));
        v.push_back(static_cast<T>(-m));
    }
    for (ld t = -40; t <= 40; t += 0.0625L) {
        v.push_back(static_cast<T>(t));
    }
    const T inf = std::numeric_limits<T>::infinity();
    for (T s : {T(0), T(-0.0), T(1000), T(-1000), inf, -inf, std::numeric_limits<T>::denorm_min(),
                -std::numeric_limits<T>::denorm_min(), std::numeric_limits<T>::min() / 4, std::numeric_limits<T>::max(),
                std::numeric_limits<T>::lowest()}) {
        v.push_back(s);
    }
    v.push_back(std::numeric_limits<T>::quiet_NaN());
    return v;
}

ld sigma(ld t) { return t >= 0 ? 1 / (1 + std::exp(-t)) : std::exp(t) / (1 + std::exp(t)); }
ld dsigma(ld t) {
    const ld e = std::exp(-std::fabs(t));
    return e / ((1 + e) * (1 + e));
}
ld sech(ld t) {
    const ld e = std::exp(-std::fabs(t));
    return 2 * e / (1 + e * e);
}
ld Phi(ld t) { return std::erfc(-t / std::sqrt(2.0L)) / 2; }
ld phi(ld t) { return std::exp(-t * t / 2) / std::sqrt(2 * 3.141592653589793238462643383279502884L); }

} // namespace

TEMPLATE_TEST_CASE("sigmoid, sigmoid', sigmoid'' in one pass", "[eval][kernels]", float, double) {
    using T = TestType;
    const auto xs = sample_points<T>();
    std::vector<T> y(xs.size()), d1(xs.size()), d2(xs.size());
    derivatives<2>(sigmoid(x))(xs, y, d1, d2);
    for (std::size_t i = 0; i < xs.size(); ++i) {
        const ld t = xs[i];
        INFO("x = " << t << "  y = " << y[i] << "  y' = " << d1[i] << "  y'' = " << d2[i]);
        CHECK(close(y[i], sigma(t), 4));
        CHECK(close(d1[i], dsigma(t), 8));
        // σ″ = −σ′·tanh(x/2): the kernel forms it as a difference of terms of size σ′.
        CHECK(close(d2[i], -dsigma(t) * std::tanh(t / 2), 16, dsigma(t)));
    }
    // The textbook's naive e^{−x}/(1+e^{−x})² is NaN at x = −1000; the kernel is exact there.
    CHECK(d1[std::find(xs.begin(), xs.end(), T(-1000)) - xs.begin()] == T(0));
}

// σ and tanh written with raw exponentials, as a user writes them: the kernels evaluate the
// stable form the algebra proved equal (eval/stabilize.hpp), so e^{1000}/(1 + e^{1000})² is not
// ∞/∞ = NaN, and the tails keep their relative accuracy.
TEMPLATE_TEST_CASE("raw-exponential formulas: kernels are stabilized, no NaN, tails accurate", "[eval][kernels]", float,
                   double) {
    using T = TestType;
    const auto xs = sample_points<T>();
    const std::size_t n = xs.size();
    constexpr auto sig = 1_c / (1_c + exp(-x));
    constexpr auto th = (exp(x) - exp(-x)) / (exp(x) + exp(-x));
    std::vector<T> y(n), d1(n), d2(n), t(n), dt(n);
    derivatives<2>(sig)(xs, y, d1, d2);
    fused(th, d(th, x))(xs, t, dt);
    for (std::size_t i = 0; i < n; ++i) {
        const ld u = xs[i];
        INFO("x = " << u << "  y = " << y[i] << "  y' = " << d1[i] << "  y'' = " << d2[i] << "  tanh = " << t[i]
                    << "  tanh' = " << dt[i]);
        CHECK(close(y[i], sigma(u), 4));
        CHECK(close(d1[i], dsigma(u), 8));
        CHECK(close(d2[i], -dsigma(u) * std::tanh(u / 2), 16, dsigma(u)));
        CHECK(close(t[i], std::tanh(u), 8, 1)); // 2σ(2x) − 1: absolute near 0, where it cancels
        CHECK(close(dt[i], sech(u) * sech(u), 12));
    }
}

TEMPLATE_TEST_CASE("tanh forward + backward in one pass, and double backward", "[eval][kernels]", float, double) {
    using T = TestType;
    const auto xs = sample_points<T>();
    const std::size_t n = xs.size();
    std::vector<T> dy(n), y(n), dx(n), ddx(n), gdy(n), gx(n);
    for (std::size_t i = 0; i < n; ++i) {
        dy[i] = static_cast<T>(0.5 + 0.001 * static_cast<double>(i % 100));
        ddx[i] = static_cast<T>(1.5 - 0.001 * static_cast<double>(i % 50));
    }
    forward_backward(tanh(x))(xs, dy, y, dx);
    double_backward(tanh(x))(xs, dy, ddx, gdy, gx);
    for (std::size_t i = 0; i < n; ++i) {
        const ld t = xs[i], s2 = sech(t) * sech(t);
        INFO("x = " << t);
        CHECK(close(y[i], std::tanh(t), 4));
        CHECK(close(dx[i], dy[i] * s2, 8));
        CHECK(close(gdy[i], ddx[i] * s2, 8));
        CHECK(close(gx[i], ddx[i] * dy[i] * (-2 * s2 * std::tanh(t)), 12));
    }
}

// Below x ≈ −37.5 (double) Φ(x) is subnormal: its absolute error (≤ denorm_min/2) is multiplied by
// |x| in x·Φ(x), hence the subnormal gain 1 + |x| for y as for y′ and y″.
TEMPLATE_TEST_CASE("GELU and its derivatives, negative tail included", "[eval][kernels]", float, double) {
    using T = TestType;
    const auto xs = sample_points<T>();
    std::vector<T> y(xs.size()), d1(xs.size()), d2(xs.size());
    derivatives<2>(x * norm_cdf(x))(xs, y, d1, d2);
    for (std::size_t i = 0; i < xs.size(); ++i) {
        const ld t = xs[i];
        if (std::isinf(t)) {
            continue; // ∞·Φ(∞), ∞·φ(∞): the formula's own 0·∞ (checked below)
        }
        INFO("x = " << t << "  y = " << y[i] << "  y' = " << d1[i] << "  y'' = " << d2[i]);
        CHECK(close(y[i], t * Phi(t), 8, 0, 1 + std::fabs(t)));
        // Φ + xφ cancels near x ≈ −0.75 (its zero); φ(2 − x²) near ±√2.
        CHECK(close(d1[i], Phi(t) + t * phi(t), 16, Phi(t), 1 + std::fabs(t)));
        CHECK(close(d2[i], phi(t) * (2 - t * t), 16, phi(t) * (2 + t * t), 1 + t * t));
    }
}

TEMPLATE_TEST_CASE("Leaky ReLU and SiLU with run-time parameters", "[eval][kernels]", float, double) {
    using T = TestType;
    const auto xs = sample_points<T>();
    const std::size_t n = xs.size();
    std::vector<T> y(n), d1(n), dy(n, T(1)), dx(n);
    const T a = T(0.01);
    forward_backward(select(x > 0_c, x, alpha * x))(xs, dy, y, dx, params{a});
    for (std::size_t i = 0; i < n; ++i) {
        const T t = xs[i];
        if (std::isnan(t)) {
            CHECK((std::isnan(y[i]) && std::isnan(dx[i])));
            continue;
        }
        CHECK(y[i] == (t > 0 ? t : a * t));
        CHECK(dx[i] == (t > 0 ? T(1) : a));
    }
    const T b = T(1.702);
    derivatives<1>(x * sigmoid(beta * x))(xs, y, d1, params{T(0), b});
    for (std::size_t i = 0; i < n; ++i) {
        // The kernel rounds β·x once in double (a float kernel computes in double, wide_float).
        const ld t = xs[i], bt = static_cast<ld>(static_cast<double>(b) * static_cast<double>(xs[i]));
        if (std::isinf(t)) {
            continue;
        }
        INFO("x = " << t);
        CHECK(close(y[i], t * sigma(bt), 8));
        CHECK(close(d1[i], sigma(bt) + t * b * dsigma(bt), 16, sigma(bt) + std::fabs(bt) * dsigma(bt)));
    }
}

TEMPLATE_TEST_CASE("backward from the saved output", "[eval][kernels]", float, double) {
    using T = TestType;
    const auto xs = sample_points<T>();
    const std::size_t n = xs.size();
    std::vector<T> y(n), dy(n, T(0.75)), dx(n);
    fused(sigmoid(x))(xs, y);
    backward_from_output(sigmoid(x))(y, dy, dx);
    for (std::size_t i = 0; i < n; ++i) {
        const ld s = y[i]; // exact algebra on the saved y: dx = dy·y(1 − y)
        CHECK(close(dx[i], 0.75L * s * (1 - s), 3));
    }
}

TEMPLATE_TEST_CASE("kernel call contract: sizes, empty, in place, NaN, threads, streamed outputs", "[eval][kernels]", float, double) {
    using T = TestType;
    const auto k = forward_backward(sigmoid(x));
    std::vector<T> a(10, T(1)), b(10, T(2)), c(10, T(-7)), d(9, T(-7));
    CHECK_THROWS_AS(k(a, b, c, d), std::invalid_argument);
    CHECK_THROWS_WITH(k(a, b, c, d), Catch::Contains("output 1 has 9 elements but input 0 has 10"));
    CHECK(c[0] == T(-7)); // nothing written
    CHECK_THROWS_AS(k(a, std::span<T>(b).first(5), c, std::span<T>(d).first(5)), std::invalid_argument);
    // overlapping but not identical output
    std::vector<T> buf(20, T(0.5));
    CHECK_THROWS_AS(fused(sigmoid(x))(std::span<const T>(buf).first(10), std::span<T>(buf).subspan(1, 10)),
                    std::invalid_argument);
    // empty
    std::vector<T> e;
    CHECK_NOTHROW(k(e, e, std::span<T>(), std::span<T>()));

    // in place gives the out-of-place result, for lengths around the block size
    for (std::size_t n : {std::size_t{1}, std::size_t{255}, std::size_t{256}, std::size_t{1000}}) {
        std::vector<T> xs(n), ys(n), dys(n, T(2)), dxs(n);
        for (std::size_t i = 0; i < n; ++i) {
            xs[i] = static_cast<T>(static_cast<double>(i) * 0.37 - 100);
        }
        k(xs, dys, ys, dxs);
        std::vector<T> x2 = xs, dy2 = dys;
        k(x2, dy2, x2, dy2); // y over x, dx over dy
        CHECK(x2 == ys);
        CHECK(dy2 == dxs);
    }

    // NaN in → NaN out (in every output that depends on it)
    std::vector<T> xs{std::numeric_limits<T>::quiet_NaN(), T(1)}, dys{T(1), std::numeric_limits<T>::quiet_NaN()},
        ys(2), dxs(2);
    k(xs, dys, ys, dxs);
    CHECK(std::isnan(ys[0]));
    CHECK(std::isnan(dxs[0]));
    CHECK(std::isnan(dxs[1]));
    CHECK(!std::isnan(ys[1]));

    // two threads give the same result
    const std::size_t n = 300000;
    std::vector<T> xs2(n), y1(n), y2(n), g(n, T(1)), dx1(n), dx2(n);
    for (std::size_t i = 0; i < n; ++i) {
        xs2[i] = static_cast<T>(static_cast<double>(i) * 1e-4 - 15);
    }
    k(xs2, g, y1, dx1);
    k(xs2, g, y2, dx2, kernel_options{.threads = 2, .min_elements_per_thread = 1000});
    CHECK(y1 == y2);
    CHECK(dx1 == dx2);

    // outputs streamed past the caches (non-temporal stores) give the same values, whatever the
    // outputs' alignment (spans from offset 0…3 of their vectors), in place, and on two threads
    for (std::size_t n3 : {std::size_t{1}, std::size_t{17}, 4096 / sizeof(T) - 1, 4096 / sizeof(T) + 1, std::size_t{5000}}) {
        for (std::size_t off = 0; off < 4; ++off) {
            INFO("n = " << n3 << ", offset " << off);
            std::vector<T> xb(n3 + off), yb(n3 + off), dxb(n3 + off);
            const std::span<T> x3(xb.data() + off, n3), y3(yb.data() + off, n3), dx3(dxb.data() + off, n3);
            for (std::size_t i = 0; i < n3; ++i) {
                x3[i] = static_cast<T>(static_cast<double>(i) * 0.013 - 20);
            }
            const std::span<const T> g3(g.data(), n3);
            std::vector<T> yr(n3), dxr(n3);
            k(x3, g3, yr, dxr, kernel_options{.stream_min_bytes = SIZE_MAX});
            k(x3, g3, y3, dx3, kernel_options{.stream_min_bytes = 0});
            CHECK(std::equal(y3.begin(), y3.end(), yr.begin()));
            CHECK(std::equal(dx3.begin(), dx3.end(), dxr.begin()));
            k(x3, g3, x3, dx3, kernel_options{.threads = 2, .min_elements_per_thread = 64, .stream_min_bytes = 0});
            CHECK(std::equal(x3.begin(), x3.end(), yr.begin())); // y over x
            CHECK(std::equal(dx3.begin(), dx3.end(), dxr.begin()));
        }
    }
}

TEMPLATE_TEST_CASE("the loop agrees with the kernel's one-element evaluation", "[eval][kernels]", float, double) {
    using T = TestType;
    const auto xs = sample_points<T>();
    constexpr auto k = derivatives<2>(x * norm_cdf(x) + tanh(x) * sigmoid(-x));
    std::vector<T> o0(xs.size()), o1(xs.size()), o2(xs.size());
    k(xs, o0, o1, o2);
    for (std::size_t i = 0; i < xs.size(); ++i) {
        const auto r = k.template at<T>({xs[i]});
        CHECK(ulp_error(o0[i], r[0]) == 0);
        CHECK(ulp_error(o1[i], r[1]) == 0);
        CHECK(ulp_error(o2[i], r[2]) == 0);
    }
}

TEMPLATE_TEST_CASE("catalogue GELU and SiLU: finite at ±inf, f' and f'' included", "[eval][kernels]", float, double) {
    using T = TestType;
    const T inf = std::numeric_limits<T>::infinity();
    std::vector<T> xs{-inf, T(-1e30), T(-2000), T(-1024), T(-3), T(0), T(2), T(1024), T(2000), T(1e30), inf};
    const std::size_t n = xs.size();
    std::vector<T> g0(n), g1(n), g2(n), s0(n), s1(n), s2(n);
    derivatives<2>(activations::gelu)(xs, g0, g1, g2);
    derivatives<2>(activations::silu)(xs, s0, s1, s2);
    for (std::size_t i = 0; i < n; ++i) {
        const ld t = xs[i];
        INFO("x = " << t);
        for (T v : {g0[i], g1[i], g2[i], s0[i], s1[i], s2[i]}) {
            CHECK(!std::isnan(v));
        }
        if (std::isinf(t)) {
            CHECK(g0[i] == (t > 0 ? inf : T(0)));
            CHECK(g1[i] == (t > 0 ? T(1) : T(0)));
            CHECK(g2[i] == T(0));
            CHECK(s0[i] == (t > 0 ? inf : T(0)));
            CHECK(s1[i] == (t > 0 ? T(1) : T(0)));
            CHECK(s2[i] == T(0));
        } else if (std::fabs(t) < 100) {
            CHECK(close(s0[i], t * sigma(t), 8));
            CHECK(close(s1[i], sigma(t) + t * dsigma(t), 16, 1 + std::fabs(t)));
        }
    }
}
