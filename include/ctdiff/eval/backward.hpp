#ifndef CTDIFF_EVAL_BACKWARD_HPP
#define CTDIFF_EVAL_BACKWARD_HPP

/// \file
/// Backward kernels of an element-wise activation y = f(x).
///
/// The Jacobian of an element-wise f is diagonal, diag(f′(x)) (the texts' diag(σ′(h))), so the
/// vector-Jacobian product a backward pass needs is the gate
///
///     dx = dy ⊙ f′(x)        (element by element; no matrix is ever formed)
///
/// | builder | inputs | outputs |
/// |---|---|---|
/// | `backward(f)` | x, dy | dx = dy·f′(x) |
/// | `forward_backward(f)` | x, dy | y = f(x), dx = dy·f′(x) (one pass, shared subexpressions) |
/// | `derivatives<N>(f)` | x | f, f′, …, f⁽ᴺ⁾ |
/// | `double_backward(f)` | x, dy, ddx | d(dy) = ddx·f′(x), d(x) = ddx·dy·f″(x) |
/// | `backward(f, beta)`, `backward(f, alpha, beta)` | x, dy | dx = dy·f′(x); returns Σ dy·∂f/∂β, … |
///
/// `backward(f, p…)` is the backward pass of a learnable activation (Swish-β, PReLU's α, ELU's α,
/// a GELU scale): besides dx it returns the gradient of each named run-time parameter summed over
/// the array, `auto [dbeta] = backward(swish, beta)(xs, dys, dxs, params{beta = 1.f});`, in the
/// same pass (the terms dy·∂f/∂p are computed with dx, sharing its subexpressions, block by block
/// into the stack, and summed in double with a compensated sum: Knuth's TwoSum on 8 lanes). The
/// sum's error is that of the terms (each as accurate as a kernel output) plus the final rounding.
/// It runs on the calling thread (kernel_options::threads is not used).
///
/// `double_backward` is the backward of the backward (grad of grad, for second-order training):
/// the backward pass computes dx = dy·f′(x) from x and dy; given the gradient ddx flowing into dx,
/// its partial derivatives are ∂/∂dy = ddx·f′(x) and ∂/∂x = ddx·dy·f″(x).
///
/// f is an expression of x, or of several variables for `backward`, `forward_backward` and
/// `double_backward` (gated units f(a, b): one gradient output per variable); run-time parameters
/// are allowed (pass `ctdiff::params{…}` after the arrays). The product with dy is kept as written (never folded), so NaN in dy gives NaN
/// in dx even where f′ is the constant 0.

#include <ctdiff/core/node.hpp>
#include <ctdiff/core/operators.hpp>
#include <ctdiff/core/variable.hpp>
#include <ctdiff/diff/derivative.hpp>
#include <ctdiff/eval/fused.hpp>
#include <ctdiff/math/detail/compensated_sum.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <span>
#include <stdexcept>
#include <tuple>
#include <utility>

