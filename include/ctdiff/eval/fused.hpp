#ifndef CTDIFF_EVAL_FUSED_HPP
#define CTDIFF_EVAL_FUSED_HPP

/// \file
/// Fused element-wise kernels: several expressions of the same inputs computed in ONE pass over
/// `std::span`s, each common subexpression once per element.
///
///     auto k = ctdiff::fused(f, d(f, x), d<2>(f, x));   // f, f′, f″ of x
///     k(xs, ys, dys, d2ys);                                // any contiguous float/double arrays
///     k(xs, ys, dys, d2ys, ctdiff::params{0.01f});         // with α = parameter<0> = 0.01
///     k(xs, ys, dys, d2ys, ctdiff::fast);                  // float arithmetic, fast e^x, σ, tanh, φ, Φ (a few ULP)
///
/// `ctdiff::kernel<N>(e...)` is the same for expressions of N variables (variable<i> reads input i);
/// the backward kernels of eval/backward.hpp are built on it.
///
/// How it works: each output is first rewritten into its kernel form (eval/lower.hpp: σ(u) and
/// σ(−u) share one exp), the distinct subexpressions of all outputs are listed in post-order
/// (eval/dag.hpp), and the loop body evaluates that list into locals — straight-line code the
/// compiler vectorizes (checked in tests/vectorize/kernels.cpp).
///
/// Contract of a call `k(in₀…, out₀…, [params], [kernel_options])`:
/// - every array has the same length, else std::invalid_argument naming the two sizes (nothing
///   is written); empty arrays are fine;
/// - an output may be the very same array as an input (in place: `k(xs, xs)` overwrites x by
///   f(x)); any other overlap between an output and another array throws std::invalid_argument;
/// - NaN in gives NaN out for every output that depends on that input (comparisons with NaN are
///   false, and every select's arms carry the NaN);
/// - parameters: exactly the run-time parameters the expressions use, as `ctdiff::params{…}` by
///   position or by name (`params{beta = 1.702f}`; checked at compile time: forgetting them, the
///   wrong count, a name the expressions do not use or a used one left out does not compile);
/// - arrays of at least kernel_options::stream_min_bytes (default 32 MiB) have their outputs
///   written with non-temporal stores (eval/options.hpp); the values are the same.
///
/// Accuracy: each node rounds once in T (no FMA contraction is asked for), functions through
/// ctdiff::math; the kernel forms' bounds are stated in eval/lower.hpp. A float kernel of a
/// formula with a function in it computes in double (compute_type_t, math::wide_float) and rounds
/// each output once to float. `k(xs, ys, ctdiff::fast)` computes a float kernel in float
/// arithmetic with fast e^x, σ, tanh, sech, φ, Φ instead (math/fast_float.hpp: 4–9× faster,
/// errors that docs/kernels.md lists per activation); double kernels ignore it. A user's function
/// tag used in a fast kernel must accept math::fast_float in its eval. `k.at(...)` evaluates the
/// same DAG for one element (constexpr), the reference the fuzz harness compares against.

#include <ctdiff/core/node.hpp>
#include <ctdiff/core/variable.hpp>
#include <ctdiff/eval/dag.hpp>
#include <ctdiff/eval/detail/call.hpp>
#include <ctdiff/eval/detail/loop.hpp>
#include <ctdiff/eval/lower.hpp>
#include <ctdiff/eval/options.hpp>
#include <ctdiff/eval/stabilize.hpp>

#include <array>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <ranges>
#include <span>
#include <stdexcept>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>

