#ifndef CTDIFF_ACTIVATIONS_SOFTMAX_HPP
#define CTDIFF_ACTIVATIONS_SOFTMAX_HPP

/// \file
/// Softmax and log-softmax over rows of C classes (C known at run time), their Jacobian in its
/// structured form, Jacobian–vector products, and the fused softmax–cross-entropy; plus, for a
/// compile-time C, the symbolic `softmax_expr<C, I>` = e^{z_I}/Σⱼe^{z_j} over variable<0..C−1>.
///
/// Facts the code relies on (and the tests check; the texts get the last two wrong):
/// - p = softmax(z) is invariant under z ↦ z − m·1, so the maximum is subtracted first: every
///   exponent is ≤ 0, nothing overflows, and the largest term is exactly 1 (the sum is ≥ 1).
/// - J = ∂p/∂z = diag(p) − ppᵀ: rows and columns sum to 0 (J·1 = 0), J is symmetric.
/// - J is positive semidefinite, not negative: vᵀJv = Σpᵢvᵢ² − (Σpᵢvᵢ)² is the variance of v
///   under p, ≥ 0. Its eigenvalue along 1 is 0, not −1; the other eigenvalues lie in [0, max pᵢ]
///   and are not the pᵢ themselves (they interlace them).
/// - Cross-entropy L = −Σyᵢ log pᵢ has ∂L/∂z = (Σyᵢ)·p − y, which is p − y when the labels sum
///   to 1 (one-hot or a probability vector); the code computes the general form.
///
/// Special values: a row containing NaN gives NaN throughout; a row whose maximum is +∞, or all
/// of whose entries are −∞, has no limit and gives NaN (as PyTorch); −∞ entries beside finite ones
/// get probability 0 and log-probability −∞.
///
/// Sizes are checked: a mismatch throws std::invalid_argument naming the sizes, never overruns.

#include <ctdiff/activations/detail/softmax_fast.hpp>
#include <ctdiff/core/constant.hpp>
#include <ctdiff/core/functions/exp.hpp>
#include <ctdiff/core/functions/log.hpp>
#include <ctdiff/core/node.hpp>
#include <ctdiff/core/operators.hpp>
#include <ctdiff/core/variable.hpp>
#include <ctdiff/math/detail/compensated_sum.hpp>
#include <ctdiff/math/exp.hpp>
#include <ctdiff/math/log.hpp>

#include <algorithm>
#include <array>
#include <concepts>
#include <cstddef>
#include <limits>
#include <ranges>
#include <span>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>