namespace ctdiff {

namespace eval::detail {
template <class F>
constexpr bool of_x_only() {
    return variables_used(subexpressions_t<F>{}) <= 1;
}
/// How many variables f reads (variable<0> … variable<N−1>; 1 for a constant).
template <class F>
consteval std::size_t variables_of() {
    return std::max<std::size_t>(1, variables_used(subexpressions_t<F>{}));
}
/// a₀ + a₁ + … as written, left to right.
template <class... A>
struct sum_of;
template <class A>
struct sum_of<A> {
    using type = A;
};
template <class A, class B, class... R>
struct sum_of<A, B, R...> {
    using type = typename sum_of<add<A, B>, R...>::type;
};
template <class... A>
using sum_t = typename sum_of<A...>::type;

/// double_backward of f(v₀…v_{N−1}): inputs v…, dy = variable<N>, ddv = variable<N+1…2N>.
template <class F, std::size_t N, class Is>
struct hessian_vector;
template <class F, std::size_t N, std::size_t... I>
struct hessian_vector<F, N, std::index_sequence<I...>> {
    template <class... G>
    using weighted = sum_t<mul<variable<N + 1 + I>, G>...>; // Σᵢ ddvᵢ·Gᵢ
    template <std::size_t J>
    using row = mul<variable<N>, weighted<decltype(d(d(F{}, variable<I>{}), variable<J>{}))...>>;
    using kernel_t = fused_kernel<2 * N + 1, weighted<decltype(d(F{}, variable<I>{}))...>, row<I>...>;
};
template <std::size_t N, class F, std::size_t... K>
constexpr auto derivatives_kernel(std::index_sequence<K...>) {
    return fused(d<K>(F{}, x)...);
}

} // namespace eval::detail

/// dx = dy·f′(x): inputs (x, dy), output dx. For f of N variables (variable<0> … variable<N−1>,
/// N ≥ 2: a gated unit f(a, b)), the vector–Jacobian product: inputs (v₀, …, v_{N−1}, dy),
/// outputs dvᵢ = dy·∂f/∂vᵢ, all in one pass.
template <Expression F>
constexpr auto backward(F) {
    constexpr std::size_t n = eval::detail::variables_of<F>();
    return [&]<std::size_t... I>(std::index_sequence<I...>) {
        return kernel<n + 1>(mul<variable<n>, decltype(d(F{}, variable<I>{}))>{}...);
    }(std::make_index_sequence<n>{});
}
/// The kernel `backward(f, p…)` returns: dx = dy·f′(x) into its output array, Σ dy·∂f/∂p for each
/// parameter p as the call's result.
template <Expression F, std::size_t... I>
class parameter_backward_kernel {
    using terms_t = fused_kernel<2, mul<variable<1>, decltype(d(F{}, x))>,
                                 mul<variable<1>, decltype(d(F{}, parameter<I>{}))>...>;

public:
    static constexpr std::size_t inputs = 2;
    static constexpr std::size_t outputs = 1;
    /// How many parameter gradients a call returns (in the order the builder named them).
    static constexpr std::size_t gradients = sizeof...(I);
    static constexpr std::size_t parameters = terms_t::parameters;
    static constexpr std::uint64_t parameters_mask = terms_t::parameters_mask;

    /// Runs over (x, dy) into dx, then optionally `params{…}`, `kernel_options`, `ctdiff::fast`;
    /// returns {Σ dy·∂f/∂p…} in the arrays' type.
    template <class... Args>
    [[nodiscard]] auto operator()(Args&&... args) const {
        constexpr auto error = eval::detail::call_check<2, 1, parameters, parameters_mask, Args...>();
        eval::detail::explain<error>();
        if constexpr (error == eval::detail::call_error::none) {
            using T = typename eval::detail::element_of<std::tuple_element_t<0, std::tuple<Args...>>>::type;
            auto tup = std::forward_as_tuple(args...);
            const auto extras = eval::detail::read_extras<T, parameters, 3>(tup);
            return run<eval::detail::mode_of_t<Args...>, T>(std::span<const T>(std::get<0>(tup)),
                                                            std::span<const T>(std::get<1>(tup)),
                                                            std::span<T>(std::get<2>(tup)), extras.p, extras.opts);
        } else {
            return std::array<float, gradients>{};
        }
    }

