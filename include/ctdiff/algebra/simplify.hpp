#ifndef CTDIFF_ALGEBRA_SIMPLIFY_HPP
#define CTDIFF_ALGEBRA_SIMPLIFY_HPP

/// \file
/// `simplify(e)`: a readable normal form that never changes the function's value, and `ds(e, x)` /
/// `ds<n>(e, x)`: derivatives in that form.
///
///     d<2>(sigmoid(x), x)            σ(x)·σ(−x)·σ(−x) − σ(x)·σ(−x)·σ(x)
///     simplify(d<2>(sigmoid(x), x))  σ(x)·σ(−x)² − σ(x)²·σ(−x)
///     ds<2>(x * norm_cdf(x), x)      2·φ(x) − x²·φ(x)
///
/// The normal form: a sum of terms, each an exact rational coefficient times a product of atom
/// powers with rational exponents (negative allowed: Laurent). Atoms are what the simplifier does
/// not look into: variables, parameters, named constants, function applications F(a) (with a
/// simplified), selects (with their parts simplified), sums raised to a power other than 1 or
/// dividing (they are not expanded: (1 + e^{−x})^{−2} stays one atom to the power −2), and
/// non-integer powers of anything but an atom or a sum. Like terms and like factors are collected,
/// zero terms dropped, products distributed over sums, and terms and factors ordered
/// deterministically (below), so equal normal forms are equal types and simplify is idempotent.
/// No identity about an atom is used: no log(exp(u)) = u, no σ(−u) = 1 − σ(u), no expansion of
/// function definitions (that is algebra/'s equivalence prover's job).
///
/// Value: the normal form equals e wherever e is defined. It may be defined where e is not
/// (x/x → 1, √x·√x → x), as the core's constructors already do.
///
/// Order: factors by atom — named constants, parameters, variables (by index), function
/// applications (by name, then argument), selects, powers, sums; terms by their exponent vectors
/// over that atom order, lexicographically ascending (constant term first), so σ − σ² + …,
/// Φ(x) + x·φ(x). A term prints as coefficient · numerator / denominator.
///
/// How (decided at project level, see DESIGN.md): the expression type is lowered once to a DAG of
/// values (one node per distinct subexpression type; function tags, named-constant tags and
/// comparisons collected in a type list and referred to by index); the normal form is computed
/// on values in constexpr code (std::vector, std::sort); the result — again a DAG of values — is
/// made a class-type template argument (std::array of nodes) and lifted back to an ordinary
/// expression type built from the core's node templates (raw nodes, in exactly the shape chosen
/// here). Compile time of simplify(d<4>(sigmoid(x), x)): see tests/static/algebra_simplify.

#include <ctdiff/core/constant.hpp>
#include <ctdiff/core/function.hpp>
#include <ctdiff/core/node.hpp>
#include <ctdiff/core/operators.hpp>
#include <ctdiff/core/ratio.hpp>
#include <ctdiff/core/select.hpp>
#include <ctdiff/core/variable.hpp>
#include <ctdiff/diff/derivative.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <type_traits>
#include <vector>

