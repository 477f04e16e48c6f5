// The kernels' common-subexpression elimination, checked on the node sets it computes: each
// distinct subexpression once, σ's family on one exponential.
#include <ctdiff/activations/gelu_tanh.hpp>
#include <ctdiff/activations/mish.hpp>
#include <ctdiff/activations/silu.hpp>
#include <ctdiff/core.hpp>
#include <ctdiff/diff.hpp>
#include <ctdiff/eval.hpp>

#include <cstddef>
#include <type_traits>

using namespace ctdiff;
using namespace ctdiff::literals;
using eval::applications_v;
using eval::lowered_t;
using eval::node_count_v;
using eval::subexpressions_t;

// Exponentials in the kernels: exp nodes and the kernel forms' fused e^{−|u|} (eval/lower.hpp).
template <class... Es>
constexpr std::size_t exps_v = applications_v<exp_fn, Es...> + applications_v<eval::detail::exp_neg_abs_fn, Es...>;

// Post-order, each node once: x·x + x is {x, x², x² + x}.
static_assert(std::is_same_v<subexpressions_t<decltype(x * x + x)>,
                             eval::detail::type_list<variable<0>, power<variable<0>, ratio{2}>,
                                                     add<power<variable<0>, ratio{2}>, variable<0>>>>);
// Shared across outputs: f and 2f are f's nodes plus 2 and 2f.
constexpr auto f0 = exp(x) + x;
static_assert(node_count_v<decltype(f0), decltype(2_c * f0)> == node_count_v<decltype(f0)> + 2);

// σ, σ′, σ″: written with σ(x) and σ(−x); their kernel forms share one exp(−|x|).
constexpr auto s = sigmoid(x);
using S0 = lowered_t<decltype(s)>;
using S1 = lowered_t<decltype(d(s, x))>;
using S2 = lowered_t<decltype(d<2>(s, x))>;
static_assert(applications_v<sigmoid_fn, decltype(s), decltype(d(s, x)), decltype(d<2>(s, x))> == 2); // as written
static_assert(exps_v<S0, S1, S2> == 1);
static_assert(applications_v<sigmoid_fn, S0, S1, S2> == 0);
// σ′ = σ(x)σ(−x) lowers to e·r·r, with no select: the product of σ's two kernel forms is e/(1 + e)²
// whatever the sign (the same bits, eval/lower.hpp).
static_assert(std::is_same_v<S1, eval::kernel_form<sigmoid_fn>::mirror_product<variable<0>>>);
// σ″ = −σ(x)σ(−x)·tanh(x/2) (the product form, accurate near 0) adds one tanh(x/2), as a node of
// its own: in the fast mode it is computed from σ's e and 1/(1 + e) (eval/lower.hpp).
static_assert(applications_v<tanh_fn, S0, S1, S2> == 0 && applications_v<eval::detail::tanh_half_fn, S0, S1, S2> == 1);
// …and the kernel computes exactly those nodes.
static_assert(std::is_same_v<decltype(derivatives<2>(s))::nodes, subexpressions_t<S0, S1, S2>>);

// σ alone — a kernel in which no other node reads σ's e or r — is one node (its solo form: in the
// fast mode one division of 2^64-scaled operands, eval/lower.hpp); beside σ′, σ″, the shared form.
template <class K>
constexpr std::size_t solos_v =
    eval::detail::count_if<eval::detail::is_apply_of<eval::detail::sigmoid_solo_fn>::template pred>(typename K::nodes{});
static_assert(std::is_same_v<decltype(fused(s))::nodes, subexpressions_t<apply<eval::detail::sigmoid_solo_fn, variable<0>>>>);
static_assert(solos_v<decltype(fused(sigmoid(-x)))> == 1 && solos_v<decltype(fused(s * sigmoid(2_c * x)))> == 2);
static_assert(solos_v<decltype(forward_backward(s))> == 0 && solos_v<decltype(backward(s))> == 0);
static_assert(std::is_same_v<decltype(fused(s, softplus(x)))::nodes, subexpressions_t<S0, lowered_t<decltype(softplus(x))>>>); // e shared
// The catalogue's SiLU forward: x·σ(x) inside its refined form and tails, σ solo, and then x·σ(x)
// one node (x_sigmoid_solo: the fast mode computes it with no subnormal σ rounded first); its
// guard at +∞, select(x > 1024, x, x·σ(x)), dropped (σ is exactly 1 there: eval/lower.hpp,
// saturation_rule): x, −1024, 0, x·σ(x) and the guard at −∞. Swish (x·σ(βx)) keeps the product:
// β·x, β, σ(βx) and x·σ(βx) besides.
template <class K>
constexpr std::size_t x_solos_v =
    eval::detail::count_if<eval::detail::is_apply_of<eval::detail::x_sigmoid_solo_fn>::template pred>(typename K::nodes{});
static_assert(solos_v<decltype(fused(activations::silu))> == 0 && x_solos_v<decltype(fused(activations::silu))> == 1);
static_assert(solos_v<decltype(forward_backward(activations::silu))> == 0 && x_solos_v<decltype(forward_backward(activations::silu))> == 0);
static_assert(x_solos_v<decltype(fused(sigmoid(x) * x))> == 1 && x_solos_v<decltype(fused(x * sigmoid(2_c * x)))> == 0);
using silu_solo = apply<eval::detail::x_sigmoid_solo_fn, variable<0>>;
static_assert(std::is_same_v<decltype(fused(activations::silu))::nodes,
                             subexpressions_t<select_node<comparison<less_op, variable<0>, constant<ratio{-1024}>>, constant<ratio{0}>, silu_solo>>>);
