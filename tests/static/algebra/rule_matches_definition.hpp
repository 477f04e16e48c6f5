#ifndef CTDIFF_TESTS_STATIC_ALGEBRA_RULE_MATCHES_DEFINITION_HPP
#define CTDIFF_TESTS_STATIC_ALGEBRA_RULE_MATCHES_DEFINITION_HPP

// The check definitions.cpp and activation_rules.cpp apply to each function tag with a definition.
#include <ctdiff/algebra/equivalent.hpp>
#include <ctdiff/core.hpp>
#include <ctdiff/diff.hpp>

namespace ctdiff_tests {

/// d(F(u)) by F's rule ≡ d(F's definition at u), for u = x and u = 3x²/2 − x/2 + 1/4, and F(x) ≡
/// its definition.
template <class F>
constexpr bool rule_matches_definition() {
    using namespace ctdiff;
    using namespace ctdiff::literals;
    constexpr auto at = [](auto u) { return ctdiff::detail::make_apply<F>(u); };
    constexpr auto u = c<ratio{3, 2}> * x * x - x / 2_c + c<ratio{1, 4}>;
    return equivalent(d(at(x), x), d(F::definition(x), x)) && equivalent(d(at(u), x), d(F::definition(u), x)) &&
           equivalent(at(x), F::definition(x));
}

} // namespace ctdiff_tests

#endif