namespace ctdiff::activations {

namespace detail {

[[noreturn]] inline void size_error(const char* fn, const std::string& what) {
    throw std::invalid_argument(std::string("ctdiff::activations::") + fn + ": " + what);
}

constexpr void check_same(const char* fn, const char* a, std::size_t na, const char* b, std::size_t nb) {
    if (na != nb) {
        size_error(fn, std::string(a) + " has " + std::to_string(na) + " elements but " + b + " has " +
                           std::to_string(nb) + "; they must be equal");
    }
}

constexpr void check_shape(const char* fn, const char* a, std::size_t na, std::size_t rows, std::size_t cols) {
    if (cols != 0 && rows > std::numeric_limits<std::size_t>::max() / cols) {
        size_error(fn, "rows × cols = " + std::to_string(rows) + " × " + std::to_string(cols) + " overflows");
    }
    if (na != rows * cols) {
        size_error(fn, std::string(a) + " has " + std::to_string(na) + " elements but rows × cols = " +
                           std::to_string(rows) + " × " + std::to_string(cols) + " = " + std::to_string(rows * cols));
    }
}

// The arrays a function takes: contiguous ranges of one floating type (std::span, std::vector,
// std::array); outputs writable. One sentence where they are not.
template <class R>
using value_t = std::remove_cv_t<std::ranges::range_value_t<std::remove_cvref_t<R>>>;
template <class R>
concept array_arg = std::ranges::contiguous_range<std::remove_cvref_t<R>>;
template <class T, class... In>
constexpr void check_inputs() {
    static_assert(std::floating_point<T>, "ctdiff softmax: the arrays must hold float or double");
    static_assert((std::is_same_v<value_t<In>, T> && ...),
                  "ctdiff softmax: all arrays of a call must hold the same type (float or double)");
}
template <class T, class... Out>
constexpr void check_outputs() {
    static_assert((std::is_same_v<value_t<Out>, T> && ...),
                  "ctdiff softmax: all arrays of a call must hold the same type (float or double)");
    static_assert((!std::is_const_v<std::remove_reference_t<std::ranges::range_reference_t<Out>>> && ...),
                  "ctdiff softmax: an output array is const (or a span of const)");
}

// The spans of a call's arrays; where check_inputs/check_outputs refused them, empty spans, so
// that their sentence is the only error.
template <class T, class R>
constexpr std::span<const T> in_span(R&& r) {
    if constexpr (std::is_same_v<value_t<R>, T>) {
        return std::span<const T>(r);
    } else {
        return {};
    }
}
template <class T, class R>
constexpr std::span<T> out_span(R&& r) {
    if constexpr (std::is_same_v<value_t<R>, T> &&
                  !std::is_const_v<std::remove_reference_t<std::ranges::range_reference_t<R>>>) {
        return std::span<T>(r);
    } else {
        return {};
    }
}

// a − b as hi + lo exactly (TwoSum); for floats a double holds it whole.
using wide_diff = math::detail::dd;
template <class T>
constexpr wide_diff diff(T a, T b) {
    if constexpr (std::is_same_v<T, float>) {
        return {static_cast<double>(a) - static_cast<double>(b), 0.0};
    } else {
        const wide_diff d = math::detail::two_sum(a, -b);
        // ±∞ or NaN: nothing to carry (a select on the bits, so that the loops stay vectorized)
        return {d.hi, math::detail::sel(d.hi - d.hi == 0, d.lo, 0.0)};
    }
}
// e^{a − b} in double: e^{hi}·(1 + lo).
template <class T>
constexpr double exp_diff(T a, T b) {
    const wide_diff d = diff(a, b);
    const double e = math::exp(d.hi); // ≤ 1 (a ≤ b): e + e·lo is e where lo is 0
    return e + e * d.lo;
}

// One row's normalizer: m = max z (k: where), rest = Σ_{j≠k} e^{zⱼ−m} (the term at k is exactly
// 1, so the sum is 1 + rest and its log is log1p(rest), accurate when rest is tiny). A row with
// NaN, or whose maximum is ±∞ (+∞, or all −∞), has no limit: `undefined`.
struct row_stats {
    double m = 0;
    std::size_t k = 0;
    bool undefined = false;
    math::detail::dd rest{0, 0};
    [[nodiscard]] constexpr double sum() const { return (1 + rest.hi) + rest.lo; }
    // log Σⱼ e^{zⱼ−m} = log1p(rest), with rest's carry
    [[nodiscard]] constexpr double log_sum() const { return math::log1p(rest.hi) + rest.lo / (1 + rest.hi); }
};
// e, where given, receives e^{zⱼ−m} rounded to T.
template <class T>
constexpr row_stats stats(std::span<const T> z, std::span<T> e = {}) {
    row_stats r;
    T m = -std::numeric_limits<T>::infinity();
    for (std::size_t i = 0; i < z.size(); ++i) {
        if (math::detail::is_nan(static_cast<double>(z[i]))) {
            r.undefined = true;
        } else if (z[i] > m) {
            m = z[i];
            r.k = i;
        }
    }
    r.m = static_cast<double>(m);
    if (m == std::numeric_limits<T>::infinity() || m == -std::numeric_limits<T>::infinity()) {
        r.undefined = true;
    }
    if (r.undefined) {
        return r;
    }
    // blocks of e^{zᵢ−m} in double (a vectorized loop), then the compensated lanes; the
    // maximum's term, exactly 1, is counted apart
    constexpr std::size_t block = 256;
    std::array<double, block> buf{};
    math::detail::lane_sums<> rest;
    for (std::size_t b = 0; b < z.size(); b += block) {
        const std::size_t n = std::min(block, z.size() - b);
        for (std::size_t j = 0; j < n; ++j) {
            buf[j] = exp_diff(z[b + j], m);
        }
        if (!e.empty()) {
            for (std::size_t j = 0; j < n; ++j) {
                e[b + j] = static_cast<T>(buf[j]);
            }
        }
        if (r.k >= b && r.k < b + n) {
            buf[r.k - b] = 0; // e^{0} = 1 is in e; the sum counts it apart
        }
        rest.add(buf.data(), n);
    }
    r.rest = rest.total();
    return r;
}


template <class T>
constexpr void softmax_row(std::span<const T> z, std::span<T> p) {
    check_same("softmax", "z", z.size(), "p", p.size());
    const row_stats r = stats(z, p);
    if (r.undefined) {
        return fill_nan_row(p);
    }
    const double s = r.sum();
    for (T& v : p) {
        v = static_cast<T>(static_cast<double>(v) / s);
    }
}

template <class T>
constexpr void log_softmax_row(std::span<const T> z, std::span<T> out) {
    check_same("log_softmax", "z", z.size(), "out", out.size());
    const row_stats r = stats(z);
    if (r.undefined) {
        return fill_nan_row(out);
    }
    const double l = r.log_sum();
    const T m = static_cast<T>(r.m);
    for (std::size_t i = 0; i < z.size(); ++i) {
        // (zᵢ − m) ≤ 0 and −l ≤ 0: a sum of two terms of one sign, no cancellation
        const wide_diff d = diff(z[i], m);
        out[i] = static_cast<T>((d.hi - l) + d.lo);
    }
}

template <class T>
constexpr T ce_row(std::span<const T> z, std::size_t label, std::span<T> grad) {
    check_same("softmax_cross_entropy", "z", z.size(), "grad", grad.size());
    if (label >= z.size()) {
        size_error("softmax_cross_entropy",
                   "label " + std::to_string(label) + " is not below the number of classes " + std::to_string(z.size()));
    }
    const row_stats r = stats(z, grad);
    if (r.undefined) {
        fill_nan_row(grad);
        return std::numeric_limits<T>::quiet_NaN();
    }
    // grad = p − e_label; at the label p − 1 = −(Σ_{j≠label} e_j)/Σ e_j, summed without it
    math::detail::lane_sums<1> others;
    for (std::size_t j = 0; j < z.size(); ++j) {
        if (j != label) {
            others.add(static_cast<double>(grad[j]));
        }
    }
    const double s = r.sum();
    for (std::size_t j = 0; j < z.size(); ++j) {
        grad[j] = static_cast<T>(static_cast<double>(grad[j]) / s);
    }
    grad[label] = static_cast<T>(-others.value() / s);
    // L = (m − z_label) + log Σ e^{zⱼ−m}: two terms ≥ 0
    const wide_diff d = diff(static_cast<T>(r.m), z[label]);
    return static_cast<T>((d.hi + r.log_sum()) + d.lo);
}

template <class T>
constexpr T soft_ce_row(std::span<const T> z, std::span<const T> y, std::span<T> grad) {
    check_same("softmax_cross_entropy", "z", z.size(), "y", y.size());
    check_same("softmax_cross_entropy", "z", z.size(), "grad", grad.size());
    const row_stats r = stats(z, grad);
    if (r.undefined) {
        fill_nan_row(grad);
        return std::numeric_limits<T>::quiet_NaN();
    }
    const double l = r.log_sum(), s = r.sum();
    const T m = static_cast<T>(r.m);
    math::detail::lane_sums<1> loss, sy;
    for (std::size_t i = 0; i < z.size(); ++i) {
        if (y[i] != T(0)) { // yᵢ·(lse − zᵢ) = yᵢ·((m − zᵢ) + l), both terms ≥ 0
            const wide_diff d = diff(m, z[i]);
            loss.add(static_cast<double>(y[i]) * ((d.hi + l) + d.lo));
        }
        sy.add(static_cast<double>(y[i]));
    }
    const double total = sy.value();
    for (std::size_t i = 0; i < z.size(); ++i) {
        grad[i] = static_cast<T>(total * (static_cast<double>(grad[i]) / s) - static_cast<double>(y[i]));
    }
    return static_cast<T>(loss.value());
}

// softmax's backward from its output: dz = p ⊙ (g − ⟨g, p⟩); the dot in double on compensated
// lanes (float: the products are exact in double), dz computed in double and rounded once.
template <class T>
constexpr void softmax_backward_row(std::span<const T> p, std::span<const T> g, std::span<T> dz) {
    constexpr std::size_t block = 256;
    std::array<double, block> buf{};
    math::detail::lane_sums<> dot;
    for (std::size_t b = 0; b < p.size(); b += block) {
        const std::size_t n = std::min(block, p.size() - b);
        for (std::size_t j = 0; j < n; ++j) {
            buf[j] = static_cast<double>(p[b + j]) * static_cast<double>(g[b + j]);
        }
        dot.add(buf.data(), n);
    }
    const double d = dot.value();
    for (std::size_t i = 0; i < p.size(); ++i) {
        dz[i] = static_cast<T>(static_cast<double>(p[i]) * (static_cast<double>(g[i]) - d));
    }
}

// log-softmax's backward from its output: dz = g − e^{l}·Σg.
template <class T>
constexpr void log_softmax_backward_row(std::span<const T> l, std::span<const T> g, std::span<T> dz) {
    math::detail::lane_sums<> sum;
    sum.add(g.data(), g.size());
    const double sg = sum.value();
    for (std::size_t i = 0; i < l.size(); ++i) {
        dz[i] = static_cast<T>(static_cast<double>(g[i]) - math::exp(static_cast<double>(l[i])) * sg);
    }
}

// One row of the forward pass (Log: log-softmax), by the fast kernel where asked for and T is
// float (at run time), else the accurate one; and rows × cols of them.
template <bool Fast, bool Log, class T>
constexpr void forward_row(std::span<const T> z, std::span<T> out) {
    check_same(Log ? "log_softmax" : "softmax", "z", z.size(), Log ? "out" : "p", out.size());
    if constexpr (Fast && std::is_same_v<T, float>) {
        if (!std::is_constant_evaluated()) {
            return Log ? fast_log_softmax_row(z, out) : fast_softmax_row(z, out);
        }
    }
    Log ? log_softmax_row<T>(z, out) : softmax_row<T>(z, out);
}
template <bool Fast, bool Log, class T>
constexpr void forward_rows(std::span<const T> z, std::span<T> out, std::size_t rows, std::size_t cols) {
    check_shape(Log ? "log_softmax" : "softmax", "z", z.size(), rows, cols);
    check_shape(Log ? "log_softmax" : "softmax", Log ? "out" : "p", out.size(), rows, cols);
    for (std::size_t r = 0; r < rows; ++r) {
        forward_row<Fast, Log, T>(z.subspan(r * cols, cols), out.subspan(r * cols, cols));
    }
}

// The backward passes over rows × cols: softmax's from p, log-softmax's (Log) from l.
template <bool Fast, bool Log, class T>
constexpr void backward_rows(std::span<const T> y, std::span<const T> g, std::span<T> dz, std::size_t rows,
                             std::size_t cols) {
    const char* fn = Log ? "log_softmax_backward" : "softmax_backward";
    check_shape(fn, Log ? "l" : "p", y.size(), rows, cols);
    check_shape(fn, "g", g.size(), rows, cols);
    check_shape(fn, "dz", dz.size(), rows, cols);
    for (std::size_t r = 0; r < rows; ++r) {
        const auto yr = y.subspan(r * cols, cols), gr = g.subspan(r * cols, cols);
        const auto out = dz.subspan(r * cols, cols);
        if constexpr (Fast && std::is_same_v<T, float>) {
            if (!std::is_constant_evaluated()) {
                Log ? fast_log_softmax_backward_row(yr, gr, out) : fast_softmax_backward_row(yr, gr, out);
                continue;
            }
        }
        Log ? log_softmax_backward_row<T>(yr, gr, out) : softmax_backward_row<T>(yr, gr, out);
    }
}

} // namespace detail

// ---------------------------------------------------------------------------------------------
// Forward. Every function takes its arrays as contiguous ranges of float or double (std::span,
// std::vector, std::array): one row, or a row-major rows × cols array with the row-wise forms.
//
// Accuracy (tests/runtime/activations/softmax.cpp, against long double references on random and
// confident rows of up to 10⁶ classes): float outputs are computed in double and rounded once
// (≤ 1 ULP: p goes through one rounding to float before its division); double outputs are within
// a few ULP — zᵢ − m is carried exactly (TwoSum), the sum Σ e^{zⱼ−m} is a compensated one whose
// largest term is exactly 1, its log is log1p of the rest (so log pᵢ near 0 keeps its digits),
// and the cross-entropy gradient at the label is −(Σ_{j≠label} pⱼ), not p_label − 1.
// ---------------------------------------------------------------------------------------------

/// p = softmax(z) over one row: pᵢ = e^{zᵢ−m}/Σⱼe^{zⱼ−m}, m = max z; `softmax(z, p, ctdiff::fast)`:
/// float rows in float arithmetic with the fast e^x on vectors (activations/detail/softmax_fast.hpp;
/// double arrays ignore the tag). Throws if the sizes differ.
template <detail::array_arg Z, detail::array_arg P, class... Mode>
    requires(sizeof...(Mode) <= 1 && (std::is_same_v<Mode, fast_t> && ...))
constexpr void softmax(Z&& z, P&& p, Mode...) {
    using T = detail::value_t<Z>;
    detail::check_inputs<T>();
    detail::check_outputs<T, P>();
    detail::forward_row<sizeof...(Mode) == 1, false, T>(detail::in_span<T>(z), detail::out_span<T>(p));
}

/// log softmax(z) over one row: (zᵢ − m) − log1p(Σ_{j≠k} e^{zⱼ−m}), k the maximum's index (no log
/// of a rounded pᵢ: accurate for very negative log-probabilities, and near 0); `ctdiff::fast` as
/// for softmax. Throws if the sizes differ.
template <detail::array_arg Z, detail::array_arg O, class... Mode>
    requires(sizeof...(Mode) <= 1 && (std::is_same_v<Mode, fast_t> && ...))
constexpr void log_softmax(Z&& z, O&& out, Mode...) {
    using T = detail::value_t<Z>;
    detail::check_inputs<T>();
    detail::check_outputs<T, O>();
    detail::forward_row<sizeof...(Mode) == 1, true, T>(detail::in_span<T>(z), detail::out_span<T>(out));
}

/// log Σ e^{zᵢ}, stably (the loss's normalizer).
template <detail::array_arg Z>
constexpr auto log_sum_exp(Z&& z) {
    using T = detail::value_t<Z>;
    detail::check_inputs<T>();
    const detail::row_stats r = detail::stats(detail::in_span<T>(z));
    return r.undefined ? std::numeric_limits<T>::quiet_NaN() : static_cast<T>(r.m + r.log_sum());
}

/// softmax of each row of the row-major rows × cols array z into p (`ctdiff::fast` after cols as
/// above). Throws if z or p does not hold exactly rows × cols elements.
template <detail::array_arg Z, detail::array_arg P, class... Mode>
    requires(sizeof...(Mode) <= 1 && (std::is_same_v<Mode, fast_t> && ...))
constexpr void softmax(Z&& z, P&& p, std::size_t rows, std::size_t cols, Mode...) {
    using T = detail::value_t<Z>;
    detail::check_inputs<T>();
    detail::check_outputs<T, P>();
    detail::forward_rows<sizeof...(Mode) == 1, false, T>(detail::in_span<T>(z), detail::out_span<T>(p), rows, cols);
}

/// log_softmax of each row of the row-major rows × cols array z. Throws on a size mismatch.
template <detail::array_arg Z, detail::array_arg O, class... Mode>
    requires(sizeof...(Mode) <= 1 && (std::is_same_v<Mode, fast_t> && ...))
constexpr void log_softmax(Z&& z, O&& out, std::size_t rows, std::size_t cols, Mode...) {
    using T = detail::value_t<Z>;
    detail::check_inputs<T>();
    detail::check_outputs<T, O>();
    detail::forward_rows<sizeof...(Mode) == 1, true, T>(detail::in_span<T>(z), detail::out_span<T>(out), rows, cols);
}

// ---------------------------------------------------------------------------------------------
// Jacobian.
// ---------------------------------------------------------------------------------------------

/// The Jacobian J = diag(p) − ppᵀ of softmax at the point where it gave p, held as p (O(C)
/// memory). J is symmetric, so the vector–Jacobian product vᵀJ equals the Jacobian–vector product.
template <std::floating_point T>
struct softmax_jacobian {
    std::span<const T> p;

