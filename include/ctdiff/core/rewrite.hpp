#ifndef CTDIFF_CORE_REWRITE_HPP
#define CTDIFF_CORE_REWRITE_HPP

/// \file
/// `rewrite_t<E, Rule>`: E rebuilt bottom-up with every function application replaced by what
/// `Rule::on_apply<F, A>` names (A already rewritten); sums, products, quotients, negations,
/// powers and selects are rebuilt from their rewritten parts as raw nodes (no folding); leaves
/// are kept. The one traversal behind the kernels' lowering (eval/lower.hpp: each F to its kernel
/// form) and the prover's expansion of definitions (algebra/equivalent.hpp: each F to its
/// definition).

#include <ctdiff/core/function.hpp>
#include <ctdiff/core/operators.hpp>
#include <ctdiff/core/select.hpp>

namespace ctdiff {

template <class E, class Rule>
struct rewrite {
    using type = E; // leaves and unknown node kinds
};
template <class E, class Rule>
using rewrite_t = typename rewrite<E, Rule>::type;

template <class A, class B, class Rule>
struct rewrite<add<A, B>, Rule> {
    using type = add<rewrite_t<A, Rule>, rewrite_t<B, Rule>>;
};
template <class A, class B, class Rule>
struct rewrite<sub<A, B>, Rule> {
    using type = sub<rewrite_t<A, Rule>, rewrite_t<B, Rule>>;
};
template <class A, class B, class Rule>
struct rewrite<mul<A, B>, Rule> {
    using type = mul<rewrite_t<A, Rule>, rewrite_t<B, Rule>>;
};
template <class A, class B, class Rule>
struct rewrite<divide<A, B>, Rule> {
    using type = divide<rewrite_t<A, Rule>, rewrite_t<B, Rule>>;
};
template <class A, class Rule>
struct rewrite<neg<A>, Rule> {
    using type = neg<rewrite_t<A, Rule>>;
};
template <class A, ratio P, class Rule>
struct rewrite<power<A, P>, Rule> {
    using type = power<rewrite_t<A, Rule>, P>;
};
template <class F, class A, class Rule>
struct rewrite<apply<F, A>, Rule> {
    using type = typename Rule::template on_apply<F, rewrite_t<A, Rule>>;
};
template <class Op, class L, class R, class A, class B, class Rule>
struct rewrite<select_node<comparison<Op, L, R>, A, B>, Rule> {
    using type = select_node<comparison<Op, rewrite_t<L, Rule>, rewrite_t<R, Rule>>, rewrite_t<A, Rule>, rewrite_t<B, Rule>>;
};

} // namespace ctdiff

#endif