namespace ctdiff {

namespace eval::detail {
/// Whether [a, a + a_bytes) and [b, b + b_bytes) share a byte.
inline bool overlaps(const void* a, std::size_t a_bytes, const void* b, std::size_t b_bytes) {
    const auto pa = reinterpret_cast<std::uintptr_t>(a);
    const auto pb = reinterpret_cast<std::uintptr_t>(b);
    return a_bytes != 0 && b_bytes != 0 && pa < pb + b_bytes && pb < pa + a_bytes;
}
inline bool overlaps(const void* a, const void* b, std::size_t bytes) { return overlaps(a, bytes, b, bytes); }

/// The sentence for an array of the wrong length: `what` k has `got` elements where input 0 has n.
inline std::string size_message(const char* what, std::size_t k, std::size_t got, std::size_t n) {
    return std::string("ctdiff kernel: ") + what + " " + std::to_string(k) + " has " + std::to_string(got) +
           " elements but input 0 has " + std::to_string(n) + "; all arrays of a call must have the same length";
}
} // namespace eval::detail

/// A fused kernel computing Es... (expressions of variable<0> … variable<NIn−1>) in one pass.
template <std::size_t NIn, Expression... Es>
class fused_kernel {
public:
    static constexpr std::size_t inputs = NIn;
    static constexpr std::size_t outputs = sizeof...(Es);
    /// E's kernel form in this kernel (eval/lower.hpp: kernel_form_in_t).
    template <class E>
    using form_t = eval::kernel_form_in_t<eval::stabilized_t<E>, eval::stabilized_t<Es>...>;
    /// The distinct nodes one element costs, post-order (after the kernel forms).
    using nodes = eval::subexpressions_t<form_t<Es>...>;
    /// How many run-time parameters a call must pass.
    static constexpr std::size_t parameters = eval::detail::parameters_used(nodes{});
    /// Bit I set where the expressions use parameter<I>.
    static constexpr std::uint64_t parameters_mask = eval::detail::parameters_mask(nodes{});
    /// Whether a call over arrays of T in Mode (accurate_t, fast_t) runs the explicit-SIMD loop
    /// (Highway vectors of the target compiled for: eval/detail/simd_loop.hpp) rather than the
    /// plain loop the compiler vectorizes. Either gives the same bits; this says which runs.
    template <std::floating_point T, class Mode = accurate_t>
    static constexpr bool simd = eval::detail::uses_simd_v<T, compute_type_t<T, nodes, Mode>, nodes>;

    static_assert(NIn >= 1, "ctdiff kernel: a kernel needs at least one input array");
    static_assert(sizeof...(Es) >= 1, "ctdiff kernel: a kernel needs at least one output expression");
    static_assert(eval::detail::variables_used(nodes{}) <= NIn,
                  "ctdiff kernel: an expression uses a variable the kernel has no input array for "
                  "(fused(...) takes expressions of x only; use kernel<N>(...) for N variables)");

    /// One element: the outputs at inputs v with parameter values p (constexpr; same DAG, same
    /// rounding as the loop).
    template <std::floating_point T, std::size_t NP = 0>
    [[nodiscard]] static constexpr std::array<T, outputs> at(const std::array<T, NIn>& v,
                                                             const std::array<T, NP>& p = {}) {
        return at<T, NP>(accurate, v, p);
    }
    /// The same in a mode: `at(ctdiff::fast, {x})` computes as a kernel called with ctdiff::fast
    /// (at run time the same bits as its loop; in constant evaluation with correctly rounded
    /// functions, math/fast_float.hpp).
    template <std::floating_point T, std::size_t NP = 0, class Mode>
        requires(std::is_same_v<Mode, accurate_t> || std::is_same_v<Mode, fast_t>)
    [[nodiscard]] static constexpr std::array<T, outputs> at(Mode, const std::array<T, NIn>& v,
                                                             const std::array<T, NP>& p = {}) {
        static_assert(NP >= parameters, "ctdiff kernel: pass a value for every run-time parameter the expressions use");
        using C = compute_type_t<T, nodes, Mode>; // as the loop computes
        const auto env = ctdiff::detail::convert_environment<C>(environment<T, NIn, NP>{v, p});
        const auto s = eval::evaluate_dag<nodes>(env);
        return {static_cast<T>(s[eval::detail::slot_v<form_t<Es>, nodes>])...};
    }

    /// Runs the kernel over arrays: `inputs` input arrays, then `outputs` output arrays, then
    /// optionally `ctdiff::params{…}`, a `ctdiff::kernel_options` and `ctdiff::fast`. A call that
    /// does not fit fails to compile with one sentence saying what is wrong (eval/detail/call.hpp).
    template <class... Args>
    void operator()(Args&&... args) const {
        constexpr auto error = eval::detail::call_check<NIn, outputs, parameters, parameters_mask, Args...>();
        eval::detail::explain<error>();
        if constexpr (error == eval::detail::call_error::none) {
            invoke(std::forward_as_tuple(args...));
        }
    }