namespace ctdiff {

namespace simplify_detail {

// ----- type lists of tags ------------------------------------------------------------------------

template <class... Ts>
struct type_list {};

template <class L, class T>
struct push_unique;
template <class... Ts, class T>
struct push_unique<type_list<Ts...>, T> {
    using type = std::conditional_t<(std::is_same_v<T, Ts> || ...), type_list<Ts...>, type_list<Ts..., T>>;
};
template <class L, class M>
struct merge;
template <class L>
struct merge<L, type_list<>> {
    using type = L;
};
template <class L, class U, class... Us>
struct merge<L, type_list<U, Us...>> {
    using type = typename merge<typename push_unique<L, U>::type, type_list<Us...>>::type;
};
template <class... Ls>
struct merge_all;
template <class L>
struct merge_all<L> {
    using type = L;
};
template <class L, class M, class... Ls>
struct merge_all<L, M, Ls...> {
    using type = typename merge_all<typename merge<L, M>::type, Ls...>::type;
};

/// The distinct tags (function tags, named-constant tags, comparison ops) E refers to.
template <class E>
struct tags_of {
    using type = type_list<>;
};
template <class E>
using tags_of_t = typename tags_of<E>::type;
template <class Tag>
struct tags_of<named_constant<Tag>> {
    using type = type_list<Tag>;
};
template <class F, class A>
struct tags_of<apply<F, A>> {
    using type = typename merge<type_list<F>, tags_of_t<A>>::type;
};
template <class A, class B>
struct tags_of<add<A, B>> : merge<tags_of_t<A>, tags_of_t<B>> {};
template <class A, class B>
struct tags_of<sub<A, B>> : merge<tags_of_t<A>, tags_of_t<B>> {};
template <class A, class B>
struct tags_of<mul<A, B>> : merge<tags_of_t<A>, tags_of_t<B>> {};
template <class A, class B>
struct tags_of<divide<A, B>> : merge<tags_of_t<A>, tags_of_t<B>> {};
template <class A>
struct tags_of<neg<A>> : tags_of<A> {};
template <class A, ratio P>
struct tags_of<power<A, P>> : tags_of<A> {};
template <class Op, class L, class R, class A, class B>
struct tags_of<select_node<comparison<Op, L, R>, A, B>>
    : merge_all<type_list<Op>, tags_of_t<L>, tags_of_t<R>, tags_of_t<A>, tags_of_t<B>> {};

template <std::size_t I, class L>
struct type_at;
template <std::size_t I, class T, class... Ts>
struct type_at<I, type_list<T, Ts...>> : type_at<I - 1, type_list<Ts...>> {};
template <class T, class... Ts>
struct type_at<0, type_list<T, Ts...>> {
    using type = T;
};

template <class T, class... Ts>
consteval int index_of(type_list<Ts...>) {
    constexpr bool same[] = {std::is_same_v<T, Ts>..., false};
    for (int i = 0; i < static_cast<int>(sizeof...(Ts)); ++i) {
        if (same[i]) {
            return i;
        }
    }
    return -1;
}

template <class T>
consteval std::string_view tag_name() {
    if constexpr (requires { T::name; }) {
        return T::name;
    } else {
        return T::symbol;
    }
}
template <class... Ts>
consteval std::array<std::string_view, sizeof...(Ts) + 1> tag_names(type_list<Ts...>) {
    return {tag_name<Ts>()..., std::string_view{}};
}

// ----- expressions as values ---------------------------------------------------------------------

enum class op : std::uint8_t {
    named, parameter, variable, apply, select, power, // atoms' ranks, in this order
    constant, add, sub, mul, div, neg,
};

/// One node of an expression DAG held as a value. Operands are indices into the same array.
struct vnode {
    op kind = op::constant;
    ratio r{};             // constant: its value; power: the exponent
    int a = -1, b = -1;    // operands; apply: a = argument; select: a = then, b = else
    int c = -1, d = -1;    // select: the compared lhs and rhs
    int tag = -1;          // named, apply: the tag; select: the comparison op
    std::size_t index = 0; // variable, parameter
    friend constexpr bool operator==(const vnode&, const vnode&) = default;
};

template <class E>
inline constexpr char type_key = 0; // its address identifies E during lowering

template <class E>
inline constexpr bool unknown_node_v = false;
template <class E>
inline constexpr bool is_named_v = false;
template <class Tag>
inline constexpr bool is_named_v<named_constant<Tag>> = true;
template <class E>
inline constexpr bool is_parameter_v = false;
template <std::size_t I>
inline constexpr bool is_parameter_v<parameter<I>> = true;

/// The input expression lowered to a DAG, one node per distinct subexpression type.
struct lowering {
    std::vector<vnode> g;
    std::vector<const void*> keys;
    std::vector<int> ids;
};

template <class E, class Tags>
constexpr int lower(lowering& L);

template <class E, class Tags>
constexpr vnode lower_node(lowering& L) {
    vnode n;
    if constexpr (is_constant_v<E>) {
        n.r = E::value;
    } else if constexpr (is_variable_v<E>) {
        n.kind = op::variable;
        n.index = E::index;
    } else if constexpr (is_named_v<E>) {
        n.kind = op::named;
        n.tag = index_of<typename E::tag>(Tags{});
    } else if constexpr (is_parameter_v<E>) {
        n.kind = op::parameter;
        n.index = E::index;
    } else if constexpr (is_apply_v<E>) {
        n.kind = op::apply;
        n.tag = index_of<typename E::function>(Tags{});
        n.a = lower<typename E::argument, Tags>(L);
    } else if constexpr (requires { typename E::condition; }) {
        using C = typename E::condition;
        n.kind = op::select;
        n.tag = index_of<typename C::op>(Tags{});
        n.c = lower<typename C::lhs, Tags>(L);
        n.d = lower<typename C::rhs, Tags>(L);
        n.a = lower<typename E::then_branch, Tags>(L);
        n.b = lower<typename E::else_branch, Tags>(L);
    } else {
        static_assert(unknown_node_v<E>, "ctdiff::simplify: this node kind is not part of ctdiff's vocabulary");
    }
    return n;
}

template <class E>
struct binary_kind;
template <class A, class B>
struct binary_kind<add<A, B>> : std::integral_constant<op, op::add> {
    using lhs = A;
    using rhs = B;
};
template <class A, class B>
struct binary_kind<sub<A, B>> : std::integral_constant<op, op::sub> {
    using lhs = A;
    using rhs = B;
};
template <class A, class B>
struct binary_kind<mul<A, B>> : std::integral_constant<op, op::mul> {
    using lhs = A;
    using rhs = B;
};
template <class A, class B>
struct binary_kind<divide<A, B>> : std::integral_constant<op, op::div> {
    using lhs = A;
    using rhs = B;
};

template <class E>
inline constexpr bool is_power_v = false;
template <class A, ratio P>
inline constexpr bool is_power_v<power<A, P>> = true;
template <class E>
struct power_base;
template <class A, ratio P>
struct power_base<power<A, P>> {
    using type = A;
};

template <class E, class Tags>
constexpr int lower(lowering& L) {
    const void* key = &type_key<E>;
    for (std::size_t i = 0; i < L.keys.size(); ++i) {
        if (L.keys[i] == key) {
            return L.ids[i];
        }
    }
    vnode n;
    if constexpr (requires { binary_kind<E>::value; }) {
        n.kind = binary_kind<E>::value;
        n.a = lower<typename binary_kind<E>::lhs, Tags>(L);
        n.b = lower<typename binary_kind<E>::rhs, Tags>(L);
    } else if constexpr (detail::is_neg_v<E>) {
        n.kind = op::neg;
        n.a = lower<typename detail::unneg<E>::type, Tags>(L);
    } else if constexpr (is_power_v<E>) {
        n.kind = op::power;
        n.r = E::exponent;
        n.a = lower<typename power_base<E>::type, Tags>(L);
    } else {
        n = lower_node<E, Tags>(L);
    }
    const int id = static_cast<int>(L.g.size());
    L.g.push_back(n);
    L.keys.push_back(key);
    L.ids.push_back(id);
    return id;
}

// ----- the normal form ---------------------------------------------------------------------------

struct factor {
    int atom; // an index into the output arena
    ratio e;
};
struct term {
    ratio coef;
    std::vector<factor> f; // sorted by atom order, no zero exponents
};
using poly = std::vector<term>;

template <std::size_t NT>
struct normalizer {
    const std::vector<vnode>& in;
    const std::array<std::string_view, NT>& names;
    std::vector<vnode> out{};    // interned: equal nodes have equal indices
    std::vector<poly> memo{};
    std::vector<char> done{};

