#ifndef CTDIFF_EVAL_OPTIONS_HPP
#define CTDIFF_EVAL_OPTIONS_HPP

/// \file
/// What a kernel call may take after its arrays: the run-time parameters' values
/// (`ctdiff::params{α, β}`) and how to run (`ctdiff::kernel_options`).

#include <ctdiff/core/variable.hpp>

#include <array>
#include <concepts>
#include <cstddef>
#include <type_traits>

namespace ctdiff {

template <std::size_t... I>
struct param_names {};

/// Values of the run-time parameters, by position or by name:
///
///     params{0.01f}             // α = parameter<0> = 0.01 (by position: α, β, … in order)
///     params{beta = 1.702f}     // by name: β alone, for a formula that uses only β
///     params{alpha = 1.f, beta = 2.f}
///
/// Converted to the arrays' element type at the call. By position a call passes exactly one value
/// for each of α … up to the last parameter its expressions use; by name it names each parameter
/// they use, and no other (both checked at compile time).
template <std::floating_point T, std::size_t N, class Names = void>
struct params {
    std::array<T, N> values{};
    template <class... Us>
        requires(sizeof...(Us) == N && (std::convertible_to<Us, T> && ...))
    constexpr params(Us... us) : values{static_cast<T>(us)...} {} // NOLINT: implicit on purpose
};
/// By name: values[k] is the value of parameter<index[k]>.
template <std::floating_point T, std::size_t N, std::size_t... I>
struct params<T, N, param_names<I...>> {
    static constexpr std::array<std::size_t, N> index{I...};
    std::array<T, N> values{};
    template <class... Vs>
        requires(sizeof...(Vs) == N && ((Vs::index == I) && ...))
    constexpr params(Vs... vs) : values{static_cast<T>(vs.value)...} {} // NOLINT: implicit on purpose
};
template <std::floating_point T, class... Ts>
params(T, Ts...) -> params<T, 1 + sizeof...(Ts)>;
template <std::size_t... I, class... Us>
params(param_value<I, Us>...)
    -> params<std::common_type_t<std::conditional_t<std::floating_point<Us>, Us, double>...>, sizeof...(I),
              param_names<I...>>;

/// How a kernel runs. The defaults are what a kernel author wants inside a framework that already
/// owns its threads: one thread, no allocation, no synchronization.
struct kernel_options {
    /// Threads to split one call over (the calling thread is one of them). 1: run on the caller.
    /// More: std::thread workers started per call — worth it only for arrays far larger than the
    /// caches (the split is static, in contiguous blocks of 64 elements).
    unsigned threads = 1;
    /// Below this many elements a call stays on one thread whatever `threads` says.
    std::size_t min_elements_per_thread = std::size_t{1} << 18;
    /// Arrays of at least this many bytes (n·sizeof(T)) have their outputs written with
    /// non-temporal stores, past the caches (x86 with SSE2, AVX or AVX-512; elsewhere a plain
    /// copy): the loop computes a 4 KiB block per output into the stack and streams it out. For
    /// arrays larger than the caches this saves reading each output line before it is written
    /// (measured here, 16 Mi floats, a plain copy loop 2.0 → 3.0 G elements/s); below it costs
    /// (64 Ki: 11.9 → 5.3), and the output is then in memory, not in cache, for whoever reads it
    /// next. 0: always; SIZE_MAX: never. The values are the same either way.
    std::size_t stream_min_bytes = std::size_t{32} << 20;
};

} // namespace ctdiff

#endif
