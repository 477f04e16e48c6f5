#ifndef CTDIFF_ALGEBRA_EQUIVALENT_HPP
#define CTDIFF_ALGEBRA_EQUIVALENT_HPP

/// \file
/// Compile-time proofs that two expressions are the same function.
///
///     static_assert(equivalent(d(sigma, x), sigma * (1_c - sigma)));     // a proof, not samples
///     constexpr verdict v = compare(d(gelu, x), norm_cdf(x));             // refuted, with a witness
///     static_assert(agree(a, b, std::array{-2.0, 0.5, 3.0}, 1e-12));     // evidence, not proof
///     constexpr auto p = as_polynomial_in(d(tanh(x), x), tanh(x));        // 1 − f², found and proved
///
/// ## What `compare(a, b)` decides, and how
/// Both sides are first rewritten through the *definitions* of their named functions (σ, tanh,
/// sinh, cosh, sech, softplus, Φ, φ, expm1, log1p, erfc: `F::definition`), never through their
/// derivative rules. What remains is built from variables, run-time parameters, rational constants,
/// π, √2, √π, + − × ÷, rational powers, exp, log, erf, abs, sign, selects, and a user's functions
/// without a definition. Each side is then brought, on values in constexpr code, to a rational
/// function N / (F₁^k₁ ⋯ F_m^k_m) where N and the Fᵢ are Laurent polynomials with exact rational
/// coefficients in *atoms*:
/// - variables and parameters (rational exponents allowed, x^{1/2});
/// - e^{m} for each monomial m: e^{q(x)} with q = Σ cⱼmⱼ is the monomial Π (e^{mⱼ})^{cⱼ}, so
///   exponentials multiply by adding exponents and e^{x}·e^{−x} = 1 (σ, tanh, softmax live here);
/// - π and the positive integers' radicals (√2 = 2^{1/2}, √π = π^{1/2}, (√2)² = 2);
/// - roots R = u^{1/n} of a u that is not one positive monomial: u^{k/n} = R^k, so √u, 1/√u and
///   u^{3/2} are powers of one atom; the zero test reduces R's powers into [0, n) by R^n = u. The
///   domain assumed is where the roots are real: u ≥ 0 for even n, u > 0 otherwise (ctdiff
///   evaluates those as e^{log(u)/n}). √(x²) is a root of x², not |x|;
/// - erf(u) (odd: erf(−u) = −erf(u)), log(u), a user's F(u), and anything the rules below do not
///   open, each keyed by the normal form of its argument.
/// log opens over positive factors only: log(e^{q}) = q, log(c·e^{q}·X) = log c + q + log X.
/// A select, abs or sign is decided by splitting into cases over the sign (−, 0, +) of each distinct
/// difference its conditions compare (x > 0 and 0 < x are one split); every case is proved
/// separately. Denominators are kept factored (each factor divided by its least term, so 1 + e^{−x}
/// and e^{x} + 1 are one factor); a − b is zero iff the numerator of the difference, over the least
/// common denominator, expands to the zero polynomial — no polynomial GCD is needed for the test.
///
/// ## What the verdict means
/// - `proved()`: a proof. Every rewriting step is an identity of real functions; the two sides are
///   equal wherever both are defined (x/x and 1 are "equal": as elsewhere in ctdiff, a removable
///   point is not tracked). The step count is bounded (see the budget in tests/static/algebra).
/// - `refuted()`: the normal forms differ *and* a sample point was found where the two sides,
///   evaluated with ctdiff's constexpr math in double, differ by more than 1e-6 relative:
///   `at` (the variables) and `params` hold the point, `lhs`/`rhs` the values.
/// - `undecided()`: everything else, with `reason`: the forms differ but no sample separates them
///   (the atoms have a relation the algebra does not know, e.g. erf(x) and erfc-type identities at
///   different scalings), a coefficient overflowed int64, more than 4 case splits, a condition that
///   itself contains a select. It never claims an identity it has not proved.
///
/// `equivalent(a, b)` is the proof for `static_assert`: a `claim` that converts to true when proved;
/// converted when refuted, a compile error whose template arguments are the witness and both
/// values (`!equivalent(a, b)` is then true instead); when undecided, a compile error naming the
/// reason.
///
/// Cost: values, not types — each side is lowered once to a DAG of values (the simplifier's
/// lowering), the normal forms are computed in constexpr code with std::vector.

