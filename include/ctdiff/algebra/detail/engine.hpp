#ifndef CTDIFF_ALGEBRA_DETAIL_ENGINE_HPP
#define CTDIFF_ALGEBRA_DETAIL_ENGINE_HPP

/// \file
/// Private to ctdiff/algebra (the prover behind algebra/equivalent.hpp). The engine: each node's normal form (memoized, in the
/// current case of the select/abs/sign case split), and the zero test of a − b (`symbolic`).

#include <ctdiff/algebra/detail/exact.hpp>
#include <ctdiff/algebra/detail/forms.hpp>
#include <ctdiff/algebra/detail/lowering.hpp>
#include <ctdiff/algebra/simplify.hpp>
#include <ctdiff/core/ratio.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace ctdiff::prove_detail {

/// The sign split of one case analysis: a difference (lhs − rhs, normalized so its least term has a
/// positive coefficient) whose sign decides conditions.
struct split {
    form diff{};
    // diff = c·(x_var − root) when it is linear in one variable (var = −1 otherwise), slope = sign c
    int var = -1;
    ratio root{};
    int slope = 0;
};
/// A variable pinned to a value in the current case (its split's difference is 0 there).
struct pin {
    std::size_t var = 0;
    ratio value{};
};

/// Not a template: one instantiation of its member functions serves every problem (the tag kinds
/// are the problem's static array, problem<A, B>::kinds, seen through a pointer).
struct engine {
    const std::vector<simplify_detail::vnode>& g;
    const tagk* tags;
    arith q{};
    const char* failure = nullptr; // set: the computation cannot be trusted; undecided

    std::vector<atom> atoms{};
    std::vector<form> keys{};
    std::vector<poly> factors{};
    std::vector<form> memo{};
    std::vector<char> done{};
    std::vector<split> splits{};
    bool restart = false;          // a new split was found: the cases start again
    std::vector<int> state{};      // per split: −1, 0, +1 in the current case; empty before cases
    std::vector<pin> pins{};       // variables fixed in the current case

    constexpr void fail(const char* why) {
        if (failure == nullptr) {
            failure = why;
        }
    }
    constexpr bool ok() const { return failure == nullptr && !q.overflow; }

    // --- interning ---
    // The index of v in table, appended if it is not there yet.
    template <class Table, class V>
    static constexpr int intern(Table& table, const V& v) {
        for (std::size_t i = 0; i < table.size(); ++i) {
            if (table[i] == v) {
                return static_cast<int>(i);
            }
        }
        table.push_back(v);
        return static_cast<int>(table.size()) - 1;
    }
    constexpr int intern_key(const form& f) { return intern(keys, f); }
    constexpr int intern_atom(const atom& a) { return intern(atoms, a); }
    constexpr int find_factor(const poly& p) const {
        for (std::size_t i = 0; i < factors.size(); ++i) {
            if (factors[i] == p) {
                return static_cast<int>(i);
            }
        }
        return -1;
    }
    constexpr int intern_factor(const poly& p) {
        const int i = find_factor(p);
        if (i >= 0) {
            return i;
        }
        factors.push_back(p);
        return static_cast<int>(factors.size()) - 1;
    }

    // --- monomials and terms ---
    /// r as a small exponent, or a failure when it does not fit.
    constexpr xr units(ratio r) {
        if (r.num > 1000000 || r.num < -1000000 || r.den > 1000000) {
            fail("an exponent beyond ±10⁶ or with a denominator beyond 10⁶");
            return {};
        }
        return xr{static_cast<std::int32_t>(r.num), static_cast<std::int32_t>(r.den)};
    }
    /// Reduces a base atom's exponent into [0, 1), moving b^⌊e⌋ into the coefficient.
    constexpr void reduce_base(term& t) {
        for (std::size_t i = 0; i < t.m.size();) {
            const atom& a = atoms[static_cast<std::size_t>(t.m[i].atom)];
            if (a.kind == ak::base) {
                const std::int64_t k = floor_of(exponent(t.m[i]));
                if (k != 0) {
                    t.c = q.times(t.c, q.power(ratio{a.index}, k));
                    t.m[i].e = t.m[i].e + xr{static_cast<std::int32_t>(-k), 1};
                }
                if (t.m[i].e.num == 0) {
                    t.m.erase(t.m.begin() + static_cast<std::ptrdiff_t>(i));
                    continue;
                }
            }
            ++i;
        }
    }
    constexpr term times(const term& s, const term& t) {
        term r{q.times(s.c, t.c), {}};
        std::size_t i = 0;
        std::size_t j = 0;
        bool bases = false;
        while (i < s.m.size() || j < t.m.size()) {
            if (j == t.m.size() || (i < s.m.size() && s.m[i].atom < t.m[j].atom)) {
                r.m.push_back(s.m[i++]);
            } else if (i == s.m.size() || t.m[j].atom < s.m[i].atom) {
                r.m.push_back(t.m[j++]);
            } else {
                const xr e = s.m[i].e + t.m[j].e;
                if (e.num != 0) {
                    r.m.push_back({s.m[i].atom, e});
                    bases = bases || atoms[static_cast<std::size_t>(s.m[i].atom)].kind == ak::base;
                }
                ++i;
                ++j;
            }
        }
        if (bases) {
            reduce_base(r);
        }
        if (r.m.overflowed) {
            fail("a monomial of more than 8 distinct atoms");
        }
        return r;
    }
    constexpr term inverse(const term& t) {
        term r{q.inverse(t.c), t.m};
        bool bases = false;
        for (auto& f : r.m) {
            f.e = -f.e;
            bases = bases || atoms[static_cast<std::size_t>(f.atom)].kind == ak::base;
        }
        if (bases) {
            reduce_base(r);
        }
        return r;
    }

