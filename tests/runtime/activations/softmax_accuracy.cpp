// Softmax, log-softmax, their backward products and softmax–cross-entropy (one-hot and soft
// labels) against long double references with compensated sums, on random rows of up to 10⁶
// classes and spreads from 1 to 100, confident rows (one logit far above the rest), −∞ entries,
// and the rows that have no limit (NaN, +∞, all −∞). Each output is held to the bound that
// docs/activations.md states.
#include <ctdiff/activations/softmax.hpp>

#include <catch2/catch.hpp>

#include "test_bits.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <random>
#include <vector>

namespace act = ctdiff::activations;
using test_support::ulps;

namespace {

using ld = long double;

struct kahan {
    ld s = 0, c = 0;
    void add(ld v) {
        const ld y = v - c, t = s + y;
        c = (t - s) - y;
        s = t;
    }
};

// p, log p, log Σe^z of one row, long double: the maximum's term is 1, the rest summed apart so
// that log p near 0 keeps its digits (log1p of the rest).
struct reference {
    std::vector<ld> p, logp;
    ld lse = 0, sum = 0, log_sum = 0; // log_sum: log Σe^{zⱼ−m}, apart from m
    std::size_t k = 0;
};
template <class T>
reference make_reference(const std::vector<T>& z) {
    reference r;
    r.k = static_cast<std::size_t>(std::max_element(z.begin(), z.end()) - z.begin());
    const ld m = z[r.k];
    kahan rest;
    for (std::size_t i = 0; i < z.size(); ++i) {
        if (i != r.k) rest.add(std::exp(static_cast<ld>(z[i]) - m));
    }
    const ld l = std::log1p(rest.s);
    r.sum = 1 + rest.s;
    r.lse = m + l;
    r.log_sum = l;
    for (const T v : z) {
        r.p.push_back(std::exp(static_cast<ld>(v) - m) / r.sum);
        r.logp.push_back((static_cast<ld>(v) - m) - l);
    }
    return r;
}

template <class T>
std::vector<T> random_row(std::size_t c, double spread, unsigned seed) {
    std::mt19937_64 gen(seed);
    std::normal_distribution<double> g(0, spread);
    std::vector<T> z(c);
    for (auto& v : z) v = static_cast<T>(g(gen));
    return z;
}

// bounds in ULP: float is computed in double and rounded once (p twice: e, then e/Σ); double
// carries zᵢ − m and the sum exactly enough for a few ULP
template <class T>
constexpr double bound_p = sizeof(T) == 4 ? 1.0 : 4.0;
template <class T>
constexpr double bound_log = sizeof(T) == 4 ? 1.0 : 4.0;

// One-hot cross-entropy at `label` against the reference: the loss as two terms ≥ 0,
// (m − z_label) + log Σe^{zⱼ−m}, and at the label p − 1 = −Σ_{j≠label} pⱼ (long double's
// p_label − 1 cancels where p_label ≈ 1), within the bounds in ULP given.
template <class T>
void check_one_hot(const std::vector<T>& z, const reference& r, std::size_t label, T loss, const std::vector<T>& grad,
                   double loss_bound, double grad_bound) {
    const ld m = z[r.k];
    CHECK(ulps(loss, (m - static_cast<ld>(z[label])) + r.log_sum) <= loss_bound);
    kahan others;
    for (std::size_t j = 0; j < z.size(); ++j) {
        if (j != label) others.add(r.p[j]);
    }
    double wg = 0;
    for (std::size_t i = 0; i < z.size(); ++i) {
        const ld want = i == label ? -others.s : r.p[i];
        if (std::fabs(want) >= std::numeric_limits<T>::min()) wg = std::max(wg, ulps(grad[i], want));
    }
    INFO("label " << label << ": max ULP of the gradient " << wg);
    CHECK(wg <= grad_bound);
}

template <class T>
void check_row(const std::vector<T>& z, const char* what) {
    INFO(what << ", C = " << z.size());
    const reference r = make_reference(z);
    std::vector<T> p(z.size()), l(z.size()), grad(z.size()), sgrad(z.size());
    act::softmax(z, p); // any contiguous range: a std::vector as it is
    act::log_softmax(z, l);
    double wp = 0, wl = 0;
    for (std::size_t i = 0; i < z.size(); ++i) {
        if (std::fabs(r.p[i]) >= std::numeric_limits<T>::min()) wp = std::max(wp, ulps(p[i], r.p[i]));
        else CHECK(std::fabs(static_cast<ld>(p[i]) - r.p[i]) <= std::numeric_limits<T>::denorm_min());
        wl = std::max(wl, ulps(l[i], r.logp[i]));
    }
    INFO("max ULP: p " << wp << ", log p " << wl);
    CHECK(wp <= bound_p<T>);
    CHECK(wl <= bound_log<T>);
    CHECK(ulps(act::log_sum_exp(z), r.lse) <= bound_log<T>);
    // one-hot cross-entropy at the maximum's class and at another
    for (const std::size_t label : {r.k, (r.k + 1) % z.size()}) {
        const T loss = act::softmax_cross_entropy(z, label, grad);
        check_one_hot(z, r, label, loss, grad, bound_log<T>, bound_p<T> + 1);
    }
    // soft labels: y a probability vector
    std::vector<T> y(z.size());
    std::mt19937_64 gen(z.size());
    std::uniform_real_distribution<double> u(0, 1);
    ld sy = 0;
    for (auto& v : y) sy += (v = static_cast<T>(u(gen)));
    ld want_loss = 0, scale = 0;
    for (std::size_t i = 0; i < z.size(); ++i) want_loss -= static_cast<ld>(y[i]) * r.logp[i];
    const T sloss = act::softmax_cross_entropy(z, y, sgrad);
    CHECK(ulps(sloss, want_loss) <= bound_log<T> + 1);
    for (std::size_t i = 0; i < z.size(); ++i) {
        const ld want = sy * r.p[i] - static_cast<ld>(y[i]);
        scale = sy * r.p[i] + static_cast<ld>(y[i]); // the two terms of a difference that may cancel
        CHECK(std::fabs(static_cast<ld>(sgrad[i]) - want) <=
              2 * std::numeric_limits<T>::epsilon() * scale + std::numeric_limits<T>::denorm_min());
    }
    // the backward products: J·v (softmax) and log-softmax's, relative to their terms
    std::vector<T> v(z.size()), out(z.size());
    for (auto& e : v) e = static_cast<T>(u(gen) * 2 - 1);
    act::softmax_jacobian<T>{p}.jvp(v, out);
    kahan pv;
    for (std::size_t i = 0; i < z.size(); ++i) pv.add(r.p[i] * static_cast<ld>(v[i]));
    for (std::size_t i = 0; i < z.size(); ++i) {
        const ld want = r.p[i] * (static_cast<ld>(v[i]) - pv.s);
        const ld terms = r.p[i] * (std::fabs(static_cast<ld>(v[i])) + std::fabs(pv.s));
        CHECK(std::fabs(static_cast<ld>(out[i]) - want) <=
              4 * std::numeric_limits<T>::epsilon() * terms + std::numeric_limits<T>::denorm_min());
    }
    act::log_softmax_vjp(l, v, out);
    kahan sg;
    for (const T e : v) sg.add(e);
    for (std::size_t i = 0; i < z.size(); ++i) {
        // from the l it is given: e^{l} of a rounded l differs from p by |l|·ε, which is l's, not the vjp's
        const ld pl = std::exp(static_cast<ld>(l[i]));
        const ld want = static_cast<ld>(v[i]) - pl * sg.s;
        const ld terms = std::fabs(static_cast<ld>(v[i])) + pl * std::fabs(sg.s);
        CHECK(std::fabs(static_cast<ld>(out[i]) - want) <=
              4 * std::numeric_limits<T>::epsilon() * terms + std::numeric_limits<T>::denorm_min());
    }
}

} // namespace

