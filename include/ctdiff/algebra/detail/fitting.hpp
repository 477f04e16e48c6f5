#ifndef CTDIFF_ALGEBRA_DETAIL_FITTING_HPP
#define CTDIFF_ALGEBRA_DETAIL_FITTING_HPP

/// \file
/// Private to ctdiff/algebra (the prover behind algebra/equivalent.hpp). g as a polynomial in f (exact linear algebra on the normal
/// forms, then proved), and the step of e^{x}'s exponents in a normal form (eval/stabilize.hpp).

#include <ctdiff/algebra/detail/engine.hpp>
#include <ctdiff/algebra/detail/lowering.hpp>
#include <ctdiff/core/ratio.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <numeric>
#include <vector>

namespace ctdiff::prove_detail {

/// What as_polynomial_in computes.
struct polynomial_fit {
    bool found = false;
    std::size_t degree = 0;
    std::array<ratio, 5> c{};
    const char* reason = "";
};

template <class G, class F>
constexpr polynomial_fit fit() {
    using P = problem<G, F>;
    const auto low = P::lower();
    engine e{low.L.g, P::kinds.data()};
    polynomial_fit r;
    e.state.clear();
    e.reset();
    const form g = e.eval(low.a);
    const form f = e.eval(low.b);
    if (!e.splits.empty()) {
        r.reason = "a select, abs or sign: a polynomial in f would have to hold piece by piece";
        return r;
    }
    if (!e.ok()) {
        r.reason = e.failure != nullptr ? e.failure : "an exact coefficient overflowed int64";
        return r;
    }
    // Quick "no": g involves an atom (x itself, another exponential, …) that f does not.
    const auto atoms_of = [&](const form& h) {
        std::vector<char> used(e.atoms.size(), 0);
        const auto mark = [&](const poly& p) {
            for (const auto& t : p) {
                for (const auto& fa : t.m) {
                    used[static_cast<std::size_t>(fa.atom)] = 1;
                }
            }
        };
        mark(h.num);
        for (const auto& dp : h.den) {
            mark(e.factors[static_cast<std::size_t>(dp.factor)]);
        }
        return used;
    };
    const auto in_g = atoms_of(g);
    const auto in_f = atoms_of(f);
    for (std::size_t a = 0; a < in_g.size(); ++a) {
        if (in_g[a] != 0 && in_f[a] == 0 && e.atoms[a].kind != ak::base && e.atoms[a].kind != ak::pi) {
            r.reason = "g depends on something f does not (a variable, parameter or function f does not contain)";
            return r;
        }
    }
    for (std::size_t deg = 0; deg <= 4; ++deg) {
        std::array<ratio, 5> c{};
        if (!e.fit_polynomial(g, f, deg, c)) {
            if (!e.ok()) {
                r.reason = e.failure != nullptr ? e.failure : "an exact coefficient overflowed int64";
                return r;
            }
            continue;
        }
        // The proof: g − Σ c_k f^k is the zero form.
        form sum;
        form fk = engine::constant_form(ratio{1});
        for (std::size_t k = 0; k <= deg; ++k) {
            sum = e.plus(sum, e.times(engine::constant_form(c[k]), fk));
            fk = e.times(fk, f);
        }
        if (e.ok() && e.plus(g, e.negate(sum)).num.empty()) {
            r.found = true;
            r.degree = deg;
            while (r.degree > 0 && c[r.degree].num == 0) {
                --r.degree;
            }
            r.c = c;
            r.reason = "proved: g is this polynomial in f";
            return r;
        }
    }
    r.reason = "g is no polynomial of degree <= 4 in f";
    return r;
}

/// The step of e^{x}'s exponents in E's normal form: k with every power of e^{x} a multiple of
/// e^{kx} (σ: 1, tanh: 2, σ(x/2): ½); 0 when E has no e^{x}. (E is a polynomial in σ(kx), if in
/// any σ(k′x), for this k.)
template <class E>
constexpr ratio exp_step() {
    using P = problem<E, E>;
    const auto low = P::lower();
    engine e{low.L.g, P::kinds.data()};
    e.reset();
    const form g = e.eval(low.a);
    if (!e.ok()) {
        return ratio{0};
    }
    std::int64_t num = 0; // gcd of the exponents a/b, as gcd(numerators)/lcm(denominators)
    std::int64_t den = 1;
    const auto visit = [&](const poly& p) {
        for (const auto& t : p) {
            for (const auto& fa : t.m) {
                const atom& a = e.atoms[static_cast<std::size_t>(fa.atom)];
                if (a.kind != ak::expm) {
                    continue;
                }
                const poly& key = e.keys[static_cast<std::size_t>(a.key)].num;
                const bool is_x = key.size() == 1 && key.front().m.size() == 1 && key.front().m.front().e == xr_one &&
                                  e.atoms[static_cast<std::size_t>(key.front().m.front().atom)].kind == ak::variable &&
                                  e.atoms[static_cast<std::size_t>(key.front().m.front().atom)].index == 0;
                if (is_x) {
                    const std::int64_t n = fa.e.num < 0 ? -fa.e.num : fa.e.num;
                    const std::int64_t d = fa.e.den;
                    const std::int64_t l = den / std::gcd(den, d) * d;
                    num = std::gcd(num * (l / den), n * (l / d));
                    den = l;
                }
            }
        }
    };
    visit(g.num);
    for (const auto& dp : g.den) {
        visit(e.factors[static_cast<std::size_t>(dp.factor)]);
    }
    return num == 0 ? ratio{0} : ratio{num, den};
}

} // namespace ctdiff::prove_detail

#endif