    // --- polynomials ---
    constexpr poly collect(poly p) {
        std::sort(p.begin(), p.end(), [](const term& s, const term& t) { return compare_mono(s.m, t.m) < 0; });
        poly r;
        for (auto& t : p) {
            if (!r.empty() && compare_mono(r.back().m, t.m) == 0) {
                r.back().c = q.plus(r.back().c, t.c);
            } else {
                r.push_back(std::move(t));
            }
        }
        std::erase_if(r, [](const term& t) { return t.c.num == 0; });
        return r;
    }
    /// a + b by merging (both sorted): linear, no sort.
    constexpr poly add(const poly& a, const poly& b) {
        poly r;
        r.reserve(a.size() + b.size());
        std::size_t i = 0;
        std::size_t j = 0;
        while (i < a.size() || j < b.size()) {
            const int k = i == a.size() ? 1 : j == b.size() ? -1 : compare_mono(a[i].m, b[j].m);
            if (k < 0) {
                r.push_back(a[i++]);
            } else if (k > 0) {
                r.push_back(b[j++]);
            } else {
                const ratio c = q.plus(a[i].c, b[j].c);
                if (c.num != 0) {
                    r.push_back(term{c, a[i].m});
                }
                ++i;
                ++j;
            }
        }
        return r;
    }
    /// t·a: the order is kept (the monomial order is compatible with multiplication) unless a base
    /// atom's radical moved into a coefficient; then it is sorted again.
    constexpr poly scale(const poly& a, const term& t) {
        poly r;
        r.reserve(a.size());
        bool sorted = true;
        for (const auto& s : a) {
            r.push_back(times(s, t));
            sorted = sorted && (r.size() < 2 || compare_mono(r[r.size() - 2].m, r.back().m) < 0);
        }
        if (!sorted) { // (no ?: with class-type operands: GCC 12's constant evaluation frees them early)
            return collect(std::move(r));
        }
        return r;
    }
    constexpr poly mul(const poly& a, const poly& b) {
        if (a.size() < b.size()) {
            return mul(b, a);
        }
        if (b.size() == 1 && b.front().m.empty() && b.front().c == ratio{1}) {
            return a; // by 1: the common denominator's cofactor is often 1
        }
        poly r;
        for (const auto& t : b) {
            const poly scaled = scale(a, t); // named, not a temporary argument: GCC 12's constant
            poly next = add(r, scaled);      // evaluation frees such temporaries too early
            r = std::move(next);
            if (!ok()) {
                return {};
            }
        }
        return r;
    }
    constexpr poly power(const poly& a, int k) {
        poly r{term{ratio{1}, {}}};
        for (int i = 0; i < k && ok(); ++i) {
            r = mul(r, a);
        }
        return r;
    }
    /// p = unit · normalized, the normalized polynomial's least term exactly 1.
    struct split_unit {
        term unit{};
        poly rest{};
    };
    constexpr split_unit normalize(const poly& p) {
        split_unit s{p.front(), {}};
        s.rest = scale(p, inverse(p.front()));
        return s;
    }