    // --- the output arena ---
    constexpr int intern(const vnode& n) {
        for (std::size_t i = 0; i < out.size(); ++i) {
            if (out[i] == n) {
                return static_cast<int>(i);
            }
        }
        out.push_back(n);
        return static_cast<int>(out.size()) - 1;
    }

    /// The atom order: negative, zero or positive. Structural, independent of where an atom
    /// first occurred, so equivalent inputs give the same order.
    constexpr int compare(int i, int j) const {
        if (i == j) {
            return 0;
        }
        const vnode& p = out[static_cast<std::size_t>(i)];
        const vnode& q = out[static_cast<std::size_t>(j)];
        if (p.kind != q.kind) {
            return p.kind < q.kind ? -1 : 1;
        }
        if (p.index != q.index) {
            return p.index < q.index ? -1 : 1;
        }
        if (p.tag != q.tag) {
            const auto np = names[static_cast<std::size_t>(p.tag)];
            const auto nq = names[static_cast<std::size_t>(q.tag)];
            if (np != nq) {
                return np < nq ? -1 : 1;
            }
            return p.tag < q.tag ? -1 : 1;
        }
        if (p.r != q.r) {
            return p.r < q.r ? -1 : 1;
        }
        for (const auto& [u, v] : {std::pair{p.c, q.c}, std::pair{p.d, q.d}, std::pair{p.a, q.a}, std::pair{p.b, q.b}}) {
            if (u != v) {
                if (u < 0 || v < 0) {
                    return u < v ? -1 : 1;
                }
                const int k = compare(u, v);
                if (k != 0) {
                    return k;
                }
            }
        }
        return 0;
    }

