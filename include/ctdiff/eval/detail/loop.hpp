#ifndef CTDIFF_EVAL_DETAIL_LOOP_HPP
#define CTDIFF_EVAL_DETAIL_LOOP_HPP

/// \file
/// The element loops of the fused kernels (private: use ctdiff/eval/fused.hpp).
///
/// One loop shape: every input and output is a function parameter declared `__restrict`, and the
/// body is the straight-line DAG evaluation of eval/dag.hpp, so GCC and Clang vectorize it without
/// run-time alias versioning. Calls where an output is the very same array as an input (in place)
/// go through `run_in_place`, which runs the same loop into a small local block and copies it
/// out: restrict stays true, and every input element is read before its output is written.

#include <ctdiff/core/node.hpp>
#include <ctdiff/eval/dag.hpp>
#include <ctdiff/math/wide_float.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstring>
#include <thread>
#include <utility>
#include <vector>

namespace ctdiff::eval::detail {

template <class T, std::size_t>
using in_ptr = const T* __restrict;
template <class T, class>
using out_ptr = T* __restrict;

template <class T, class Mode, std::size_t NP, class Inputs, class Nodes, class... Outs>
struct loop;

template <class T, class Mode, std::size_t NP, std::size_t... I, class Nodes, class... Outs>
struct loop<T, Mode, NP, std::index_sequence<I...>, Nodes, Outs...> {
    // flatten: everything the body calls (the DAG's steps, ctdiff::math) is inlined here whatever
    // the translation unit's inlining budget says — a TU with many kernels (a benchmark, a
    // framework's op library) otherwise hits GCC's unit-growth limit, leaves a math call out of
    // line, and the loop silently stays scalar (measured: 5× slower).
    // A float kernel of a formula with a function computes in double (math::wide_float) and
    // rounds each output once, like ctdiff::evaluate (core/node.hpp: compute_type_t says why);
    // with Mode = fast_t in math::fast_float (float arithmetic, fast functions).
    using compute = compute_type_t<T, Nodes, Mode>;
    [[gnu::flatten]] static void run(std::size_t n, std::array<T, NP> p, in_ptr<T, I>... in,
                                     out_ptr<T, Outs>... out) {
        std::array<compute, NP> pc{};
        for (std::size_t j = 0; j < NP; ++j) {
            pc[j] = compute(p[j]);
        }
        for (std::size_t i = 0; i < n; ++i) { // ctdiff-vectorize: fused kernel loop
            const environment<compute, sizeof...(I), NP> env{{compute(in[i])...}, pc};
            const auto s = evaluate_dag<Nodes>(env);
            ((out[i] = static_cast<T>(s[slot_v<Outs, Nodes>])), ...);
        }
    }

    // Same computation, safe when an output is the same array as an input.
    static void run_in_place(std::size_t n, std::array<T, NP> p, const std::array<const T*, sizeof...(I)>& in,
                             const std::array<T*, sizeof...(Outs)>& out) {
        constexpr std::size_t block = 256;
        alignas(64) T buf[sizeof...(Outs)][block];
        for (std::size_t b = 0; b < n; b += block) {
            const std::size_t m = std::min(block, n - b);
            [&]<std::size_t... O>(std::index_sequence<O...>) {
                run(m, p, (in[I] + b)..., buf[O]...);
                ((std::memcpy(out[O] + b, buf[O], m * sizeof(T))), ...);
            }(std::index_sequence_for<Outs...>{});
        }
    }
};

// Runs body(begin, end) over [0, n) on `threads` threads in contiguous blocks of 64 elements.
template <class Body>
void split(std::size_t n, unsigned threads, const Body& body) {
    if (threads <= 1 || n < 2 * 64) {
        body(std::size_t{0}, n);
        return;
    }
    const std::size_t blocks = (n + 63) / 64;
    const std::size_t per = (blocks + threads - 1) / threads * 64;
    std::vector<std::thread> workers;
    std::size_t b = per;
    try {
        workers.reserve(threads - 1);
        for (unsigned t = 1; t < threads && b < n; ++t, b += per) {
            workers.emplace_back([&body, b, e = std::min(n, b + per)] { body(b, e); });
        }
    } catch (...) { // no thread (or no memory for one): the caller does the rest itself
    }
    body(std::size_t{0}, std::min(n, per));
    if (b < n) {
        body(b, n);
    }
    for (auto& w : workers) {
        w.join();
    }
}

} // namespace ctdiff::eval::detail

#endif