    // --- rational forms ---
    static constexpr form constant_form(ratio c) {
        form f;
        if (c.num != 0) {
            f.num.push_back(term{c, {}});
        }
        return f;
    }
    constexpr form atom_form(int a, ratio e = ratio{1}) {
        form f;
        term t{ratio{1}, {}};
        t.m.push_back(factor{a, units(e)});
        if (atoms[static_cast<std::size_t>(a)].kind == ak::base) {
            reduce_base(t);
        }
        f.num.push_back(t);
        return f;
    }
    /// Whether den_product(den, minus) is 1 (minus holds each factor of den to at least its power).
    static constexpr bool covered(const std::vector<den_power>& den, const std::vector<den_power>& minus) {
        for (const auto& d : den) {
            int k = d.k;
            for (const auto& m : minus) {
                if (m.factor == d.factor) {
                    k -= m.k;
                }
            }
            if (k > 0) {
                return false;
            }
        }
        return true;
    }
    constexpr poly den_product(const std::vector<den_power>& den, const std::vector<den_power>& minus) {
        poly r{term{ratio{1}, {}}};
        for (const auto& d : den) {
            int k = d.k;
            for (const auto& m : minus) {
                if (m.factor == d.factor) {
                    k -= m.k;
                }
            }
            if (k > 0) {
                r = mul(r, power(factors[static_cast<std::size_t>(d.factor)], k));
            }
        }
        return r;
    }
    /// n / f when f divides n exactly. Laurent polynomials become polynomials when divided by the
    /// least power of each atom they contain (μ_n, μ_f), and f' = f/μ_f divides n' = n/μ_n iff f
    /// divides n; polynomial division by one divisor under the lex order has remainder 0 iff it
    /// divides. So: cancel the greatest term while the quotient term t = lt(r)/lt(f) is a monomial of
    /// the polynomial quotient (t ≥ μ_n/μ_f atom by atom); otherwise f does not divide n.
    constexpr bool divide_exact(const poly& n, const poly& f, poly& quotient) {
        if (n.size() < f.size()) {
            return false;
        }
        const auto lowest = [&](const poly& p) { // the least exponent of each atom over p's terms
            std::vector<xr> lo(atoms.size(), xr{});
            std::vector<std::size_t> seen(atoms.size(), 0);
            for (const auto& t : p) {
                for (const auto& fa : t.m) {
                    const auto a = static_cast<std::size_t>(fa.atom);
                    lo[a] = seen[a] == 0 || fa.e < lo[a] ? fa.e : lo[a];
                    ++seen[a];
                }
            }
            for (std::size_t a = 0; a < lo.size(); ++a) {
                if (seen[a] < p.size() && xr{} < lo[a]) {
                    lo[a] = xr{}; // a term without the atom has exponent 0
                }
            }
            return lo;
        };
        std::vector<xr> floor = lowest(n); // exponents of μ_n/μ_f
        const std::vector<xr> lf = lowest(f);
        bool trivial = true; // every floor exponent is <= 0: atoms absent from t pass
        for (std::size_t a = 0; a < floor.size(); ++a) {
            floor[a] = floor[a] + -lf[a];
            trivial = trivial && !(xr{} < floor[a]);
        }
        const term inv_greatest = inverse(f.back());
        poly r = n;
        poly qt;
        for (int steps = 0; !r.empty(); ++steps) {
            term t = times(r.back(), inv_greatest);
            if (steps > 256 || !ok()) {
                return false;
            }
            std::size_t k = 0;
            for (std::size_t a = 0; a < floor.size(); ++a) {
                xr e{};
                if (k < t.m.size() && static_cast<std::size_t>(t.m[k].atom) == a) {
                    e = t.m[k++].e;
                } else if (trivial) {
                    continue;
                }
                if (e < floor[a]) {
                    return false;
                }
            }
            t.c = -t.c;
            const poly scaled = scale(f, t);
            poly next = add(r, scaled);
            r = std::move(next);
            t.c = -t.c;
            qt.push_back(t);
        }
        quotient = collect(std::move(qt));
        return true;
    }
    /// Cancels the denominator's factors that divide the numerator.
    constexpr form make(poly num, std::vector<den_power> den) {
        if (num.empty()) {
            return {};
        }
        for (std::size_t i = 0; i < den.size() && num.size() >= 2;) {
            poly quotient;
            if (divide_exact(num, factors[static_cast<std::size_t>(den[i].factor)], quotient)) {
                num = std::move(quotient);
                if (--den[i].k == 0) {
                    den.erase(den.begin() + static_cast<std::ptrdiff_t>(i));
                }
                continue;
            }
            ++i;
        }
        return form{std::move(num), std::move(den)};
    }
    constexpr form plus(const form& a, const form& b) {
        if (a.num.empty()) {
            return b;
        }
        if (b.num.empty()) {
            return a;
        }
        std::vector<den_power> l = a.den;
        for (const auto& d : b.den) {
            auto it = std::find_if(l.begin(), l.end(), [&](const den_power& e) { return e.factor == d.factor; });
            if (it == l.end()) {
                l.push_back(d);
            } else {
                it->k = std::max(it->k, d.k);
            }
        }
        std::sort(l.begin(), l.end(), [](const den_power& s, const den_power& t) { return s.factor < t.factor; });
        // Each numerator times its cofactor over l; a cofactor 1 (often both: equal denominators) is
        // skipped rather than built and multiplied by.
        const bool ca = covered(l, a.den);
        const bool cb = covered(l, b.den);
        poly n;
        if (ca && cb) {
            n = add(a.num, b.num);
        } else if (ca) {
            const poly sb = mul(b.num, den_product(l, b.den));
            n = add(a.num, sb);
        } else if (cb) {
            const poly sa = mul(a.num, den_product(l, a.den));
            n = add(sa, b.num);
        } else {
            n = add(mul(a.num, den_product(l, a.den)), mul(b.num, den_product(l, b.den)));
        }
        if (n.empty()) {
            return {};
        }
        return make(std::move(n), std::move(l));
    }
    constexpr form negate(form a) {
        for (auto& t : a.num) {
            t.c = -t.c;
        }
        return a;
    }
    constexpr form times(const form& a, const form& b) {
        if (a.num.empty() || b.num.empty()) {
            return {};
        }
        std::vector<den_power> l = a.den;
        for (const auto& d : b.den) {
            auto it = std::find_if(l.begin(), l.end(), [&](const den_power& e) { return e.factor == d.factor; });
            if (it == l.end()) {
                l.push_back(d);
            } else {
                it->k += d.k;
            }
        }
        std::sort(l.begin(), l.end(), [](const den_power& s, const den_power& t) { return s.factor < t.factor; });
        return make(mul(a.num, b.num), std::move(l));
    }
    constexpr form inverse(const form& a) {
        if (a.num.empty()) {
            fail("a division by an expression that is identically zero");
            return {};
        }
        const split_unit s = normalize(a.num);
        poly n = scale(den_product(a.den, {}), inverse(s.unit));
        std::vector<den_power> den;
        poly rest = s.rest;
        // Known factors first, so (1 + u)² expanded becomes the factor 1 + u twice.
        for (std::size_t f = 0; f < factors.size() && rest.size() >= 2; ++f) {
            poly quotient;
            while (rest.size() >= 2 && divide_exact(rest, factors[f], quotient)) {
                auto it = std::find_if(den.begin(), den.end(), [&](const den_power& d) { return d.factor == static_cast<int>(f); });
                if (it == den.end()) {
                    den.push_back({static_cast<int>(f), 1});
                } else {
                    ++it->k;
                }
                split_unit qs = normalize(quotient);
                rest = std::move(qs.rest);
                n = scale(n, inverse(qs.unit));
            }
        }
        if (rest.size() >= 2) {
            den.push_back({intern_factor(rest), 1});
        }
        std::sort(den.begin(), den.end(), [](const den_power& p, const den_power& q) { return p.factor < q.factor; });
        return make(std::move(n), std::move(den));
    }
    constexpr form power_int(const form& a, std::int64_t n) {
        if (n < 0) {
            return power_int(inverse(a), -n);
        }
        if (n > 64) {
            fail("an integer power above 64");
            return {};
        }
        form r = constant_form(ratio{1});
        for (std::int64_t i = 0; i < n && ok(); ++i) {
            r = times(r, a);
        }
        return r;
    }
    constexpr form opaque(ak kind, const form& key, int tag = -1) {
        atom a{kind, 0, tag, intern_key(key)};
        return atom_form(intern_atom(a));
    }
    /// A positive rational as Π bᵢ^{kᵢ}: trial division by 2 … 999, a remaining cofactor kept
    /// whole (a "base" need not be prime: b^{e} is a true value for any integer b > 0).
    struct base_power {
        std::int64_t base = 1;
        std::int64_t k = 0;
    };
    static constexpr std::vector<base_power> factorize(ratio c) {
        std::vector<base_power> out;
        for (const auto& [n, sign] : {std::pair{c.num, std::int64_t{1}}, std::pair{c.den, std::int64_t{-1}}}) {
            std::int64_t m = n;
            for (std::int64_t p = 2; p * p <= m && p < 1000; ++p) {
                std::int64_t k = 0;
                while (m % p == 0) {
                    m /= p;
                    ++k;
                }
                if (k != 0) {
                    out.push_back({p, sign * k});
                }
            }
            if (m > 1) {
                out.push_back({m, sign});
            }
        }
        return out;
    }
    /// c^r for a positive rational c: its integer bases' radicals.
    constexpr form constant_power(ratio c, ratio r) {
        form f = constant_form(ratio{1});
        for (const auto& [b, k] : factorize(c)) {
            f = times(f, atom_form(intern_atom(atom{ak::base, b}), r * ratio{k}));
        }
        return f;
    }
    constexpr form power(const form& a, ratio r) {
        if (r.is_integer()) {
            return power_int(a, r.num);
        }
        if (a.num.empty()) {
            if (r < ratio{0}) {
                fail("a negative power of zero");
            }
            return {};
        }
        if (a.den.empty() && a.num.size() == 1 && a.num.front().c.num > 0) {
            const term& t = a.num.front();
            bool opens = true;
            for (const auto& f : t.m) {
                // (u^e)^r = u^{e·r} for u > 0, and where u^e already needs u >= 0 (even denominator)
                opens = opens && (positive(atoms[static_cast<std::size_t>(f.atom)]) || exponent(f).den % 2 == 0);
            }
            if (opens) {
                form res = constant_power(t.c, r);
                for (const auto& f : t.m) {
                    res = times(res, atom_form(f.atom, exponent(f) * r));
                }
                return res;
            }
        }
        // u^{k/n} = R^k for the atom R = u^{1/n}, with a positive constant factor taken out first
        // ((c·w)^r = c^r·w^r for c > 0): √(x² + 4) and 1/√(x² + 4) are R and R⁻¹ of one atom.
        const split_unit s = normalize(a.num);
        form res = constant_form(ratio{1});
        form key = a;
        if (s.unit.m.empty() && s.unit.c.num > 0) {
            res = constant_power(s.unit.c, r);
            key = form{s.rest, a.den};
        }
        const int root = intern_atom(atom{ak::root, r.den, -1, intern_key(key)});
        return times(res, atom_form(root, ratio{r.num}));
    }
    /// Whether some term of p has a root atom R = u^{1/n} to a power outside [0, n).
    constexpr bool has_reducible_root(const poly& p) const {
        for (const auto& t : p) {
            for (const auto& fa : t.m) {
                const atom& a = atoms[static_cast<std::size_t>(fa.atom)];
                if (a.kind == ak::root && (fa.e.num < 0 || fa.e.num >= a.index)) {
                    return true;
                }
            }
        }
        return false;
    }
    /// p with every root atom's power brought into [0, n) by R^{qn+s} = u^q·R^s: a form equal to p
    /// wherever the roots are real (u ≥ 0 for even n; u > 0 for the others, which ctdiff evaluates
    /// as e^{log(u)/n}). Used by the zero test, where p = 0 iff the reduced form is 0: its terms
    /// R^s·C_s with distinct s in [0, n) are distinct monomials.
    constexpr form reduce_roots(const poly& p) {
        form out{p, {}};
        for (int round = 0; round < 4 && ok() && has_reducible_root(out.num); ++round) {
            const poly in = out.num;
            std::vector<den_power> den = out.den;
            out = form{};
            for (const auto& t : in) {
                form rest;
                rest.num.push_back(term{t.c, {}});
                form mult = constant_form(ratio{1});
                for (const auto& fa : t.m) {
                    const atom a = atoms[static_cast<std::size_t>(fa.atom)];
                    if (a.kind != ak::root || fa.e.den != 1) {
                        rest.num.front().m.push_back(fa);
                        continue;
                    }
                    const std::int64_t qn = floor_of(ratio{fa.e.num, a.index});
                    const std::int64_t e = fa.e.num - qn * a.index;
                    if (e != 0) {
                        rest.num.front().m.push_back(factor{fa.atom, xr{static_cast<std::int32_t>(e), 1}});
                    }
                    const form u = keys[static_cast<std::size_t>(a.key)];
                    const form uq = power_int(u, qn);
                    form next = times(mult, uq);
                    mult = std::move(next);
                }
                const form tm = times(rest, mult);
                form next = plus(out, tm);
                out = std::move(next);
                if (!ok()) {
                    return {};
                }
            }
            form d;
            d.num.push_back(term{ratio{1}, {}});
            d.den = std::move(den);
            form next = times(out, d);
            out = std::move(next);
        }
        return out;
    }

