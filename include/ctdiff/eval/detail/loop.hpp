#ifndef CTDIFF_EVAL_DETAIL_LOOP_HPP
#define CTDIFF_EVAL_DETAIL_LOOP_HPP

/// \file
/// The element loops of the fused kernels (private: use ctdiff/eval/fused.hpp).
///
/// Float kernels that compute in float run the explicit-SIMD loop of detail/simd_loop.hpp where
/// Highway is available; every other kernel, and those without Highway, run this one.
///
/// One loop shape: every input and output is a function parameter declared `__restrict`, and the
/// body is the straight-line DAG evaluation of eval/dag.hpp, so GCC and Clang vectorize it without
/// run-time alias versioning. Calls where an output is the very same array as an input (in place),
/// and calls whose outputs are streamed past the caches (kernel_options::stream_min_bytes), go
/// through `run_blocked`, which runs the same loop into a small local block per output and copies
/// it out: restrict stays true, and every input element is read before its output is written.

#include <ctdiff/core/node.hpp>
#include <ctdiff/eval/dag.hpp>
#include <ctdiff/eval/detail/simd_loop.hpp>
#include <ctdiff/math/wide_float.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

#if defined(__SSE2__)
#include <immintrin.h>
#endif

namespace ctdiff::eval::detail {

/// dst[0, m) = src[0, m), the aligned middle with non-temporal stores (widest the target has),
/// the unaligned ends with plain ones. Call stream_fence() after the last one.
template <class T>
void stream_copy(T* dst, const T* src, std::size_t m) {
#if defined(__AVX512F__)
    constexpr std::size_t bytes = 64;
#elif defined(__AVX__)
    constexpr std::size_t bytes = 32;
#elif defined(__SSE2__)
    constexpr std::size_t bytes = 16;
#else
    constexpr std::size_t bytes = 0;
#endif
    if constexpr (bytes == 0 || (!std::is_same_v<T, float> && !std::is_same_v<T, double>)) {
        std::memcpy(dst, src, m * sizeof(T));
    } else {
        constexpr std::size_t w = bytes / sizeof(T);
        std::size_t i = 0;
        for (; i < m && reinterpret_cast<std::uintptr_t>(dst + i) % bytes != 0; ++i) {
            dst[i] = src[i];
        }
        for (; i + w <= m; i += w) {
#if defined(__AVX512F__)
            if constexpr (std::is_same_v<T, float>) {
                _mm512_stream_ps(dst + i, _mm512_loadu_ps(src + i));
            } else {
                _mm512_stream_pd(dst + i, _mm512_loadu_pd(src + i));
            }
#elif defined(__AVX__)
            if constexpr (std::is_same_v<T, float>) {
                _mm256_stream_ps(dst + i, _mm256_loadu_ps(src + i));
            } else {
                _mm256_stream_pd(dst + i, _mm256_loadu_pd(src + i));
            }
#elif defined(__SSE2__)
            if constexpr (std::is_same_v<T, float>) {
                _mm_stream_ps(dst + i, _mm_loadu_ps(src + i));
            } else {
                _mm_stream_pd(dst + i, _mm_loadu_pd(src + i));
            }
#endif
        }
        for (; i < m; ++i) {
            dst[i] = src[i];
        }
    }
}
/// Orders the non-temporal stores before whatever the thread does next (they are weakly ordered):
/// a consumer synchronizing with this thread afterwards sees them.
inline void stream_fence() {
#if defined(__SSE2__)
    _mm_sfence();
#endif
}

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
        if constexpr (uses_simd_v<T, compute, Nodes>) { // explicit SIMD, the same bits (simd_loop.hpp)
            simd_loop<sizeof...(I), NP, Nodes, Outs...>::run(n, p, {in...}, {out...});
        } else {
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
    }

    // Same computation through a 4 KiB block per output: safe when an output is the same array as
    // an input, and the way to stream the outputs past the caches (stream_copy).
    static void run_blocked(std::size_t n, std::array<T, NP> p, const std::array<const T*, sizeof...(I)>& in,
                            const std::array<T*, sizeof...(Outs)>& out, bool stream) {
        constexpr std::size_t block = 4096 / sizeof(T);
        alignas(64) T buf[sizeof...(Outs)][block];
        for (std::size_t b = 0; b < n; b += block) {
            const std::size_t m = std::min(block, n - b);
            [&]<std::size_t... O>(std::index_sequence<O...>) {
                // Streaming one input: fetch the next block's lines now (measured at 16 Mi floats,
                // fast σ forward 1.46 → 1.69 G/s; with two inputs, forward_backward, it lost
                // 1.00 → 0.88, so the hardware prefetcher is left alone there).
                if constexpr (sizeof...(I) == 1) {
                    if (stream && b + 2 * block <= n) {
                        for (std::size_t j = 0; j < block; j += 64 / sizeof(T)) {
                            (__builtin_prefetch(in[I] + b + block + j), ...);
                        }
                    }
                }
                run(m, p, (in[I] + b)..., buf[O]...);
                if (stream) {
                    (stream_copy(out[O] + b, buf[O], m), ...);
                } else {
                    ((std::memcpy(out[O] + b, buf[O], m * sizeof(T))), ...);
                }
            }(std::index_sequence_for<Outs...>{});
        }
        if (stream) {
            stream_fence();
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
