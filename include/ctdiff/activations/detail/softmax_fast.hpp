#ifndef CTDIFF_ACTIVATIONS_DETAIL_SOFTMAX_FAST_HPP
#define CTDIFF_ACTIVATIONS_DETAIL_SOFTMAX_FAST_HPP

/// \file
/// The fast mode of the float softmax rows (`softmax(z, p, ctdiff::fast)`, activations/softmax.hpp):
/// float arithmetic and the fast e^x of math/detail/fast_core.hpp, on Highway vectors where the
/// target has them (the rest of a row as one masked vector), the same operations on floats
/// without Highway. Three passes over a row: the maximum m (and whether a NaN is there), e^{zᵢ−m} with
/// the sums, the scaling. What keeps it within a few ULP:
/// - zᵢ − m is carried as hi + lo (TwoSum), e^{zᵢ−m} = e^{hi}·(1 + lo): the subtraction's rounding
///   would otherwise cost |zᵢ − m|·2⁻²⁴ (87 ULP at the bottom of float's range);
/// - the sum is kept in double lanes, and apart from the terms equal to 1 (zᵢ = m): log Σ is
///   log1p of the rest, computed once per row in double, so log pᵢ near 0 keeps its digits.

#include <ctdiff/math/detail/fast_core.hpp>
#include <ctdiff/math/exp.hpp>
#include <ctdiff/math/log.hpp>

#if CTDIFF_HAS_HIGHWAY
#include <ctdiff/math/fast_vec.hpp>
#define CTDIFF_SOFTMAX_SIMD (HWY_TARGET != HWY_SCALAR && HWY_TARGET != HWY_EMU128)
#else
#define CTDIFF_SOFTMAX_SIMD 0
#endif

#include <cstddef>
#include <limits>
#include <span>