    // --- functions ---
    constexpr form exp_of(const form& u) {
        if (!u.den.empty()) {
            return opaque(ak::expf, u);
        }
        form r = constant_form(ratio{1});
        for (const auto& t : u.num) {
            if (t.m.size() == 1 && t.m.front().e == xr_one && atoms[static_cast<std::size_t>(t.m.front().atom)].kind == ak::log) {
                // e^{c·log U} = U^c (where log U is defined, U > 0)
                const form base = keys[static_cast<std::size_t>(atoms[static_cast<std::size_t>(t.m.front().atom)].key)];
                r = times(r, power(base, t.c));
                continue;
            }
            form key;
            key.num.push_back(term{ratio{1}, t.m});
            r = times(r, atom_form(intern_atom(atom{ak::expm, 0, -1, intern_key(key)}), t.c));
        }
        return r;
    }
    constexpr form log_of(const form& u) {
        if (u.num.empty()) {
            fail("the logarithm of an expression that is identically zero");
            return {};
        }
        const split_unit s = normalize(u.num);
        if (s.unit.c.num < 0) {
            return opaque(ak::log, u);
        }
        form r;
        if (s.unit.c != ratio{1}) {
            r = log_of_constant(s.unit.c);
        }
        form rest = make(s.rest, u.den); // u = unit · rest
        mono others;
        for (const auto& f : s.unit.m) {
            const atom& a = atoms[static_cast<std::size_t>(f.atom)];
            if (a.kind == ak::expm) { // log((e^m)^c) = c·m
                r = plus(r, times(constant_form(exponent(f)), keys[static_cast<std::size_t>(a.key)]));
            } else if (a.kind == ak::expf) {
                r = plus(r, times(constant_form(exponent(f)), keys[static_cast<std::size_t>(a.key)]));
            } else if (a.kind == ak::base || a.kind == ak::pi) {
                r = plus(r, times(constant_form(exponent(f)), opaque(ak::log, atom_form(f.atom))));
            } else {
                others.push_back(f);
            }
        }
        // What is left, X = others · rest, is positive wherever log(u) is defined.
        if (others.empty() && s.rest.size() == 1 && u.den.empty()) {
            return r;
        }
        if (others.size() == 1 && s.rest.size() == 1 && u.den.empty() && (exponent(others.front()).den % 2 == 0 || (exponent(others.front()).is_integer() && exponent(others.front()).num % 2 != 0))) {
            return plus(r, times(constant_form(exponent(others.front())), opaque(ak::log, atom_form(others.front().atom))));
        }
        if (others.empty() && s.rest.size() >= 2 && u.den.empty()) {
            return plus(r, opaque(ak::log, form{s.rest, {}}));
        }
        if (others.empty() && s.rest.size() == 1 && u.den.size() == 1 && u.den.front().k % 2 != 0) {
            // Not const: GCC 12 treats the members of a const aggregate as const while their own
            // constructors run, and rejects the vector copy ("modifying a const object").
            form f{factors[static_cast<std::size_t>(u.den.front().factor)], {}};
            return plus(r, times(constant_form(ratio{-u.den.front().k}), opaque(ak::log, f)));
        }
        form x = rest;
        if (!others.empty()) {
            x = times(x, form{poly{term{ratio{1}, others}}, {}});
        }
        return plus(r, opaque(ak::log, x));
    }
    constexpr form log_of_constant(ratio c) {
        form r;
        for (const auto& [b, k] : factorize(c)) {
            r = plus(r, times(constant_form(ratio{k}), opaque(ak::log, atom_form(intern_atom(atom{ak::base, b})))));
        }
        return r;
    }
    /// erf is odd: erf(u) with u's least coefficient negative is −erf(−u).
    constexpr form erf_of(const form& u) {
        if (u.num.empty()) {
            return {};
        }
        if (u.num.front().c.num < 0) {
            return negate(opaque(ak::erf, negate(u)));
        }
        return opaque(ak::erf, u);
    }

