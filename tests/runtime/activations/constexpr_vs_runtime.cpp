// The forms this branch changed, evaluated in constant evaluation and at run time, bit for bit:
// σ″ = −σ(x)σ(−x)·tanh(x/2), GELU-tanh's gate tag (its double-double argument), the zero series
// of SiLU, Mish and GELU (points on their windows and next to their zeros) and Mish's tanh/sech
// of softplus, f, f′, f″ in float and double. The GELU-tanh kernel (the vectorized loop) computes the gate in its kernel
// form (σ's shared-exponential form, within 3 ULP, gelu_tanh.hpp): within 64 ULP of those values
// here — the left tail (x = −19.7, −30), where a w rounded to double cost ~700 ULP, included.
#include <ctdiff/activations.hpp>
#include <test_bits.hpp>
#include <ctdiff/diff.hpp>
#include <ctdiff/eval.hpp>

#include <catch2/catch.hpp>

#include <array>
#include <cmath>
#include <cstddef>
#include <limits>
#include <span>
#include <vector>

namespace {

namespace act = ctdiff::activations;
using ctdiff::x;

template <class T>
inline constexpr std::array<T, 19> points{T(-1000),  T(-30),   T(-19.703125), T(-10.5), T(-1.390625), T(-0.71875),
                                          T(-1e-5),  T(-0.0),  T(0),          T(1e-30), T(0.007),     T(0.5),
                                          T(1.5625), T(4.125), T(17),         T(1000),
                                          // next to zeros: SiLU′ (−1.27846…), SiLU″ (2.39936…), GELU′ (−0.75179…)
                                          T(-1.2784645427610737), T(2.3993572805154675), T(-0.7517915246935645)};

template <class T, class E>
constexpr std::array<T, points<T>.size()> at_compile_time(E) {
    std::array<T, points<T>.size()> r{};
    for (std::size_t i = 0; i < r.size(); ++i) {
        r[i] = E{}(points<T>[i]);
    }
    return r;
}

using test_support::bits;

template <class T, class E>
void check_run_time(const char* name, E e, const std::array<T, points<T>.size()>& ct) {
    for (std::size_t i = 0; i < ct.size(); ++i) {
        volatile T xv = points<T>[i];
        const T rt = e(T(xv));
        INFO(name << "(" << points<T>[i] << "): constexpr " << ct[i] << ", run time " << rt);
        CHECK(bits(rt) == bits(ct[i]));
    }
}

} // namespace

TEMPLATE_TEST_CASE("changed forms: constexpr and run time give the same bits", "[activations][constexpr]", float, double) {
    using T = TestType;
    constexpr auto s2 = ctdiff::d<2>(act::sigmoid, x);
    constexpr auto g0 = act::gelu_tanh;
    constexpr auto g1 = ctdiff::d(act::gelu_tanh, x);
    constexpr auto g2 = ctdiff::d<2>(act::gelu_tanh, x);
    static constexpr auto s2_ct = at_compile_time<T>(s2);
    static constexpr auto g0_ct = at_compile_time<T>(g0);
    static constexpr auto g1_ct = at_compile_time<T>(g1);
    static constexpr auto g2_ct = at_compile_time<T>(g2);
    check_run_time<T>("sigmoid''", s2, s2_ct);
    check_run_time<T>("gelu_tanh", g0, g0_ct);
    check_run_time<T>("gelu_tanh'", g1, g1_ct);
    check_run_time<T>("gelu_tanh''", g2, g2_ct);
    // The refined activations (their zero series) and Mish's tanh/sech of softplus.
    static constexpr auto silu1_ct = at_compile_time<T>(ctdiff::d(act::silu, x));
    static constexpr auto silu2_ct = at_compile_time<T>(ctdiff::d<2>(act::silu, x));
    static constexpr auto mish1_ct = at_compile_time<T>(ctdiff::d(act::mish, x));
    static constexpr auto mish2_ct = at_compile_time<T>(ctdiff::d<2>(act::mish, x));
    static constexpr auto gelu1_ct = at_compile_time<T>(ctdiff::d(act::gelu, x));
    check_run_time<T>("silu'", ctdiff::d(act::silu, x), silu1_ct);
    check_run_time<T>("silu''", ctdiff::d<2>(act::silu, x), silu2_ct);
    check_run_time<T>("mish'", ctdiff::d(act::mish, x), mish1_ct);
    check_run_time<T>("mish''", ctdiff::d<2>(act::mish, x), mish2_ct);
    check_run_time<T>("gelu'", ctdiff::d(act::gelu, x), gelu1_ct);

    // The kernel: f, f′, f″ in one vectorized pass.
    std::vector<T> xs(points<T>.begin(), points<T>.end()), y(xs.size()), d1(xs.size()), d2(xs.size());
    ctdiff::derivatives<2>(act::gelu_tanh)(std::span<const T>(xs), std::span<T>(y), std::span<T>(d1), std::span<T>(d2));
    const auto near = [](T got, T want) {
        const long double tol = 64 * static_cast<long double>(std::numeric_limits<T>::epsilon());
        return std::fabs(static_cast<long double>(got) - want) <= tol * std::fabs(static_cast<long double>(want));
    };
    for (std::size_t i = 0; i < xs.size(); ++i) {
        INFO("gelu_tanh kernel at x = " << xs[i] << ": " << y[i] << " " << d1[i] << " " << d2[i] << " against " << g0_ct[i]
                                        << " " << g1_ct[i] << " " << g2_ct[i]);
        CHECK(near(y[i], g0_ct[i]));
        CHECK(near(d1[i], g1_ct[i]));
        CHECK(near(d2[i], g2_ct[i]));
    }
}