namespace ctdiff::activations::detail {

/// z − m as hi + lo exactly (TwoSum), on a float or on lanes; lo is 0 where hi is ±∞ (a −∞ entry).
template <class F>
struct fast_split {
    F hi, lo;
};
template <class F>
CTDIFF_MATH_INLINE fast_split<F> fast_difference(F z, F m) {
    using math::detail::sel;
    const F hi = z - m;
    const F bv = hi - z;
    const F lo = (z - (hi - bv)) + ((F(0.0f) - m) - bv);
    return {hi, sel(hi - hi == F(0.0f), lo, F(0.0f))};
}
/// e^{z − m}: e^{hi} + e^{hi}·lo.
template <class F>
CTDIFF_MATH_INLINE F fast_exp_difference(F z, F m) {
    namespace fc = math::detail::fast;
    using fc::fmadd;
    const fast_split<F> d = fast_difference(z, m);
    const F e = fc::exp(d.hi);
    return fmadd(e, d.lo, e);
}
/// (z − m) − l as (hi − l) + lo: two terms of one sign.
template <class F>
CTDIFF_MATH_INLINE F fast_log_difference(F z, F m, F l) {
    const fast_split<F> d = fast_difference(z, m);
    return (d.hi - l) + d.lo;
}

struct fast_row_sums {
    float m = 0;
    bool undefined = false;
    double ones = 0, rest = 0; // how many zᵢ = m, and Σ e^{zᵢ−m} over the others
};

/// One row: the maximum, then (when e is not empty) e^{zᵢ−m} into e, and the sums.
inline fast_row_sums fast_row(std::span<const float> z, std::span<float> e) {
    fast_row_sums r;
    const std::size_t n = z.size();
    float m = -std::numeric_limits<float>::infinity();
    bool nan = false;
#if CTDIFF_SOFTMAX_SIMD
    namespace hn = math::hn;
    using D = hn::ScalableTag<float>;
    const D d;
    const std::size_t lanes = hn::Lanes(d);
    {
        std::size_t i = 0;
        auto vm = hn::Set(d, m);
        auto vnan = hn::FirstN(d, 0);
        for (; i + lanes <= n; i += lanes) {
            const auto v = hn::LoadU(d, z.data() + i);
            vnan = hn::Or(vnan, hn::Not(hn::Eq(v, v)));
            vm = hn::Max(vm, v);
        }
        if (i < n) { // the rest of the row in one masked vector, −∞ in the unused lanes
            const auto mask = hn::FirstN(d, n - i);
            const auto v = hn::IfThenElse(mask, hn::MaskedLoad(mask, d, z.data() + i), vm);
            vnan = hn::Or(vnan, hn::Not(hn::Eq(v, v)));
            vm = hn::Max(vm, v);
        }
        m = hn::GetLane(hn::MaxOfLanes(d, vm));
        nan = !hn::AllFalse(d, vnan);
    }
#else
    for (std::size_t j = 0; j < n; ++j) {
        nan = nan || z[j] != z[j];
        m = z[j] > m ? z[j] : m;
    }
#endif
    r.m = m;
    r.undefined = nan || m == std::numeric_limits<float>::infinity() || m == -std::numeric_limits<float>::infinity();
    if (r.undefined) {
        return r;
    }
    double rest = 0, ones = 0;
#if CTDIFF_SOFTMAX_SIMD
    {
        std::size_t i = 0;
        using V = math::fast_vec<D>;
        const hn::Half<D> dh;
        const hn::Rebind<double, hn::Half<D>> dd;
        auto lo_sum = hn::Zero(dd), hi_sum = hn::Zero(dd);
        std::size_t count = 0;
        const V vm(m);
        for (; i + lanes <= n; i += lanes) {
            const auto raw = hn::LoadU(d, z.data() + i);
            const auto below = hn::Lt(raw, vm.v);
            const V ev = fast_exp_difference(V(raw), vm);
            if (!e.empty()) {
                hn::StoreU(ev.v, d, e.data() + i);
            }
            const auto t = hn::IfThenElseZero(below, ev.v);
            lo_sum = hn::Add(lo_sum, hn::PromoteTo(dd, hn::LowerHalf(dh, t)));
            hi_sum = hn::Add(hi_sum, hn::PromoteTo(dd, hn::UpperHalf(dh, t)));
            count += lanes - hn::CountTrue(d, below);
        }
        if (i < n) { // the rest: a masked vector, m in the unused lanes (they count neither way)
            const auto mask = hn::FirstN(d, n - i);
            const auto raw = hn::IfThenElse(mask, hn::MaskedLoad(mask, d, z.data() + i), vm.v);
            const auto below = hn::Lt(raw, vm.v);
            const V ev = fast_exp_difference(V(raw), vm);
            if (!e.empty()) {
                hn::BlendedStore(ev.v, mask, d, e.data() + i);
            }
            const auto t = hn::IfThenElseZero(below, ev.v);
            lo_sum = hn::Add(lo_sum, hn::PromoteTo(dd, hn::LowerHalf(dh, t)));
            hi_sum = hn::Add(hi_sum, hn::PromoteTo(dd, hn::UpperHalf(dh, t)));
            count += (n - i) - hn::CountTrue(d, hn::And(mask, below));
        }
        rest = hn::GetLane(hn::SumOfLanes(dd, hn::Add(lo_sum, hi_sum)));
        ones = static_cast<double>(count);
    }
#else
    for (std::size_t j = 0; j < n; ++j) {
        const float v = fast_exp_difference(z[j], m);
        if (!e.empty()) {
            e[j] = v;
        }
        if (z[j] < m) {
            rest += static_cast<double>(v);
        } else {
            ones += 1;
        }
    }
#endif
    r.rest = rest;
    r.ones = ones;
    return r;
}

/// p ← p·inv over a row (vectors, the rest masked).
inline void fast_scale_row(std::span<float> p, float inv) {
#if CTDIFF_SOFTMAX_SIMD
    std::size_t i = 0;
    namespace hn = math::hn;
    const hn::ScalableTag<float> d;
    const std::size_t lanes = hn::Lanes(d);
    const auto vi = hn::Set(d, inv);
    for (; i + lanes <= p.size(); i += lanes) {
        hn::StoreU(hn::Mul(hn::LoadU(d, p.data() + i), vi), d, p.data() + i);
    }
    if (i < p.size()) {
        const auto mask = hn::FirstN(d, p.size() - i);
        hn::BlendedStore(hn::Mul(hn::MaskedLoad(mask, d, p.data() + i), vi), mask, d, p.data() + i);
    }
#else
    for (float& v : p) {
        v *= inv;
    }
#endif
}

/// A row without a limit: NaN throughout (either mode).
template <class T>
constexpr void fill_nan_row(std::span<T> p) {
    for (T& v : p) {
        v = std::numeric_limits<T>::quiet_NaN();
    }
}

/// p = softmax(z), fast: e^{zᵢ−m} times one float 1/Σ.
inline void fast_softmax_row(std::span<const float> z, std::span<float> p) {
    const fast_row_sums r = fast_row(z, p);
    if (r.undefined) {
        return fill_nan_row(p);
    }
    fast_scale_row(p, static_cast<float>(1.0 / (r.ones + r.rest)));
}

/// Cross-entropy of softmax(z) against class `label`, fast: the loss (m − z_label) + log Σ and
/// grad = p − e_label, the label's entry as −Σ_{j≠label} pⱼ (no cancellation where p_label ≈ 1).
inline float fast_cross_entropy_row(std::span<const float> z, std::size_t label, std::span<float> grad) {
    const fast_row_sums r = fast_row(z, grad);
    if (r.undefined) {
        fill_nan_row(grad);
        return std::numeric_limits<float>::quiet_NaN();
    }
    const double s = r.ones + r.rest;
    // Σ_{j≠label} e_j: at a maximum the other ones and the rest, else Σ − e_label (≥ 1: no loss)
    const double others = z[label] < r.m ? s - static_cast<double>(grad[label]) : (r.ones - 1) + r.rest;
    fast_scale_row(grad, static_cast<float>(1.0 / s));
    grad[label] = static_cast<float>(-others / s);
    return static_cast<float>((static_cast<double>(r.m) - static_cast<double>(z[label])) + math::log1p((r.ones - 1) + r.rest));
}

/// log softmax(z), fast: (zᵢ − m) − log Σ, log Σ = log1p((ones − 1) + rest) in double, once.
inline void fast_log_softmax_row(std::span<const float> z, std::span<float> out) {
    const fast_row_sums r = fast_row(z, {});
    if (r.undefined) {
        return fill_nan_row(out);
    }
    const float l = static_cast<float>(math::log1p((r.ones - 1) + r.rest));
#if CTDIFF_SOFTMAX_SIMD
    std::size_t i = 0;
    namespace hn = math::hn;
    using D = hn::ScalableTag<float>;
    using V = math::fast_vec<D>;
    const D d;
    const std::size_t lanes = hn::Lanes(d);
    const V vm(r.m), vl(l);
    for (; i + lanes <= z.size(); i += lanes) {
        hn::StoreU(fast_log_difference(V(hn::LoadU(d, z.data() + i)), vm, vl).v, d, out.data() + i);
    }
    if (i < z.size()) {
        const auto mask = hn::FirstN(d, z.size() - i);
        const V v(hn::IfThenElse(mask, hn::MaskedLoad(mask, d, z.data() + i), vm.v));
        hn::BlendedStore(fast_log_difference(v, vm, vl).v, mask, d, out.data() + i);
    }
#else
    for (std::size_t j = 0; j < z.size(); ++j) {
        out[j] = fast_log_difference(z[j], r.m, l);
    }
#endif
}

/// softmax's backward from p, fast: dz = p ⊙ (g − ⟨g, p⟩), the dot in double lanes (the
/// products of floats are exact there), the rest in float.
inline void fast_softmax_backward_row(std::span<const float> p, std::span<const float> g, std::span<float> dz) {
    const std::size_t n = p.size();
    double dot = 0;
#if CTDIFF_SOFTMAX_SIMD
    namespace hn = math::hn;
    using D = hn::ScalableTag<float>;
    const D d;
    const hn::Half<D> dh;
    const hn::Rebind<double, hn::Half<D>> dd;
    const std::size_t lanes = hn::Lanes(d);
    {
        auto acc0 = hn::Zero(dd), acc1 = hn::Zero(dd);
        const auto add = [&](hn::Vec<D> a, hn::Vec<D> b) {
            acc0 = hn::Add(acc0, hn::Mul(hn::PromoteTo(dd, hn::LowerHalf(dh, a)), hn::PromoteTo(dd, hn::LowerHalf(dh, b))));
            acc1 = hn::Add(acc1, hn::Mul(hn::PromoteTo(dd, hn::UpperHalf(dh, a)), hn::PromoteTo(dd, hn::UpperHalf(dh, b))));
        };
        std::size_t i = 0;
        for (; i + lanes <= n; i += lanes) {
            add(hn::LoadU(d, p.data() + i), hn::LoadU(d, g.data() + i));
        }
        if (i < n) {
            const auto mask = hn::FirstN(d, n - i);
            add(hn::MaskedLoad(mask, d, p.data() + i), hn::MaskedLoad(mask, d, g.data() + i));
        }
        dot = hn::GetLane(hn::SumOfLanes(dd, hn::Add(acc0, acc1)));
    }
    const auto vd = hn::Set(d, static_cast<float>(dot));
    std::size_t i = 0;
    for (; i + lanes <= n; i += lanes) {
        const auto pv = hn::LoadU(d, p.data() + i);
        hn::StoreU(hn::Mul(pv, hn::Sub(hn::LoadU(d, g.data() + i), vd)), d, dz.data() + i);
    }
    if (i < n) {
        const auto mask = hn::FirstN(d, n - i);
        const auto pv = hn::MaskedLoad(mask, d, p.data() + i);
        hn::BlendedStore(hn::Mul(pv, hn::Sub(hn::MaskedLoad(mask, d, g.data() + i), vd)), mask, d, dz.data() + i);
    }
#else
    for (std::size_t j = 0; j < n; ++j) {
        dot += static_cast<double>(p[j]) * static_cast<double>(g[j]);
    }
    const float df = static_cast<float>(dot);
    for (std::size_t j = 0; j < n; ++j) {
        dz[j] = p[j] * (g[j] - df);
    }
#endif
}

/// log-softmax's backward from l, fast: dz = g − e^{l}·Σg (Σg in double lanes, e^{l} the fast
/// one, one fused multiply-add).
inline void fast_log_softmax_backward_row(std::span<const float> l, std::span<const float> g, std::span<float> dz) {
    namespace fc = math::detail::fast;
    const std::size_t n = l.size();
    double sum = 0;
#if CTDIFF_SOFTMAX_SIMD
    namespace hn = math::hn;
    using D = hn::ScalableTag<float>;
    using V = math::fast_vec<D>;
    const D d;
    const hn::Half<D> dh;
    const hn::Rebind<double, hn::Half<D>> dd;
    const std::size_t lanes = hn::Lanes(d);
    {
        auto acc0 = hn::Zero(dd), acc1 = hn::Zero(dd);
        std::size_t i = 0;
        for (; i + lanes <= n; i += lanes) {
            const auto v = hn::LoadU(d, g.data() + i);
            acc0 = hn::Add(acc0, hn::PromoteTo(dd, hn::LowerHalf(dh, v)));
            acc1 = hn::Add(acc1, hn::PromoteTo(dd, hn::UpperHalf(dh, v)));
        }
        if (i < n) {
            const auto v = hn::MaskedLoad(hn::FirstN(d, n - i), d, g.data() + i);
            acc0 = hn::Add(acc0, hn::PromoteTo(dd, hn::LowerHalf(dh, v)));
            acc1 = hn::Add(acc1, hn::PromoteTo(dd, hn::UpperHalf(dh, v)));
        }
        sum = hn::GetLane(hn::SumOfLanes(dd, hn::Add(acc0, acc1)));
    }
    const V vs(-static_cast<float>(sum));
    std::size_t i = 0;
    for (; i + lanes <= n; i += lanes) {
        const V e = fc::exp(V(hn::LoadU(d, l.data() + i)));
        hn::StoreU(fmadd(e, vs, V(hn::LoadU(d, g.data() + i))).v, d, dz.data() + i);
    }
    if (i < n) {
        const auto mask = hn::FirstN(d, n - i);
        const V e = fc::exp(V(hn::MaskedLoad(mask, d, l.data() + i)));
        hn::BlendedStore(fmadd(e, vs, V(hn::MaskedLoad(mask, d, g.data() + i))).v, mask, d, dz.data() + i);
    }
#else
    for (std::size_t j = 0; j < n; ++j) {
        sum += static_cast<double>(g[j]);
    }
    const float s = -static_cast<float>(sum);
    for (std::size_t j = 0; j < n; ++j) {
        dz[j] = fc::fmadd(fc::exp(l[j]), s, g[j]);
    }
#endif
}

} // namespace ctdiff::activations::detail

#endif