    // --- case splits ---
    /// The sign of d in the current case: known (a constant, or a positive monomial), the state of
    /// the split on ±d, or — a difference not met before — a new split, and the cases restart.
    constexpr int sign_of(form d) {
        int flip = 1;
        if (!d.num.empty() && d.num.front().c.num < 0) {
            d = negate(d);
            flip = -1;
        }
        if (d.num.empty()) {
            return 0;
        }
        if (d.num.size() == 1 && d.den.empty()) {
            bool pos = true;
            for (const auto& f : d.num.front().m) {
                pos = pos && positive(atoms[static_cast<std::size_t>(f.atom)]);
            }
            if (pos) {
                return flip; // the coefficient is positive after the flip
            }
        }
        for (std::size_t i = 0; i < splits.size(); ++i) {
            if (splits[i].diff == d) {
                return i < state.size() ? flip * state[i] : 0;
            }
        }
        split sp{d};
        const poly& n = d.num;
        if (d.den.empty() && n.size() <= 2) {
            const term& lin = n.back();
            if (lin.m.size() == 1 && lin.m.front().e == xr_one &&
                atoms[static_cast<std::size_t>(lin.m.front().atom)].kind == ak::variable && (n.size() == 1 || n.front().m.empty())) {
                sp.var = static_cast<int>(atoms[static_cast<std::size_t>(lin.m.front().atom)].index);
                sp.root = q.times(-(n.size() == 2 ? n.front().c : ratio{0}), q.inverse(lin.c));
                sp.slope = lin.c.num > 0 ? 1 : -1;
            }
        }
        splits.push_back(sp);
        restart = true;
        return 0;
    }
    constexpr void reset() {
        memo.assign(g.size(), form{});
        done.assign(g.size(), 0);
    }

