#ifndef CTDIFF_DIFF_GRADIENT_HPP
#define CTDIFF_DIFF_GRADIENT_HPP

/// \file
/// Partial derivatives of expressions of several variables, collected: the gradient of one
/// expression and the Jacobian of several, as Hana tuples of expressions (each entry its own type,
/// so each is simplified, printed, proved and evaluated on its own).

#include <ctdiff/diff/derivative.hpp>

#include <boost/hana/transform.hpp>
#include <boost/hana/tuple.hpp>

namespace ctdiff {

/// (∂e/∂v₁, …, ∂e/∂vₙ). Example: `gradient(x * y, x, y)` is (y, x).
template <Expression E, Variable... V>
constexpr auto gradient(E, V...) {
    return boost::hana::make_tuple(d(E{}, V{})...);
}

/// The Jacobian of (e₁, …, eₘ) by (v₁, …, vₙ): row i is gradient(eᵢ, v…), so `J[i][j]` = ∂eᵢ/∂vⱼ
/// (`boost::hana::at_c<i>(boost::hana::at_c<j>(J))` … with hana's at_c: row first).
template <Expression... E, Variable... V>
constexpr auto jacobian(boost::hana::tuple<E...>, V...) {
    return boost::hana::make_tuple(gradient(E{}, V{}...)...);
}

} // namespace ctdiff

#endif