TEMPLATE_TEST_CASE("softmax family: random rows of 1 to 10^6 classes, spreads 1 to 100", "[activations][softmax]",
                   float, double) {
    using T = TestType;
    unsigned seed = 1;
    for (const std::size_t c : {std::size_t{1}, std::size_t{2}, std::size_t{10}, std::size_t{1000}, std::size_t{32000}}) {
        for (const double spread : {1.0, 10.0, 100.0}) {
            check_row(random_row<T>(c, spread, seed++), "random");
        }
    }
    check_row(random_row<T>(1000000, 3.0, 99), "random, 10^6 classes");
}

TEMPLATE_TEST_CASE("softmax family: confident rows, -inf entries, rows without a limit", "[activations][softmax]",
                   float, double) {
    using T = TestType;
    // one logit 12, 999 zeros: p ≈ 0.994, log p and the loss ≈ 0.0061 (the float sum used to be
    // 0.88 % off here)
    std::vector<T> confident(1000, T(0));
    confident[0] = T(12);
    check_row(confident, "confident");
    std::vector<T> very(4096, T(-30));
    very[17] = T(30);
    check_row(very, "very confident");
    // −∞ beside finite entries: p = 0, log p = −∞
    std::vector<T> z{T(1), -std::numeric_limits<T>::infinity(), T(-2)}, p(3), l(3);
    act::softmax(z, p);
    act::log_softmax(z, l);
    CHECK(p[1] == T(0));
    CHECK(l[1] == -std::numeric_limits<T>::infinity());
    CHECK(ulps(p[0], 1 / (1 + std::exp(-3.0L))) <= bound_p<T>);
    // no limit: NaN, +∞ or all −∞ give NaN throughout (as PyTorch)
    for (const auto& row : {std::vector<T>{T(1), std::numeric_limits<T>::quiet_NaN()},
                            std::vector<T>{T(1), std::numeric_limits<T>::infinity()},
                            std::vector<T>{-std::numeric_limits<T>::infinity(), -std::numeric_limits<T>::infinity()}}) {
        std::vector<T> q(2), g(2);
        act::softmax(row, q);
        act::log_softmax(row, g);
        CHECK((std::isnan(q[0]) && std::isnan(q[1]) && std::isnan(g[0]) && std::isnan(g[1])));
        CHECK(std::isnan(act::softmax_cross_entropy(row, 0, g)));
        CHECK(std::isnan(g[1]));
    }
    // rows × cols with a std::vector of labels
    std::vector<T> zz = random_row<T>(3 * 50, 5.0, 3), grad(150), loss(3);
    const std::vector<int> labels{0, 49, 7};
    act::softmax_cross_entropy(zz, labels, loss, grad, 3, 50);
    for (std::size_t r = 0; r < 3; ++r) {
        const std::vector<T> row(zz.begin() + static_cast<std::ptrdiff_t>(50 * r),
                                 zz.begin() + static_cast<std::ptrdiff_t>(50 * (r + 1)));
        const reference ref = make_reference(row);
        const ld m = row[ref.k];
        CHECK(ulps(loss[r], (m - static_cast<ld>(row[static_cast<std::size_t>(labels[r])])) + ref.log_sum) <= bound_log<T>);
    }
}