    /// Terms by exponent vector over the atom order, lexicographically ascending.
    constexpr int compare_terms(const term& s, const term& t) const {
        std::size_t i = 0;
        std::size_t j = 0;
        while (i < s.f.size() || j < t.f.size()) {
            if (j == t.f.size()) {
                return s.f[i].e < ratio{0} ? -1 : 1;
            }
            if (i == s.f.size()) {
                return t.f[j].e < ratio{0} ? 1 : -1;
            }
            const int k = compare(s.f[i].atom, t.f[j].atom);
            if (k < 0) {
                return s.f[i].e < ratio{0} ? -1 : 1;
            }
            if (k > 0) {
                return t.f[j].e < ratio{0} ? 1 : -1;
            }
            if (s.f[i].e != t.f[j].e) {
                return s.f[i].e < t.f[j].e ? -1 : 1;
            }
            ++i;
            ++j;
        }
        return 0;
    }

    // --- arithmetic on normal forms ---
    constexpr term times(const term& s, const term& t) const {
        term r{s.coef * t.coef, {}};
        std::size_t i = 0;
        std::size_t j = 0;
        while (i < s.f.size() || j < t.f.size()) {
            const int k = i == s.f.size() ? 1 : j == t.f.size() ? -1 : compare(s.f[i].atom, t.f[j].atom);
            if (k < 0) {
                r.f.push_back(s.f[i++]);
            } else if (k > 0) {
                r.f.push_back(t.f[j++]);
            } else {
                ratio e = s.f[i].e + t.f[j].e;
                reduce_sqrt2(s.f[i].atom, e, r.coef);
                if (e != ratio{0}) {
                    r.f.push_back({s.f[i].atom, e});
                }
                ++i;
                ++j;
            }
        }
        return r;
    }
    /// (√2)^{2k+r} = 2^k·(√2)^r for integer exponents: the one relation between named constants
    /// the normal form uses (so GELU-tanh's derivatives show no (√2)²).
    constexpr void reduce_sqrt2(int atom, ratio& e, ratio& coef) const {
        const vnode& n = out[static_cast<std::size_t>(atom)];
        if (e.is_integer() && (e.num >= 2 || e.num <= -2) && n.kind == op::named &&
            names[static_cast<std::size_t>(n.tag)] == std::string_view{"√2"}) {
            const std::int64_t k = e.num / 2;
            coef = coef * pow(ratio{2}, k);
            e = ratio{e.num - 2 * k};
        }
    }

    /// Sorts terms, adds like ones, drops zeros.
    constexpr poly collect(poly p) const {
        for (auto& t : p) {
            for (auto& f : t.f) {
                reduce_sqrt2(f.atom, f.e, t.coef);
            }
            std::erase_if(t.f, [](const factor& f) { return f.e == ratio{0}; });
        }
        std::sort(p.begin(), p.end(), [this](const term& s, const term& t) { return compare_terms(s, t) < 0; });
        poly r;
        for (auto& t : p) {
            if (!r.empty() && compare_terms(r.back(), t) == 0) {
                r.back().coef = r.back().coef + t.coef;
            } else {
                r.push_back(std::move(t));
            }
            if (r.back().coef == ratio{0}) {
                r.pop_back();
            }
        }
        return r;
    }
    /// p + sign·q, by merging the two sorted term lists.
    constexpr poly plus(const poly& p, const poly& q, ratio sign) const {
        poly r;
        std::size_t i = 0;
        std::size_t j = 0;
        while (i < p.size() || j < q.size()) {
            const int k = i == p.size() ? 1 : j == q.size() ? -1 : compare_terms(p[i], q[j]);
            if (k < 0) {
                r.push_back(p[i++]);
            } else if (k > 0) {
                r.push_back({q[j].coef * sign, q[j].f});
                ++j;
            } else {
                const ratio c = p[i].coef + q[j].coef * sign;
                if (c != ratio{0}) {
                    r.push_back({c, p[i].f});
                }
                ++i;
                ++j;
            }
        }
        return r;
    }
    constexpr poly product(const poly& p, const poly& q) const {
        poly r;
        for (const auto& s : p) {
            for (const auto& t : q) {
                r.push_back(times(s, t));
            }
        }
        return collect(std::move(r));
    }
    static constexpr poly atom_power(int atom, ratio e) { return {term{ratio{1}, {factor{atom, e}}}}; }

