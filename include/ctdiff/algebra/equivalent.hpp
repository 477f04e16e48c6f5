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
///   different scalings), a coefficient overflowed int64, more than 6 case splits, a condition that
///   itself contains a select. It never claims an identity it has not proved.
///
/// `equivalent(a, b)` is the proof for `static_assert`: a `claim` that converts to true when proved;
/// converted when refuted, a compile error whose template arguments are the witness and both
/// values (`!equivalent(a, b)` is then true instead); when undecided, a compile error naming the
/// reason.
///
/// Layout: the API here; its parts, one idea each, in algebra/detail/ (exact.hpp: exact arithmetic,
/// forms.hpp: the normal form's vocabulary, lowering.hpp: definitions expanded and both sides
/// lowered, engine.hpp: normal forms and the zero test, witness.hpp, fitting.hpp, messages.hpp).
///
/// Cost: values, not types — each side is lowered once to a DAG of values (the simplifier's
/// lowering), the normal forms are computed in constexpr code with std::vector.

#include <ctdiff/algebra/detail/engine.hpp>
#include <ctdiff/algebra/detail/fitting.hpp>
#include <ctdiff/algebra/detail/messages.hpp>
#include <ctdiff/algebra/detail/witness.hpp>
#include <ctdiff/algebra/verdict.hpp>
#include <ctdiff/core/node.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <tuple>
#include <type_traits>
#include <utility>

namespace ctdiff {

/// A proof that a and b are the same function, a refutation with a witness, or "undecided" with the
/// reason (see the file comment for the class decided).
template <Expression A, Expression B>
consteval verdict compare(A, B) {
    constexpr const prove_detail::symbolic_result& s = prove_detail::symbolic_v<A, B>;
    verdict v;
    if constexpr (s.zero) { // a proof: the sampling below (A's and B's evaluation) is not instantiated
        v.kind = verdict_kind::proved;
        v.reason = "proved: the normal forms are equal";
        return v;
    } else if constexpr (s.failure != nullptr) {
        // Only a sample can still refute.
        v = prove_detail::witness<A, B>(v, s);
        if (!v.refuted()) {
            v.reason = s.failure;
        }
        return v;
    } else {
        return prove_detail::witness<A, B>(v, s);
    }
}

/// compare(A{}, B{}), computed once per pair of types (its own constant evaluation, so a
/// static_assert holding many proofs does not add their costs into one evaluation's step budget).
template <Expression A, Expression B>
inline constexpr verdict verdict_v = compare(A{}, B{});

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
            constexpr prove_detail::message_list m = prove_detail::witness_messages<A, B>(v);
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