TEST_CASE("softmax and log_softmax in the fast mode: float rows within 3 and 2 ULP", "[activations][softmax][fast]") {
    using T = float;
    unsigned seed = 500;
    const auto check = [](const std::vector<T>& z, const char* what) {
        INFO(what << ", C = " << z.size());
        const reference r = make_reference(z);
        std::vector<T> p(z.size()), l(z.size());
        act::softmax(z, p, ctdiff::fast);
        act::log_softmax(z, l, ctdiff::fast);
        double wp = 0, wl = 0;
        for (std::size_t i = 0; i < z.size(); ++i) {
            if (std::fabs(r.p[i]) >= std::numeric_limits<T>::min()) wp = std::max(wp, ulps(p[i], r.p[i]));
            else CHECK(std::fabs(static_cast<ld>(p[i]) - r.p[i]) <= 2 * std::numeric_limits<T>::min());
            wl = std::max(wl, ulps(l[i], r.logp[i]));
        }
        INFO("max ULP: p " << wp << ", log p " << wl);
        CHECK(wp <= 3);
        CHECK(wl <= 2);
    };
    // lengths around the vector width (16 lanes with AVX-512, 8 with AVX2), spreads 1 to 100
    for (const std::size_t c : {std::size_t{1}, std::size_t{5}, std::size_t{15}, std::size_t{16}, std::size_t{17},
                                std::size_t{1000}, std::size_t{32003}}) {
        for (const double spread : {1.0, 10.0, 100.0}) {
            check(random_row<T>(c, spread, seed++), "random");
        }
    }
    check(random_row<T>(1000000, 3.0, 7), "random, 10^6 classes");
    std::vector<T> confident(1000, T(0));
    confident[0] = T(12);
    check(confident, "confident");
    std::vector<T> ties(40, T(3)); // every entry the maximum: p = 1/40, log p = −log 40
    check(ties, "ties");
    std::vector<T> z{T(1), -std::numeric_limits<T>::infinity(), T(-2)}, p(3), l(3);
    act::softmax(z, p, ctdiff::fast);
    act::log_softmax(z, l, ctdiff::fast);
    CHECK(p[1] == T(0));
    CHECK(l[1] == -std::numeric_limits<T>::infinity());
    for (const auto& row : {std::vector<T>(20, std::numeric_limits<T>::quiet_NaN()),
                            std::vector<T>{T(1), std::numeric_limits<T>::infinity()},
                            std::vector<T>(33, -std::numeric_limits<T>::infinity())}) {
        std::vector<T> q(row.size()), g(row.size());
        act::softmax(row, q, ctdiff::fast);
        act::log_softmax(row, g, ctdiff::fast);
        CHECK(std::all_of(q.begin(), q.end(), [](T v) { return std::isnan(v); }));
        CHECK(std::all_of(g.begin(), g.end(), [](T v) { return std::isnan(v); }));
    }
    // a NaN in the vector part of a long row
    std::vector<T> one_nan(64, T(0.5)), q(64);
    one_nan[3] = std::numeric_limits<T>::quiet_NaN();
    act::softmax(one_nan, q, ctdiff::fast);
    CHECK(std::all_of(q.begin(), q.end(), [](T v) { return std::isnan(v); }));
    // rows × cols, and double arrays (which ignore the tag: the accurate bits)
    std::vector<T> zz = random_row<T>(3 * 50, 5.0, 3), pp(150), pr(50);
    act::softmax(zz, pp, 3, 50, ctdiff::fast);
    act::softmax(std::span<const T>(zz).subspan(50, 50), pr, ctdiff::fast);
    CHECK(std::equal(pr.begin(), pr.end(), pp.begin() + 50));
    std::vector<double> zd(10, 0.25), pd(10), pa(10);
    act::softmax(zd, pd, ctdiff::fast);
    act::softmax(zd, pa);
    CHECK(pd == pa);
}