    /// The same, with the arrays already as spans (`run<ctdiff::fast_t>(…)`: the fast mode).
    template <class Mode = accurate_t, std::floating_point T>
    static void run(const std::array<std::span<const T>, NIn>& in, const std::array<std::span<T>, outputs>& out,
                    const std::array<T, parameters>& p, kernel_options opts = {}) {
        const std::size_t n = in[0].size();
        for (std::size_t j = 0; j < NIn; ++j) {
            if (in[j].size() != n) {
                throw std::invalid_argument(eval::detail::size_message("input", j, in[j].size(), n));
            }
        }
        for (std::size_t k = 0; k < outputs; ++k) {
            if (out[k].size() != n) {
                throw std::invalid_argument(eval::detail::size_message("output", k, out[k].size(), n));
            }
        }
        if (n == 0) {
            return;
        }
        bool in_place = false;
        const std::size_t bytes = n * sizeof(T);
        for (std::size_t k = 0; k < outputs; ++k) {
            for (std::size_t j = 0; j < NIn; ++j) {
                if (out[k].data() == in[j].data()) {
                    in_place = true;
                } else if (eval::detail::overlaps(out[k].data(), in[j].data(), bytes)) {
                    throw std::invalid_argument("ctdiff kernel: output " + std::to_string(k) + " overlaps input " +
                                                std::to_string(j) +
                                                " without being the same array; in place is only allowed on the "
                                                "whole array");
                }
            }
            for (std::size_t l = 0; l < k; ++l) {
                if (eval::detail::overlaps(out[k].data(), out[l].data(), bytes)) {
                    throw std::invalid_argument("ctdiff kernel: outputs " + std::to_string(l) + " and " +
                                                std::to_string(k) + " overlap");
                }
            }
        }
        const unsigned threads =
            opts.threads > 1 && n >= 2 * opts.min_elements_per_thread
                ? static_cast<unsigned>(std::min<std::size_t>(opts.threads, n / opts.min_elements_per_thread))
                : 1U;
        using loop = eval::detail::loop<T, Mode, parameters, std::make_index_sequence<NIn>, nodes, form_t<Es>...>;
        constexpr auto is = std::make_index_sequence<NIn>{};
        const bool stream = bytes >= opts.stream_min_bytes;
        eval::detail::split(n, threads, [&](std::size_t b, std::size_t e) {
            [&]<std::size_t... I, std::size_t... O>(std::index_sequence<I...>, std::index_sequence<O...>) {
                if (in_place || stream) {
                    loop::run_blocked(e - b, p, {(in[I].data() + b)...}, {(out[O].data() + b)...}, stream);
                } else {
                    loop::run(e - b, p, (in[I].data() + b)..., (out[O].data() + b)...);
                }
            }(is, std::make_index_sequence<outputs>{});
        });
    }

private:
    template <class... Args>
    static void invoke(std::tuple<Args&...> tup) {
        using T = typename eval::detail::element_of<std::tuple_element_t<0, std::tuple<Args...>>>::type;
        std::array<std::span<const T>, NIn> in = [&]<std::size_t... I>(std::index_sequence<I...>) {
            return std::array<std::span<const T>, NIn>{std::span<const T>(std::get<I>(tup))...};
        }(std::make_index_sequence<NIn>{});
        std::array<std::span<T>, outputs> out = [&]<std::size_t... O>(std::index_sequence<O...>) {
            return std::array<std::span<T>, outputs>{std::span<T>(std::get<NIn + O>(tup))...};
        }(std::make_index_sequence<outputs>{});
        const auto extras = eval::detail::read_extras<T, parameters, NIn + outputs>(tup);
        run<eval::detail::mode_of_t<Args...>>(in, out, extras.p, extras.opts);
    }

};

/// A fused kernel of expressions of x: `fused(f, d(f, x), d<2>(f, x))` takes x and three outputs.
template <Expression... Es>
constexpr fused_kernel<1, Es...> fused(Es...) {
    return {};
}

/// A fused kernel of expressions of variable<0> … variable<NIn−1> (one input array each).
template <std::size_t NIn, Expression... Es>
constexpr fused_kernel<NIn, Es...> kernel(Es...) {
    return {};
}

} // namespace ctdiff

#endif