    /// The same with spans: dx written, the parameter gradients returned.
    template <class Mode = accurate_t, std::floating_point T>
    static std::array<T, gradients> run(std::span<const T> xs, std::span<const T> dys, std::span<T> dxs,
                                        const std::array<T, parameters>& p, kernel_options opts = {}) {
        const std::size_t n = xs.size();
        if (dys.size() != n) {
            throw std::invalid_argument(eval::detail::size_message("input", 1, dys.size(), n));
        }
        if (dxs.size() != n) {
            throw std::invalid_argument(eval::detail::size_message("output", 0, dxs.size(), n));
        }
        for (const T* in : {xs.data(), dys.data()}) {
            if (dxs.data() != in && eval::detail::overlaps(dxs.data(), in, n * sizeof(T))) {
                throw std::invalid_argument("ctdiff kernel: output 0 overlaps an input without being the same "
                                            "array; in place is only allowed on the whole array");
            }
        }
        opts.threads = 1;
        constexpr std::size_t block = 1024;
        alignas(64) std::array<std::array<T, block>, gradients> terms;
        std::array<math::detail::lane_sums<>, gradients> sum{};
        for (std::size_t b = 0; b < n; b += block) {
            const std::size_t m = std::min(block, n - b);
            std::array<std::span<T>, 1 + gradients> out{};
            out[0] = dxs.subspan(b, m);
            for (std::size_t k = 0; k < gradients; ++k) {
                out[1 + k] = std::span<T>(terms[k].data(), m);
            }
            terms_t::template run<Mode>({xs.subspan(b, m), dys.subspan(b, m)}, out, p, opts);
            for (std::size_t k = 0; k < gradients; ++k) {
                sum[k].add(terms[k].data(), m);
            }
        }
        std::array<T, gradients> result{};
        for (std::size_t k = 0; k < gradients; ++k) {
            result[k] = static_cast<T>(sum[k].value());
        }
        return result;
    }
};

/// dx = dy·f′(x), and Σ dy·∂f/∂p over the array for each run-time parameter p named:
/// `auto [dbeta] = backward(swish, beta)(xs, dys, dxs, params{beta = 1.f});`.
template <Expression F, std::size_t I0, std::size_t... I>
constexpr parameter_backward_kernel<F, I0, I...> backward(F, parameter<I0>, parameter<I>...) {
    static_assert(eval::detail::of_x_only<F>(), "ctdiff::backward(f, p...): f must be an expression of x alone");
    return {};
}

/// y = f(x) and dx = dy·f′(x) in one pass: inputs (x, dy), outputs (y, dx); for f of N variables
/// inputs (v₀, …, v_{N−1}, dy), outputs (y, dv₀, …, dv_{N−1}).
template <Expression F>
constexpr auto forward_backward(F) {
    constexpr std::size_t n = eval::detail::variables_of<F>();
    return [&]<std::size_t... I>(std::index_sequence<I...>) {
        return kernel<n + 1>(F{}, mul<variable<n>, decltype(d(F{}, variable<I>{}))>{}...);
    }(std::make_index_sequence<n>{});
}

/// f, f′, …, f⁽ᴺ⁾ of x in one pass: input x, N + 1 outputs.
template <std::size_t N, Expression F>
constexpr auto derivatives(F) {
    static_assert(eval::detail::of_x_only<F>(), "ctdiff::derivatives<N>(f): f must be an expression of x alone");
    return eval::detail::derivatives_kernel<N, F>(std::make_index_sequence<N + 1>{});
}

/// Grad of grad: inputs (x, dy, ddx), outputs (d(dy) = ddx·f′(x), d(x) = ddx·dy·f″(x)). For f of
/// N variables: inputs (v₀…, dy, ddv₀…), outputs d(dy) = Σᵢ ddvᵢ·∂f/∂vᵢ and
/// d(vⱼ) = dy·Σᵢ ddvᵢ·∂²f/∂vᵢ∂vⱼ (the Hessian–vector product).
template <Expression F>
constexpr auto double_backward(F) {
    constexpr std::size_t n = eval::detail::variables_of<F>();
    if constexpr (n == 1) {
        using d1 = decltype(d(F{}, x));
        using d2 = decltype(d(d1{}, x));
        return kernel<3>(mul<variable<2>, d1>{}, mul<mul<variable<2>, variable<1>>, d2>{});
    } else {
        return typename eval::detail::hessian_vector<F, n, std::make_index_sequence<n>>::kernel_t{};
    }
}

} // namespace ctdiff

#endif