    // --- the normal form of a node ---
    /// The form of node i in the current case (memoized; the reference stays valid until reset()).
    constexpr const form& eval(int i) {
        const auto ui = static_cast<std::size_t>(i);
        if (done[ui] == 0) {
            form f = eval_node(g[ui]); // first: GCC 12 must not hold memo[ui] across the call
            memo[ui] = std::move(f);
            done[ui] = 1;
        }
        return memo[ui];
    }
    constexpr form eval_node(const simplify_detail::vnode& n) {
        using simplify_detail::op;
        if (!ok()) {
            return {};
        }
        switch (n.kind) {
        case op::constant:
            return constant_form(n.r);
        case op::variable:
            for (const auto& p : pins) {
                if (p.var == n.index) {
                    return constant_form(p.value);
                }
            }
            return atom_form(intern_atom(atom{ak::variable, static_cast<std::int64_t>(n.index)}));
        case op::parameter:
            return atom_form(intern_atom(atom{ak::parameter, static_cast<std::int64_t>(n.index)}));
        case op::named:
            switch (tags[static_cast<std::size_t>(n.tag)]) {
            case tagk::pi:
                return atom_form(intern_atom(atom{ak::pi}));
            case tagk::sqrt2:
                return atom_form(intern_atom(atom{ak::base, 2}), ratio{1, 2});
            case tagk::sqrt_pi:
                return atom_form(intern_atom(atom{ak::pi}), ratio{1, 2});
            default:
                return atom_form(intern_atom(atom{ak::fn, 0, n.tag}));
            }
        case op::add:
            return plus(eval(n.a), eval(n.b));
        case op::sub:
            return plus(eval(n.a), negate(eval(n.b)));
        case op::mul:
            return times(eval(n.a), eval(n.b));
        case op::div: {
            // a / b^k as a · (1/b)^k: the factor b stays one factor, never (b^k expanded)
            const auto& nb = g[static_cast<std::size_t>(n.b)];
            if (nb.kind == op::power && nb.r.is_integer() && nb.r.num > 0) {
                return times(eval(n.a), power_int(inverse(eval(nb.a)), nb.r.num));
            }
            return times(eval(n.a), inverse(eval(n.b)));
        }
        case op::neg:
            return negate(eval(n.a));
        case op::power:
            return power(eval(n.a), n.r);
        case op::apply: {
            const tagk k = tags[static_cast<std::size_t>(n.tag)];
            if (k == tagk::abs || k == tagk::sign) {
                const int s = sign_of(eval(n.a));
                if (k == tagk::sign) {
                    return constant_form(ratio{s});
                }
                if (s < 0) {
                    return negate(eval(n.a));
                }
                return eval(n.a);
            }
            const form& u = eval(n.a);
            switch (k) {
            case tagk::exp:
                return exp_of(u);
            case tagk::log:
                return log_of(u);
            case tagk::erf:
                return erf_of(u);
            default:
                return opaque(ak::fn, u, n.tag);
            }
        }
        case op::select: {
            const int s = sign_of(plus(eval(n.c), negate(eval(n.d))));
            bool holds = false;
            switch (tags[static_cast<std::size_t>(n.tag)]) {
            case tagk::gt:
                holds = s > 0;
                break;
            case tagk::ge:
                holds = s >= 0;
                break;
            case tagk::lt:
                holds = s < 0;
                break;
            case tagk::le:
                holds = s <= 0;
                break;
            default:
                fail("a comparison the prover does not know");
                return {};
            }
            return eval(holds ? n.a : n.b);
        }
        }
        fail("a node kind the prover does not know");
        return {};
    }

