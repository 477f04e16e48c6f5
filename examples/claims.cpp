// The two source texts (reference/, Chinese) make claims about sigmoid, tanh, ReLU, Leaky ReLU,
// GELU, softmax and the vanishing gradient. This example checks each one with ctdiff and prints
//
//   TRUE (proved at compile time)     ctdiff::compare proved the identity (a static proof: the
//                                     normal forms of both sides are equal);
//   TRUE (evidence, not proof)        numbers computed through ctdiff agree — a check at points;
//   FALSE                             with a counterexample and the corrected statement.
//
// Identities go to the compile-time prover ctdiff::compare (ctdiff/algebra/equivalent.hpp). Where
// that header is not in the tree, or the prover cannot decide, the identity is checked at sample
// points instead, and the verdict says so ("evidence, not proof"). Nothing here is a stored
// answer: every verdict, number and counterexample is computed when the example is built or run.
// Define SHOWCASE_NUMERIC_ONLY to see the numeric fallback even where the prover exists.
#include <ctdiff/activations.hpp>
#include <ctdiff/algebra/simplify.hpp>
#include <ctdiff/core.hpp>
#include <ctdiff/diff.hpp>
#include <ctdiff/eval.hpp>
#include <ctdiff/io.hpp>

#include "identity.hpp"
#include "showcase.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <numbers>
#include <span>
#include <string>
#include <vector>

