// Kernels of formulas written with raw exponentials evaluate the stable form the algebra proved
// equal (eval/stabilize.hpp): P(σ(kx)) factored as σ^a·σ(−kx)^b·Q(σ). Formulas outside that class
// are kept as written.
#include <ctdiff/core.hpp>
#include <ctdiff/diff.hpp>
#include <ctdiff/eval.hpp>

#include <type_traits>

using namespace ctdiff;
using namespace ctdiff::literals;

namespace {
constexpr auto sig = 1_c / (1_c + exp(-x));
constexpr auto th = (exp(x) - exp(-x)) / (exp(x) + exp(-x));
template <class A, class B>
constexpr bool kernel_form_is(A, B) {
    return std::is_same_v<eval::stabilized_t<A>, B>;
}
static_assert(kernel_form_is(sig, sigmoid(x)));
static_assert(kernel_form_is(d(sig, x), sigmoid(x) * sigmoid(-x)));                                // σσ̄, not σ − σ²
static_assert(kernel_form_is(d<2>(sig, x), sigmoid(x) * sigmoid(-x) * (1_c + sigmoid(x) * c<ratio{-2}>))); // Q(σ) = 1 − 2σ, Horner
static_assert(kernel_form_is(d(th, x), 4_c * sigmoid(2_c * x) * sigmoid(-(2_c * x))));            // sech² = 4σ(2x)σ(−2x)
static_assert(kernel_form_is(exp(x) / (1_c + exp(x / 2_c)), exp(x) / (1_c + exp(x / 2_c))));    // no polynomial in σ
static_assert(kernel_form_is(x / (1_c + exp(-x)), x / (1_c + exp(-x))));                          // x·σ: x is not bounded
static_assert(kernel_form_is(exp(x) - 1_c, exp(x) - 1_c));                                        // no division: as written
} // namespace