#include <ctdiff/algebra/simplify.hpp>
#include <ctdiff/core/constant.hpp>
#include <ctdiff/core/function.hpp>
#include <ctdiff/core/functions/abs.hpp>
#include <ctdiff/core/functions/erf.hpp>
#include <ctdiff/core/functions/exp.hpp>
#include <ctdiff/core/functions/log.hpp>
#include <ctdiff/core/node.hpp>
#include <ctdiff/core/operators.hpp>
#include <ctdiff/core/rewrite.hpp>
#include <ctdiff/core/ratio.hpp>
#include <ctdiff/core/select.hpp>
#include <ctdiff/core/variable.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <numeric>
#include <type_traits>
#include <utility>
#include <vector>

namespace ctdiff {

enum class verdict_kind : unsigned char { proved, refuted, undecided };

/// The answer of `compare(a, b)`.
struct verdict {
    verdict_kind kind = verdict_kind::undecided;
    std::array<double, 4> at{};     ///< refuted: x, y, z, variable<3> where the sides differ
    std::array<double, 4> params{}; ///< refuted: α, β, … there
    double lhs = 0;                 ///< refuted: a there
    double rhs = 0;                 ///< refuted: b there
    const char* reason = "";        ///< what was shown, or why it could not be decided
    [[nodiscard]] constexpr bool proved() const { return kind == verdict_kind::proved; }
    [[nodiscard]] constexpr bool refuted() const { return kind == verdict_kind::refuted; }
    [[nodiscard]] constexpr bool undecided() const { return kind == verdict_kind::undecided; }
};

namespace prove_detail {

// ----- definitions expanded (type level: one instantiation per distinct node) ------------------

template <class F, class A>
constexpr auto expand_apply();
// The prover's rewriting rule: each application of a function with a definition to that definition
// (itself expanded), the primitives (exp, log, erf, abs, sign, users' functions) kept.
struct definition_rule {
    template <class F, class A>
    using on_apply = decltype(expand_apply<F, A>());
};
template <class E>
using expand_t = rewrite_t<E, definition_rule>;

template <class F, class A>
constexpr auto expand_apply() {
    if constexpr (DefinedFunction<F>) {
        return expand_t<std::remove_cvref_t<decltype(F::definition(A{}))>>{};
    } else {
        return apply<F, A>{};
    }
}

// ----- what each tag means to the prover ---------------------------------------------------------

enum class tagk : unsigned char { other, exp, log, erf, abs, sign, pi, sqrt2, sqrt_pi, gt, ge, lt, le };

template <class T>
consteval tagk kind_of_tag() {
    if constexpr (std::is_same_v<T, exp_fn>) {
        return tagk::exp;
    } else if constexpr (std::is_same_v<T, log_fn>) {
        return tagk::log;
    } else if constexpr (std::is_same_v<T, erf_fn>) {
        return tagk::erf;
    } else if constexpr (std::is_same_v<T, abs_fn>) {
        return tagk::abs;
    } else if constexpr (std::is_same_v<T, sign_fn>) {
        return tagk::sign;
    } else if constexpr (std::is_same_v<T, pi_tag>) {
        return tagk::pi;
    } else if constexpr (std::is_same_v<T, sqrt2_tag>) {
        return tagk::sqrt2;
    } else if constexpr (std::is_same_v<T, sqrt_pi_tag>) {
        return tagk::sqrt_pi;
    } else if constexpr (std::is_same_v<T, greater_op>) {
        return tagk::gt;
    } else if constexpr (std::is_same_v<T, greater_equal_op>) {
        return tagk::ge;
    } else if constexpr (std::is_same_v<T, less_op>) {
        return tagk::lt;
    } else if constexpr (std::is_same_v<T, less_equal_op>) {
        return tagk::le;
    } else {
        return tagk::other;
    }
}
template <class... Ts>
consteval std::array<tagk, sizeof...(Ts) + 1> tag_kinds(simplify_detail::type_list<Ts...>) {
    return {kind_of_tag<Ts>()..., tagk::other};
}

// ----- exact coefficients with an overflow flag ---------------------------------------------------

struct arith {
    bool overflow = false;

