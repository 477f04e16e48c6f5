// libFuzzer harness for the fused kernels: arbitrary bit patterns (NaN, ±∞, subnormals, huge) and
// lengths go through every kernel shape; each output element is checked
//   (a) against the kernel's own one-element evaluation `at()` — the same DAG: equal bits (or
//       both NaN), so the vectorized loop, its remainder and the in-place path compute exactly
//       what the scalar path does;
//   (b) against the scalar constexpr evaluation of the original expressions (`ctdiff::evaluate`:
//       named functions through ctdiff::math, no CSE, no kernel forms, the same compute type —
//       double for a float formula with a function) within a stated error:
//       ≤ 16 ULP, or ≤ 16·ε·scale where the derivative is a cancellation of terms of size `scale`;
//   (a) and (b) also for float kernels called with ctdiff::fast (first byte's bit 0x20), at a
//       tolerance of 256 (math::fast_float's float intermediates, see within());
//   (c) NaN in → NaN out; sizes that differ throw std::invalid_argument; nothing is overrun
//       (AddressSanitizer).
#include <ctdiff/activations/gelu.hpp>
#include <ctdiff/activations/silu.hpp>
#include <ctdiff/core.hpp>
#include <ctdiff/diff.hpp>
#include <ctdiff/eval.hpp>

#include "test_bits.hpp"

#include <bit>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <stdexcept>
#include <type_traits>
#include <vector>

using namespace ctdiff;
using namespace ctdiff::literals;