static_assert(decltype(fused(activations::swish))::nodes::size == 8);
// A guard the formula does not repeat stays: σ is not 1 beyond 10 (x, 10, x·σ(x), the select),
// and SiLU′'s guard at +∞ picks 1 where σ + x·σσ̄ is ∞·0: beside f, only f′'s is left.
template <class N>
struct plus_inf_guard : std::false_type {};
template <class A, class B>
struct plus_inf_guard<select_node<comparison<greater_op, variable<0>, constant<ratio{1024}>>, A, B>> : std::true_type {};
constexpr auto g10 = select(x > 10_c, x, x * sigmoid(x));
static_assert(decltype(fused(g10))::nodes::size == 4);
static_assert(eval::detail::count_if<plus_inf_guard>(decltype(fused(activations::silu))::nodes{}) == 0);
static_assert(eval::detail::count_if<plus_inf_guard>(decltype(forward_backward(activations::silu))::nodes{}) == 1);

// SiLU x·σ(βx) with f′ and f″: one exp; softplus and its derivative σ share it too.
constexpr auto silu = x * sigmoid(beta * x);
static_assert(exps_v<lowered_t<decltype(silu)>, lowered_t<decltype(d(silu, x))>,
                             lowered_t<decltype(d<2>(silu, x))>> == 1);
static_assert(exps_v<lowered_t<decltype(softplus(x))>, lowered_t<decltype(d(softplus(x), x))>> == 1);

// GELU-tanh x·g(x): the gate's kernel form is σ(±w_hi)·(1 ± w_lo·σ(∓w_hi)) on σ's kernel form, so
// f, f′, f″ (g(x) and g(−x), and tanh(w/2) in f″) cost one exp and one tanh.
using G0 = lowered_t<decltype(activations::gelu_tanh)>;
using G1 = lowered_t<decltype(d(activations::gelu_tanh, x))>;
using G2 = lowered_t<decltype(d<2>(activations::gelu_tanh, x))>;
static_assert(exps_v<G0, G1, G2> == 1 && applications_v<tanh_fn, G0, G1, G2> == 1);
static_assert(applications_v<activations::gelu_tanh_gate_fn, G0, G1, G2> == 0 && applications_v<sigmoid_fn, G0, G1, G2> == 0);

// The catalogue's SiLU, whose f′ and f″ are refined near their zeros: the series and window tags
// are the only additions, the formula's nodes (one exp) are shared as before.
using C0 = lowered_t<decltype(activations::silu)>;
using C1 = lowered_t<decltype(d(activations::silu, x))>;
using C2 = lowered_t<decltype(d<2>(activations::silu, x))>;
static_assert(exps_v<C0, C1, C2> == 1);
static_assert(applications_v<activations::detail::series_fn<activations::silu_spec, 1>, C0, C1, C2> == 1 &&
              applications_v<activations::detail::series_fn<activations::silu_spec, 2>, C0, C1, C2> == 1);

// Mish x·tanh(softplus(x)): tanh(sp) and sech(sp) are rational in σ's exp(−|x|), so f, f′, f″
// cost one exp, and no log1p.
using M0 = lowered_t<decltype(activations::mish)>;
using M1 = lowered_t<decltype(d(activations::mish, x))>;
using M2 = lowered_t<decltype(d<2>(activations::mish, x))>;
static_assert(exps_v<M0, M1, M2> == 1 && applications_v<log1p_fn, M0, M1, M2> == 0);

// tanh, tanh′ = sech², tanh″: one tanh and one sech per element.
constexpr auto t = tanh(x);
static_assert(applications_v<tanh_fn, decltype(t), decltype(d(t, x)), decltype(d<2>(t, x))> == 1);
static_assert(applications_v<sech_fn, decltype(t), decltype(d(t, x)), decltype(d<2>(t, x))> == 1);

// GELU x·Φ(x): f, f′, f″ cost one Φ and one φ.
constexpr auto gelu = x * norm_cdf(x);
static_assert(applications_v<norm_cdf_fn, decltype(gelu), decltype(d(gelu, x)), decltype(d<2>(gelu, x))> == 1);
static_assert(applications_v<norm_pdf_fn, decltype(gelu), decltype(d(gelu, x)), decltype(d<2>(gelu, x))> == 1);

// Kernel shapes: inputs, outputs, parameters.
static_assert(decltype(backward(s))::inputs == 2 && decltype(backward(s))::outputs == 1);
static_assert(decltype(forward_backward(s))::outputs == 2);
static_assert(decltype(double_backward(gelu))::inputs == 3 && decltype(double_backward(gelu))::outputs == 2);
static_assert(decltype(derivatives<2>(silu))::parameters == 2); // β = parameter<1>: α's slot is unused but counted
constexpr auto leaky = select(x > 0_c, x, alpha * x);
static_assert(decltype(forward_backward(leaky))::parameters == 1);

// Backward from the saved output: dx = dy·y(1 − y) for σ, no transcendental left.
constexpr auto bo = backward_from_output(s, polynomial<0, 1, -1>{});
static_assert(decltype(bo)::nodes::size == 6); // y, dy, 1, 1 − y, y(1 − y), dy·y(1 − y)
static_assert(std::is_same_v<decltype(evaluate_polynomial(polynomial<0, 1, -1>{}, x)), mul<variable<0>, sub<constant<ratio{1}>, variable<0>>>>);
static_assert(std::is_same_v<decltype(evaluate_polynomial(polynomial<1, 0, -1>{}, x)), sub<constant<ratio{1}>, power<variable<0>, ratio{2}>>>);