    constexpr std::int64_t mul(std::int64_t a, std::int64_t b) {
        std::int64_t r = 0;
        if (__builtin_mul_overflow(a, b, &r)) {
            overflow = true;
            return 0;
        }
        return r;
    }
    constexpr std::int64_t add(std::int64_t a, std::int64_t b) {
        std::int64_t r = 0;
        if (__builtin_add_overflow(a, b, &r)) {
            overflow = true;
            return 0;
        }
        return r;
    }
    constexpr ratio make(std::int64_t n, std::int64_t d) {
        if (overflow || d == 0 || n == INT64_MIN || d == INT64_MIN) {
            overflow = true;
            return ratio{0};
        }
        return ratio{n, d};
    }
    constexpr ratio plus(ratio a, ratio b) {
        if (a.den == 1 && b.den == 1) {
            ratio r;
            r.num = add(a.num, b.num);
            return r;
        }
        const std::int64_t g = std::gcd(a.den, b.den);
        const std::int64_t da = a.den / g;
        const std::int64_t db = b.den / g;
        return make(add(mul(a.num, db), mul(b.num, da)), mul(mul(da, db), g));
    }
    constexpr ratio times(ratio a, ratio b) {
        if (a.den == 1 && b.den == 1) {
            ratio r;
            r.num = mul(a.num, b.num);
            return r;
        }
        const std::int64_t g1 = std::gcd(a.num, b.den);
        const std::int64_t g2 = std::gcd(b.num, a.den);
        const std::int64_t n1 = g1 > 1 ? a.num / g1 : a.num;
        const std::int64_t d2 = g1 > 1 ? b.den / g1 : b.den;
        const std::int64_t n2 = g2 > 1 ? b.num / g2 : b.num;
        const std::int64_t d1 = g2 > 1 ? a.den / g2 : a.den;
        return make(mul(n1, n2), mul(d1, d2));
    }
    constexpr ratio inverse(ratio a) { return a.num == 0 ? (overflow = true, ratio{0}) : make(a.den, a.num); }
    constexpr ratio power(ratio a, std::int64_t n) {
        ratio r{1};
        const ratio b = n < 0 ? inverse(a) : a;
        for (std::int64_t i = 0; i < (n < 0 ? -n : n) && !overflow; ++i) {
            r = times(r, b);
        }
        return r;
    }
};

constexpr std::int64_t floor_of(ratio e) {
    const std::int64_t q = e.num / e.den;
    return (e.num % e.den != 0 && e.num < 0) ? q - 1 : q;
}

// ----- atoms, monomials, polynomials, rational forms ---------------------------------------------

enum class ak : unsigned char {
    variable, parameter,
    base,   // a positive integer b (its radicals: √2 = base 2 to the 1/2), exponents kept in [0, 1)
    pi,     // π (positive)
    expm,   // e^{m} for the monomial m (key: a one-term form with coefficient 1); positive
    expf,   // e^{u} for a u that is not a polynomial (key: u); positive
    erf,    // erf(u)
    log,    // log(u), u not opened further
    fn,     // a user's function F(u) (tag), or a named constant the prover does not know (key -1)
    root,   // R = u^{1/n} for a u the power rules do not open (n in index): u^{k/n} = R^k, R^n = u
};

struct atom {
    ak kind = ak::variable;
    std::int64_t index = 0; // variable, parameter: the index; base: the integer
    int tag = -1;           // fn: the tag
    int key = -1;           // expm, expf, erf, log, fn, root: the argument's form (in keys)
    friend constexpr bool operator==(const atom&, const atom&) = default;
};
constexpr bool positive(const atom& a) {
    return a.kind == ak::base || a.kind == ak::pi || a.kind == ak::expm || a.kind == ak::expf;
}

/// A small exact exponent (int32 numerator and denominator, normalized: den > 0, lowest terms) —
/// compact, so monomials are cheap to copy in constant evaluation.
struct xr {
    std::int32_t num = 0;
    std::int32_t den = 1;
    friend constexpr bool operator==(const xr&, const xr&) = default;
    friend constexpr bool operator<(const xr& a, const xr& b) {
        return static_cast<std::int64_t>(a.num) * b.den < static_cast<std::int64_t>(b.num) * a.den;
    }
};
constexpr xr make_xr(std::int64_t n, std::int64_t d) { // d > 0; callers check the range
    const std::int64_t g = std::gcd(n, d);
    return xr{static_cast<std::int32_t>(n / g), static_cast<std::int32_t>(d / g)};
}
constexpr xr operator+(xr a, xr b) {
    if (a.den == b.den) {
        const std::int64_t n = static_cast<std::int64_t>(a.num) + b.num;
        return a.den == 1 ? xr{static_cast<std::int32_t>(n), 1} : make_xr(n, a.den);
    }
    return make_xr(static_cast<std::int64_t>(a.num) * b.den + static_cast<std::int64_t>(b.num) * a.den,
                   static_cast<std::int64_t>(a.den) * b.den);
}
constexpr xr operator-(xr a) { return {-a.num, a.den}; }
inline constexpr xr xr_one{1, 1};

/// An atom to a rational power.
struct factor {
    int atom = 0;
    xr e{};
    friend constexpr bool operator==(const factor&, const factor&) = default;
};
constexpr ratio exponent(const factor& f) { return ratio{f.e.num, f.e.den}; }
/// A product of atom powers: up to 8 factors, sorted by atom, no zero exponents. A fixed array, not
/// a std::vector: monomials are copied everywhere, and constant evaluation pays for every allocation.
struct mono {
    std::array<factor, 8> data{};
    std::size_t count = 0;
    bool overflowed = false;
    [[nodiscard]] constexpr std::size_t size() const { return count; }
    [[nodiscard]] constexpr bool empty() const { return count == 0; }
    constexpr factor& operator[](std::size_t i) { return data[i]; }
    constexpr const factor& operator[](std::size_t i) const { return data[i]; }
    constexpr factor& front() { return data[0]; }
    constexpr const factor& front() const { return data[0]; }
    constexpr factor* begin() { return data.data(); }
    constexpr factor* end() { return data.data() + count; }
    constexpr const factor* begin() const { return data.data(); }
    constexpr const factor* end() const { return data.data() + count; }
    constexpr void push_back(const factor& f) {
        if (count == data.size()) {
            overflowed = true;
            return;
        }
        data[count++] = f;
    }
    constexpr void erase(factor* it) {
        for (factor* p = it; p + 1 < end(); ++p) {
            *p = *(p + 1);
        }
        --count;
    }
    friend constexpr bool operator==(const mono& a, const mono& b) {
        if (a.count != b.count) {
            return false;
        }
        for (std::size_t i = 0; i < a.count; ++i) {
            if (!(a.data[i] == b.data[i])) {
                return false;
            }
        }
        return true;
    }
};

struct term {
    ratio c{};
    mono m{};
    friend constexpr bool operator==(const term&, const term&) = default;
};
using poly = std::vector<term>; // sorted by monomial, like terms merged, no zero coefficients
struct den_power {
    int factor = 0; // into engine::factors
    int k = 0;
    friend constexpr bool operator==(const den_power&, const den_power&) = default;
};
/// N / Π F^k.
struct form {
    poly num{};
    std::vector<den_power> den{}; // sorted by factor, k > 0
    friend constexpr bool operator==(const form&, const form&) = default;
};

/// Exponent vectors compared lexicographically over atom ids: a total order compatible with
/// multiplication (the least term of m·P is m times the least term of P).
constexpr int compare_mono(const mono& s, const mono& t) {
    std::size_t i = 0;
    std::size_t j = 0;
    while (i < s.size() || j < t.size()) {
        if (j == t.size() || (i < s.size() && s[i].atom < t[j].atom)) {
            return s[i].e.num < 0 ? -1 : 1;
        }
        if (i == s.size() || t[j].atom < s[i].atom) {
            return t[j].e.num < 0 ? 1 : -1;
        }
        if (s[i].e != t[j].e) {
            return s[i].e < t[j].e ? -1 : 1;
        }
        ++i;
        ++j;
    }
    return 0;
}

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

template <std::size_t NT>
struct engine {
    const std::vector<simplify_detail::vnode>& g;
    std::array<tagk, NT> tags;
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
    constexpr int intern_key(const form& f) {
        for (std::size_t i = 0; i < keys.size(); ++i) {
            if (keys[i] == f) {
                return static_cast<int>(i);
            }
        }
        keys.push_back(f);
        return static_cast<int>(keys.size()) - 1;
    }
    constexpr int intern_atom(const atom& a) {
        for (std::size_t i = 0; i < atoms.size(); ++i) {
            if (atoms[i] == a) {
                return static_cast<int>(i);
            }
        }
        atoms.push_back(a);
        return static_cast<int>(atoms.size()) - 1;
    }
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
        poly n = add(mul(a.num, den_product(l, a.den)), mul(b.num, den_product(l, b.den)));
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
                rest = normalize(quotient).rest;
                n = scale(n, inverse(normalize(quotient).unit));
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