namespace {

[[noreturn]] void fail(const char* what, double xin, double got, double want) {
    std::fprintf(stderr, "ctdiff fuzz: %s at x = %a: kernel %a, reference %a\n", what, xin, got, want);
    std::abort();
}

using test_support::ordinal;

// The (b) tolerance, in ULP and in ε·scale: 16 for the default kernels; 256 for a float kernel
// called with ctdiff::fast (float intermediates and fast functions against the double-carried
// reference: tests/runtime/eval/accuracy.cpp measures up to 103 ULP for the kernels fuzzed here).
template <class T>
bool within(T got, T want, T scale, long double tol) {
    if (std::isnan(got) || std::isnan(want)) {
        return std::isnan(got) == std::isnan(want);
    }
    if (got == want) {
        return true;
    }
    if (std::isinf(got) || std::isinf(want)) {
        return false;
    }
    if (std::fabs(static_cast<long double>(ordinal(got)) - static_cast<long double>(ordinal(want))) <= tol) {
        return true;
    }
    const long double eps = std::numeric_limits<T>::epsilon();
    const long double err = std::fabs(static_cast<long double>(got) - static_cast<long double>(want));
    return err <= tol * eps * std::fabs(static_cast<long double>(scale)) + tol * std::numeric_limits<T>::denorm_min();
}

// Reads T values from raw bytes.
template <class T>
std::vector<T> take(const std::uint8_t*& p, const std::uint8_t* end, std::size_t n) {
    std::vector<T> v(n);
    for (auto& e : v) {
        if (static_cast<std::size_t>(end - p) >= sizeof(T)) {
            std::memcpy(&e, p, sizeof(T));
            p += sizeof(T);
        } else {
            e = T(0.5);
        }
    }
    return v;
}

// Runs kernel K (built from expressions Es) on inputs, checks (a)–(c).
// `scale(x)`: the size of the terms the outputs cancel from (for the (b) tolerance).
// Mode: accurate_t, or fast_t (the kernel called with ctdiff::fast; at(ctdiff::fast, …)).
template <class T, class Mode = accurate_t, class K, class... Es, std::size_t NP, class Scale>
void check(K k, const std::vector<std::vector<T>>& in, const std::array<T, NP>& p, bool in_place, Scale scale,
           Es...) {
    constexpr long double tol = std::is_same_v<Mode, fast_t> && std::is_same_v<T, float> ? 256 : 16;
    constexpr std::size_t ni = K::inputs, no = K::outputs;
    const std::size_t n = in[0].size();
    std::vector<std::vector<T>> out(no, std::vector<T>(n));
    // The kernel on inputs ins and outputs o (the same vectors for the in-place call).
    auto run_on = [&](auto& ins, auto& o, kernel_options opts = {}) {
        [&]<std::size_t... I, std::size_t... O>(std::index_sequence<I...>, std::index_sequence<O...>) {
            if constexpr (NP == 0) {
                k(ins[I]..., o[O]..., opts, Mode{});
            } else {
                k(ins[I]..., o[O]..., [&]<std::size_t... J>(std::index_sequence<J...>) { return params{p[J]...}; }(
                                          std::make_index_sequence<NP>{}), opts, Mode{});
            }
        }(std::make_index_sequence<ni>{}, std::make_index_sequence<no>{});
    };
    auto call = [&](auto& o) { run_on(in, o); };
    call(out);
    { // outputs streamed past the caches (kernel_options::stream_min_bytes = 0): the same bits
        std::vector<std::vector<T>> streamed(no, std::vector<T>(n));
        run_on(in, streamed, kernel_options{.stream_min_bytes = 0});
        for (std::size_t o = 0; o < no; ++o) {
            if (n > 0 && std::memcmp(streamed[o].data(), out[o].data(), n * sizeof(T)) != 0) {
                fail("streamed outputs differ", 0, 0, 0);
            }
        }
    }
    if (in_place && no <= ni) { // output o written over input o: same results
        std::vector<std::vector<T>> io(in);
        run_on(io, io);
        for (std::size_t o = 0; o < no; ++o) {
            if (n > 0 && std::memcmp(io[o].data(), out[o].data(), n * sizeof(T)) != 0) {
                fail("in place differs from out of place", 0, 0, 0);
            }
        }
    }
    // sizes that differ are refused, nothing written
    if (n > 0) {
        std::vector<std::vector<T>> shorter(no, std::vector<T>(n - 1, T(7)));
        bool threw = false;
        try {
            call(shorter);
        } catch (const std::invalid_argument&) {
            threw = true;
        }
        if (!threw) {
            fail("sizes that differ were not refused", 0, 0, 0);
        }
    }
    const std::array<T, 2> p2 = [&] {
        std::array<T, 2> r{};
        for (std::size_t j = 0; j < NP && j < 2; ++j) {
            r[j] = p[j];
        }
        return r;
    }();
    for (std::size_t i = 0; i < n; ++i) {
        std::array<T, ni> v{};
        bool any_nan = false, any_inf = false;
        for (std::size_t j = 0; j < ni; ++j) {
            v[j] = in[j][i];
            any_nan = any_nan || std::isnan(v[j]);
            any_inf = any_inf || std::isinf(v[j]);
        }
        // fast mode, an infinite input: float intermediates underflow to 0 where the double-carried
        // reference keeps a tiny number, so ∞·0 = NaN where the reference has ∞·tiny = ∞ (GELU's
        // φ(32) in double_backward with ddx = ∞: found by this harness). Both are IEEE answers of
        // their arithmetic; (b) is not checked there.
        const bool skip_b = any_nan || (tol > 16 && any_inf);
        const auto a = k.template at<T, NP>(Mode{}, v, p);
        const environment<T, ni, 2> env{v, p2};
        const std::array<T, no> b{ctdiff::evaluate(Es{}, env)...}; // in the kernels' compute type (core/node.hpp)
        for (std::size_t o = 0; o < no; ++o) {
            const T got = out[o][i];
            if (!(std::bit_cast<std::conditional_t<sizeof(T) == 4, std::uint32_t, std::uint64_t>>(got) ==
                      std::bit_cast<std::conditional_t<sizeof(T) == 4, std::uint32_t, std::uint64_t>>(a[o]) ||
                  (std::isnan(got) && std::isnan(a[o])))) {
                fail("loop differs from at()", static_cast<double>(v[0]), static_cast<double>(got),
                     static_cast<double>(a[o]));
            }
            if (std::isnan(v[0]) && !std::isnan(got)) {
                fail("NaN in, not NaN out", static_cast<double>(v[0]), static_cast<double>(got), 0);
            }
            if (!skip_b && !within(got, b[o], scale(v[0], p2), tol)) {
                fail("kernel differs from the scalar evaluation", static_cast<double>(v[0]), static_cast<double>(got),
                     static_cast<double>(b[o]));
            }
        }
    }
}

template <class T, class Mode>
void fuzz_type(unsigned which, const std::uint8_t* p, const std::uint8_t* end, bool in_place) {
    // parameters: α, β from the first bytes, kept finite and moderate (they are constants of a
    // network, not data)
    auto param = [&](T lo, T hi) {
        std::uint16_t r = 0;
        if (end - p >= 2) {
            std::memcpy(&r, p, 2);
            p += 2;
        }
        return lo + (hi - lo) * static_cast<T>(r) / T(65535);
    };
    const T a = param(T(0), T(0.5));
    const T b = param(T(0.1), T(4));
    const std::size_t n = static_cast<std::size_t>(end - p) / sizeof(T) / 3;
    std::vector<std::vector<T>> in{take<T>(p, end, n), take<T>(p, end, n), take<T>(p, end, n)};
    auto one = [&](std::size_t k) { return std::vector<std::vector<T>>(in.begin(), in.begin() + static_cast<long>(k)); };
    const auto unit = [](T, const std::array<T, 2>&) { return T(1); };
    const auto lin = [](T t, const std::array<T, 2>&) { return T(1) + std::fabs(t); };
    const auto sq = [](T t, const std::array<T, 2>&) { return T(1) + t * t; };
    constexpr auto s = sigmoid(x);
    constexpr auto g = x * norm_cdf(x);
    constexpr auto lk = select(x > 0_c, x, alpha * x);
    constexpr auto sw = x * sigmoid(beta * x);
    constexpr auto sp = softplus(x);
    constexpr auto cg = activations::gelu; // with exact limits at ±∞
    constexpr auto cs = activations::silu;
    switch (which % 10) {
    case 8:
        check<T, Mode>(derivatives<2>(cg), one(1), std::array<T, 0>{}, in_place, sq, cg, d(cg, x), d<2>(cg, x));
        return;
    case 9:
        check<T, Mode>(derivatives<2>(cs), one(1), std::array<T, 0>{}, in_place, sq, cs, d(cs, x), d<2>(cs, x));
        return;
    case 0:
        check<T, Mode>(derivatives<2>(s), one(1), std::array<T, 0>{}, in_place, unit, s, d(s, x), d<2>(s, x));
        break;
    case 1: {
        // forward_backward of tanh: dx = dy·sech²; scale with |dy|: restrict dy to [−4, 4]
        for (auto& e : in[1]) e = std::isfinite(e) ? std::fmod(e, T(4)) : e;
        check<T, Mode>(forward_backward(tanh(x)), one(2), std::array<T, 0>{}, in_place, unit, tanh(x),
                 mul<variable<1>, decltype(d(tanh(x), x))>{});
        break;
    }
    case 2:
        check<T, Mode>(derivatives<2>(g), one(1), std::array<T, 0>{}, in_place, sq, g, d(g, x), d<2>(g, x));
        break;
    case 3:
        check<T, Mode>(forward_backward(lk), one(2), std::array<T, 1>{a}, in_place, lin, lk,
                 mul<variable<1>, decltype(d(lk, x))>{});
        break;
    case 4:
        check<T, Mode>(derivatives<2>(sw), one(1), std::array<T, 2>{a, b}, in_place,
                 [](T t, const std::array<T, 2>& q) { return (T(1) + q[1] * std::fabs(t)) * (T(1) + q[1]) * (T(1) + q[1]); },
                 sw, d(sw, x), d<2>(sw, x));
        break;
    case 5:
        check<T, Mode>(derivatives<1>(sp), one(1), std::array<T, 0>{}, in_place, lin, sp, d(sp, x));
        break;
    case 6: {
        for (auto& e : in[1]) e = std::isfinite(e) ? std::fmod(e, T(4)) : e;
        for (auto& e : in[2]) e = std::isfinite(e) ? std::fmod(e, T(4)) : e;
        constexpr auto d1 = d(g, x);
        constexpr auto d2 = d<2>(g, x);
        check<T, Mode>(double_backward(g), one(3), std::array<T, 0>{}, in_place, [](T t, const std::array<T, 2>&) {
            return T(16) * (T(1) + t * t);
        }, mul<variable<2>, std::remove_cvref_t<decltype(d1)>>{},
                 mul<mul<variable<2>, variable<1>>, std::remove_cvref_t<decltype(d2)>>{});
        break;
    }
    default: {
        // backward from the saved output of σ: y in [0, 1] as a forward pass would have saved it
        for (auto& e : in[0]) e = std::isfinite(e) ? std::fabs(std::fmod(e, T(1))) : e;
        check<T, Mode>(backward_from_output(s, polynomial<0, 1, -1>{}), one(2), std::array<T, 0>{}, in_place, unit,
                 mul<variable<1>, decltype(evaluate_polynomial(polynomial<0, 1, -1>{}, x))>{});
        break;
    }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 1) {
        return 0;
    }
    const unsigned sel = data[0];
    const bool dbl = (sel & 0x80u) != 0;
    const bool in_place = (sel & 0x40u) != 0;
    const std::uint8_t* p = data + 1;
    const std::uint8_t* end = data + size;
    const bool fast = (sel & 0x20u) != 0; // a float kernel called with ctdiff::fast (double ignores it)
    if (dbl) {
        fuzz_type<double, accurate_t>(sel & 0x1fu, p, end, in_place);
    } else if (fast) {
        fuzz_type<float, fast_t>(sel & 0x1fu, p, end, in_place);
    } else {
        fuzz_type<float, accurate_t>(sel & 0x1fu, p, end, in_place);
    }
    return 0;
}
