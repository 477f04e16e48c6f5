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

#include <ctdiff/core/constant.hpp>
#include <ctdiff/core/functions/exp.hpp>
#include <ctdiff/core/functions/log.hpp>
#include <ctdiff/core/operators.hpp>
#include <ctdiff/core/variable.hpp>
#include <ctdiff/math/exp.hpp>
#include <ctdiff/math/log.hpp>

#include <concepts>
#include <cstddef>
#include <limits>
#include <span>
#include <stdexcept>
#include <string>
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

template <class T>
constexpr T row_max(std::span<const T> z) {
    T m = -std::numeric_limits<T>::infinity();
    for (const T v : z) {
        m = v > m ? v : m;
    }
    return m;
}

// Σ exp(zᵢ − m) for the row's maximum m, written to p (unnormalized) when p is not empty.
template <class T>
constexpr T shifted_exp_sum(std::span<const T> z, T m, std::span<T> p) {
    T s = 0;
    for (std::size_t i = 0; i < z.size(); ++i) {
        const T e = math::exp(z[i] - m);
        if (!p.empty()) {
            p[i] = e;
        }
        s += e;
    }
    return s;
}

} // namespace detail

// ---------------------------------------------------------------------------------------------
// Forward.
// ---------------------------------------------------------------------------------------------

/// p = softmax(z) over one row: pᵢ = e^{zᵢ−m}/Σⱼe^{zⱼ−m}, m = max z. Error ≤ a few ULP per pᵢ
/// (one exp, one sum of C terms ≥ 1, one division). Throws if the sizes differ.
template <std::floating_point T>
constexpr void softmax(std::span<const T> z, std::span<T> p) {
    detail::check_same("softmax", "z", z.size(), "p", p.size());
    const T m = detail::row_max(z);
    const T s = detail::shifted_exp_sum(z, m, p);
    const T inv = T(1) / s;
    for (T& v : p) {
        v *= inv;
    }
}

/// log softmax(z) over one row: zᵢ − m − log Σⱼe^{zⱼ−m} (no log of a rounded-to-0 pᵢ: accurate
/// for very negative log-probabilities too). Throws if the sizes differ.
template <std::floating_point T>
constexpr void log_softmax(std::span<const T> z, std::span<T> out) {
    detail::check_same("log_softmax", "z", z.size(), "out", out.size());
    const T m = detail::row_max(z);
    const T lse = math::log(detail::shifted_exp_sum(z, m, std::span<T>{}));
    for (std::size_t i = 0; i < z.size(); ++i) {
        out[i] = (z[i] - m) - lse;
    }
}

/// log Σ e^{zᵢ}, stably (the loss's normalizer).
template <std::floating_point T>
constexpr T log_sum_exp(std::span<const T> z) {
    const T m = detail::row_max(z);
    return m + math::log(detail::shifted_exp_sum(z, m, std::span<T>{}));
}

/// softmax of each row of the row-major rows × cols array z into p. Throws if z or p does not
/// hold exactly rows × cols elements.
template <std::floating_point T>
constexpr void softmax(std::span<const T> z, std::span<T> p, std::size_t rows, std::size_t cols) {
    detail::check_shape("softmax", "z", z.size(), rows, cols);
    detail::check_shape("softmax", "p", p.size(), rows, cols);
    for (std::size_t r = 0; r < rows; ++r) {
        softmax(z.subspan(r * cols, cols), p.subspan(r * cols, cols));
    }
}

