// Identities for the showcase: proved by ctdiff's compile-time prover when it is in the tree,
// else checked at sample points and labelled as evidence. Shared by examples/claims and
// examples/derivatives. Define SHOWCASE_NUMERIC_ONLY to see the fallback where the prover exists.
#ifndef CTDIFF_EXAMPLES_IDENTITY_HPP
#define CTDIFF_EXAMPLES_IDENTITY_HPP

#include <ctdiff/core/node.hpp>

#if __has_include(<ctdiff/algebra/equivalent.hpp>) && !defined(SHOWCASE_NUMERIC_ONLY)
#include <ctdiff/algebra/equivalent.hpp>
#define SHOWCASE_HAVE_PROVER 1
#else
#define SHOWCASE_HAVE_PROVER 0
#endif

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <initializer_list>
#include <string>
#include <vector>

namespace showcase {

/// How a claim was settled.
enum class outcome { proved, evidence, refuted };

/// The worst of several outcomes (a claim that needs all of them).
inline outcome weakest(std::initializer_list<outcome> os) {
    outcome w = outcome::proved;
    for (outcome o : os) {
        if (o == outcome::refuted || (o == outcome::evidence && w == outcome::proved)) {
            w = o;
        }
    }
    return w;
}

inline std::string num(double v, int digits = 6) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*g", digits, v == 0 ? 0.0 : v);
    return buf;
}

/// Whether the identities below are proved (ctdiff::compare) or only sampled.
inline constexpr bool have_prover = SHOWCASE_HAVE_PROVER != 0;

struct identity_result {
    outcome how;
    std::string text;
};

/// Points at which an identity of up to four variables is sampled when it is not proved: x on
/// [−12, 12] (step 0.37, so no point is a simple fraction), and the other variables from a fixed
/// pseudo-random sequence in [−4, 4].
inline std::vector<std::array<double, 4>> sample_points() {
    std::vector<std::array<double, 4>> pts;
    std::uint64_t s = 0x853c49e6748fea9bull;
    const auto next = [&] {
        s = s * 6364136223846793005ull + 1442695040888963407ull;
        return static_cast<double>(s >> 11) * 0x1p-53 * 8 - 4;
    };
    for (double u = -12; u <= 12; u += 0.37) {
        pts.push_back({u, next(), next(), next()});
    }
    return pts;
}

/// Evidence for L ≡ R: both evaluated by ctdiff at every sample point (α, β as given).
template <class L, class R>
identity_result sampled(std::array<double, 2> params, const std::string& prefix) {
    const auto pts = sample_points();
    double worst = 0;
    for (const auto& p : pts) {
        const ctdiff::environment<double, 4, 2> env{p, params};
        const double a = ctdiff::evaluate(L{}, env), b = ctdiff::evaluate(R{}, env);
        const double scale = std::max({1.0, std::abs(a), std::abs(b)});
        const double err = std::abs(a - b) / scale;
        if (!(err <= 1e-12)) {
            return {outcome::refuted, prefix + "the sides differ at x = " + num(p[0]) + ", y = " + num(p[1]) + ", z = " +
                                          num(p[2]) + ": " + num(a, 10) + " vs " + num(b, 10)};
        }
        worst = std::max(worst, err);
    }
    return {outcome::evidence, prefix + "both sides agree to " + num(worst, 2) + " (relative) at " +
                                   std::to_string(pts.size()) + " points, x in [−12, 12]"};
}

/// L ≡ R: proved or refuted by ctdiff::compare when it can decide, else sampled.
template <class L, class R>
identity_result identity(std::array<double, 2> params = {0.01, 1.0}) {
#if SHOWCASE_HAVE_PROVER
    constexpr auto v = ctdiff::compare(L{}, R{});
    if constexpr (v.proved()) {
        return {outcome::proved, std::string("ctdiff::compare — ") + v.reason};
    } else if constexpr (v.refuted()) {
        return {outcome::refuted, "ctdiff::compare found x = " + num(v.at[0]) + ", y = " + num(v.at[1]) + ", z = " +
                                      num(v.at[2]) + ", α = " + num(v.params[0]) + ", β = " + num(v.params[1]) +
                                      ": " + num(v.lhs, 10) + " vs " + num(v.rhs, 10)};
    } else {
        return sampled<L, R>(params, std::string("the prover cannot decide it (") + v.reason + "); ");
    }
#else
    return sampled<L, R>(params, "");
#endif
}

} // namespace showcase

#endif
