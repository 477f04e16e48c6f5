// A user's plain optimized build (find_package(ctdiff), -O3 and -march=native, no fp flags of its
// own): run-time values equal the constexpr ones bit for bit, for catalogue derivatives in float
// and double at 600 points of [−30, 30). GCC contracts a*b+c by default; the package's target
// carries -ffp-contract=off (docs/math.md, "FMA policy"), and without it this program fails
// (at 21–136 of the 600 points for the double rows with GCC 12 on x86-64-v4).
#include <ctdiff/activations.hpp>
#include <ctdiff/diff.hpp>

#include <algorithm>
#include <array>
#include <cstdio>
#include <type_traits>
#include <utility>

namespace {

constexpr int n = 600;

template <class T>
constexpr std::array<T, n> points = [] {
    std::array<T, n> a{};
    for (int i = 0; i < n; ++i) {
        a[i] = T(-30) + T(60) * T(i) / T(n);
    }
    return a;
}();

// The constexpr values, 25 points to a constant expression (Clang stops one at a million steps).
constexpr int chunk = 25;
static_assert(n % chunk == 0);
template <class T, class E, int C>
constexpr std::array<T, chunk> chunk_at = [] {
    std::array<T, chunk> a{};
    for (int i = 0; i < chunk; ++i) {
        a[i] = E{}(points<T>[C * chunk + i]);
    }
    return a;
}();
template <class T, class E, int... C>
constexpr std::array<T, n> gather(std::integer_sequence<int, C...>) {
    std::array<T, n> a{};
    ((std::copy(chunk_at<T, E, C>.begin(), chunk_at<T, E, C>.end(), a.begin() + C * chunk)), ...);
    return a;
}
template <class T, class E>
constexpr std::array<T, n> at_compile_time = gather<T, E>(std::make_integer_sequence<int, n / chunk>{});

template <class T, class E>
int differing(const char* name, E) {
    int bad = 0;
    for (int i = 0; i < n; ++i) {
        volatile T xv = points<T>[i];
        const T v = E{}(T(xv));
        const T c = at_compile_time<T, E>[i];
        if (!(v == c) && !(v != v && c != c)) {
            ++bad;
        }
    }
    std::printf("%-10s %-6s run time = constexpr at %d of %d points\n", name, sizeof(T) == 4 ? "float" : "double",
                n - bad, n);
    return bad;
}

template <class E>
int both(const char* name, E e) {
    return differing<float>(name, e) + differing<double>(name, e);
}

} // namespace

int main() {
    namespace act = ctdiff::activations;
    using ctdiff::d;
    using ctdiff::x;
    int bad = 0;
    bad += both("gelu", act::gelu);
    bad += both("gelu'", d(act::gelu, x));
    bad += both("silu''", d<2>(act::silu, x));
    bad += both("mish''", d<2>(act::mish, x));
    bad += both("gelu_tanh'", d(act::gelu_tanh, x));
    bad += both("softplus'", d(act::softplus, x));
    return bad == 0 ? 0 : 1;
}