/// log_softmax of each row of the row-major rows × cols array z. Throws on a size mismatch.
template <std::floating_point T>
constexpr void log_softmax(std::span<const T> z, std::span<T> out, std::size_t rows, std::size_t cols) {
    detail::check_shape("log_softmax", "z", z.size(), rows, cols);
    detail::check_shape("log_softmax", "out", out.size(), rows, cols);
    for (std::size_t r = 0; r < rows; ++r) {
        log_softmax(z.subspan(r * cols, cols), out.subspan(r * cols, cols));
    }
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

    /// out = J·v = p ⊙ (v − (p·v)1), in O(C). Throws on a size mismatch.
    constexpr void jvp(std::span<const T> v, std::span<T> out) const {
        detail::check_same("softmax_jacobian::jvp", "p", p.size(), "v", v.size());
        detail::check_same("softmax_jacobian::jvp", "p", p.size(), "out", out.size());
        T pv = 0;
        for (std::size_t i = 0; i < p.size(); ++i) {
            pv += p[i] * v[i];
        }
        for (std::size_t i = 0; i < p.size(); ++i) {
            out[i] = p[i] * (v[i] - pv);
        }
    }
    /// out = Jᵀ·v (= J·v: J is symmetric), in O(C): the backward pass dz = Jᵀ·dp.
    constexpr void vjp(std::span<const T> v, std::span<T> out) const { jvp(v, out); }
    /// Writes the dense C × C matrix, row-major (for tests and small C). Throws on a size mismatch.
    constexpr void dense(std::span<T> out) const {
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
/// in O(C). Throws on a size mismatch.
template <std::floating_point T>
constexpr void log_softmax_vjp(std::span<const T> l, std::span<const T> g, std::span<T> dz) {
    detail::check_same("log_softmax_vjp", "l", l.size(), "g", g.size());
    detail::check_same("log_softmax_vjp", "l", l.size(), "dz", dz.size());
    T sg = 0;
    for (const T v : g) {
        sg += v;
    }
    for (std::size_t i = 0; i < l.size(); ++i) {
        dz[i] = g[i] - math::exp(l[i]) * sg;
    }
}

// ---------------------------------------------------------------------------------------------
// Fused softmax + cross-entropy.
// ---------------------------------------------------------------------------------------------

/// Cross-entropy of softmax(z) against the class `label` (a one-hot label given as its index):
/// returns L = log Σe^{zⱼ} − z_label and writes grad = p − e_label, in one pass over the row.
/// Throws if label ≥ C or the sizes differ.
template <std::floating_point T>
constexpr T softmax_cross_entropy(std::span<const T> z, std::size_t label, std::span<T> grad) {
    detail::check_same("softmax_cross_entropy", "z", z.size(), "grad", grad.size());
    if (label >= z.size()) {
        detail::size_error("softmax_cross_entropy", "label " + std::to_string(label) + " is not below the number of classes " +
                                                        std::to_string(z.size()));
    }
    const T m = detail::row_max(z);
    const T s = detail::shifted_exp_sum(z, m, grad);
    const T inv = T(1) / s;
    for (T& g : grad) {
        g *= inv;
    }
    grad[label] -= T(1);
    return math::log(s) - (z[label] - m);
}

/// Cross-entropy of softmax(z) against soft labels y (any non-negative weights; a probability
/// vector in the usual case): returns L = −Σyᵢ log pᵢ = Σyᵢ·(lse − zᵢ) and writes
/// grad = (Σyᵢ)·p − y, which is p − y when Σyᵢ = 1. Terms with yᵢ = 0 contribute 0 even where
/// log pᵢ = −∞. Throws if the sizes differ.
template <std::floating_point T>
constexpr T softmax_cross_entropy(std::span<const T> z, std::span<const T> y, std::span<T> grad) {
    detail::check_same("softmax_cross_entropy", "z", z.size(), "y", y.size());
    detail::check_same("softmax_cross_entropy", "z", z.size(), "grad", grad.size());
    const T m = detail::row_max(z);
    const T s = detail::shifted_exp_sum(z, m, grad);
    const T lse = math::log(s);
    const T inv = T(1) / s;
    T loss = 0;
    T sy = 0;
    for (std::size_t i = 0; i < z.size(); ++i) {
        if (y[i] != T(0)) {
            loss += y[i] * (lse - (z[i] - m));
        }
        sy += y[i];
    }
    for (std::size_t i = 0; i < z.size(); ++i) {
        grad[i] = sy * (grad[i] * inv) - y[i];
    }
    return loss;
}

/// Row-wise one-hot cross-entropy over the rows × cols array z: loss[r] and the rows of grad.
/// Throws on a size mismatch or a label ≥ cols.
template <std::floating_point T>
constexpr void softmax_cross_entropy(std::span<const T> z, std::span<const std::size_t> labels, std::span<T> loss,
                                     std::span<T> grad, std::size_t rows, std::size_t cols) {
    detail::check_shape("softmax_cross_entropy", "z", z.size(), rows, cols);
    detail::check_shape("softmax_cross_entropy", "grad", grad.size(), rows, cols);
    detail::check_same("softmax_cross_entropy", "labels", labels.size(), "rows", rows);
    detail::check_same("softmax_cross_entropy", "loss", loss.size(), "rows", rows);
    for (std::size_t r = 0; r < rows; ++r) {
        loss[r] = softmax_cross_entropy(z.subspan(r * cols, cols), labels[r], grad.subspan(r * cols, cols));
    }
}

/// Row-wise soft-label cross-entropy over the rows × cols arrays z and y.
template <std::floating_point T>
constexpr void softmax_cross_entropy(std::span<const T> z, std::span<const T> y, std::span<T> loss, std::span<T> grad,
                                     std::size_t rows, std::size_t cols) {
    detail::check_shape("softmax_cross_entropy", "z", z.size(), rows, cols);
    detail::check_shape("softmax_cross_entropy", "y", y.size(), rows, cols);
    detail::check_shape("softmax_cross_entropy", "grad", grad.size(), rows, cols);
    detail::check_same("softmax_cross_entropy", "loss", loss.size(), "rows", rows);
    for (std::size_t r = 0; r < rows; ++r) {
        loss[r] = softmax_cross_entropy(z.subspan(r * cols, cols), y.subspan(r * cols, cols), grad.subspan(r * cols, cols));
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
