#ifndef CTDIFF_EVAL_DETAIL_SIMD_LOOP_HPP
#define CTDIFF_EVAL_DETAIL_SIMD_LOOP_HPP

/// \file
/// The explicit-SIMD element loop of the float kernels (private: use ctdiff/eval/fused.hpp).
///
/// Where Highway is available (math/detail/config.hpp), a float kernel whose formula computes in
/// float — the fast mode (math::fast_float), or a formula of arithmetic and selects alone — and
/// whose every node has a lane form (`lane_ready`) runs here: the DAG of eval/dag.hpp evaluated
/// once per vector of math::fast_vec lanes, full vectors first, then one masked pass over the
/// rest (Highway's strip-mining shape). Every lane performs the operations the scalar evaluation
/// performs (math/fast_vec.hpp), so the outputs are `k.at(…)`'s bits at every element. Any other
/// kernel runs the plain loop of detail/loop.hpp.

#include <ctdiff/core/constant.hpp>
#include <ctdiff/core/function.hpp>
#include <ctdiff/core/node.hpp>
#include <ctdiff/core/operators.hpp>
#include <ctdiff/core/select.hpp>
#include <ctdiff/core/variable.hpp>
#include <ctdiff/eval/dag.hpp>
#include <ctdiff/eval/detail/type_list.hpp>
#include <ctdiff/math/detail/config.hpp>
#include <ctdiff/math/fast_float.hpp>

#include <array>
#include <cstddef>
#include <type_traits>

#if CTDIFF_HAS_HIGHWAY
#include <ctdiff/math/fast_vec.hpp>
// A target with vectors (not Highway's one-lane HWY_SCALAR or its emulation, where the plain loop
// is as good): e.g. a build without -march on x86-64 gets HWY_SCALAR and keeps the plain loop.
#define CTDIFF_SIMD_LOOP (HWY_TARGET != HWY_SCALAR && HWY_TARGET != HWY_EMU128)
#else
#define CTDIFF_SIMD_LOOP 0
#endif

namespace ctdiff::eval::detail {

/// Whether a node kind has a lane form: the leaves, constants, + − × ÷, integer powers, selects,
/// and the application of a function tag that says so (`vectorized`, core/function.hpp).
template <class E>
inline constexpr bool lane_ready_v = false;
template <std::size_t I>
inline constexpr bool lane_ready_v<variable<I>> = true;
template <std::size_t I>
inline constexpr bool lane_ready_v<parameter<I>> = true;
template <ratio R>
inline constexpr bool lane_ready_v<constant<R>> = true;
template <class A, class B>
inline constexpr bool lane_ready_v<add<A, B>> = true;
template <class A, class B>
inline constexpr bool lane_ready_v<sub<A, B>> = true;
template <class A, class B>
inline constexpr bool lane_ready_v<mul<A, B>> = true;
template <class A, class B>
inline constexpr bool lane_ready_v<divide<A, B>> = true;
template <class A>
inline constexpr bool lane_ready_v<neg<A>> = true;
template <class A, ratio P>
inline constexpr bool lane_ready_v<power<A, P>> = P.is_integer();
template <class F, class A>
inline constexpr bool lane_ready_v<apply<F, A>> = requires { requires F::vectorized; };
template <class Op, class L, class R, class A, class B>
inline constexpr bool lane_ready_v<select_node<comparison<Op, L, R>, A, B>> = true;

template <class... Ns>
consteval bool all_lane_ready(type_list<Ns...>) {
    return (lane_ready_v<Ns> && ...);
}

/// Whether a kernel over T arrays computing in C with these nodes runs the explicit-SIMD loop.
template <class T, class C, class Nodes>
inline constexpr bool uses_simd_v = CTDIFF_SIMD_LOOP && std::is_same_v<T, float> &&
                                    (std::is_same_v<C, math::fast_float> || std::is_same_v<C, float>) &&
                                    all_lane_ready(Nodes{});

#if CTDIFF_SIMD_LOOP

template <std::size_t NIn, std::size_t NP, class Nodes, class... Outs>
struct simd_loop {
    using D = math::hn::ScalableTag<float>;
    using V = math::fast_vec<D>;

    /// out_k[i] = output k at element i, for i in [0, n); in[j] and out[k] may not overlap
    /// (fused.hpp routes in-place calls through a block of its own).
    [[gnu::flatten]] static void run(std::size_t n, const std::array<float, NP>& p,
                                     const std::array<const float*, NIn>& in,
                                     const std::array<float*, sizeof...(Outs)>& out) {
        namespace hn = math::hn;
        const D d;
        const std::size_t lanes = hn::Lanes(d);
        std::array<V, NP> pv{};
        for (std::size_t j = 0; j < NP; ++j) {
            pv[j] = V(p[j]);
        }
        std::size_t i = 0;
        [&]<std::size_t... J, std::size_t... O>(std::index_sequence<J...>, std::index_sequence<O...>) {
            for (; i + lanes <= n; i += lanes) {
                const environment<V, NIn, NP> env{{V(hn::LoadU(d, in[J] + i))...}, pv};
                const auto s = evaluate_dag<Nodes>(env);
                (hn::StoreU(s[slot_v<Outs, Nodes>].v, d, out[O] + i), ...);
            }
            if (i < n) { // the rest, fewer than `lanes`: masked loads (0 in the unused lanes) and stores
                const auto m = hn::FirstN(d, n - i);
                const environment<V, NIn, NP> env{{V(hn::MaskedLoad(m, d, in[J] + i))...}, pv};
                const auto s = evaluate_dag<Nodes>(env);
                (hn::BlendedStore(s[slot_v<Outs, Nodes>].v, m, d, out[O] + i), ...);
            }
        }(std::make_index_sequence<NIn>{}, std::index_sequence_for<Outs...>{});
    }
};

#else

template <std::size_t NIn, std::size_t NP, class Nodes, class... Outs>
struct simd_loop; // never used: uses_simd_v is false without a SIMD target

#endif

} // namespace ctdiff::eval::detail

#endif
