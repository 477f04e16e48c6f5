// The forms this branch changed, evaluated in constant evaluation and at run time, bit for bit:
// σ″ = −σ(x)σ(−x)·tanh(x/2) and GELU-tanh's gate tag (its double-double argument), f, f′, f″ in
// float and double; and the GELU-tanh kernel (the vectorized loop) against the same values (σ's
// kernels use σ's shared-exponential kernel form, eval/lower.hpp, so only GELU-tanh's is
// expected to match evaluate() bit for bit).
#include <ctdiff/activations.hpp>
#include <ctdiff/diff.hpp>
#include <ctdiff/eval.hpp>

#include <catch2/catch.hpp>

#include <array>
#include <bit>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace {

namespace act = ctdiff::activations;
using ctdiff::x;

template <class T>
inline constexpr std::array<T, 16> points{T(-1000),  T(-30),   T(-19.703125), T(-10.5), T(-1.390625), T(-0.71875),
                                          T(-1e-5),  T(-0.0),  T(0),          T(1e-30), T(0.007),     T(0.5),
                                          T(1.5625), T(4.125), T(17),         T(1000)};

template <class T, class E>
constexpr std::array<T, 16> at_compile_time(E) {
    std::array<T, 16> r{};
    for (std::size_t i = 0; i < r.size(); ++i) {
        r[i] = E{}(points<T>[i]);
    }
    return r;
}

template <class T>
auto bits(T v) {
    if constexpr (sizeof(T) == 8) {
        return std::bit_cast<std::uint64_t>(v);
    } else {
        return std::bit_cast<std::uint32_t>(v);
    }
}

template <class T, class E>
void check_run_time(const char* name, E e, const std::array<T, 16>& ct) {
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

    // The kernel: f, f′, f″ in one vectorized pass.
    std::vector<T> xs(points<T>.begin(), points<T>.end()), y(xs.size()), d1(xs.size()), d2(xs.size());
    ctdiff::derivatives<2>(act::gelu_tanh)(std::span<const T>(xs), std::span<T>(y), std::span<T>(d1), std::span<T>(d2));
    for (std::size_t i = 0; i < xs.size(); ++i) {
        INFO("gelu_tanh kernel at x = " << xs[i]);
        CHECK(bits(y[i]) == bits(g0_ct[i]));
        CHECK(bits(d1[i]) == bits(g1_ct[i]));
        CHECK(bits(d2[i]) == bits(g2_ct[i]));
    }
}