    /// Whether nodes a and b have the same form in the current case: their difference is the zero
    /// form, is a multiple of a split that is 0 in this case, or is 0 once its roots are reduced.
    constexpr bool equal_in_case(int a, int b) {
        const form d = plus(eval(a), negate(eval(b)));
        return d.num.empty() || vanishes_in_case(d) || (has_reducible_root(d.num) && reduce_roots(d.num).num.empty());
    }
    /// Whether nodes a and b are equal in every case: each assignment of a sign (−, 0, +) to each
    /// split whose variables can satisfy it. Splits are found while evaluating; a new one restarts
    /// the enumeration. False as soon as one case is not proved. (Not a template on the test, so
    /// one instantiation serves every problem.)
    constexpr bool equal_in_every_case(int a, int b) {
        for (;;) {
            if (splits.size() > 6) {
                fail("more than 6 case splits (selects, abs, sign)");
                return false;
            }
            std::size_t cases = 1;
            for (std::size_t i = 0; i < splits.size(); ++i) {
                cases *= 3;
            }
            restart = false;
            state.assign(splits.size(), 0);
            for (std::size_t c = 0; c < cases && !restart; ++c) {
                std::size_t r = c;
                for (auto& st : state) {
                    st = static_cast<int>(r % 3) - 1;
                    r /= 3;
                }
                if (!feasible()) {
                    continue; // no point satisfies this case's signs: nothing to prove
                }
                reset();
                const bool holds = equal_in_case(a, b);
                if (!ok()) {
                    return false;
                }
                if (!holds && !restart) {
                    return false;
                }
            }
            if (!restart) {
                return true;
            }
        }
    }
    /// c with G ≡ Σ c_k F^k (k ≤ deg), by linear algebra on the coefficients: with F = N_F/D_F and
    /// G = N_G/D_G, Σ c_k N_F^k D_F^{deg−k} D_G = N_G D_F^{deg} must hold monomial by monomial.
    /// Returns false when no such c exists at this degree (or the solver overflowed).
    constexpr bool fit_polynomial(const form& G, const form& F, std::size_t deg, std::array<ratio, 5>& c) {
        const poly df = den_product(F.den, {});
        const poly dg = den_product(G.den, {});
        std::vector<poly> cols;
        for (std::size_t k = 0; k <= deg; ++k) {
            cols.push_back(mul(mul(power(F.num, static_cast<int>(k)), power(df, static_cast<int>(deg - k))), dg));
        }
        const poly rhs = mul(G.num, power(df, static_cast<int>(deg)));
        if (!ok()) {
            return false;
        }
        // rows: every monomial that occurs
        std::vector<mono> monos;
        const auto note = [&](const poly& p) {
            for (const auto& t : p) {
                if (std::find(monos.begin(), monos.end(), t.m) == monos.end()) {
                    monos.push_back(t.m);
                }
            }
        };
        for (const auto& col : cols) {
            note(col);
        }
        note(rhs);
        const auto coef = [](const poly& p, const mono& m) {
            for (const auto& t : p) {
                if (t.m == m) {
                    return t.c;
                }
            }
            return ratio{0};
        };
        const std::size_t n = deg + 1;
        std::vector<std::array<ratio, 6>> rows;
        for (const auto& m : monos) {
            std::array<ratio, 6> r{};
            for (std::size_t k = 0; k < n; ++k) {
                r[k] = coef(cols[k], m);
            }
            r[n] = coef(rhs, m);
            rows.push_back(r);
        }
        // Gauss–Jordan over the rationals
        std::array<int, 5> pivot_row{-1, -1, -1, -1, -1};
        std::size_t next = 0;
        for (std::size_t col = 0; col < n && ok(); ++col) {
            std::size_t piv = next;
            while (piv < rows.size() && rows[piv][col].num == 0) {
                ++piv;
            }
            if (piv == rows.size()) {
                continue; // a free unknown: 0
            }
            std::swap(rows[piv], rows[next]);
            const ratio inv = q.inverse(rows[next][col]);
            for (std::size_t k = 0; k <= n; ++k) {
                rows[next][k] = q.times(rows[next][k], inv);
            }
            for (std::size_t r = 0; r < rows.size(); ++r) {
                if (r != next && rows[r][col].num != 0) {
                    const ratio f = rows[r][col];
                    for (std::size_t k = 0; k <= n; ++k) {
                        rows[r][k] = q.plus(rows[r][k], -q.times(f, rows[next][k]));
                    }
                }
            }
            pivot_row[col] = static_cast<int>(next++);
        }
        for (std::size_t r = next; r < rows.size(); ++r) {
            if (rows[r][n].num != 0) {
                return false; // inconsistent: no polynomial of this degree
            }
        }
        c = {};
        for (std::size_t k = 0; k < n; ++k) {
            c[k] = pivot_row[k] < 0 ? ratio{0} : rows[static_cast<std::size_t>(pivot_row[k])][n];
        }
        return ok();
    }
    /// True when the difference d vanishes wherever the current case holds because some split
    /// is 0 in it: d's numerator is a multiple of that split's difference (linear splits are pinned
    /// instead, their variable substituted).
    constexpr bool vanishes_in_case(const form& d) {
        for (std::size_t i = 0; i < splits.size(); ++i) {
            if (i >= state.size() || state[i] != 0 || splits[i].var >= 0 || splits[i].diff.num.size() < 2) {
                continue;
            }
            const poly p = normalize(splits[i].diff.num).rest;
            poly quotient;
            if (divide_exact(d.num, p, quotient)) {
                return true;
            }
        }
        return false;
    }
    /// The signs of the splits linear in one variable give each variable an interval (or a point,
    /// pinned for the case's evaluation); false when one is empty.
    constexpr bool feasible() {
        pins.clear();
        for (int var = 0; var < 64; ++var) {
            bool has_lo = false;
            bool has_hi = false;
            ratio lo{};
            ratio hi{};
            bool pinned = false;
            ratio at{};
            bool any = false;
            for (std::size_t i = 0; i < splits.size(); ++i) {
                const split& sp = splits[i];
                if (sp.var != var) {
                    continue;
                }
                any = true;
                const int s = state[i] * sp.slope; // sign of x − root
                if (s == 0) {
                    if (pinned && at != sp.root) {
                        return false;
                    }
                    pinned = true;
                    at = sp.root;
                } else if (s > 0) {
                    lo = has_lo && sp.root < lo ? lo : sp.root;
                    has_lo = true;
                } else {
                    hi = has_hi && hi < sp.root ? hi : sp.root;
                    has_hi = true;
                }
            }
            if (!any) {
                continue;
            }
            if (has_lo && has_hi && !(lo < hi)) {
                return false;
            }
            if (pinned) {
                if ((has_lo && !(lo < at)) || (has_hi && !(at < hi))) {
                    return false;
                }
                pins.push_back({static_cast<std::size_t>(var), at});
            }
        }
        return true;
    }
};

/// The symbolic part of compare: proved (1), forms differ (0), or the reason it cannot say.
struct symbolic_result {
    bool zero = false;
    const char* failure = nullptr;
    // Where a linear condition turns (variable, value): sides that differ only on a kink are told
    // apart there.
    std::array<std::pair<int, double>, 4> kinks{};
    int kink_count = 0;
};

template <class A, class B>
constexpr symbolic_result symbolic() {
    using P = problem<A, B>;
    const auto low = P::lower();
    engine e{low.L.g, P::kinds.data()};
    symbolic_result r;
    const bool zero = e.equal_in_every_case(low.a, low.b);
    for (const auto& sp : e.splits) {
        if (sp.var >= 0 && r.kink_count < 4) {
            r.kinks[static_cast<std::size_t>(r.kink_count++)] = {sp.var, sp.root.template as<double>()};
        }
    }
    if (!e.ok()) {
        r.failure = e.failure != nullptr ? e.failure : "an exact coefficient overflowed int64";
        return r;
    }
    r.zero = zero;
    return r;
}
template <class A, class B>
inline constexpr symbolic_result symbolic_v = symbolic<A, B>();

} // namespace ctdiff::prove_detail

#endif
