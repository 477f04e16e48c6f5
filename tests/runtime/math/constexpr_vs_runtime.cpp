// The values ctdiff::math computes in constant evaluation (tests/static/math/points.hpp) equal,
// bit for bit, the values the same calls give at run time — called one by one on arguments the
// optimizer cannot see (volatile), and in a loop over an array (the vectorized code).
// NaN results only need to be NaN on both sides.
#include "../../static/math/points.hpp"
#include <test_bits.hpp>

#include <catch2/catch.hpp>

#include <cmath>
#include <cstring>
#include <string>
#include <vector>

namespace {

using test_support::bits;

template <class T>
bool same(T a, T b) { return (std::isnan(a) && std::isnan(b)) || bits(a) == bits(b); }

template <class T, T (*F)(T)>
[[gnu::noinline]] void loop(const T* x, T* y, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) {
        y[i] = F(x[i]);
    }
}

template <class T, T (*F)(T), std::size_t N>
void compare(const char* name, const T (&x)[N], const std::array<T, N>& at_compile_time) {
    std::vector<T> in(x, x + N), out(N);
    loop<T, F>(in.data(), out.data(), N);
    for (std::size_t i = 0; i < N; ++i) {
        volatile T xv = x[i];
        const T scalar = F(xv);
        INFO(name << "(" << x[i] << "): constexpr " << at_compile_time[i] << ", run time " << scalar << ", loop " << out[i]);
        CHECK(same(at_compile_time[i], scalar));
        CHECK(same(at_compile_time[i], out[i]));
    }
}

} // namespace

TEST_CASE("math: constexpr and run-time results are bit-identical", "[math][constexpr]") {
    using namespace math_points;
    namespace m = ctdiff::math;
#define CTDIFF_COMPARE(F)                                       \
    compare<double, m::F<double>>(#F, xd, F##_d);               \
    compare<float, m::F<float>>(#F "<float>", xf, F##_f);
    CTDIFF_COMPARE(exp)
    CTDIFF_COMPARE(expm1)
    CTDIFF_COMPARE(log)
    CTDIFF_COMPARE(log1p)
    CTDIFF_COMPARE(sqrt)
    CTDIFF_COMPARE(tanh)
    CTDIFF_COMPARE(sech)
    CTDIFF_COMPARE(erf)
    CTDIFF_COMPARE(erfc)
    CTDIFF_COMPARE(sigmoid)
    CTDIFF_COMPARE(softplus)
    CTDIFF_COMPARE(norm_cdf)
    CTDIFF_COMPARE(norm_pdf)
#undef CTDIFF_COMPARE
}