TEMPLATE_TEST_CASE("softmax_backward and log_softmax_backward over rows, default and fast", "[activations][softmax]",
                   float, double) {
    using T = TestType;
    for (const std::size_t cols : {std::size_t{1}, std::size_t{7}, std::size_t{16}, std::size_t{33}, std::size_t{1000}}) {
        const std::size_t rows = 5;
        const auto z = random_row<T>(rows * cols, 4.0, static_cast<unsigned>(cols));
        const auto g = random_row<T>(rows * cols, 1.0, static_cast<unsigned>(cols) + 1);
        std::vector<T> p(rows * cols), l(rows * cols), dz(rows * cols), dzl(rows * cols);
        act::softmax(z, p, rows, cols);
        act::log_softmax(z, l, rows, cols);
        const auto check = [&](bool fast_mode) {
            INFO("C = " << cols << (fast_mode ? ", fast" : ""));
            if (fast_mode) {
                act::softmax_backward(p, g, dz, rows, cols, ctdiff::fast);
                act::log_softmax_backward(l, g, dzl, rows, cols, ctdiff::fast);
            } else {
                act::softmax_backward(p, g, dz, rows, cols);
                act::log_softmax_backward(l, g, dzl, rows, cols);
            }
            const ld eps = std::numeric_limits<T>::epsilon();
            const double tol = fast_mode && sizeof(T) == 4 ? 4 : 2;
            for (std::size_t r = 0; r < rows; ++r) {
                kahan dot, sum;
                ld dot_scale = 0, sum_scale = 0; // a dot product's (and a sum's) error is relative to Σ|terms|
                for (std::size_t i = 0; i < cols; ++i) {
                    dot.add(static_cast<ld>(p[r * cols + i]) * g[r * cols + i]);
                    sum.add(g[r * cols + i]);
                    dot_scale += std::fabs(static_cast<ld>(p[r * cols + i]) * g[r * cols + i]);
                    sum_scale += std::fabs(static_cast<ld>(g[r * cols + i]));
                }
                for (std::size_t i = 0; i < cols; ++i) {
                    const std::size_t k = r * cols + i;
                    const ld pk = p[k], gk = g[k], el = std::exp(static_cast<ld>(l[k]));
                    const ld want = pk * (gk - dot.s), terms = pk * (std::fabs(gk) + dot_scale);
                    REQUIRE(std::fabs(static_cast<ld>(dz[k]) - want) <= tol * eps * terms + std::numeric_limits<T>::denorm_min());
                    const ld want_l = gk - el * sum.s, terms_l = std::fabs(gk) + el * sum_scale;
                    REQUIRE(std::fabs(static_cast<ld>(dzl[k]) - want_l) <= tol * eps * terms_l + std::numeric_limits<T>::denorm_min());
                }
            }
        };
        check(false);
        check(true);
    }
    std::vector<T> p(6), g(6), dz(5);
    CHECK_THROWS_AS(act::softmax_backward(p, g, dz, 2, 3), std::invalid_argument);
}

