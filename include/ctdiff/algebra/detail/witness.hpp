#ifndef CTDIFF_ALGEBRA_DETAIL_WITNESS_HPP
#define CTDIFF_ALGEBRA_DETAIL_WITNESS_HPP

/// \file
/// Private to ctdiff/algebra (the prover behind algebra/equivalent.hpp). Numeric witnesses: where the normal forms differ, a sample
/// point at which the two sides differ (evaluated with ctdiff's constexpr math) refutes.

#include <ctdiff/algebra/detail/engine.hpp>
#include <ctdiff/algebra/verdict.hpp>
#include <ctdiff/core/node.hpp>

#include <algorithm>

namespace ctdiff::prove_detail {

constexpr double sample(int point, int coordinate) {
    constexpr double base[] = {0.37, -1.21, 2.53, -0.68, 1.57, -2.89, 0.83, -0.29, 3.41, -3.77, 0.11, -4.3};
    return base[(point + 5 * coordinate) % 12] + 0.13 * coordinate;
}
constexpr double magnitude(double v) { return v < 0 ? -v : v; }
constexpr bool finite(double v) { return v == v && magnitude(v) <= 1.7976931348623157e308; }

template <class A, class B>
constexpr verdict witness(verdict v, const symbolic_result& s) {
    for (int i = 0; i < 12 + s.kink_count; ++i) {
        environment<double, 4, 4> env{};
        for (int k = 0; k < 4; ++k) {
            env.vars[static_cast<std::size_t>(k)] = sample(i, k);
            env.params[static_cast<std::size_t>(k)] = 0.3 + 0.7 * ((i + k) % 3);
        }
        if (i >= 12) { // on a kink
            const auto [var, value] = s.kinks[static_cast<std::size_t>(i - 12)];
            if (var >= 4) {
                continue;
            }
            env.vars[static_cast<std::size_t>(var)] = value;
        }
        const double a = evaluate(A{}, env);
        const double b = evaluate(B{}, env);
        if (finite(a) && finite(b)) {
            const double m = std::max({1.0, magnitude(a), magnitude(b)});
            if (magnitude(a - b) > 1e-6 * m) {
                v.kind = verdict_kind::refuted;
                v.at = env.vars;
                v.params = env.params;
                v.lhs = a;
                v.rhs = b;
                v.reason = "the two sides differ at a sample point";
                return v;
            }
        }
    }
    v.reason = "the normal forms differ but no sample point tells the sides apart: the atoms have a relation "
               "the algebra does not know (use agree() for numeric evidence)";
    return v;
}

} // namespace ctdiff::prove_detail

#endif