    /// p^n for an integer n, or {} when that needs an atom (p a sum, or 0 to a negative power).
    constexpr bool monomial_power(const poly& p, std::int64_t n, poly& result) const {
        if (p.empty()) {
            if (n > 0) {
                result = {};
                return true;
            }
            return false;
        }
        if (p.size() != 1) {
            return false;
        }
        term t{pow(p[0].coef, n), {}};
        for (const auto& f : p[0].f) {
            t.f.push_back({f.atom, f.e * ratio{n}});
        }
        result = {t};
        return true;
    }

    // --- back to an expression (in the output arena) ---
    constexpr int constant_node(ratio r) { return intern(vnode{.kind = op::constant, .r = r}); }
    constexpr int binary(op k, int a, int b) { return intern(vnode{.kind = k, .a = a, .b = b}); }
    constexpr int product_of(const std::vector<factor>& fs, bool denominator) {
        int acc = -1;
        for (const auto& f : fs) {
            if ((f.e < ratio{0}) != denominator) {
                continue;
            }
            const ratio e = denominator ? -f.e : f.e;
            const int x = e == ratio{1} ? f.atom : intern(vnode{.kind = op::power, .r = e, .a = f.atom});
            acc = acc < 0 ? x : binary(op::mul, acc, x);
        }
        return acc;
    }
    /// |coef| · numerator / denominator.
    constexpr int term_node(const term& t) {
        const ratio c = t.coef < ratio{0} ? -t.coef : t.coef;
        const int num = product_of(t.f, false);
        const int den = product_of(t.f, true);
        if (num < 0 && den < 0) {
            return constant_node(c);
        }
        if (num < 0) { // p/(q·den)
            const int d = c.den == 1 ? den : binary(op::mul, constant_node(ratio{c.den}), den);
            return binary(op::div, constant_node(ratio{c.num}), d);
        }
        const int rest = den < 0 ? num : binary(op::div, num, den);
        return c == ratio{1} ? rest : binary(op::mul, constant_node(c), rest);
    }
    constexpr int expression(const poly& p) {
        if (p.empty()) {
            return constant_node(ratio{0});
        }
        int acc = term_node(p[0]);
        if (p[0].coef < ratio{0}) {
            acc = intern(vnode{.kind = op::neg, .a = acc});
        }
        for (std::size_t i = 1; i < p.size(); ++i) {
            acc = binary(p[i].coef < ratio{0} ? op::sub : op::add, acc, term_node(p[i]));
        }
        return acc;
    }

    // --- the normal form of input node i ---
    constexpr poly atom(const vnode& n) { return atom_power(intern(n), ratio{1}); }

    /// A reference into memo, which never reallocates (sized once, before the first call).
    constexpr const poly& normal(int i) {
        const auto k = static_cast<std::size_t>(i);
        if (!done[k]) {
            const poly r = compute(in[k]);
            memo[k] = r; // a copy: GCC 12 loses track of move-assigned vectors in constant evaluation
            done[k] = 1;
        }
        return memo[k];
    }