TEST_CASE("softmax_cross_entropy in the fast mode: loss within 2 ULP, gradient within 3", "[activations][softmax][fast]") {
    using T = float;
    unsigned seed = 900;
    const auto check = [](const std::vector<T>& z, std::size_t label, const char* what) {
        INFO(what << ", C = " << z.size() << ", label " << label);
        const reference r = make_reference(z);
        std::vector<T> grad(z.size());
        const T loss = act::softmax_cross_entropy(z, label, grad, ctdiff::fast);
        check_one_hot(z, r, label, loss, grad, 2, 3);
    };
    for (const std::size_t c : {std::size_t{1}, std::size_t{9}, std::size_t{16}, std::size_t{1000}, std::size_t{32003}}) {
        for (const double spread : {1.0, 10.0, 100.0}) {
            const auto z = random_row<T>(c, spread, seed++);
            const auto k = static_cast<std::size_t>(std::max_element(z.begin(), z.end()) - z.begin());
            check(z, k, "random, the maximum's class");
            check(z, (k + 1) % c, "random, another class");
        }
    }
    std::vector<T> confident(1000, T(0));
    confident[0] = T(12);
    check(confident, 0, "confident");
    check(confident, 5, "confident, wrong class");
    // −∞ at the label: the loss is +∞, the gradient there −1
    std::vector<T> z{T(1), -std::numeric_limits<T>::infinity(), T(-2)}, g(3);
    CHECK(act::softmax_cross_entropy(z, 1, g, ctdiff::fast) == std::numeric_limits<T>::infinity());
    CHECK(g[1] == T(-1));
    CHECK_THROWS_AS(act::softmax_cross_entropy(z, 3, g, ctdiff::fast), std::invalid_argument);
    // rows × cols: the same bits as row by row
    std::vector<T> zz = random_row<T>(4 * 70, 5.0, 3), gg(280), ll(4), gr(70);
    const std::vector<unsigned> labels{0, 69, 7, 33};
    act::softmax_cross_entropy(zz, labels, ll, gg, 4, 70, ctdiff::fast);
    for (std::size_t r = 0; r < 4; ++r) {
        const T one = act::softmax_cross_entropy(std::span<const T>(zz).subspan(70 * r, 70), labels[r], gr, ctdiff::fast);
        CHECK(test_support::bits(one) == test_support::bits(ll[r]));
        CHECK(std::equal(gr.begin(), gr.end(), gg.begin() + static_cast<std::ptrdiff_t>(70 * r)));
    }
}