    /// Runs f() in every case: each assignment of a sign (−, 0, +) to each split whose variables
    /// can satisfy it. Splits are found while evaluating; a new one restarts the enumeration.
    /// False as soon as f() is.
    template <class F>
    constexpr bool for_each_case(F f) {
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
                const bool holds = f();
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

// ----- lowering both sides into one graph -------------------------------------------------------

template <class A, class B>
struct problem {
    using EA = expand_t<A>;
    using EB = expand_t<B>;
    using tags = typename simplify_detail::merge<simplify_detail::tags_of_t<EA>, simplify_detail::tags_of_t<EB>>::type;
    static constexpr auto kinds = tag_kinds(tags{});
    struct lowered {
        simplify_detail::lowering L;
        int a = -1;
        int b = -1;
    };
    static constexpr lowered lower() {
        lowered r;
        r.a = simplify_detail::lower<EA, tags>(r.L);
        r.b = simplify_detail::lower<EB, tags>(r.L);
        return r;
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
    engine<P::kinds.size()> e{low.L.g, P::kinds};
    symbolic_result r;
    const bool zero = e.for_each_case([&] {
        const form d = e.plus(e.eval(low.a), e.negate(e.eval(low.b)));
        return d.num.empty() || e.vanishes_in_case(d) ||
               (e.has_reducible_root(d.num) && e.reduce_roots(d.num).num.empty());
    });
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

// ----- numeric witnesses -------------------------------------------------------------------------

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
    engine<P::kinds.size()> e{low.L.g, P::kinds};
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
        form fk = engine<P::kinds.size()>::constant_form(ratio{1});
        for (std::size_t k = 0; k <= deg; ++k) {
            sum = e.plus(sum, e.times(engine<P::kinds.size()>::constant_form(c[k]), fk));
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
    engine<P::kinds.size()> e{low.L.g, P::kinds};
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

} // namespace prove_detail

/// A proof that a and b are the same function, a refutation with a witness, or "undecided" with the
/// reason (see the file comment for the class decided).
template <Expression A, Expression B>
consteval verdict compare(A, B) {
    const auto s = prove_detail::symbolic<A, B>();
    verdict v;
    if (s.zero) {
        v.kind = verdict_kind::proved;
        v.reason = "proved: the normal forms are equal";
        return v;
    }
    if (s.failure != nullptr) {
        // Only a sample can still refute.
        v = prove_detail::witness<A, B>(v, s);
        if (!v.refuted()) {
            v.reason = s.failure;
        }
        return v;
    }
    return prove_detail::witness<A, B>(v, s);
}

/// compare(A{}, B{}), computed once per pair of types (its own constant evaluation, so a
/// static_assert holding many proofs does not add their costs into one evaluation's step budget).
template <Expression A, Expression B>
inline constexpr verdict verdict_v = compare(A{}, B{});

namespace prove_detail {

/// A message as a structural value: a template named by it prints it in the compiler's error, on
/// GCC and Clang alike (which print a class-type template argument's char array as a string).
template <std::size_t N>
struct message {
    char text[N]{};
};

struct message_buffer {
    char s[64]{};
    std::size_t n = 0;
    constexpr void put(char c) {
        if (n + 1 < sizeof s) {
            s[n++] = c;
        }
    }
    constexpr void put(const char* t) {
        for (; *t != 0; ++t) {
            put(*t);
        }
    }
    /// v with 9 significant digits (enough to tell the two sides apart; not correctly rounded).
    constexpr void put(double v) {
        if (v != v) {
            put("nan");
            return;
        }
        if (v < 0) {
            put('-');
            v = -v;
        }
        if (v > 1.7976931348623157e308) {
            put("inf");
            return;
        }
        if (v == 0) {
            put('0');
            return;
        }
        int e = 0;
        while (v >= 10) {
            v /= 10;
            ++e;
        }
        while (v < 1) {
            v *= 10;
            --e;
        }
        auto digits = static_cast<std::int64_t>(v * 1e8 + 0.5);
        if (digits >= 1000000000) {
            digits /= 10;
            ++e;
        }
        char d[9]{};
        for (int i = 8; i >= 0; --i) {
            d[i] = static_cast<char>('0' + digits % 10);
            digits /= 10;
        }
        int last = 8;
        while (last > 0 && d[last] == '0') {
            --last;
        }
        if (e >= 0 && e < 9) {
            for (int i = 0; i <= e; ++i) {
                put(i <= last ? d[i] : '0');
            }
            if (last > e) {
                put('.');
                for (int i = e + 1; i <= last; ++i) {
                    put(d[i]);
                }
            }
        } else if (e < 0 && e >= -4) {
            put("0.");
            for (int i = -1; i > e; --i) {
                put('0');
            }
            for (int i = 0; i <= last; ++i) {
                put(d[i]);
            }
        } else {
            put(d[0]);
            if (last > 0) {
                put('.');
                for (int i = 1; i <= last; ++i) {
                    put(d[i]);
                }
            }
            put('e');
            if (e < 0) {
                put('-');
                e = -e;
            }
            char ex[4]{};
            int k = 0;
            for (; e > 0; e /= 10) {
                ex[k++] = static_cast<char>('0' + e % 10);
            }
            while (k > 0) {
                put(ex[--k]);
            }
        }
    }
};

/// Up to 12 short messages: each becomes one template argument (short, because Clang 16 elides a
/// string template argument after about 32 characters).
struct message_list {
    message_buffer item[12]{};
    std::size_t count = 0;
    constexpr message_buffer& next() { return item[count < 11 ? count++ : 11]; }
};

/// "x = 0.37", "alpha = 0.3", "a = …", "b = …" for a refuted verdict on A, B: the variables and
/// parameters the two sides use, then both sides' values there.
template <class A, class B>
constexpr message_list witness_messages() {
    constexpr const verdict& v = verdict_v<A, B>;
    const auto low = problem<A, B>::lower();
    bool used[8]{};
    for (const auto& n : low.L.g) {
        if (n.kind == simplify_detail::op::variable && n.index < 4) {
            used[n.index] = true;
        } else if (n.kind == simplify_detail::op::parameter && n.index < 4) {
            used[4 + n.index] = true;
        }
    }
    constexpr const char* names[] = {"x", "y", "z", "x3", "alpha", "beta", "gamma", "delta"};
    message_list m;
    for (std::size_t i = 0; i < 8; ++i) {
        if (used[i]) {
            message_buffer& t = m.next();
            t.put(names[i]);
            t.put(" = ");
            t.put(i < 4 ? v.at[i] : v.params[i - 4]);
        }
    }
    m.next().put("a = ");
    m.item[m.count - 1].put(v.lhs);
    m.next().put("b = ");
    m.item[m.count - 1].put(v.rhs);
    return m;
}
/// The reason, cut at spaces into pieces of at most 30 characters.
constexpr message_list reason_messages(const char* reason) {
    message_list m;
    while (*reason != 0 && m.count < 12) {
        message_buffer& t = m.next();
        while (*reason != 0) {
            std::size_t word = 0;
            while (reason[word] != 0 && reason[word] != ' ') {
                ++word;
            }
            if (t.n != 0 && t.n + 1 + word > 30) {
                break;
            }
            if (t.n != 0) {
                t.put(' ');
            }
            for (std::size_t i = 0; i < word; ++i) {
                t.put(reason[i]);
            }
            reason += word;
            while (*reason == ' ') {
                ++reason;
            }
        }
    }
    return m;
}
/// M's text in an array of exactly its length and the terminating 0, every element written: Clang
/// prints a char array as a string only when its stored elements are the characters and one 0.
template <message_buffer M, std::size_t N = M.n + 1>
constexpr message<N> as_message() {
    message<N> r;
    for (std::size_t i = 0; i < M.n; ++i) {
        r.text[i] = M.s[i];
    }
    r.text[M.n] = 0;
    return r;
}
template <auto... M>
inline constexpr bool shown_v = false;

} // namespace prove_detail

/// Instantiated by a `static_assert(equivalent(a, b))` whose identity is false: the template
/// arguments are the witness (the point, and both sides' values there).
template <auto... Witness>
struct identity_refuted_at {
    static_assert(prove_detail::shown_v<Witness...>,
                  "ctdiff::equivalent(a, b): the identity is false; the witness (the point, and both sides' values a "
                  "and b there) is the template arguments of ctdiff::identity_refuted_at (assert a false identity "
                  "with !equivalent(a, b) or compare(a, b).refuted())");
    static constexpr bool value = false;
};
/// Instantiated by `equivalent(a, b)` when the algebra cannot decide: the template arguments say why.
template <auto... Reason>
struct identity_undecided_because {
    static_assert(prove_detail::shown_v<Reason...>,
                  "ctdiff::equivalent(a, b): the algebra cannot decide this identity (the reason is the template "
                  "arguments of ctdiff::identity_undecided_because); use ctdiff::agree(a, b, points, tolerance) for "
                  "numeric evidence");
    static constexpr bool value = false;
};

namespace prove_detail {
template <message_list M, std::size_t... I>
constexpr bool refuted_at(std::index_sequence<I...>) {
    return identity_refuted_at<as_message<M.item[I]>()...>::value;
}
template <message_list M, std::size_t... I>
constexpr bool undecided_because(std::index_sequence<I...>) {
    return identity_undecided_because<as_message<M.item[I]>()...>::value;
}
} // namespace prove_detail

/// What `equivalent(a, b)` returns: converts to true when a ≡ b is proved; `!equivalent(a, b)` is
/// true when it is refuted. Converting a refuted claim to bool (`static_assert(equivalent(a, b))`)
/// does not compile, and the error names the witness.
template <Expression A, Expression B>
struct claim {
    constexpr operator bool() const {
        constexpr const verdict& v = verdict_v<A, B>;
        if constexpr (v.refuted()) {
            constexpr prove_detail::message_list m = prove_detail::witness_messages<A, B>();
            return prove_detail::refuted_at<m>(std::make_index_sequence<m.count>{});
        } else {
            return v.proved();
        }
    }
    constexpr bool operator!() const { return verdict_v<A, B>.refuted(); }
};

/// A proof for `static_assert`: `static_assert(equivalent(a, b))` compiles when a ≡ b is proved;
/// when it is refuted the error names the witness (the point and both values), when undecided the
/// reason. `static_assert(!equivalent(a, b))` holds when a ≢ b is refuted.
template <Expression A, Expression B>
constexpr claim<A, B> equivalent(A, B) {
    constexpr const verdict& v = verdict_v<A, B>;
    if constexpr (v.undecided()) {
        constexpr prove_detail::message_list m = prove_detail::reason_messages(v.reason);
        static_assert(prove_detail::undecided_because<m>(std::make_index_sequence<m.count>{}));
    }
    return {};
}

/// g as a polynomial in f: c with g ≡ c₀ + c₁f + … + c₄f⁴, found by exact linear algebra on the
/// canonical forms and then proved (g − P(f) is the zero form). `found` is false, with `reason`,
/// when there is none of degree ≤ 4 (GELU′ in GELU) or the algebra cannot say.
///
///     constexpr auto p = as_polynomial_in(d(sigmoid(x), x), sigmoid(x));  // c = {0, 1, −1}: σ − σ²
template <Expression G, Expression F>
consteval prove_detail::polynomial_fit as_polynomial_in(G, F) {
    return prove_detail::fit<G, F>();
}

/// Numeric *evidence*, not proof: a and b agree to rel_tol (relative, with an absolute floor of
/// rel_tol near zero) at every point, evaluated in double with ctdiff's constexpr math. Points are x
/// values, or arrays of (x, y, …) for expressions of several variables.
template <Expression A, Expression B, class Point, std::size_t N>
constexpr bool agree(A, B, const std::array<Point, N>& points, double rel_tol) {
    for (const auto& p : points) {
        double a = 0;
        double b = 0;
        if constexpr (std::is_floating_point_v<Point>) {
            a = A{}(static_cast<double>(p));
            b = B{}(static_cast<double>(p));
        } else {
            environment<double, std::tuple_size_v<Point>, 0> env{};
            for (std::size_t i = 0; i < env.vars.size(); ++i) {
                env.vars[i] = static_cast<double>(p[i]);
            }
            a = evaluate(A{}, env);
            b = evaluate(B{}, env);
        }
        const double m = std::max({1.0, prove_detail::magnitude(a), prove_detail::magnitude(b)});
        if (!(prove_detail::magnitude(a - b) <= rel_tol * m)) {
            return false;
        }
    }
    return true;
}

} // namespace ctdiff

#endif
