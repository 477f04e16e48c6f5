// Backward from the saved output: f′ found as a polynomial in f at compile time (σ′ = y − y²,
// tanh′ = 1 − y², exp′ = y), the same kernel as with the polynomial written out.
#include <ctdiff/algebra/equivalent.hpp>
#include <ctdiff/core.hpp>
#include <ctdiff/diff.hpp>
#include <ctdiff/eval.hpp>

#include <type_traits>

using namespace ctdiff;

static_assert(std::is_same_v<decltype(backward_from_output(sigmoid(x))),
                             decltype(backward_from_output(sigmoid(x), polynomial<0, 1, -1>{}))>);
static_assert(std::is_same_v<decltype(backward_from_output(tanh(x))),
                             decltype(backward_from_output(tanh(x), polynomial<1, 0, -1>{}))>);
static_assert(std::is_same_v<decltype(backward_from_output(exp(x))),
                             decltype(backward_from_output(exp(x), polynomial<0, 1>{}))>);
// dx = dy·y(1 − y): the kernel reads y and dy and computes no function at all.
static_assert(eval::applications_v<sigmoid_fn, decltype(backward_from_output(sigmoid(x)))::nodes> == 0);
static_assert(decltype(backward_from_output(sigmoid(x)))::inputs == 2);

// The polynomial is found and proved by the algebra (as_polynomial_in; see tests/static/algebra).
constexpr auto found = as_polynomial_in(d(tanh(x), x), tanh(x));
static_assert(found.found && found.degree == 2 && found.c[0] == ratio{1} && found.c[1] == ratio{0} &&
              found.c[2] == ratio{-1});
static_assert(!as_polynomial_in(d(x * norm_cdf(x), x), x * norm_cdf(x)).found); // GELU: none
