// A user's plain optimized build (find_package(ctdiff), -O3 and -march=native, no fp flags of its
// own): run-time values equal the constexpr ones bit for bit, for catalogue derivatives in float
// and double at 600 points of [−30, 30). GCC contracts a*b+c by default; the package's target
// carries -ffp-contract=off (docs/math.md, "FMA policy"), and without it this program fails
// (at 21–136 of the 600 points for the double rows with GCC 12 on x86-64-v4).
#include <ctdiff/activations.hpp>
#include <ctdiff/diff.hpp>

#include <array>
#include <cstdio>
#include <type_traits>

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

template <class T, class E>
constexpr std::array<T, n> at_compile_time = [] {
    std::array<T, n> a{};
    for (int i = 0; i < n; ++i) {
        a[i] = E{}(points<T>[i]);
    }
    return a;
}();

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