    constexpr poly compute(const vnode& n) {
        switch (n.kind) {
        case op::constant:
            if (n.r == ratio{0}) {
                return {};
            } else {
                poly p;
                p.push_back(term{n.r, {}});
                return p;
            }
        case op::named:
        case op::parameter:
        case op::variable:
            return atom(n);
        case op::apply: {
            vnode m = n;
            m.a = expression(normal(n.a));
            return atom(m);
        }
        case op::select: {
            vnode m = n;
            m.a = expression(normal(n.a));
            m.b = expression(normal(n.b));
            m.c = expression(normal(n.c));
            m.d = expression(normal(n.d));
            return atom(m);
        }
        case op::add:
            return plus(normal(n.a), normal(n.b), ratio{1});
        case op::sub:
            return plus(normal(n.a), normal(n.b), ratio{-1});
        case op::neg:
            return plus(poly{}, normal(n.a), ratio{-1});
        case op::mul:
            return product(normal(n.a), normal(n.b));
        case op::div: {
            const poly q = normal(n.b);
            poly inv;
            if (!monomial_power(q, -1, inv) || (q.size() == 1 && q[0].coef == ratio{0})) {
                inv = atom_power(expression(q), ratio{-1});
            }
            return product(normal(n.a), inv);
        }
        case op::power: {
            const poly b = normal(n.a);
            poly r;
            if (n.r.is_integer()) {
                if (monomial_power(b, n.r.num, r)) {
                    return r;
                }
                return atom_power(expression(b), n.r);
            }
            const bool single_atom = b.size() == 1 && b[0].coef == ratio{1} && b[0].f.size() == 1 &&
                                     b[0].f[0].e == ratio{1};
            if (single_atom) {
                return atom_power(b[0].f[0].atom, n.r);
            }
            if (b.size() > 1) {
                return atom_power(expression(b), n.r);
            }
            return atom(vnode{.kind = op::power, .r = n.r, .a = expression(b)});
        }
        }
        return {};
    }
};

/// The result: the reachable part of the output arena, root last.
struct result {
    std::vector<vnode> nodes;
};

template <class E, class Tags>
constexpr result run() {
    lowering L;
    const int root = lower<E, Tags>(L);
    constexpr auto names = tag_names(Tags{});
    normalizer<names.size()> n{L.g, names};
    for (std::size_t i = 0; i < L.g.size(); ++i) { // not resize(): not constant under Clang 16 + libstdc++ 12
        n.memo.push_back({});
        n.done.push_back(0);
    }
    const int top = n.expression(n.normal(root));
    // Keep only what the root reaches, renumbered so operands come first.
    std::vector<int> renum(n.out.size(), -1);
    result r;
    std::vector<std::pair<int, bool>> stack{{top, false}};
    while (!stack.empty()) {
        auto [i, expanded] = stack.back();
        stack.pop_back();
        const auto k = static_cast<std::size_t>(i);
        if (renum[k] >= 0) {
            continue;
        }
        const vnode& v = n.out[k];
        if (!expanded) {
            stack.push_back({i, true});
            for (int child : {v.a, v.b, v.c, v.d}) {
                if (child >= 0 && renum[static_cast<std::size_t>(child)] < 0) {
                    stack.push_back({child, false});
                }
            }
            continue;
        }
        vnode m = v;
        for (int* child : {&m.a, &m.b, &m.c, &m.d}) {
            if (*child >= 0) {
                *child = renum[static_cast<std::size_t>(*child)];
            }
        }
        renum[k] = static_cast<int>(r.nodes.size());
        r.nodes.push_back(m);
    }
    return r;
}

template <std::size_t N>
struct graph {
    std::array<vnode, N> nodes;
};

/// The result, first into a fixed capacity (one run of the normalizer); only a result larger than
/// that runs it a second time, to size the array exactly.
template <std::size_t Cap>
struct bounded_graph {
    std::array<vnode, Cap> nodes{};
    std::size_t size = 0;
};

template <class E, class Tags, std::size_t Cap>
constexpr bounded_graph<Cap> run_bounded() {
    const result r = run<E, Tags>();
    bounded_graph<Cap> g{};
    g.size = r.nodes.size();
    for (std::size_t i = 0; i < r.nodes.size() && i < Cap; ++i) {
        g.nodes[i] = r.nodes[i];
    }
    return g;
}

template <class E, class Tags>
constexpr auto as_graph() {
    constexpr std::size_t cap = 64;
    constexpr auto b = run_bounded<E, Tags, cap>();
    if constexpr (b.size <= cap) {
        graph<b.size> g{};
        for (std::size_t i = 0; i < b.size; ++i) {
            g.nodes[i] = b.nodes[i];
        }
        return g;
    } else {
        const result r = run<E, Tags>();
        graph<b.size> g{};
        for (std::size_t i = 0; i < b.size; ++i) {
            g.nodes[i] = r.nodes[i];
        }
        return g;
    }
}

// ----- lifting back to a type --------------------------------------------------------------------

template <auto G, int I, class Tags>
constexpr auto lift() {
    constexpr vnode n = G.nodes[static_cast<std::size_t>(I)];
    if constexpr (n.kind == op::constant) {
        return constant<n.r>{};
    } else if constexpr (n.kind == op::variable) {
        return variable<n.index>{};
    } else if constexpr (n.kind == op::parameter) {
        return parameter<n.index>{};
    } else if constexpr (n.kind == op::named) {
        return named_constant<typename type_at<static_cast<std::size_t>(n.tag), Tags>::type>{};
    } else if constexpr (n.kind == op::apply) {
        return apply<typename type_at<static_cast<std::size_t>(n.tag), Tags>::type, decltype(lift<G, n.a, Tags>())>{};
    } else if constexpr (n.kind == op::select) {
        using C = comparison<typename type_at<static_cast<std::size_t>(n.tag), Tags>::type, decltype(lift<G, n.c, Tags>()),
                          decltype(lift<G, n.d, Tags>())>;
        return select_node<C, decltype(lift<G, n.a, Tags>()), decltype(lift<G, n.b, Tags>())>{};
    } else if constexpr (n.kind == op::power) {
        return power<decltype(lift<G, n.a, Tags>()), n.r>{};
    } else if constexpr (n.kind == op::neg) {
        return neg<decltype(lift<G, n.a, Tags>())>{};
    } else if constexpr (n.kind == op::add) {
        return add<decltype(lift<G, n.a, Tags>()), decltype(lift<G, n.b, Tags>())>{};
    } else if constexpr (n.kind == op::sub) {
        return sub<decltype(lift<G, n.a, Tags>()), decltype(lift<G, n.b, Tags>())>{};
    } else if constexpr (n.kind == op::mul) {
        return mul<decltype(lift<G, n.a, Tags>()), decltype(lift<G, n.b, Tags>())>{};
    } else {
        return divide<decltype(lift<G, n.a, Tags>()), decltype(lift<G, n.b, Tags>())>{};
    }
}

template <class E>
struct simplified {
    using tags = tags_of_t<E>;
    static constexpr auto g = as_graph<E, tags>();
    using type = decltype(lift<g, static_cast<int>(g.nodes.size()) - 1, tags>());
};

} // namespace simplify_detail

/// The normal form of e described in this header's documentation: equal in value wherever e is
/// defined; like terms and factors collected; deterministic order. Idempotent.
/// Example: `simplify(d<2>(sigmoid(x), x))` is σ(x)·σ(−x)² − σ(x)²·σ(−x).
template <Expression E>
constexpr auto simplify(E) {
    return typename simplify_detail::simplified<E>::type{};
}

/// The type of simplify(E{}).
template <Expression E>
using simplify_t = typename simplify_detail::simplified<E>::type;

namespace simplify_detail {
template <std::size_t N, class E, class V, kink K>
constexpr auto ds_n() {
    if constexpr (N == 0) {
        return simplify_t<E>{};
    } else {
        return ds_n<N - 1, simplify_t<decltype(d(E{}, V{}, std::integral_constant<kink, K>{}))>, V, K>();
    }
}
} // namespace simplify_detail

/// d(e, v), simplified: `ds(e, x)` is `simplify(d(e, x))`. `d` itself stays raw (what the
/// rules give, cheapest to compile); use `ds` for readable results.
/// Example: `ds(x * sigmoid(x), x)` is σ(x) + x·σ(x)·σ(−x).
template <class E, class V, kink K = kink::as_defined>
constexpr auto ds(E e, V v, std::integral_constant<kink, K> k = {}) {
    return simplify(d(e, v, k));
}

/// The N-th derivative, simplified after each differentiation (keeps the intermediate types
/// small, so higher orders compile fast). Equal in value to simplify(d<N>(e, v)).
/// Example: `ds<2>(sigmoid(x), x)` is σ(x)·σ(−x)² − σ(x)²·σ(−x).
template <std::size_t N, class E, class V, kink K = kink::as_defined>
constexpr auto ds(E, V, std::integral_constant<kink, K> = {}) {
    static_assert(Expression<E>, "ctdiff::ds<n>(e, v): e must be a ctdiff expression");
    static_assert(DifferentiationVariable<V>, "ctdiff::ds<n>(e, v): v must be a variable (x, y, z or variable<I>) or "
                                              "a run-time parameter (alpha, beta or parameter<I>), not an expression");
    if constexpr (Expression<E> && DifferentiationVariable<V>) {
        return simplify_detail::ds_n<N, E, V, K>();
    } else {
        return zero;
    }
}

} // namespace ctdiff

#endif
