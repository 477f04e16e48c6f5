#ifndef CTDIFF_EVAL_OPTIONS_HPP
#define CTDIFF_EVAL_OPTIONS_HPP

/// \file
/// What a kernel call may take after its arrays: the run-time parameters' values
/// (`ctdiff::params{α, β}`) and how to run (`ctdiff::kernel_options`).

#include <array>
#include <concepts>
#include <cstddef>

namespace ctdiff {

/// Values of the run-time parameters, in order: `params{0.01f}` gives α = parameter<0> = 0.01.
/// Converted to the arrays' element type at the call.
template <std::floating_point T, std::size_t N>
struct params {
    std::array<T, N> values{};
    template <class... Us>
        requires(sizeof...(Us) == N && (std::convertible_to<Us, T> && ...))
    constexpr params(Us... us) : values{static_cast<T>(us)...} {} // NOLINT: implicit on purpose
};
template <std::floating_point T, class... Ts>
params(T, Ts...) -> params<T, 1 + sizeof...(Ts)>;

/// How a kernel runs. The defaults are what a kernel author wants inside a framework that already
/// owns its threads: one thread, no allocation, no synchronization.
struct kernel_options {
    /// Threads to split one call over (the calling thread is one of them). 1: run on the caller.
    /// More: std::thread workers started per call — worth it only for arrays far larger than the
    /// caches (the split is static, in contiguous blocks of 64 elements).
    unsigned threads = 1;
    /// Below this many elements a call stays on one thread whatever `threads` says.
    std::size_t min_elements_per_thread = std::size_t{1} << 18;
};

} // namespace ctdiff

#endif