    /// Jᵢⱼ = pᵢ(δᵢⱼ − pⱼ).
    [[nodiscard]] constexpr T operator()(std::size_t i, std::size_t j) const { return p[i] * ((i == j ? T(1) : T(0)) - p[j]); }
    [[nodiscard]] constexpr std::size_t size() const { return p.size(); }

    /// out = J·v = p ⊙ (v − (p·v)1), in O(C); p·v summed in double (compensated). Throws on a
    /// size mismatch.
    template <detail::array_arg V, detail::array_arg O>
    constexpr void jvp(V&& v_, O&& out_) const {
        detail::check_inputs<T, V>();
        detail::check_outputs<T, O>();
        const std::span<const T> v = detail::in_span<T>(v_);
        const std::span<T> out = detail::out_span<T>(out_);
        detail::check_same("softmax_jacobian::jvp", "p", p.size(), "v", v.size());
        detail::check_same("softmax_jacobian::jvp", "p", p.size(), "out", out.size());
        detail::softmax_backward_row<T>(p, v, out);
    }
    /// out = Jᵀ·v (= J·v: J is symmetric), in O(C): the backward pass dz = Jᵀ·dp.
    template <detail::array_arg V, detail::array_arg O>
    constexpr void vjp(V&& v, O&& out) const {
        jvp(v, out);
    }
    /// Writes the dense C × C matrix, row-major (for tests and small C). Throws on a size mismatch.
    template <detail::array_arg O>
    constexpr void dense(O&& out_) const {
        detail::check_outputs<T, O>();
        const std::span<T> out = detail::out_span<T>(out_);
        detail::check_shape("softmax_jacobian::dense", "out", out.size(), p.size(), p.size());
        for (std::size_t i = 0; i < p.size(); ++i) {
            for (std::size_t j = 0; j < p.size(); ++j) {
                out[i * p.size() + j] = (*this)(i, j);
            }
        }
    }
};
template <class T>
softmax_jacobian(std::span<const T>) -> softmax_jacobian<T>;
template <class T>
softmax_jacobian(std::span<T>) -> softmax_jacobian<T>;

/// The backward pass of log_softmax from its output l = log p: dz = g − p·Σgᵢ with p = e^{l},
/// in O(C) (Σg compensated, p in double). Throws on a size mismatch.
template <detail::array_arg L, detail::array_arg G, detail::array_arg D>
constexpr void log_softmax_vjp(L&& l_, G&& g_, D&& dz_) {
    using T = detail::value_t<L>;
    detail::check_inputs<T, G>();
    detail::check_outputs<T, D>();
    const std::span<const T> l = detail::in_span<T>(l_), g = detail::in_span<T>(g_);
    const std::span<T> dz = detail::out_span<T>(dz_);
    detail::check_same("log_softmax_vjp", "l", l.size(), "g", g.size());
    detail::check_same("log_softmax_vjp", "l", l.size(), "dz", dz.size());
    detail::log_softmax_backward_row<T>(l, g, dz);
}

/// The backward passes of softmax and log-softmax over rows × cols, from their saved outputs:
/// `softmax_backward(p, g, dz, rows, cols)` is dz = p ⊙ (g − ⟨g, p⟩) per row (J·g, J symmetric),
/// `log_softmax_backward(l, g, dz, rows, cols)` is dz = g − e^{l}·Σg; with `ctdiff::fast` after
/// cols, float rows on vectors (the sums in double lanes, the rest float). Throws on a size
/// mismatch.
template <detail::array_arg P, detail::array_arg G, detail::array_arg D, class... Mode>
    requires(sizeof...(Mode) <= 1 && (std::is_same_v<Mode, fast_t> && ...))
constexpr void softmax_backward(P&& p, G&& g, D&& dz, std::size_t rows, std::size_t cols, Mode...) {
    using T = detail::value_t<P>;
    detail::check_inputs<T, G>();
    detail::check_outputs<T, D>();
    detail::backward_rows<sizeof...(Mode) == 1, false, T>(detail::in_span<T>(p), detail::in_span<T>(g),
                                                          detail::out_span<T>(dz), rows, cols);
}
template <detail::array_arg L, detail::array_arg G, detail::array_arg D, class... Mode>
    requires(sizeof...(Mode) <= 1 && (std::is_same_v<Mode, fast_t> && ...))
constexpr void log_softmax_backward(L&& l, G&& g, D&& dz, std::size_t rows, std::size_t cols, Mode...) {
    using T = detail::value_t<L>;
    detail::check_inputs<T, G>();
    detail::check_outputs<T, D>();
    detail::backward_rows<sizeof...(Mode) == 1, true, T>(detail::in_span<T>(l), detail::in_span<T>(g),
                                                         detail::out_span<T>(dz), rows, cols);
}

// ---------------------------------------------------------------------------------------------
// Fused softmax + cross-entropy.
// ---------------------------------------------------------------------------------------------

/// Cross-entropy of softmax(z) against the class `label` (a one-hot label given as its index):
/// returns L = log Σe^{zⱼ} − z_label and writes grad = p − e_label, in one pass over the row;
/// `ctdiff::fast` after grad: float rows on vectors with the fast e^x. Throws if label ≥ C or the
/// sizes differ.
template <detail::array_arg Z, std::integral I, detail::array_arg G, class... Mode>
    requires(sizeof...(Mode) <= 1 && (std::is_same_v<Mode, fast_t> && ...))
constexpr auto softmax_cross_entropy(Z&& z, I label, G&& grad, Mode...) {
    using T = detail::value_t<Z>;
    detail::check_inputs<T>();
    detail::check_outputs<T, G>();
    if constexpr (std::is_signed_v<I>) {
        if (label < 0) {
            detail::size_error("softmax_cross_entropy", "label " + std::to_string(label) + " is negative");
        }
    }
    const std::span<const T> zs = detail::in_span<T>(z);
    const std::span<T> gs = detail::out_span<T>(grad);
    if constexpr (sizeof...(Mode) == 1 && std::is_same_v<T, float>) {
        if (!std::is_constant_evaluated()) {
            detail::check_same("softmax_cross_entropy", "z", zs.size(), "grad", gs.size());
            if (static_cast<std::size_t>(label) >= zs.size()) {
                detail::size_error("softmax_cross_entropy", "label " + std::to_string(label) +
                                                                " is not below the number of classes " +
                                                                std::to_string(zs.size()));
            }
            return detail::fast_cross_entropy_row(zs, static_cast<std::size_t>(label), gs);
        }
    }
    return detail::ce_row<T>(zs, static_cast<std::size_t>(label), gs);
}

/// Cross-entropy of softmax(z) against soft labels y (any non-negative weights; a probability
/// vector in the usual case): returns L = −Σyᵢ log pᵢ = Σyᵢ·(lse − zᵢ) and writes
/// grad = (Σyᵢ)·p − y, which is p − y when Σyᵢ = 1. Terms with yᵢ = 0 contribute 0 even where
/// log pᵢ = −∞. Throws if the sizes differ.
template <detail::array_arg Z, detail::array_arg Y, detail::array_arg G>
    requires std::floating_point<detail::value_t<Y>>
constexpr auto softmax_cross_entropy(Z&& z, Y&& y, G&& grad) {
    using T = detail::value_t<Z>;
    detail::check_inputs<T, Y>();
    detail::check_outputs<T, G>();
    return detail::soft_ce_row<T>(detail::in_span<T>(z), detail::in_span<T>(y), detail::out_span<T>(grad));
}

/// Row-wise one-hot cross-entropy over the rows × cols array z: loss[r] and the rows of grad
/// (`ctdiff::fast` after cols: float rows on vectors). Throws on a size mismatch or a label ≥ cols.
template <detail::array_arg Z, detail::array_arg Lb, detail::array_arg Ls, detail::array_arg G, class... Mode>
    requires(std::integral<detail::value_t<Lb>> && sizeof...(Mode) <= 1 && (std::is_same_v<Mode, fast_t> && ...))
constexpr void softmax_cross_entropy(Z&& z_, Lb&& labels_, Ls&& loss_, G&& grad_, std::size_t rows, std::size_t cols,
                                     Mode... mode) {
    using T = detail::value_t<Z>;
    detail::check_inputs<T>();
    detail::check_outputs<T, Ls, G>();
    const std::span<const T> z = detail::in_span<T>(z_);
    const std::span<const detail::value_t<Lb>> labels(labels_);
    const std::span<T> loss = detail::out_span<T>(loss_), grad = detail::out_span<T>(grad_);
    detail::check_shape("softmax_cross_entropy", "z", z.size(), rows, cols);
    detail::check_shape("softmax_cross_entropy", "grad", grad.size(), rows, cols);
    detail::check_same("softmax_cross_entropy", "labels", labels.size(), "rows", rows);
    detail::check_same("softmax_cross_entropy", "loss", loss.size(), "rows", rows);
    for (std::size_t r = 0; r < rows; ++r) {
        loss[r] = softmax_cross_entropy(z.subspan(r * cols, cols), labels[r], grad.subspan(r * cols, cols), mode...);
    }
}

/// Row-wise soft-label cross-entropy over the rows × cols arrays z and y.
template <detail::array_arg Z, detail::array_arg Y, detail::array_arg Ls, detail::array_arg G>
    requires std::floating_point<detail::value_t<Y>>
constexpr void softmax_cross_entropy(Z&& z_, Y&& y_, Ls&& loss_, G&& grad_, std::size_t rows, std::size_t cols) {
    using T = detail::value_t<Z>;
    detail::check_inputs<T, Y>();
    detail::check_outputs<T, Ls, G>();
    const std::span<const T> z = detail::in_span<T>(z_), y = detail::in_span<T>(y_);
    const std::span<T> loss = detail::out_span<T>(loss_), grad = detail::out_span<T>(grad_);
    detail::check_shape("softmax_cross_entropy", "z", z.size(), rows, cols);
    detail::check_shape("softmax_cross_entropy", "y", y.size(), rows, cols);
    detail::check_shape("softmax_cross_entropy", "grad", grad.size(), rows, cols);
    detail::check_same("softmax_cross_entropy", "loss", loss.size(), "rows", rows);
    for (std::size_t r = 0; r < rows; ++r) {
        loss[r] = detail::soft_ce_row<T>(z.subspan(r * cols, cols), y.subspan(r * cols, cols), grad.subspan(r * cols, cols));
    }
}

// ---------------------------------------------------------------------------------------------
// Symbolic softmax for a compile-time number of classes.
// ---------------------------------------------------------------------------------------------

namespace detail {
template <std::size_t... J>
constexpr auto exp_sum(std::index_sequence<J...>) {
    return (exp(variable<J>{}) + ...);
}
} // namespace detail

/// Σⱼ e^{z_j} over variable<0..C−1>.
template <std::size_t C>
inline constexpr auto softmax_denominator = detail::exp_sum(std::make_index_sequence<C>{});

/// softmax(z)_I = e^{z_I}/Σⱼe^{z_j} as an expression of variable<0..C−1> (the textbook form,
/// for proofs such as ∂p_I/∂z_J = p_I(δ_IJ − p_J) and Σ_I p_I = 1; the run-time functions above
/// are what to evaluate).
template <std::size_t C, std::size_t I>
    requires(I < C)
inline constexpr auto softmax_expr = exp(variable<I>{}) / softmax_denominator<C>;

/// log softmax(z)_I = z_I − log Σⱼe^{z_j}.
template <std::size_t C, std::size_t I>
    requires(I < C)
inline constexpr auto log_softmax_expr = variable<I>{} - log(softmax_denominator<C>);

} // namespace ctdiff::activations

#endif
