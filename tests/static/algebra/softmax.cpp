// The source texts' softmax identities, proved at compile time by ctdiff::compare / equivalent:
// softmax p_i = e^{z_i}/Σ_j e^{z_j} written from its definition over 3 inputs, its Jacobian
// ∂p_i/∂z_j = p_i(δ_ij − p_j) entry by entry with zero row sums, 2-input softmax as σ of the
// difference, and the cross-entropy gradient ∂L/∂z = p − y (refuted without Σy = 1). The scalar
// activations' identities are in proofs.cpp. Compiling this file is passing.
#include <ctdiff/algebra/equivalent.hpp>
#include <ctdiff/core.hpp>
#include <ctdiff/diff.hpp>

#include <cstddef>
#include <type_traits>

using namespace ctdiff;
using namespace ctdiff::literals;

namespace {

// ----- softmax over 3 inputs: p_i = e^{z_i}/Σ_j e^{z_j}, z = (x, y, z) -----
constexpr auto z0 = variable<0>{};
constexpr auto z1 = variable<1>{};
constexpr auto z2 = variable<2>{};
constexpr auto den = exp(z0) + exp(z1) + exp(z2);
constexpr auto p0 = exp(z0) / den;
constexpr auto p1 = exp(z1) / den;
constexpr auto p2 = exp(z2) / den;
constexpr auto p = [](auto i) {
    if constexpr (decltype(i)::value == 0) {
        return p0;
    } else if constexpr (decltype(i)::value == 1) {
        return p1;
    } else {
        return p2;
    }
};
template <std::size_t I, std::size_t J>
constexpr bool jacobian_entry() { // ∂p_i/∂z_j = p_i(δ_ij − p_j)
    constexpr auto pi = p(std::integral_constant<std::size_t, I>{});
    constexpr auto pj = p(std::integral_constant<std::size_t, J>{});
    if constexpr (I == J) {
        return equivalent(d(pi, variable<J>{}), pi * (1_c - pj));
    } else {
        return equivalent(d(pi, variable<J>{}), -(pi * pj));
    }
}
template <std::size_t I>
constexpr bool jacobian_row() { // and every row sums to 0
    return jacobian_entry<I, 0>() && jacobian_entry<I, 1>() && jacobian_entry<I, 2>() &&
           equivalent(d(p(std::integral_constant<std::size_t, I>{}), z0) + d(p(std::integral_constant<std::size_t, I>{}), z1) +
                          d(p(std::integral_constant<std::size_t, I>{}), z2),
                      0_c);
}
static_assert(jacobian_row<0>() && jacobian_row<1>() && jacobian_row<2>());
static_assert(equivalent(p0 + p1 + p2, 1_c));

// softmax over 2 inputs is σ of the difference.
static_assert(equivalent(exp(z0) / (exp(z0) + exp(z1)), sigmoid(z0 - z1)));

// ----- cross-entropy L = −Σ y_i log p_i: ∂L/∂z = p − y -----
// one-hot y = e_0:
constexpr auto ce0 = -log(p0);
static_assert(equivalent(d(ce0, z0), p0 - 1_c) && equivalent(d(ce0, z1), p1) && equivalent(d(ce0, z2), p2));
// soft labels y = (α, β, 1 − α − β) (Σy = 1 built in):
constexpr auto y2 = 1_c - alpha - beta;
constexpr auto ce = -(alpha * log(p0) + beta * log(p1) + y2 * log(p2));
static_assert(equivalent(d(ce, z0), p0 - alpha) && equivalent(d(ce, z1), p1 - beta) && equivalent(d(ce, z2), p2 - y2));
// without Σy = 1 it is false (y = (α, β, 0)):
static_assert(compare(d(-(alpha * log(p0) + beta * log(p1)), z0), p0 - alpha).refuted());

} // namespace