namespace {

using namespace ctdiff;
using namespace ctdiff::literals;
namespace act = ctdiff::activations;
using showcase::identity;
using showcase::identity_result;
using showcase::num;
using showcase::outcome;
using showcase::sample_points;
using showcase::weakest;

// ----- bookkeeping and printing ---------------------------------------------------------------

struct tally {
    int number = 0, proved = 0, evidence = 0, refuted = 0;
} board;

void claim(const char* source, const std::string& statement) {
    std::printf("\n[%d] %s\n    claim: %s\n", ++board.number, source, statement.c_str());
}

void verdict(outcome o, const std::string& why, const std::string& corrected = "") {
    switch (o) {
    case outcome::proved:
        ++board.proved;
        std::printf("    TRUE (proved at compile time): %s\n", why.c_str());
        break;
    case outcome::evidence:
        ++board.evidence;
        std::printf("    TRUE (evidence, not proof): %s\n", why.c_str());
        break;
    case outcome::refuted:
        ++board.refuted;
        std::printf("    FALSE: %s\n", why.c_str());
        if (!corrected.empty()) {
            std::printf("    corrected: %s\n", corrected.c_str());
        }
        break;
    }
}

template <class L, class R>
void check_identity(const char* source, const std::string& statement, std::array<double, 2> params = {0.01, 1.0}) {
    claim(source, statement);
    const identity_result r = identity<L, R>(params);
    verdict(r.how, r.text);
}

// ----- the formulas, written from their definitions as the texts write them --------------------

constexpr auto e_minus = exp(-x);
constexpr auto sig = 1_c / (1_c + e_minus); // σ(x) = 1/(1 + e^{−x})
constexpr auto sig1 = d(sig, x);
constexpr auto sig2 = d<2>(sig, x);
constexpr auto th = (exp(x) - exp(-x)) / (exp(x) + exp(-x)); // tanh from its definition
constexpr auto gelu = x / 2_c * (1_c + erf(x / sqrt2));       // the texts' (3.2.18)
constexpr auto gelu1 = d(gelu, x);

template <class E>
double at(E, double x0, double alpha = 0.01) {
    return evaluate(E{}, environment<double, 1, 1>{{x0}, {alpha}});
}

// Where a decreasing |f'| (for x > 0) equals level, by bisection on the library's f'.
template <class E>
double where_equals(E, double level, double lo, double hi) {
    return showcase::bisect([&](double u) { return at(E{}, u) - level; }, lo, hi);
}

// Eigenvalues of a small symmetric matrix (cyclic Jacobi rotations), ascending.
std::vector<double> eigenvalues(std::vector<double> a, std::size_t n) {
    for (int sweep = 0; sweep < 100; ++sweep) {
        double off = 0;
        for (std::size_t p = 0; p < n; ++p) {
            for (std::size_t q = p + 1; q < n; ++q) {
                off += a[p * n + q] * a[p * n + q];
            }
        }
        if (off < 1e-40) {
            break;
        }
        for (std::size_t p = 0; p < n; ++p) {
            for (std::size_t q = p + 1; q < n; ++q) {
                if (a[p * n + q] == 0) {
                    continue;
                }
                const double theta = (a[q * n + q] - a[p * n + p]) / (2 * a[p * n + q]);
                const double t = (theta >= 0 ? 1 : -1) / (std::abs(theta) + std::sqrt(theta * theta + 1));
                const double c = 1 / std::sqrt(t * t + 1), s = t * c;
                for (std::size_t k = 0; k < n; ++k) { // columns p, q
                    const double akp = a[k * n + p], akq = a[k * n + q];
                    a[k * n + p] = c * akp - s * akq;
                    a[k * n + q] = s * akp + c * akq;
                }
                for (std::size_t k = 0; k < n; ++k) { // rows p, q
                    const double apk = a[p * n + k], aqk = a[q * n + k];
                    a[p * n + k] = c * apk - s * aqk;
                    a[q * n + k] = s * apk + c * aqk;
                }
            }
        }
    }
    std::vector<double> ev(n);
    for (std::size_t i = 0; i < n; ++i) {
        ev[i] = a[i * n + i];
    }
    std::sort(ev.begin(), ev.end());
    return ev;
}

std::string list(const std::vector<double>& v) {
    std::string s = "(";
    for (std::size_t i = 0; i < v.size(); ++i) {
        s += (i ? ", " : "") + num(std::abs(v[i]) < 1e-15 ? 0.0 : v[i], 5);
    }
    return s + ")";
}

// ----- text 000: sigmoid and the vanishing gradient ---------------------------------------------

void sigmoid_claims() {
    const char* a = "text 000, 'Sigmoid函数的导数'";
    const char* b = "text 004, §3.2.1";
    check_identity<decltype(sig1), decltype(e_minus / pow<2>(1_c + e_minus))>(
        a, "σ'(x) = e^{−x}/(1 + e^{−x})²  (the chain rule on (1 + e^{−x})^{−1}; also (3.2.4))");
    check_identity<decltype(e_minus / (1_c + e_minus)), decltype(1_c - sig)>(a, "e^{−x}/(1 + e^{−x}) = 1 − σ(x)");
    check_identity<decltype(sig1), decltype(sig * (1_c - sig))>(
        "text 000; text 004 (3.2.3), Theorem 3.2.1", "σ'(x) = σ(x)(1 − σ(x))   [ctdiff's d gives " +
                                                        to_string(ds(sig, x)) + "]");
    check_identity<decltype(sig), decltype(exp(x) / (exp(x) + 1_c))>(b, "σ(x) = 1/(1 + e^{−x}) = e^x/(e^x + 1)  (3.2.1)");
    check_identity<decltype(log(sig / (1_c - sig))), decltype(x)>(
        b, "the inverse of σ is log(p/(1 − p))  (3.2.2): log(σ(x)/(1 − σ(x))) = x");
    check_identity<decltype(sig2), decltype(sig * (1_c - sig) * (1_c - 2_c * sig))>(
        b, "σ''(x) = σ(x)(1 − σ(x))(1 − 2σ(x))  (3.2.6), Theorem 3.2.2");

    {
        claim("text 000 '最大值是0.25'; text 004 §3.2.1",
              "σ' has its maximum 0.25 at x = 0 (σ = 0.5), and its range is (0, 0.25]");
        // σ(1 − σ) = 1/4 − (σ − 1/2)²: 1/4 minus a square, so ≤ 1/4, equal only where σ = 1/2.
        const auto r = identity<decltype(sig1), decltype(1_c / 4_c - pow<2>(sig - 1_c / 2_c))>();
        const double s0 = at(sig1, 0.0);
        double lo = 1, hi = 0;
        for (double u = -40; u <= 40; u += 1.0 / 64) {
            lo = std::min(lo, at(sig1, u));
            hi = std::max(hi, at(sig1, u));
        }
        const std::string why = "σ'(x) ≡ 1/4 − (σ(x) − 1/2)²: a square subtracted from 1/4, so σ' ≤ 1/4 with equality "
                                "only where σ = 1/2, i.e. x = 0 [" + r.text + "]; σ'(0) = " + num(s0) +
                                " evaluated; on [−40, 40] σ' lies in [" + num(lo) + ", " + num(hi) +
                                "] (> 0: σ' = σ(x)σ(−x), a product of positive numbers)";
        // The identity may be a proof; the rest (σ = 1/2 only at 0, σ' > 0) is read off numbers: evidence.
        verdict(r.how == outcome::refuted || !(s0 == 0.25 && lo > 0 && hi <= 0.25) ? outcome::refuted : outcome::evidence,
                why);
    }
    {
        claim(b, "σ''(0) = 0; σ'' > 0 for x < 0 (convex), σ'' < 0 for x > 0 (concave)");
        int wrong = 0;
        for (double u = -30; u <= 30; u += 0.01) {
            const double v = at(sig2, u);
            wrong += (u < -1e-9 && !(v > 0)) || (u > 1e-9 && !(v < 0));
        }
        const double v0 = at(sig2, 0.0);
        verdict(wrong == 0 && v0 == 0 ? outcome::evidence : outcome::refuted,
                "σ''(0) = " + num(v0) + " evaluated; the sign of σ'' checked at 6001 points of [−30, 30] (" +
                    std::to_string(wrong) + " wrong); it is the sign of 1 − 2σ(x) by the proved identity above");
    }
    {
        claim(b, "|x| ≥ 6  ⇒  σ'(x) ≤ 0.002");
        const double s6 = at(sig1, 6.0);
        if (s6 > 0.002) {
            const double t = where_equals(sig1, 0.002, 0, 40);
            verdict(outcome::refuted,
                    "counterexample x = 6: σ'(6) = " + num(s6, 7) + " > 0.002 (and σ'(−6) = " + num(at(sig1, -6.0), 7) + ")",
                    "σ'(x) ≤ 0.002 ⇔ |x| ≥ " + num(t, 6) + " (bisection on σ'); for |x| ≥ 6, σ'(x) ≤ σ'(6) = " + num(s6, 5) +
                        " (σ' decreases in |x|: σ'' = σ'(1 − 2σ) < 0 for x > 0)");
        } else {
            verdict(outcome::evidence, "σ'(6) = " + num(s6, 7) + " ≤ 0.002 and σ' decreases in |x|");
        }
    }
    {
        claim("text 000 '示例说明'", "if every σ'(z_i) is about 0.1, three layers multiply the gradient by about 0.001");
        const double z = where_equals(sig1, 0.1, 0, 20);
        verdict(outcome::evidence, "σ'(z) = 0.1 at |z| = " + num(z) + " (bisection), and 0.1·0.1·0.1 = " +
                                       num(0.1 * 0.1 * 0.1) + "; the weights multiply in as well (0.25 is σ' alone)");
    }
    {
        // One neuron a = σ(w·x + b): with x, w, b = variables 0, 1, 2.
        constexpr auto w = variable<1>{};
        constexpr auto bias = variable<2>{};
        constexpr auto neuron = 1_c / (1_c + exp(-(w * x + bias)));
        constexpr auto sig_at_z = 1_c / (1_c + exp(-(w * x + bias)));
        check_identity<decltype(d(neuron, w)), decltype(sig_at_z * (1_c - sig_at_z) * x)>(
            "text 000 '数学推导'", "for a = σ(z), z = wx + b: ∂a/∂w = σ'(z)·x");
    }
    {
        claim("text 004 §3.2.1 (vanishing gradient)", "λ = 0.5 per layer over L = 100 layers: λ^L = 2^−100 ≈ 10^−30");
        // Through ctdiff: 100 backward passes of f(x) = x/2 (dx = dy·f'(x)), starting from dy = 1.
        const auto half = backward(x / 2_c);
        std::vector<double> xs(4, 0.0), g(4, 1.0), next(4);
        for (int l = 0; l < 100; ++l) {
            half(xs, g, next);
            g.swap(next);
        }
        const double exact = std::ldexp(1.0, -100);
        verdict(g[0] == exact && std::abs(std::log10(g[0]) + 30) < 0.5 ? outcome::evidence : outcome::refuted,
                "100 backward passes of f(x) = x/2 through ctdiff::backward give " + num(g[0], 6) + " = 2^−100 exactly = 10^" +
                    num(std::log10(g[0]), 4) + " (≈ 10^−30, within a factor " + num(1e-30 / g[0], 3) + ")");
    }
}

// ----- tanh ------------------------------------------------------------------------------------

void tanh_claims() {
    const char* b = "text 004, §3.2.2";
    check_identity<decltype(th), decltype(tanh(x))>(b, "tanh(x) = (e^x − e^{−x})/(e^x + e^{−x})  (3.2.8)");
    check_identity<decltype(tanh(-x)), decltype(-tanh(x))>(b, "tanh is odd: tanh(−x) = −tanh(x)");
    check_identity<decltype(th), decltype(2_c * sigmoid(2_c * x) - 1_c)>(b, "tanh(x) = 2σ(2x) − 1  (3.2.9), Theorem 3.2.3");
    check_identity<decltype(d(th, x)), decltype(1_c - th * th)>(b, "tanh'(x) = 1 − tanh²(x)  (3.2.10), Theorem 3.2.4");
    check_identity<decltype(d(th, x)), decltype(4_c / pow<2>(exp(x) + exp(-x)))>(
        b, "tanh'(x) = 4/(e^x + e^{−x})² = sech²(x)  (3.2.11)  [ctdiff's d(tanh) = " + to_string(d(tanh(x), x)) + "]");
    {
        claim(b, "tanh' has range (0, 1], maximum 1 at x = 0");
        const auto th1 = d(tanh(x), x);
        double lo = 1, hi = 0;
        for (double u = -40; u <= 40; u += 1.0 / 64) {
            lo = std::min(lo, at(th1, u));
            hi = std::max(hi, at(th1, u));
        }
        const auto r = identity<decltype(d(th, x)), decltype(1_c - th * th)>();
        verdict(hi == 1 && at(th1, 0.0) == 1 && lo > 0 && r.how != outcome::refuted ? outcome::evidence : outcome::refuted,
                "tanh' ≡ 1 − tanh² [" + r.text + "]: ≤ 1, equal only where tanh = 0, x = 0; tanh'(0) = " +
                    num(at(th1, 0.0)) + " evaluated; on [−40, 40] tanh' lies in [" + num(lo) + ", " + num(hi) + "]");
    }
    {
        claim(b, "|x| ≥ 3  ⇒  tanh'(x) ≤ 0.01");
        const auto th1 = d(tanh(x), x);
        const double t3 = at(th1, 3.0);
        const double t = where_equals(th1, 0.01, 0, 20);
        verdict(t3 <= 0.01 ? outcome::evidence : outcome::refuted,
                "tanh'(3) = " + num(t3, 6) + " ≤ 0.01 evaluated; tanh' = 0.01 at |x| = " + num(t, 6) +
                    " (bisection) and tanh' decreases in |x| (tanh'' = −2 tanh·sech² < 0 for x > 0)");
    }
}

// ----- ReLU, Leaky ReLU --------------------------------------------------------------------------

void relu_claims() {
    const char* b = "text 004, §3.2.3";
    check_identity<decltype(act::relu), decltype(max(0_c, x))>(
        "text 000; text 004 (3.2.13)", "ReLU(x) = max(0, x) = (x if x > 0, 0 if x ≤ 0)");
    check_identity<decltype(d(act::relu, x)), decltype(select(x > 0_c, 1_c, 0_c))>(
        "text 000; text 004 (3.2.14)", "ReLU'(x) = 1 for x > 0, 0 for x ≤ 0   [ctdiff's d: " +
                                           to_string(d(act::relu, x)) + "; at 0 the convention of the piece taken]");
    {
        claim(b, "the subgradients of ReLU at 0 are exactly the g in [0, 1] (ReLU(y) ≥ ReLU(0) + g·y for all y)");
        std::string bad;
        bool ok = true;
        for (double g = -0.5; g <= 1.5; g += 0.125) {
            bool sub = true;
            double witness = 0;
            for (double y = -8; y <= 8; y += 0.25) {
                if (at(act::relu, y) < at(act::relu, 0.0) + g * y) {
                    sub = false;
                    witness = y;
                    break;
                }
            }
            const bool expected = g >= 0 && g <= 1;
            ok = ok && sub == expected;
            if (!sub && bad.size() < 60) {
                bad += " g = " + num(g) + " fails at y = " + num(witness) + ";";
            }
        }
        verdict(ok ? outcome::evidence : outcome::refuted,
                "g from −0.5 to 1.5 (step 1/8), y on [−8, 8]: the inequality holds exactly for g in [0, 1];" + bad + " …");
    }
    check_identity<decltype(d(act::leaky_relu, x)), decltype(act::leaky_relu_prime)>(
        b, "LeakyReLU'(x) = 1 for x > 0, α for x < 0  (3.2.17)   [ctdiff's d: " + to_string(d(act::leaky_relu, x)) + "]");
    {
        claim(b, "LeakyReLU(x) = max(αx, x) = (x if x > 0, αx if x ≤ 0)  (3.2.16), α in (0, 1)");
        constexpr auto by_max = max(alpha * x, x);
        const auto pts = sample_points();
        const auto agree_for = [&](double a) {
            for (const auto& p : pts) {
                if (at(by_max, p[0], a) != at(act::leaky_relu, p[0], a)) {
                    return false;
                }
            }
            return true;
        };
        const bool small_ok = agree_for(0.01) && agree_for(0.2) && agree_for(0.5) && agree_for(1.0);
        const double a2 = 2, x1 = 1;
        const double m = at(by_max, x1, a2), l = at(act::leaky_relu, x1, a2);
        std::string why = std::string(small_ok ? "for α = 0.01, 0.2, 0.5, 1 the two forms agree at every sample point" :
                                                 "the forms differ already for some α ≤ 1") +
                          "; but for α > 1 they differ: α = 2, x = 1 gives max(αx, x) = " + num(m) +
                          " while the piecewise LeakyReLU is " + num(l);
        if (small_ok && m != l) {
            verdict(outcome::evidence, why + ". So TRUE only under the text's condition α in (0, 1] — "
                                             "corrected in general: max(αx, x) is LeakyReLU for α ≤ 1, min(αx, x) for α ≥ 1");
        } else {
            verdict(outcome::refuted, why);
        }
    }
}

// ----- GELU --------------------------------------------------------------------------------------

void gelu_claims() {
    const char* b = "text 004, §3.2.3";
    check_identity<decltype(gelu), decltype(x * norm_cdf(x))>(b, "GELU(x) = xΦ(x) = x/2·(1 + erf(x/√2))  (3.2.18)");
    check_identity<decltype(gelu1), decltype(norm_cdf(x) + x * norm_pdf(x))>(
        b, "GELU'(x) = Φ(x) + xφ(x)  (3.2.19)   [ctdiff: " + to_string(ds(act::gelu_formula, x)) + "]");
    const auto gelu2_id = identity<decltype(d<2>(gelu, x)), decltype((2_c - x * x) * norm_pdf(x))>();
    const double root = where_equals(gelu1, 0.0, -3, 0); // GELU' = 0
    const double above1 = where_equals(gelu1, 1.0, 0, 1.3);
    const double r2 = std::numbers::sqrt2;
    const std::string extrema = "GELU'' ≡ (2 − x²)φ(x) [" + gelu2_id.text + "], so GELU' has its extrema at x = ±√2: GELU'(−√2) = " +
                                num(at(gelu1, -r2), 6) + " and GELU'(√2) = " + num(at(gelu1, r2), 6);
    {
        claim(b, "GELU' is positive on the whole real line (GELU has no dead neurons)");
        const double v = at(gelu1, -1.0);
        if (v < 0) {
            verdict(outcome::refuted, "counterexample x = −1: GELU'(−1) = Φ(−1) − φ(−1) = " + num(v, 6),
                    "GELU' < 0 for x < " + num(root, 6) + " (bisection on GELU'), > 0 above; minimum " + num(at(gelu1, -r2), 6) +
                        " at x = −√2. (" + extrema + ")");
        } else {
            verdict(outcome::evidence, "GELU'(−1) = " + num(v, 6));
        }
    }
    {
        claim(b, "GELU'(x) → 1 as x → +∞ and → 0 as x → −∞");
        const double p10 = at(gelu1, 10.0), p40 = at(gelu1, 40.0), m10 = at(gelu1, -10.0), m40 = at(gelu1, -40.0);
        verdict(std::abs(p40 - 1) < 1e-15 && std::abs(m40) < 1e-300 ? outcome::evidence : outcome::refuted,
                "GELU'(10) = " + num(p10, 17) + ", GELU'(40) = " + num(p40, 17) + ", GELU'(−10) = " + num(m10, 4) +
                    ", GELU'(−40) = " + num(m40, 4));
    }
    {
        claim(b, "GELU' always lies in (0, 1), so GELU avoids exploding gradients");
        const double v = at(gelu1, 1.0);
        if (v > 1 || at(gelu1, -1.0) < 0) {
            verdict(outcome::refuted, "counterexample x = 1: GELU'(1) = Φ(1) + φ(1) = " + num(v, 6) + " > 1",
                    "GELU' ranges over [" + num(at(gelu1, -r2), 6) + ", " + num(at(gelu1, r2), 6) +
                        "], the ends at x = ∓√2; GELU' > 1 for x > " + num(above1, 6) + " (bisection). " + extrema);
        } else {
            verdict(outcome::evidence, "GELU'(1) = " + num(v, 6));
        }
    }
}

// ----- softmax and cross-entropy ----------------------------------------------------------------

constexpr auto z0 = variable<0>{};
constexpr auto z1 = variable<1>{};
constexpr auto z2 = variable<2>{};
constexpr auto p0 = act::softmax_expr<3, 0>;
constexpr auto p1 = act::softmax_expr<3, 1>;
constexpr auto p2 = act::softmax_expr<3, 2>;

void softmax_claims() {
    const char* b = "text 004, §3.2.4";
    check_identity<decltype(exp(z0) / (exp(z0) + exp(z1))), decltype(sigmoid(z0 - z1))>(
        b, "for C = 2 softmax is the sigmoid: e^{z₀}/(e^{z₀} + e^{z₁}) = σ(z₀ − z₁)");
    {
        claim(b, "J_ij = ∂p_i/∂z_j = p_i(1 − p_i) for i = j, −p_i p_j for i ≠ j, i.e. J = diag(p) − ppᵀ  (3.2.21, 3.2.22); "
                 "checked for C = 3, z = (x, y, z)");
        const auto r00 = identity<decltype(d(p0, z0)), decltype(p0 * (1_c - p0))>();
        const auto r01 = identity<decltype(d(p0, z1)), decltype(-(p0 * p1))>();
        const auto r12 = identity<decltype(d(p1, z2)), decltype(-(p1 * p2))>();
        const auto r22 = identity<decltype(d(p2, z2)), decltype(p2 * (1_c - p2))>();
        verdict(weakest({r00.how, r01.how, r12.how, r22.how}),
                "entries (0,0), (0,1), (1,2), (2,2) of ctdiff's Jacobian (the others follow by symmetry of the formula): " +
                    r00.text);
    }
    {
        claim(b, "every row of J sums to 0  (3.2.23)");
        const auto r0 = identity<decltype(d(p0, z0) + d(p0, z1) + d(p0, z2)), decltype(0_c)>();
        const auto r1 = identity<decltype(d(p1, z0) + d(p1, z1) + d(p1, z2)), decltype(0_c)>();
        // and numerically, for a larger C, with the library's run-time Jacobian
        const std::vector<double> z{0.3, -1.2, 2.5, 0.0, -0.7, 1.1, 4.0};
        std::vector<double> p(z.size()), dense(z.size() * z.size());
        act::softmax(std::span<const double>(z), std::span<double>(p));
        act::softmax_jacobian<double>{p}.dense(dense);
        double worst = 0;
        for (std::size_t i = 0; i < z.size(); ++i) {
            double s = 0;
            for (std::size_t j = 0; j < z.size(); ++j) {
                s += dense[i * z.size() + j];
            }
            worst = std::max(worst, std::abs(s));
        }
        verdict(weakest({r0.how, r1.how}), "C = 3, rows 0 and 1 (row 2 is the same formula): " + r0.text +
                                               "; C = 7 with ctdiff::activations::softmax_jacobian: largest |row sum| " +
                                               num(worst, 2));
    }
    // A point for the numeric claims: p = softmax(z) for a fixed z.
    const std::vector<double> z{1.0, -0.5, 0.25, 2.0};
    const std::size_t c = z.size();
    std::vector<double> p(c), dense(c * c);
    act::softmax(std::span<const double>(z), std::span<double>(p));
    const act::softmax_jacobian<double> jac{p};
    jac.dense(dense);
    {
        claim(b, "J is negative semidefinite: vᵀJv ≤ 0 for every v  (Property 3.2.2)");
        std::vector<double> v(c, 0.0), jv(c);
        v[0] = 1;
        jac.jvp(v, jv);
        const double q = jv[0];
        // and no v at all makes it negative: random v
        double least = 1;
        std::uint64_t s = 42;
        for (int t = 0; t < 10000; ++t) {
            double n2 = 0;
            for (auto& vi : v) {
                s = s * 6364136223846793005ull + 1442695040888963407ull;
                vi = static_cast<double>(s >> 11) * 0x1p-53 * 2 - 1;
                n2 += vi * vi;
            }
            jac.jvp(v, jv);
            double vjv = 0;
            for (std::size_t i = 0; i < c; ++i) {
                vjv += v[i] * jv[i];
            }
            least = std::min(least, vjv / n2);
        }
        if (q > 0) {
            verdict(outcome::refuted,
                    "counterexample z = (1, −0.5, 0.25, 2), v = e₁: vᵀJv = p₁(1 − p₁) = " + num(q, 6) + " > 0",
                    "J is positive semidefinite: vᵀJv = Σpᵢvᵢ² − (Σpᵢvᵢ)² = Var_p(v) ≥ 0 (the text's own remark, 'the variance is "
                    "non-negative', says so); least vᵀJv/|v|² over 10000 random v: " + num(least, 3));
        } else {
            verdict(outcome::evidence, "vᵀJv = " + num(q));
        }
    }
    {
        claim(b, "J has eigenvalue −1 along the all-ones vector 1, and eigenvalues pᵢ otherwise  (Property 3.2.3)");
        std::vector<double> ones(c, 1.0), j1(c);
        jac.jvp(ones, j1);
        double n = 0;
        for (double v : j1) {
            n = std::max(n, std::abs(v));
        }
        const auto ev = eigenvalues(dense, c);
        std::vector<double> ps = p;
        std::sort(ps.begin(), ps.end());
        bool interlaced = ev[0] < 1e-15;
        for (std::size_t i = 0; i + 1 < c; ++i) {
            interlaced = interlaced && ps[i] <= ev[i + 1] + 1e-15 && ev[i + 1] <= ps[i + 1] + 1e-15;
        }
        if (n < 1e-15) {
            verdict(outcome::refuted,
                    "J·1 = 0 (ctdiff's jvp: largest |entry| " + num(n, 2) + "), so the eigenvalue along 1 is 0, not −1 — J is singular; "
                    "at z = (1, −0.5, 0.25, 2): eigenvalues of J " + list(ev) + " vs p sorted " + list(ps) +
                        (interlaced ? " (interlaced: p₍ᵢ₎ ≤ λᵢ₊₁ ≤ p₍ᵢ₊₁₎, checked)" : " (not interlaced!)"),
                    "eigenvalue 0 along 1; the other C − 1 eigenvalues lie in [0, max pᵢ] and interlace the pᵢ, they are not the pᵢ; "
                    "J = diag(p) − ppᵀ is symmetric positive semidefinite of rank C − 1 (all pᵢ > 0)");
        } else {
            verdict(outcome::evidence, "J·1 ≠ 0");
        }
    }
    {
        claim(b, "cross-entropy L = −Σyᵢ log pᵢ with one-hot y: ∂L/∂z_k = p_k − y_k  (3.2.24), Theorem 3.2.6");
        constexpr auto ce = -log(p0); // y = e₀
        const auto r0 = identity<decltype(d(ce, z0)), decltype(p0 - 1_c)>();
        const auto r1 = identity<decltype(d(ce, z1)), decltype(p1)>();
        const auto r2 = identity<decltype(d(ce, z2)), decltype(p2)>();
        verdict(weakest({r0.how, r1.how, r2.how}), "C = 3, y = e₀, k = 0, 1, 2: " + r0.text);
    }
    {
        claim(b, "∂L/∂z = p − y for a label vector y in general (the text's 'gradient = prediction − label')");
        // y = (α, 0, 0), α a run-time parameter: Σy = α is not 1 in general.
        constexpr auto ce = -(alpha * log(p0));
        const auto wrong = identity<decltype(d(ce, z0)), decltype(p0 - alpha)>({2.0, 1.0});
        const auto right = identity<decltype(d(ce, z0)), decltype(alpha * p0 - alpha)>({2.0, 1.0});
        // and the library's soft-label cross-entropy at y = (1, 1, 0, 0)
        const std::vector<double> y{1, 1, 0, 0};
        std::vector<double> g(c);
        act::softmax_cross_entropy(std::span<const double>(z), std::span<const double>(y), std::span<double>(g));
        if (wrong.how == outcome::refuted) {
            verdict(outcome::refuted,
                    "with y = (α, 0, 0), ∂L/∂z₀ vs p₀ − α: " + wrong.text + "; e.g. y = (1, 1, 0, 0) at z = (1, −0.5, 0.25, 2): ∂L/∂z₀ = " +
                        num(g[0], 6) + " but p₀ − y₀ = " + num(p[0] - 1, 6),
                    "∂L/∂z = (Σyᵢ)p − y, which is p − y exactly when Σyᵢ = 1 (one-hot or a probability vector) [for y = (α, 0, 0): "
                    "∂L/∂z₀ = αp₀ − α, " + right.text + "]");
        } else {
            verdict(wrong.how, wrong.text);
        }
    }
    {
        claim("text 004, §3.2.5 (3.2.25, 3.2.26)",
              "an element-wise σ has the diagonal Jacobian diag(σ'(h)), so backprop is the gate ∂L/∂h = ∂L/∂ĥ ⊙ σ'(h)");
        const auto r = identity<decltype(d(sigmoid(x), y)), decltype(0_c)>();
        const auto kernel = backward(act::sigmoid);
        std::vector<double> h(257), dy(257), dx(257);
        for (std::size_t i = 0; i < h.size(); ++i) {
            h[i] = -16 + 0.125 * static_cast<double>(i);
            dy[i] = std::cos(static_cast<double>(i));
        }
        kernel(h, dy, dx);
        double worst = 0;
        for (std::size_t i = 0; i < h.size(); ++i) {
            const double want = dy[i] * at(d(act::sigmoid, x), h[i]);
            worst = std::max(worst, std::abs(dx[i] - want) / std::max(1e-300, std::abs(want)));
        }
        verdict(weakest({r.how, worst < 1e-14 ? outcome::evidence : outcome::refuted}),
                "∂σ(h_i)/∂h_j = 0 for i ≠ j [" + r.text + "]; ctdiff::backward(σ) on 257 points equals dy·σ'(h) to " +
                    num(worst, 2) + " (relative)");
    }
}

} // namespace

int main() {
    std::printf("The claims of the two source texts (reference/000 and reference/004), checked by ctdiff.\n"
                "Compile-time prover: %s\n",
                showcase::have_prover ? "ctdiff::compare (ctdiff/algebra/equivalent.hpp)"
                                   : "not in this tree — identities are checked at sample points (evidence, not proof)");
    sigmoid_claims();
    tanh_claims();
    relu_claims();
    gelu_claims();
    softmax_claims();
    std::printf("\n%d claims: %d TRUE (%d proved at compile time, %d by numeric evidence), %d FALSE "
                "(each with a counterexample and the corrected statement)\n",
                board.number, board.proved + board.evidence, board.proved, board.evidence, board.refuted);
    return 0;
}
